"""Attachments are checked by content, size-limited and served only to people who may see them."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hub.library import services

from .helpers import draft, published

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_a_pdf_is_stored_under_a_random_name(member):
    item = draft(member)
    attachment = services.attachment_add(
        actor=member, item=item, upload=SimpleUploadedFile("Ward 7 audit.pdf", PDF)
    )
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "Ward 7 audit.pdf"
    assert "audit" not in attachment.file.name and attachment.file.name.endswith(".pdf")


def test_a_word_document_is_recognised_by_its_content(member):
    item = draft(member)
    attachment = services.attachment_add(
        actor=member, item=item, upload=SimpleUploadedFile("notes.bin", docx_bytes())
    )
    assert attachment.original_name == "notes.docx"
    assert "wordprocessingml" in attachment.content_type


def test_a_renamed_executable_is_refused(member):
    item = draft(member)
    with pytest.raises(ValidationError, match="program"):
        services.attachment_add(
            actor=member, item=item, upload=SimpleUploadedFile("report.pdf", b"MZ\x90\x00" * 100)
        )
    assert item.attachments.count() == 0


def test_a_zip_pretending_to_be_a_document_is_refused(member):
    item = draft(member)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.txt", "hello")
    with pytest.raises(ValidationError, match="cannot be attached"):
        services.attachment_add(
            actor=member, item=item, upload=SimpleUploadedFile("x.docx", buffer.getvalue())
        )


def test_a_20_mb_file_is_refused_with_the_limit_in_the_message(member):
    item = draft(member)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (20 * 1024 * 1024))
    with pytest.raises(ValidationError, match="10 MB"):
        services.attachment_add(actor=member, item=item, upload=big)


def test_a_picture_loses_its_hidden_data(member):
    item = draft(member)
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    attachment = services.attachment_add(
        actor=member, item=item, upload=SimpleUploadedFile("photo.jpg", buffer.getvalue())
    )
    with attachment.file.open("rb") as stored, Image.open(stored) as reread:
        assert not reread.getexif()


def test_attachments_are_served_only_to_people_who_may_see_the_item(
    client, member, other_member, editor
):
    item = draft(member)
    attachment = services.attachment_add(
        actor=member, item=item, upload=SimpleUploadedFile("plan.pdf", PDF)
    )
    url = attachment.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    response.close()
    assert "/media/" not in url


def test_the_upload_view_keeps_the_draft_when_a_file_is_refused(client, member):
    item = draft(member)
    client.force_login(member)
    response = client.post(
        f"/library/item/{item.slug}/attachments/",
        {"file": SimpleUploadedFile("evil.pdf", b"\x7fELF" + b"0" * 50)},
        follow=True,
    )
    html = response.content.decode()
    assert "program" in html and "Your draft is unchanged" in html
    item.refresh_from_db()
    assert item.title == "Safer handover at shift change" and item.attachments.count() == 0


def test_published_item_attachments_download_for_visitors(client, member, editor):
    item = published(member, editor)
    attachment = services.attachment_add(
        actor=editor, item=item, upload=SimpleUploadedFile("guide.pdf", PDF)
    )
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    response.close()
