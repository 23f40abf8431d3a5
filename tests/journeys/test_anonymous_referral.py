"""Issue 21 in real Chromium, with axe-core on every page: a moderator refers the author of an
anonymous reply to a safeguarding lead, who suspends them; and the page a person sees when the
database does not answer as they post a reply, with their text kept."""

import re
import threading
from datetime import date, timedelta
from unittest import mock

import pytest
from django.db import connections
from playwright.sync_api import expect

from hub.community.models import Forum, Post
from hub.community.services import post_reply, topic_start
from hub.moderation.models import Case, Sanction, Source
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def type_into(page, name: str, text: str) -> None:
    """Type at the end of a rich text editor (the contenteditable is labelled by the field)."""
    box = page.get_by_role("textbox", name=name)
    box.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def test_a_moderator_refers_an_anonymous_author_and_a_safeguarding_lead_suspends_them(page):
    opener = MemberFactory(username="nadia", email="nadia@example.org", display_name="Nadia")
    writer = MemberFactory(username="hidden", email="hidden@example.org", display_name="Sam Hidden")
    MemberFactory(username="rita", email="rita@example.org", display_name="Rita")
    MemberFactory(
        username="maya", email="maya@example.org", display_name="Maya", roles=["Moderator"]
    )
    MemberFactory(
        username="sally",
        email="sally@example.org",
        display_name="Sally",
        roles=["Safeguarding lead"],
    )
    forum = Forum.objects.get(name="Culture")
    topic = topic_start(actor=opener, title="Speaking up at night", body="<p>How?</p>", forum=forum)
    post_reply(actor=writer, topic=topic, body="<p>You lot are all useless.</p>", anonymous=True)

    # A member reports the anonymous reply.
    sign_in(page, "rita@example.org")
    page.goto(topic.get_absolute_url())
    reply = page.locator("#post-2")
    expect(reply).to_contain_text("useless")
    expect(reply).not_to_contain_text("Sam Hidden")
    reply.get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", name="Report this reply")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What is wrong?").select_option("abusive")
    page.get_by_label("Anything else a moderator should know?").fill("Not the first time.")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("A moderator will look at it")).to_be_visible()
    sign_out(page)

    # A moderator opens the case: the author is "Anonymous", and there is nothing to warn,
    # suspend or ban with, only a referral.
    sign_in(page, "maya@example.org")
    page.goto("/moderation/")
    assert_accessible(page)
    page.get_by_role("link", name="Reply").click()
    expect(page.get_by_text("Not the first time.")).to_be_visible()
    expect(page.get_by_text("Author: Anonymous")).to_be_visible()
    body = page.locator("main")
    expect(body).not_to_contain_text("Sam Hidden")
    expect(body).not_to_contain_text("hidden")
    expect(page.get_by_role("button", name="Ban")).to_have_count(0)
    expect(page.get_by_role("button", name="Warn")).to_have_count(0)
    expect(page.get_by_role("button", name="Suspend")).to_have_count(0)
    assert_accessible(page)
    reason = page.get_by_label("Why should a safeguarding lead consider a sanction?")
    expect(reason).to_have_attribute("required", "")  # no referral without a reason
    reason.fill("Repeated abuse of colleagues in anonymous replies.")
    page.get_by_role("button", name="Refer").click()
    expect(page.get_by_text("Referred. A safeguarding lead will decide.")).to_be_visible()
    assert_accessible(page)
    referral = Case.objects.get(source=Source.REFERRAL)
    # The referral is not in the moderator's queue, and it does not open for them.
    page.goto("/moderation/?status=all")
    expect(page.locator(f'a[href="/moderation/{referral.pk}/"]')).to_have_count(0)
    sign_out(page)

    # The safeguarding lead opens the referral from the queue and suspends the author.
    sign_in(page, "sally@example.org")
    page.goto("/moderation/")
    assert_accessible(page)
    page.locator(f'a[href="/moderation/{referral.pk}/"]').click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "anonymous author referred to a safeguarding lead"
    )
    expect(page.get_by_text("Repeated abuse of colleagues")).to_be_visible()
    assert_accessible(page)
    suspend = page.locator("form", has=page.get_by_role("button", name="Suspend"))
    until = date.today() + timedelta(days=14)
    suspend.get_by_label("Suspended until").fill(until.isoformat())
    suspend.get_by_label("Reason").fill("Abusive replies to colleagues.")
    suspend.get_by_role("button", name="Suspend").click()
    expect(page.get_by_text("Done. The people involved are told.")).to_be_visible()
    assert_accessible(page)
    sanction = Sanction.objects.get()
    assert sanction.member == writer and sanction.kind == "suspension"
    assert sanction.case == referral
    sign_out(page)

    # The author is told, and cannot post until then; the directory still lists them.
    sign_in(page, "hidden@example.org")
    page.goto("/notifications/")
    expect(page.get_by_text("Your account is suspended")).to_be_visible()
    assert_accessible(page)
    page.goto("/members/?name=Sam")
    expect(page.locator("#main").get_by_role("link", name="Sam Hidden")).to_be_visible()
    page.goto(topic.get_absolute_url())
    type_into(page, "Your reply", "Sorry.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Your account is suspended until").first).to_be_visible()
    assert_accessible(page)
    assert Post.objects.filter(topic=topic).count() == 2


def test_the_database_goes_away_as_a_reply_is_posted_and_the_text_is_kept(page, live_server):
    """One request finds the database gone: the member sees the 503 page with what they typed,
    and posts it once the database is back."""
    MemberFactory(username="omar", email="omar@example.org", display_name="Omar")
    opener = MemberFactory(username="nadia", email="nadia@example.org", display_name="Nadia")
    topic = topic_start(
        actor=opener,
        title="Night handover",
        body="<p>How do you do it?</p>",
        forum=Forum.objects.get(name="Culture"),
    )
    sign_in(page, "omar@example.org")
    page.goto(topic.get_absolute_url())
    typed = "We read the drug chart aloud at every handover."
    type_into(page, "Your reply", typed)

    # The live server answers from a thread of this process: while `down` is set, every
    # cursor it opens fails as it does while PostgreSQL restarts (the same failure as the
    # unit tests in tests/unit/core/test_database_unavailable.py).
    down = threading.Event()
    here = threading.current_thread()
    create_cursor = type(connections["default"]).create_cursor

    def failing(self, *args, **kwargs):
        if down.is_set() and threading.current_thread() is not here:
            from tests.unit.core.test_database_unavailable import driver_error

            raise driver_error()
        return create_cursor(self, *args, **kwargs)

    with mock.patch.object(type(connections["default"]), "create_cursor", failing):
        down.set()
        page.get_by_role("button", name="Post reply").click()
        expect(
            page.get_by_role("heading", name="We could not reach the database just now")
        ).to_be_visible()
        down.clear()
    expect(page.get_by_text("Nothing was saved.")).to_be_visible()
    kept = page.get_by_role("textbox", name="Body")
    expect(kept).to_have_value(re.compile(re.escape(typed)))
    expect(kept).to_have_attribute("readonly", "")
    assert_accessible(page)
    assert Post.objects.filter(topic=topic).count() == 1

    # The database is back: the member goes back and posts the text they kept.
    page.get_by_role("link", name="Go back to the page you were on").click()
    expect(page.get_by_role("heading", name="Night handover")).to_be_visible()
    type_into(page, "Your reply", typed)
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Your reply is posted.")).to_be_visible()
    assert Post.objects.filter(topic=topic).count() == 2
