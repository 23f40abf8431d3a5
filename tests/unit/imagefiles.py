"""Pictures built with Pillow for the tests: with GPS EXIF, with malformed EXIF."""

import io
import struct

from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def jpeg_with_gps(size=(64, 48), orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "SpyCam 3000"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"  # GPSLatitudeRef
    gps[2] = (51.0, 30.0, 12.5)  # GPSLatitude
    gps[3] = "W"  # GPSLongitudeRef
    gps[4] = (0.0, 7.0, 39.9)  # GPSLongitude
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def malformed_exif_jpeg() -> bytes:
    """A JPEG whose EXIF says Orientation=6 but stores a rational tag as text."""
    entries = [
        struct.pack("<HHI", ORIENTATION, 3, 1) + struct.pack("<HH", 6, 0),
        struct.pack("<HHI", 0x011A, 2, 4) + b"abc\0",  # XResolution: text, not a rational
    ]
    tiff = (
        b"II*\0"
        + struct.pack("<I", 8)
        + struct.pack("<H", len(entries))
        + b"".join(entries)
        + struct.pack("<I", 0)
    )
    out = io.BytesIO()
    Image.new("RGB", (20, 10), (200, 30, 30)).save(out, format="JPEG", exif=b"Exif\0\0" + tiff)
    return out.getvalue()
