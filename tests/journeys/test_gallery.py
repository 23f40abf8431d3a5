"""The error traps gallery in real Chromium, with axe-core on every page: a member uploads a
photo carrying GPS data, a moderator blurs a region and publishes, and the published picture
has no GPS and no unblurred copy left."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from hub.gallery.models import ErrorTrap, TrapStatus
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory
from tests.unit.imagefiles import GPS_IFD, MAKE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Look-alike chlorhexidine and saline bottles"


def striped_jpeg_with_gps() -> bytes:
    """Fine stripes (detail a blur must destroy) and EXIF with a camera make and GPS."""
    image = Image.new("RGB", (800, 600), (255, 255, 255))
    stripes = Image.new("RGB", (4, 600), (0, 0, 0))
    for x in range(0, 800, 8):
        image.paste(stripes, (x, 0))
    exif = Image.Exif()
    exif[MAKE] = "SpyCam 3000"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 12.5), "W", (0.0, 7.0, 39.9)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, quality=95)
    return out.getvalue()


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def contrast_in(data: bytes, box: tuple[int, int, int, int]) -> int:
    with Image.open(io.BytesIO(data)) as image:
        low, high = image.convert("L").crop(box).getextrema()
    return high - low


def test_a_gps_photo_is_uploaded_blurred_by_a_moderator_and_published_without_gps(page):
    original = striped_jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as check:  # the upload really carries GPS
        assert check.getexif().get_ifd(GPS_IFD)[1] == "N"
    MemberFactory(username="rhea", email="rhea@example.org", display_name="Rhea Ward Nurse")
    MemberFactory(
        username="mo", email="mo@example.org", display_name="Mo Moderator", roles=["Moderator"]
    )

    # A member uploads the photo, then says what could go wrong, anonymously.
    sign_in(page, "rhea@example.org")
    page.goto("/gallery/")
    assert_accessible(page)
    page.get_by_role("link", name="Share an error trap").click()
    assert_accessible(page)
    page.get_by_label("Photo", exact=True).set_input_files(
        files=[{"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": original}]
    )
    page.get_by_label("Describe the photo").fill("Two clear bottles with similar labels")
    page.get_by_role("button", name="Upload the photo").click()
    # Forgot the consent tick: a clear message, the description is kept.
    expect(page.get_by_text("Confirm that nobody can be identified")).to_be_visible()
    expect(page.get_by_label("Describe the photo")).to_have_value(
        "Two clear bottles with similar labels"
    )
    assert_accessible(page)
    page.get_by_label("Photo", exact=True).set_input_files(
        files=[{"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": original}]
    )
    page.get_by_label("Nobody can be identified in this photo").check()
    page.get_by_role("button", name="Upload the photo").click()
    expect(page.get_by_role("heading", name="About your error trap")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("What could go wrong").fill(
        "Chlorhexidine and saline come in the same clear bottles; one could be injected."
    )
    page.get_by_label("Ideas to fix it").fill("Store apart; coloured caps for skin prep.")
    page.get_by_label("Setting", exact=True).select_option("acute")
    page.get_by_label("Post anonymously").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("Your error trap is waiting for a moderator")).to_be_visible()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    assert_accessible(page)
    trap = ErrorTrap.objects.get(title=TITLE)
    assert trap.status == TrapStatus.PENDING and trap.is_anonymous
    unblurred_url = trap.image_url()
    sign_out(page)

    # Nobody else can see it yet, not even by its picture's address.
    assert page.request.get(trap.get_absolute_url()).status == 404
    assert page.request.get(unblurred_url).status == 404

    # The moderator draws a box over the top-left of the photo and blurs it.
    sign_in(page, "mo@example.org")
    page.goto("/gallery/review/")
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).click()
    assert_accessible(page)
    canvas = page.locator("[data-blur-canvas] img")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5, steps=8)
    page.mouse.up()
    left = page.get_by_label("Area 1: from the left edge (%)")
    expect(left).not_to_have_value("")
    assert float(page.get_by_label("Area 1: width (%)").input_value()) > 40
    page.get_by_role("button", name="Blur these areas").click()
    expect(page.get_by_text("Blurred 1 area. The unblurred photo is deleted.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published. Everyone can now see this error trap.")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # Anyone can now see it, shown as Anonymous; the picture has no GPS and is blurred.
    trap.refresh_from_db()
    page.goto(trap.get_absolute_url())
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.locator(".info-panel")).to_contain_text("Anonymous")
    expect(page.locator("body")).not_to_contain_text("Rhea")
    assert_accessible(page)
    src = page.locator("figure.trap-figure img").get_attribute("src")
    response = page.request.get(src)
    assert response.status == 200
    published = response.body()
    with Image.open(io.BytesIO(published)) as image:
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert dict(image.getexif()) == {}
        assert image.size == (800, 600)
    assert b"SpyCam" not in published
    assert contrast_in(published, (20, 20, 380, 280)) < 60  # the stripes are gone
    assert contrast_in(published, (460, 340, 780, 580)) > 150  # the rest is untouched
    # The unblurred picture is gone for good.
    assert page.request.get(unblurred_url).status == 404

    page.goto("/gallery/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page)

    # On a phone the grid is one column and nothing scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/gallery/")
    card = page.locator(".trap-card").first.bounding_box()
    assert card["width"] > 300
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)


def test_a_moderator_without_javascript_blurs_by_typing_the_area(browser, live_server):
    from tests.unit.gallery.helpers import pending_trap, photo

    uploader = MemberFactory(username="una", email="una@example.org")
    MemberFactory(username="mo", email="mo@example.org", roles=["Moderator"])
    trap = pending_trap(uploader, photo(size=(640, 480)))
    old_key = trap.image_key

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, "mo@example.org")
        page.goto(trap.get_absolute_url())
        # The drawing aid needs JavaScript; axe does too, so it runs on this page in the
        # journey above instead.
        expect(page.locator("[data-blur-stage]")).to_be_hidden()
        page.get_by_label("Area 1: from the left edge (%)").fill("25")
        page.get_by_label("Area 1: from the top edge (%)").fill("10")
        page.get_by_label("Area 1: width (%)").fill("50")
        page.get_by_label("Area 1: height (%)").fill("30")
        page.get_by_role("button", name="Blur these areas").click()
        expect(page.get_by_text("Blurred 1 area.")).to_be_visible()
    finally:
        context.close()
    trap.refresh_from_db()
    assert trap.image_key != old_key and trap.blurred_regions == 1
