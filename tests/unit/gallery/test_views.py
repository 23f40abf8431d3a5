"""Gallery pages: the upload steps, the grid, the item page, moderation, pictures served."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hub.engagement import services as engagement
from hub.gallery.models import ErrorTrap, TrapStatus
from hub.taxonomy.models import Category
from tests.factories import MemberFactory
from tests.unit.imagefiles import GPS_IFD

from .helpers import gps_photo, pending_trap, photo, published_trap

pytestmark = pytest.mark.django_db


def image_urls(html: str) -> list[str]:
    return re.findall(r"/gallery/image/[0-9a-f]{32}-\d+\.(?:jpg|png)", html)


def test_the_gallery_is_no_longer_a_coming_soon_page(client):
    response = client.get("/gallery/")

    assert response.status_code == 200
    assert "Coming soon" not in response.content.decode()


def test_upload_then_details_sends_a_trap_for_review(client, uploader):
    client.force_login(uploader)
    response = client.post(
        "/gallery/share/",
        {"photo": gps_photo(), "alt_text": "A shelf of pens", "consent": "on"},
    )
    trap = ErrorTrap.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/gallery/share/{trap.pk}/"

    category = Category.objects.get(name="Medication")
    response = client.post(
        f"/gallery/share/{trap.pk}/",
        {
            "title": "Pens side by side",
            "hazard": "The wrong pen is easy to pick.",
            "setting": "acute",
            "alt_text": "A shelf of pens",
            "categories": [category.pk],
            "tags": "insulin, storage",
            "is_anonymous": "on",
        },
    )
    trap.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == trap.get_absolute_url()
    assert trap.status == TrapStatus.PENDING and trap.is_anonymous


def test_upload_without_consent_keeps_what_was_typed_and_explains(client, uploader):
    client.force_login(uploader)
    response = client.post("/gallery/share/", {"photo": photo(), "alt_text": "My words"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Confirm that nobody can be identified" in html
    assert 'value="My words"' in html
    assert not ErrorTrap.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04" + b"\0" * 100, "not a picture we can read"),
        (b"hello", "not a picture we can read"),
    ],
)
def test_a_file_that_is_not_a_picture_gets_a_clear_message_not_an_error(
    client, uploader, content, message
):
    client.force_login(uploader)
    upload = SimpleUploadedFile("photo.png", content, content_type="image/png")
    response = client.post("/gallery/share/", {"photo": upload, "alt_text": "x", "consent": "on"})

    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_60_megapixel_picture_gets_a_clear_message(client, uploader):
    out = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(out, format="PNG")
    client.force_login(uploader)
    response = client.post(
        "/gallery/share/",
        {"photo": SimpleUploadedFile("big.png", out.getvalue()), "alt_text": "x", "consent": "on"},
    )

    assert response.status_code == 200
    assert "This picture is too big (10000×6000 pixels)" in response.content.decode()


def test_uploads_are_rate_limited(client, uploader, monkeypatch):
    from hub.gallery import views

    monkeypatch.setattr(views, "UPLOAD_RATE_LIMIT", 1)
    client.force_login(uploader)
    for _ in range(2):
        response = client.post(
            "/gallery/share/", {"photo": photo(), "alt_text": "x", "consent": "on"}
        )
    assert response.status_code == 429
    assert "many photos this hour" in response.content.decode()
    assert ErrorTrap.objects.count() == 1


def test_details_with_errors_keep_what_was_typed(client, uploader):
    trap = pending_trap(uploader)
    trap.status = TrapStatus.DRAFT
    trap.save()
    client.force_login(uploader)

    response = client.post(
        f"/gallery/share/{trap.pk}/",
        {"title": "Kept title", "hazard": "", "setting": "acute", "alt_text": "Kept alt"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Kept title"' in html and "This field is required" in html


def test_another_member_cannot_open_someone_elses_draft_step(client, uploader, other_member):
    trap = pending_trap(uploader)
    trap.status = TrapStatus.DRAFT
    trap.save()
    client.force_login(other_member)

    assert client.get(f"/gallery/share/{trap.pk}/").status_code == 404


def test_pending_trap_page_and_picture_are_hidden_from_others(client, uploader, other_member):
    trap = pending_trap(uploader)
    url = trap.image_url()

    assert client.get(trap.get_absolute_url()).status_code == 404
    assert client.get(url).status_code == 404
    client.force_login(other_member)
    assert client.get(trap.get_absolute_url()).status_code == 404
    assert client.get(url).status_code == 404
    client.force_login(uploader)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    response.close()


def test_the_published_picture_is_served_without_gps(client, uploader, moderator):
    trap = published_trap(uploader, moderator, upload=gps_photo())

    html = client.get(trap.get_absolute_url()).content.decode()
    urls = set(image_urls(html))
    assert len(urls) == len(trap.image_widths)
    responses = [client.get(url) for url in urls]
    for response in responses:
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"
        data = b"".join(response.streaming_content)
        with Image.open(io.BytesIO(data)) as image:
            assert image.getexif().get_ifd(GPS_IFD) == {}
        assert b"SpyCam" not in data
    # Last: closing a file response ends the request, and with it the database connection.
    for response in responses:
        response.close()


def test_a_moderator_blurs_through_the_form_and_the_old_picture_is_gone(
    client, uploader, moderator, django_capture_on_commit_callbacks
):
    trap = pending_trap(uploader)
    old_url = trap.image_url()
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{trap.get_absolute_url()}blur/",
            {"area0_left": "10", "area0_top": "10", "area0_width": "30", "area0_height": "40"},
        )

    assert response.status_code == 302
    trap.refresh_from_db()
    assert trap.blurred_regions == 1
    assert client.get(old_url).status_code == 404
    page = client.get(trap.get_absolute_url()).content.decode()
    assert old_url not in page and trap.image_url() in page


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"area0_left": "10"},
        {"area0_left": "10", "area0_top": "0", "area0_width": "0", "area0_height": "5"},
        {"area0_left": "abc", "area0_top": "0", "area0_width": "5", "area0_height": "5"},
        {"area0_left": "500", "area0_top": "0", "area0_width": "5", "area0_height": "5"},
    ],
)
def test_bad_blur_areas_get_a_clear_message_not_an_error(client, uploader, moderator, fields):
    trap = pending_trap(uploader)
    key = trap.image_key
    client.force_login(moderator)

    response = client.post(f"{trap.get_absolute_url()}blur/", fields)

    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode() or "field-error" in (
        response.content.decode()
    )
    trap.refresh_from_db()
    assert trap.image_key == key


def test_a_member_cannot_use_the_moderator_forms(client, uploader, other_member):
    trap = pending_trap(uploader)
    client.force_login(uploader)
    for action in ("blur", "publish", "decline", "hide"):
        assert client.post(f"{trap.get_absolute_url()}{action}/").status_code == 403
    trap.refresh_from_db()
    assert trap.status == TrapStatus.PENDING


def test_a_moderator_publishes_and_declines_through_the_pages(client, uploader, moderator):
    first = pending_trap(uploader)
    second = pending_trap(uploader, title="Second trap")
    client.force_login(moderator)
    assert "Second trap" in client.get("/gallery/review/").content.decode()

    client.post(f"{first.get_absolute_url()}publish/")
    response = client.post(f"{second.get_absolute_url()}decline/", {"reason": ""})
    assert response.status_code == 400
    client.post(f"{second.get_absolute_url()}decline/", {"reason": "A face shows."})

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == TrapStatus.PUBLISHED
    assert second.status == TrapStatus.DECLINED
    assert client.get("/gallery/review/").status_code == 200


def test_the_review_queue_is_for_moderators_only(client, member):
    client.force_login(member)
    assert client.get("/gallery/review/").status_code == 403


def test_an_anonymous_traps_author_is_never_shown(client, moderator):
    author = MemberFactory(display_name="Secret Nurse Name", username="secretnurse")
    trap = published_trap(author, moderator, upload=photo(), is_anonymous=True)
    for viewer in (None, MemberFactory(), moderator):
        if viewer:
            client.force_login(viewer)
        for url in (trap.get_absolute_url(), "/gallery/", "/gallery/tag/insulin/", "/sitemap.xml"):
            html = client.get(url).content.decode()
            assert "Secret Nurse Name" not in html and "secretnurse" not in html, url
        assert "Anonymous" in client.get(trap.get_absolute_url()).content.decode()
    page = client.get(trap.get_absolute_url()).content.decode()
    assert '<meta name="author" content="Anonymous">' in page
    # Shown to the day only: no time of day anywhere on the page.
    assert trap.published_at.strftime("%H:%M") not in page


def test_the_sitemap_lists_published_traps_by_day_only(client, uploader, moderator):
    shown = published_trap(uploader, moderator)
    waiting = pending_trap(uploader, title="Waiting trap")

    xml = client.get("/sitemap.xml").content.decode()
    assert shown.get_absolute_url() in xml
    assert waiting.get_absolute_url() not in xml
    assert f"<lastmod>{shown.updated.date().isoformat()}</lastmod>" in xml


def test_category_and_tag_pages_list_published_traps_only(client, uploader, moderator):
    shown = published_trap(uploader, moderator)
    pending_trap(uploader, title="Waiting trap")

    for url in ("/gallery/category/medication/", "/gallery/tag/insulin/", "/gallery/"):
        html = client.get(url).content.decode()
        assert shown.title in html and "Waiting trap" not in html, url
    assert client.get("/gallery/category/no-such/").status_code == 404


def test_members_comment_react_and_follow_a_published_trap(client, uploader, moderator):
    trap = published_trap(uploader, moderator)
    member = MemberFactory()
    engagement.comment_add(actor=member, target=trap, body="<p>Use coloured bins.</p>")
    engagement.follow_set(actor=member, target=trap, following=True)

    trap.refresh_from_db()
    assert trap.comment_count == 1
    html = client.get(trap.get_absolute_url()).content.decode()
    assert "Use coloured bins." in html


def test_nobody_can_comment_on_a_pending_trap(uploader):
    from django.core.exceptions import PermissionDenied

    trap = pending_trap(uploader)
    with pytest.raises(PermissionDenied):
        engagement.comment_add(actor=uploader, target=trap, body="<p>Hi</p>")


@pytest.mark.parametrize("count", [1, 12])
def test_the_grid_pages_use_a_bounded_number_of_queries(
    client, uploader, moderator, count, django_assert_max_num_queries
):
    for n in range(count):
        published_trap(uploader, moderator, title=f"Trap {n}", upload=photo(size=(300, 200)))
    client.force_login(MemberFactory())

    for url in ("/gallery/", "/gallery/category/medication/", "/gallery/tag/insulin/"):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("comments", [0, 8])
def test_the_item_page_uses_a_bounded_number_of_queries(
    client, uploader, moderator, comments, django_assert_max_num_queries
):
    trap = published_trap(uploader, moderator, upload=photo(size=(300, 200)))
    for n in range(comments):
        engagement.comment_add(actor=MemberFactory(), target=trap, body=f"<p>Fix {n}</p>")
    client.force_login(moderator)

    with django_assert_max_num_queries(16):
        assert client.get(trap.get_absolute_url()).status_code == 200


def _draft(uploader):
    trap = pending_trap(uploader)
    trap.status = TrapStatus.DRAFT
    trap.save()
    return trap


DETAILS_POST = {
    "title": "Pens",
    "hazard": "Wrong pen, NHS 943 476 5919 on the box",
    "setting": "acute",
    "alt_text": "Pens",
}


def test_possible_patient_data_is_marked_and_nothing_is_sent(client, uploader):
    trap = _draft(uploader)
    client.force_login(uploader)

    response = client.post(f"/gallery/share/{trap.pk}/", DETAILS_POST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>943 476 5919</mark>" in html
    assert "NHS number" in html
    assert "is not patient information" in html
    assert 'name="pii_false_alarm"' in html
    trap.refresh_from_db()
    assert trap.status == TrapStatus.DRAFT


def test_a_post_that_is_only_an_nhs_number_is_caught(client, uploader):
    trap = _draft(uploader)
    client.force_login(uploader)

    response = client.post(f"/gallery/share/{trap.pk}/", {**DETAILS_POST, "hazard": "9434765919"})

    assert "<mark>9434765919</mark>" in response.content.decode()
    trap.refresh_from_db()
    assert trap.status == TrapStatus.DRAFT


def test_ticking_false_alarm_sends_it_for_review_held(client, uploader):
    trap = _draft(uploader)
    client.force_login(uploader)
    html = client.post(f"/gallery/share/{trap.pk}/", DETAILS_POST).content.decode()
    token = re.search(r'name="pii_false_alarm" value="([0-9a-f]+)"', html).group(1)

    client.post(f"/gallery/share/{trap.pk}/", {**DETAILS_POST, "pii_false_alarm": token})

    trap.refresh_from_db()
    assert trap.status == TrapStatus.PENDING and not trap.is_published


def test_a_moderator_edits_the_words_with_a_note(client, uploader, moderator):
    trap = pending_trap(uploader)
    client.force_login(moderator)
    page = client.get(f"{trap.get_absolute_url()}edit/").content.decode()
    medication = Category.objects.get(name="Medication")
    assert f'value="{medication.pk}" id="category-{medication.pk}" checked' in page

    missing_note = client.post(
        f"{trap.get_absolute_url()}edit/",
        {"title": "Clearer title", "hazard": "Same hazard", "setting": "acute", "alt_text": "A"},
    )
    assert missing_note.status_code == 200 and "This field is required" in (
        missing_note.content.decode()
    )
    client.post(
        f"{trap.get_absolute_url()}edit/",
        {
            "title": "Clearer title",
            "hazard": "Same hazard",
            "setting": "acute",
            "alt_text": "A",
            "note": "Clearer wording",
        },
    )
    trap.refresh_from_db()
    assert trap.title == "Clearer title"


def test_members_cannot_open_the_edit_page(client, uploader):
    trap = pending_trap(uploader)
    client.force_login(uploader)
    assert client.get(f"{trap.get_absolute_url()}edit/").status_code == 403


def test_a_member_reports_a_published_trap_from_its_page(client, uploader, moderator):
    from hub.moderation.models import Case

    trap = published_trap(uploader, moderator)
    client.force_login(MemberFactory())
    html = client.get(trap.get_absolute_url()).content.decode()
    report_url = re.search(r'href="(/moderation/report/\d+/\d+/)"', html).group(1)

    response = client.post(report_url, {"reason": "patient_information", "details": "A face"})

    assert response.status_code == 302
    assert Case.objects.get().target == trap


def test_the_uploader_gets_no_report_link_on_their_own_trap(client, uploader, moderator):
    trap = published_trap(uploader, moderator)
    client.force_login(uploader)
    assert "/moderation/report/" not in client.get(trap.get_absolute_url()).content.decode()
