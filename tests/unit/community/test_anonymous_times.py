"""An anonymous post's time is shown to the day only, everywhere a time derived from it
appears: topic lists, forum pages, the topic, search results, their JSON and Atom feed, and
the sitemap (issue 21)."""

from datetime import UTC, datetime
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from hub.community.models import Forum
from hub.community.services import post_reply, topic_start
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 3, 4, 14, 37, 21)


def exact_time_forms(when: datetime) -> list[str]:
    local = timezone.make_aware(when)
    utc = local.astimezone(UTC)
    forms = {f"{when:%H:%M}", f"T{when:%H:%M}", f"{when:%H}:{when:%M}"}
    forms |= {f"{utc:%H:%M}", f"{local:%I:%M}", f"{local.timestamp():.0f}"}
    return sorted(forms)


def at(when: datetime):
    return mock.patch("django.utils.timezone.now", return_value=timezone.make_aware(when))


def surfaces(client: Client, topic) -> dict[str, str]:
    forum = topic.forum
    urls = [
        "/community/",
        f"/community/forum/{forum.slug}/",
        topic.get_absolute_url(),
        "/search/?q=handover",
        "/search/?q=handover&format=json",
        "/search/feed/?q=handover",
        "/search/?q=handover&type=topic&format=json",
        "/search/?q=handover&type=reply&format=json",
        "/sitemap.xml",
    ]
    return {url: client.get(url).content.decode() for url in urls}


def test_the_time_of_an_anonymous_post_shows_nowhere(django_capture_on_commit_callbacks):
    forum = Forum.objects.order_by("position").first()
    author, named = MemberFactory(), MemberFactory()
    opened = datetime(2026, 3, 4, 8, 5)
    with django_capture_on_commit_callbacks(execute=True):
        with at(opened):
            topic = topic_start(
                actor=named,
                title="Night handover",
                body="<p>How do you do handover?</p>",
                forum=forum,
            )
            secret = topic_start(
                actor=author,
                title="Handover I got wrong",
                body="<p>Handover went wrong.</p>",
                forum=forum,
                anonymous=True,
            )
        with at(WHEN):
            post_reply(
                actor=author, topic=topic, body="<p>Our handover is noisy.</p>", anonymous=True
            )
    for who in (None, named):
        client = Client()
        if who is not None:
            client.force_login(who)
        for url, text in {**surfaces(client, topic), **surfaces(client, secret)}.items():
            for exact in exact_time_forms(WHEN):
                assert exact not in text, f"{exact} shown on {url}"
    # The named opening post keeps its time; the anonymous topic shows only its day.
    assert "08:05" in Client().get(topic.get_absolute_url()).content.decode()
    feed = Client().get("/search/feed/?q=handover").content.decode()
    assert "2026-03-04" in feed
