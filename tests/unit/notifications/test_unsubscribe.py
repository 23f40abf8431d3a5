"""One-click unsubscribe (RFC 8058): headers on every email, a signed link that works signed out."""

import re

import pytest
from django.core import signing
from django.urls import reverse

from hub.core.models import AuditEntry
from hub.notifications import services
from hub.notifications.models import EmailSettings, NotificationPreference
from hub.notifications.tasks import deliver_outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def email(member, mailoutbox, settings):
    settings.SITE_URL = "https://hub.example.org"
    services.notify(recipients=[member], kind="community:mention", title="Ada mentioned you")
    deliver_outbox.call()
    (message,) = mailoutbox
    return message


def link_in(header: str) -> str:
    (link,) = re.findall(r"<(https://[^>]+)>", header)
    return link.removeprefix("https://hub.example.org")


def test_every_email_carries_one_click_unsubscribe_headers_and_links(email):
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = email.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://hub.example.org/notifications/unsubscribe/")
    link = link_in(header)
    assert link in email.body and link in email.alternatives[0].content
    assert email.extra_headers["Message-ID"].startswith("<notification-")
    assert "Stop all email from Safety Hub" in email.body


def test_the_one_click_post_turns_that_kind_off_without_signing_in(client, email, member):
    response = client.post(
        link_in(email.extra_headers["List-Unsubscribe"]),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    pref = NotificationPreference.objects.get(user=member, kind="community:mention")
    assert pref.delivery == "site"
    assert not services.email_paused(user=member)
    assert AuditEntry.objects.filter(action="notifications:unsubscribe").exists()


def test_opening_the_link_asks_first_and_changes_nothing(client, email, member):
    response = client.get(link_in(email.extra_headers["List-Unsubscribe"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stop emails about: Someone mentions you?" in html
    assert not NotificationPreference.objects.exists()


def test_the_page_can_stop_all_email(client, email, member):
    client.post(link_in(email.extra_headers["List-Unsubscribe"]), {"what": "all"})

    assert EmailSettings.objects.get(user=member).email_paused


def test_a_forged_or_damaged_token_is_refused_clearly(client, member):
    forged = signing.dumps({"u": member.pk, "s": "*"}, salt="not-the-right-salt")

    for token in (forged, "nonsense", services.unsubscribe_token(user=member, scope="*")[:-3]):
        response = client.post(reverse("notifications:unsubscribe", args=[token]))
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert not EmailSettings.objects.exists()


def test_a_token_for_a_member_who_left_does_nothing(client, member):
    token = services.unsubscribe_token(user=member, scope="*")
    member.is_active = False
    member.save()

    assert client.post(reverse("notifications:unsubscribe", args=[token])).status_code == 400


def test_the_digest_link_turns_every_kind_in_that_digest_to_site_only(client, member):
    services.preferences_set(
        actor=member, choices={"library:new_item": "weekly", "community:topic": "weekly"}
    )
    token = services.unsubscribe_token(user=member, scope="weekly")

    client.post(reverse("notifications:unsubscribe", args=[token]))

    prefs = services.preferences_for(user=member)
    assert prefs["library:new_item"] == prefs["community:topic"] == "site"
    assert prefs["community:mention"] == "immediate"


def test_after_unsubscribing_no_more_such_emails_are_sent(client, email, member, mailoutbox):
    client.post(link_in(email.extra_headers["List-Unsubscribe"]))
    mailoutbox.clear()

    services.notify(recipients=[member], kind="community:mention", title="Again")
    deliver_outbox.call()

    assert mailoutbox == []
