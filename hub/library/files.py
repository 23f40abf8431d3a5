"""Attachments are checked by their content, never by their file name."""

import io
import re
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from hub.core.images import ImageLimits, reencode_image

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXECUTABLE_MAGICS = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
OOXML_KINDS = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
}
ODF_EXTENSIONS = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
ALLOWED_DESCRIPTION = "a PDF, a Word, Excel or PowerPoint file (or OpenDocument), or a picture"


@dataclass(frozen=True)
class CheckedFile:
    content: ContentFile
    content_type: str
    extension: str
    original_name: str
    size: int


def safe_display_name(name: str, extension: str) -> str:
    """A harmless name to show: no folders, no odd characters, the extension we detected."""
    base = re.sub(r"[^A-Za-z0-9 ._()-]+", "", (name or "").replace("\\", "/").split("/")[-1])
    base = base.rsplit(".", 1)[0].strip(" .") or "attachment"
    return f"{base[:80]}.{extension}"


def _zip_kind(data: bytes) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in ODF_EXTENSIONS:
                    return mimetype, ODF_EXTENSIONS[mimetype]
            if "[Content_Types].xml" in names:
                for prefix, kind in OOXML_KINDS.items():
                    if any(n.startswith(prefix) for n in names):
                        return kind
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def check_attachment(upload) -> CheckedFile:
    limit = settings.ATTACHMENT_MAX_BYTES
    too_large = ValidationError(
        f"This file is too large: the limit is {limit // (1024 * 1024)} MB.", code="too_large"
    )
    if getattr(upload, "size", 0) > limit:
        raise too_large
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_large
    if not data:
        raise ValidationError("This file is empty.", code="empty")
    name = getattr(upload, "name", "") or ""
    if data.startswith(EXECUTABLE_MAGICS):
        raise ValidationError(
            "This file is a program, not a document, so it cannot be attached.", code="executable"
        )
    content_type, extension = "", ""
    if data.startswith(b"%PDF-"):
        content_type, extension = "application/pdf", "pdf"
    elif data.startswith(OLE_MAGIC):
        legacy = {
            "doc": "application/msword",
            "xls": "application/vnd.ms-excel",
            "ppt": "application/vnd.ms-powerpoint",
        }
        guessed = name.rsplit(".", 1)[-1].lower() if "." in name else "doc"
        extension = guessed if guessed in legacy else "doc"
        content_type = legacy[extension]
    elif data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind:
            content_type, extension = kind
    if content_type:
        return CheckedFile(
            content=ContentFile(data),
            content_type=content_type,
            extension=extension,
            original_name=safe_display_name(name, extension),
            size=len(data),
        )
    # Pictures are re-encoded so that no hidden data (such as location) survives.
    try:
        picture = reencode_image(
            io.BytesIO(data),
            limits=ImageLimits(
                max_bytes=limit, max_pixels=settings.AVATAR_MAX_PIXELS, max_side=2400
            ),
        )
    except ValidationError as error:
        if error.code in ("too_many_pixels", "too_large"):
            raise
        raise ValidationError(
            f"This file type cannot be attached. Use {ALLOWED_DESCRIPTION}.", code="bad_type"
        ) from None
    extension = picture.name.rsplit(".", 1)[-1]
    content = picture.read()
    return CheckedFile(
        content=ContentFile(content),
        content_type="image/png" if extension == "png" else "image/jpeg",
        extension=extension,
        original_name=safe_display_name(name, extension),
        size=len(content),
    )


def random_storage_name(extension: str) -> str:
    return f"{uuid.uuid4().hex}.{extension}"
