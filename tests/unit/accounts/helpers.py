"""Small builders shared by the accounts tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.unit.imagefiles import jpeg_with_gps, malformed_exif_jpeg


def jpeg_upload(name: str = "IMG_2024_jane_doe_home.jpg", size=(40, 30)) -> SimpleUploadedFile:
    """A JPEG carrying EXIF with a camera make and GPS position."""
    return SimpleUploadedFile(name, jpeg_with_gps(size=size), content_type="image/jpeg")


def malformed_exif_upload(name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, malformed_exif_jpeg(), content_type="image/jpeg")


def text_upload(name: str = "notes.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"this is not a picture\n" * 10, content_type="image/png")
