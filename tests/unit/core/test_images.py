"""hub.core.images.reencode_image: content checks and metadata stripping."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hub.core.images import ImageLimits, reencode_image
from tests.unit.imagefiles import GPS_IFD, MAKE, ORIENTATION, jpeg_with_gps, malformed_exif_jpeg

LIMITS = ImageLimits(max_bytes=5 * 1024 * 1024, max_pixels=40_000_000, max_side=512)


def png_bytes(size=(32, 32), mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 120, 200) if mode == "RGB" else (10, 120, 200, 128)).save(
        out, format="PNG"
    )
    return out.getvalue()


def upload(data: bytes, name: str = "photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def open_result(result) -> Image.Image:
    return Image.open(io.BytesIO(result.read()))


def test_the_test_jpeg_really_carries_gps_exif():
    # Guards the tests below: they are only meaningful if the input has the metadata.
    with Image.open(io.BytesIO(jpeg_with_gps())) as original:
        exif = original.getexif()
        assert exif[MAKE] == "SpyCam 3000"
        assert exif.get_ifd(GPS_IFD)[1] == "N"


def test_reencoded_jpeg_keeps_no_exif_or_gps():
    result = reencode_image(upload(jpeg_with_gps()), limits=LIMITS)

    with open_result(result) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert "exif" not in image.info
    assert result.name.endswith(".jpg")


def test_reencoded_image_bytes_do_not_contain_the_original_metadata():
    result = reencode_image(upload(jpeg_with_gps()), limits=LIMITS)

    data = result.read()
    assert b"SpyCam" not in data
    assert b"Exif" not in data


def test_reencoding_applies_the_exif_orientation():
    data = jpeg_with_gps(size=(20, 10), orientation=6)

    result = reencode_image(upload(data), limits=LIMITS)

    with open_result(result) as image:
        assert image.size == (10, 20)


def picture_with_orientation(orientation: int) -> bytes:
    """A 20x10 picture, red on the left half and blue on the right, with an EXIF orientation."""
    image = Image.new("RGB", (20, 10), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 10, 10))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, format="PNG", exif=exif)
    return out.getvalue()


# Orientation -> (size once upright, a point inside the red half once upright).
UPRIGHT = {
    1: ((20, 10), (5, 5)),
    2: ((20, 10), (15, 5)),  # mirrored
    3: ((20, 10), (15, 5)),  # upside down
    4: ((20, 10), (5, 5)),  # mirrored vertically
    5: ((10, 20), (5, 5)),
    6: ((10, 20), (5, 5)),  # turned a quarter: the left edge becomes the top
    7: ((10, 20), (5, 15)),
    8: ((10, 20), (5, 15)),  # turned a quarter the other way: the left edge becomes the bottom
}


@pytest.mark.parametrize("orientation", sorted(UPRIGHT))
def test_reencoding_applies_every_exif_orientation(orientation):
    data = picture_with_orientation(orientation)

    result = reencode_image(upload(data, "o.png", "image/png"), limits=LIMITS)

    size, red_at = UPRIGHT[orientation]
    with open_result(result) as image:
        assert image.size == size
        red, _green, blue = image.convert("RGB").getpixel(red_at)
        assert red > 200 and blue < 60


def test_a_photo_with_malformed_exif_is_still_reencoded_upright_without_it():
    result = reencode_image(upload(malformed_exif_jpeg()), limits=LIMITS)

    with open_result(result) as image:
        assert image.size == (10, 20)
        assert dict(image.getexif()) == {}


def test_reencoding_scales_a_large_picture_down_to_the_maximum_side():
    data = jpeg_with_gps(size=(1200, 600))

    result = reencode_image(upload(data), limits=LIMITS)

    with open_result(result) as image:
        assert image.size == (512, 256)


def test_reencoding_keeps_transparency_as_png():
    result = reencode_image(upload(png_bytes(mode="RGBA"), "logo.png", "image/png"), limits=LIMITS)

    with open_result(result) as image:
        assert image.format == "PNG"
        assert image.mode == "RGBA"
    assert result.name.endswith(".png")


def test_reencoding_drops_png_text_chunks():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "patient: Jane Doe, ward 4")
    out = io.BytesIO()
    Image.new("RGBA", (16, 16), (0, 0, 0, 0)).save(out, format="PNG", pnginfo=info)

    result = reencode_image(upload(out.getvalue(), "x.png", "image/png"), limits=LIMITS)

    assert b"Jane Doe" not in result.read()


def test_a_zip_file_renamed_png_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("payload.txt", "not a picture")

    with pytest.raises(ValidationError) as caught:
        reencode_image(upload(out.getvalue(), "holiday.png", "image/png"), limits=LIMITS)

    assert caught.value.code == "bad_image"
    assert "JPEG, PNG, WebP or GIF" in caught.value.messages[0]


def test_a_text_file_is_refused():
    with pytest.raises(ValidationError) as caught:
        reencode_image(upload(b"just some notes\n" * 20, "notes.jpg"), limits=LIMITS)

    assert caught.value.code == "bad_image"


def test_an_image_in_an_unsupported_format_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, format="BMP")

    with pytest.raises(ValidationError) as caught:
        reencode_image(upload(out.getvalue(), "old.bmp", "image/bmp"), limits=LIMITS)

    assert caught.value.code == "bad_type"


def test_a_file_over_the_byte_limit_is_refused():
    small_limits = ImageLimits(max_bytes=1024, max_pixels=40_000_000, max_side=512)
    data = png_bytes() + b"\0" * 2048

    with pytest.raises(ValidationError) as caught:
        reencode_image(upload(data, "big.png", "image/png"), limits=small_limits)

    assert caught.value.code == "too_large"


def test_a_file_over_the_byte_limit_is_refused_even_when_it_claims_a_small_size():
    small_limits = ImageLimits(max_bytes=1024, max_pixels=40_000_000, max_side=512)

    class Lying(io.BytesIO):
        size = 10

    with pytest.raises(ValidationError) as caught:
        reencode_image(Lying(png_bytes() + b"\0" * 2048), limits=small_limits)

    assert caught.value.code == "too_large"


def test_a_picture_with_too_many_pixels_is_refused():
    few_pixels = ImageLimits(max_bytes=5 * 1024 * 1024, max_pixels=100, max_side=512)

    with pytest.raises(ValidationError) as caught:
        reencode_image(upload(png_bytes(size=(20, 20)), "wide.png", "image/png"), limits=few_pixels)

    assert caught.value.code == "too_many_pixels"
    assert "20×20" in caught.value.messages[0]


def test_a_picture_at_the_pixel_limit_is_accepted():
    exact = ImageLimits(max_bytes=5 * 1024 * 1024, max_pixels=400, max_side=512)

    result = reencode_image(upload(png_bytes(size=(20, 20)), "ok.png", "image/png"), limits=exact)

    with open_result(result) as image:
        assert image.size == (20, 20)


def test_a_truncated_picture_is_refused():
    data = jpeg_with_gps(size=(200, 200))

    with pytest.raises(ValidationError) as caught:
        reencode_image(upload(data[: len(data) // 2]), limits=LIMITS)

    assert caught.value.code == "bad_image"
