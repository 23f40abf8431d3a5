"""The gallery's picture pipeline, checked by reading the stored files back."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from hub.core.images import Region, obscure_regions
from hub.gallery import services
from tests.unit.imagefiles import GPS_IFD, MAKE, ORIENTATION, jpeg_with_gps

from .helpers import draft_trap, gps_photo, pending_trap, photo

pytestmark = pytest.mark.django_db


def stored(trap, width=None) -> bytes:
    with default_storage.open(trap.storage_name(width or trap.image_widths[-1]), "rb") as f:
        return f.read()


def every_stored_file(trap) -> list[bytes]:
    return [stored(trap, width) for width in trap.image_widths]


def test_the_gps_photo_really_carries_gps_before_upload():
    with Image.open(io.BytesIO(jpeg_with_gps())) as original:
        assert original.getexif().get_ifd(GPS_IFD)[2] == (51.0, 30.0, 12.5)


def test_no_stored_size_of_an_uploaded_photo_keeps_exif_or_gps(uploader):
    trap = draft_trap(uploader, gps_photo())

    assert trap.image_widths == [400, 800, 1200]
    for data in every_stored_file(trap):
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG"
            assert dict(image.getexif()) == {}
            assert image.getexif().get_ifd(GPS_IFD) == {}
            assert "exif" not in image.info
        assert b"SpyCam" not in data and b"Exif" not in data


def test_xmp_icc_and_comments_do_not_survive(uploader):
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret-xmp-location</x:xmpmeta>'
    Image.new("RGB", (500, 400), (10, 200, 10)).save(
        out,
        format="JPEG",
        icc_profile=b"secret-icc-profile-text" * 4,
        comment=b"secret-comment",
        xmp=xmp,
    )
    assert b"secret-xmp-location" in out.getvalue()  # the input really carries them
    trap = draft_trap(uploader, SimpleUploadedFile("p.jpg", out.getvalue()))

    for data in every_stored_file(trap):
        assert b"secret" not in data
        with Image.open(io.BytesIO(data)) as image:
            assert "icc_profile" not in image.info and "xmp" not in image.info


def test_png_text_chunks_do_not_survive(uploader):
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "secret-ward-7")
    info.add_itxt("Author", "secret-nurse-name")
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (10, 20, 30, 128)).save(out, format="PNG", pnginfo=info)
    trap = draft_trap(uploader, SimpleUploadedFile("p.png", out.getvalue()))

    assert trap.image_ext == "png"
    for data in every_stored_file(trap):
        assert b"secret" not in data and b"tEXt" not in data and b"iTXt" not in data


def test_the_exif_orientation_is_applied_before_the_metadata_is_dropped(uploader):
    # Stored 600×300 landscape, tagged "rotate 90° clockwise to view" (orientation 6).
    upload = SimpleUploadedFile("r.jpg", jpeg_with_gps(size=(600, 300), orientation=6))
    trap = draft_trap(uploader, upload)

    assert (trap.image_width, trap.image_height) == (300, 600)
    with Image.open(io.BytesIO(stored(trap))) as image:
        assert image.size == (300, 600)
        assert ORIENTATION not in image.getexif() and MAKE not in image.getexif()


def test_a_large_photo_is_scaled_to_the_largest_stored_size_with_smaller_copies(uploader):
    trap = draft_trap(uploader, photo(size=(4000, 3000)))

    assert trap.image_widths == [400, 800, 1600, 2400]
    assert (trap.image_width, trap.image_height) == (2400, 1800)
    for width in trap.image_widths:
        with Image.open(io.BytesIO(stored(trap, width))) as image:
            assert image.width == width


def test_a_60_megapixel_picture_is_refused_with_a_clear_message_before_decoding(uploader):
    # A decompression bomb: a tiny file that claims 60 million pixels.
    out = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(out, format="PNG")
    assert len(out.getvalue()) < 200_000

    with pytest.raises(ValidationError) as refused:
        draft_trap(uploader, SimpleUploadedFile("big.png", out.getvalue()))

    assert refused.value.code == "too_many_pixels"
    assert "10000×6000" in refused.value.messages[0]
    assert "40 megapixels" in refused.value.messages[0]
    assert not default_storage.exists("gallery") or not default_storage.listdir("gallery")[1]


def test_a_picture_beyond_pillows_own_bomb_limit_is_refused(uploader):
    # Built by hand: Pillow will not even create a picture this size.
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 0, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 100))
        + chunk(b"IEND", b"")
    )

    with pytest.raises(ValidationError) as refused:
        draft_trap(uploader, SimpleUploadedFile("bomb.png", png))

    assert refused.value.code == "too_many_pixels"


def test_a_zip_named_png_is_refused(uploader):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("payload.txt", "not a picture")

    with pytest.raises(ValidationError) as refused:
        draft_trap(uploader, SimpleUploadedFile("photo.png", out.getvalue(), "image/png"))

    assert refused.value.code == "bad_image"
    assert "not a picture we can read" in refused.value.messages[0]


def test_a_png_with_a_zip_appended_is_stored_without_the_zip(uploader):
    picture = io.BytesIO()
    Image.new("RGB", (200, 100), (200, 10, 10)).save(picture, format="PNG")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("evil.js", "alert(1)")
    trap = draft_trap(
        uploader, SimpleUploadedFile("p.png", picture.getvalue() + archive.getvalue())
    )

    for data in every_stored_file(trap):
        assert b"PK\x03\x04" not in data and b"evil.js" not in data


def test_a_file_over_the_byte_limit_is_refused(uploader, settings):
    settings.GALLERY_MAX_BYTES = 50_000
    big = photo(size=(1500, 1500), fmt="PNG", name="noise.png")
    big.size = 60_000  # what the upload handler would report

    with pytest.raises(ValidationError) as refused:
        draft_trap(uploader, big)

    assert refused.value.code == "too_large"


def test_obscuring_a_region_destroys_its_detail_and_leaves_the_rest():
    # Fine black-and-white stripes: detail that a blur must wipe out.
    image = Image.new("RGB", (400, 200), (255, 255, 255))
    for x in range(0, 400, 2):
        for y in range(200):
            image.putpixel((x, y), (0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG")

    result = obscure_regions(out.getvalue(), regions=[Region(0, 0, 0.5, 1)])

    with Image.open(result) as blurred:
        blurred = blurred.convert("L")
        left = blurred.crop((20, 20, 180, 180))
        right = blurred.crop((220, 20, 380, 180))
        left_low, left_high = left.getextrema()
        right_low, right_high = right.getextrema()
    left_range, right_range = left_high - left_low, right_high - right_low
    assert left_range < 40  # the stripes are gone: a flat grey
    assert right_range > 200  # untouched: still black and white


def test_regions_outside_the_picture_are_clipped_and_empty_ones_ignored():
    assert Region(0.9, 0.9, 0.5, 0.5).box((100, 100)) == (90, 90, 100, 100)
    assert Region(1.2, 0, 0.1, 0.1).box((100, 100)) is None


def test_blurring_replaces_every_stored_file_and_deletes_the_unblurred_ones(
    uploader, moderator, django_capture_on_commit_callbacks
):
    trap = pending_trap(uploader, gps_photo())
    old_names = [trap.storage_name(w) for w in trap.image_widths]
    old_key = trap.image_key

    with django_capture_on_commit_callbacks(execute=True):
        trap = services.trap_blur(actor=moderator, trap=trap, regions=[Region(0, 0, 0.5, 0.5)])

    assert trap.image_key != old_key
    for name in old_names:
        assert not default_storage.exists(name)
    _, files = default_storage.listdir("gallery")
    assert sorted(f"gallery/{f}" for f in files) == sorted(
        trap.storage_name(w) for w in trap.image_widths
    )
    for data in every_stored_file(trap):
        with Image.open(io.BytesIO(data)) as image:
            assert image.getexif().get_ifd(GPS_IFD) == {}
