"""Re-encode uploaded images from their pixels so no metadata (EXIF, GPS, XMP, text) survives."""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageFilter, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
EXIF_ORIENTATION = 0x0112
# EXIF orientation value -> the transpose that shows the picture upright.
ORIENTATIONS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int
    max_pixels: int
    max_side: int  # the stored image is scaled down to fit this square


def reencode_image(upload, *, limits: ImageLimits) -> ContentFile:
    """Check an upload by its content and return a fresh PNG or JPEG built from its pixels.

    Raises ValidationError with a plain-English message for anything that is not a usable image.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > limits.max_bytes:
        raise ValidationError(
            f"This file is too large: the limit is {limits.max_bytes // (1024 * 1024)} MB.",
            code="too_large",
        )
    data = upload.read()
    if len(data) > limits.max_bytes:
        raise ValidationError(
            f"This file is too large: the limit is {limits.max_bytes // (1024 * 1024)} MB.",
            code="too_large",
        )
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its pixel limit; treat that as a refusal too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
        with probe:
            fmt = probe.format
            width, height = probe.size
            if fmt not in ALLOWED_FORMATS:
                raise ValidationError(
                    "This file is not a supported image. Use a JPEG, PNG, WebP or GIF picture.",
                    code="bad_type",
                )
            if width * height > limits.max_pixels:
                raise ValidationError(
                    f"This picture is too big ({width}×{height} pixels). "
                    f"Use one under {limits.max_pixels // 1_000_000} megapixels.",
                    code="too_many_pixels",
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = _upright(image)
            has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
            image.thumbnail((limits.max_side, limits.max_side), Image.Resampling.LANCZOS)
            # A new image from raw pixels carries no metadata of the original.
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            f"This picture is too big. Use one under {limits.max_pixels // 1_000_000} megapixels.",
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ValidationError(
            "This file is not a picture we can read. Use a JPEG, PNG, WebP or GIF picture.",
            code="bad_image",
        ) from None
    out = io.BytesIO()
    if has_alpha:
        clean.save(out, format="PNG", optimize=True)
        extension = "png"
    else:
        clean.save(out, format="JPEG", quality=88, optimize=True)
        extension = "jpg"
    return ContentFile(out.getvalue(), name=f"image.{extension}")


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation. Not ImageOps.exif_transpose: it also rewrites the EXIF
    block and raises on malformed tags, and the metadata is thrown away anyway."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns about malformed tags it skips
        orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    method = ORIENTATIONS.get(orientation) if isinstance(orientation, int) else None
    return image.transpose(method) if method is not None else image


# Sizes and blurring, for pictures already re-encoded by reencode_image -------------------


@dataclass(frozen=True)
class Region:
    """A rectangle as fractions (0–1) of the picture's width and height, from its top left."""

    left: float
    top: float
    width: float
    height: float

    def box(self, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
        """The rectangle in pixels, clipped to the picture; None when nothing is left of it."""
        width, height = size
        left = max(0, min(width, round(self.left * width)))
        top = max(0, min(height, round(self.top * height)))
        right = max(0, min(width, round((self.left + self.width) * width)))
        bottom = max(0, min(height, round((self.top + self.height) * height)))
        if right - left < 1 or bottom - top < 1:
            return None
        return left, top, right, bottom


def encode_clean(image: Image.Image) -> ContentFile:
    """Save pixels as PNG (when transparent) or JPEG, with no metadata at all."""
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    if clean.mode == "RGBA":
        clean.save(out, format="PNG", optimize=True)
        return ContentFile(out.getvalue(), name="image.png")
    clean.convert("RGB").save(out, format="JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name="image.jpg")


def _open_reencoded(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")


def resized_copies(
    content: bytes, *, widths: tuple[int, ...]
) -> list[tuple[int, int, ContentFile]]:
    """(width, height, file) of the picture at each of `widths` narrower than it, and at its
    own size, smallest first.

    Input is a picture reencode_image or obscure_regions produced (bounded in size, no
    metadata): it is kept as it is for the full size rather than compressed a second time.
    """
    image = _open_reencoded(content)
    own = image.width
    extension = "png" if image.mode == "RGBA" else "jpg"
    copies = []
    for width in sorted({w for w in widths if w < own}):
        height = max(1, round(image.height * width / own))
        smaller = image.resize((width, height), Image.Resampling.LANCZOS)
        copies.append((width, height, encode_clean(smaller)))
    copies.append((own, image.height, ContentFile(content, name=f"image.{extension}")))
    return copies


def obscure_regions(content: bytes, *, regions: list[Region]) -> ContentFile:
    """Blur rectangles beyond recovery: pixelate to coarse blocks, then blur those blocks.

    A Gaussian blur alone can sometimes be partly undone; averaging into blocks first throws
    the detail away. Returns a fresh, metadata-free picture.
    """
    image = _open_reencoded(content)
    for region in regions:
        box = region.box(image.size)
        if box is None:
            continue
        patch = image.crop(box)
        block = max(6, min(patch.size) // 8)
        small = patch.resize(
            (max(1, patch.width // block), max(1, patch.height // block)),
            Image.Resampling.BOX,
        )
        patch = small.resize(patch.size, Image.Resampling.NEAREST)
        patch = patch.filter(ImageFilter.GaussianBlur(radius=block))
        image.paste(patch, box[:2])
    return encode_clean(image)
