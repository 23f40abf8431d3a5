"""The moderation case page never lets stored text become markup (issue 21, item 1).

Every registered content kind gets a row whose every field moderators read holds hostile
markup (written straight to the database, as an import or an old row could be), and the case
page must show it as text: plain fields escaped, rich fields only through the sanitiser.
"""

import pytest
from django.test import Client

from hub.community.models import Forum, Post, Topic
from hub.community.services import post_reply, topic_start
from hub.engagement.models import Comment
from hub.engagement.services import comment_add
from hub.gallery.models import ErrorTrap
from hub.library.models import Item
from hub.moderation import registry, services
from hub.moderation.models import Case
from tests.factories import MemberFactory
from tests.unit.engagement.conftest import make_item
from tests.unit.gallery.helpers import published_trap

pytestmark = pytest.mark.django_db

REFRESH = '<meta http-equiv=refresh content="1;url=https://evil.example/">'
# Short enough for the shortest field read here (an error trap's title: 150 characters).
HOSTILE = (
    '<meta http-equiv=refresh content="1;url=//e.x"><base href=//e.x><form action=//e.x>'
    "<iframe src=//e.x><img src=x onerror=alert(1)>"
)
INJECTED = ("<meta http-equiv", "<base ", "<form action=//e.x", "<iframe", "<img")


def _topic(author):
    forum = Forum.objects.order_by("position").first()
    return topic_start(actor=author, title="Plain title", body="<p>Body</p>", forum=forum)


def _post(author):
    topic = _topic(author)
    return post_reply(actor=MemberFactory(), topic=topic, body="<p>A reply</p>")


def _comment(author):
    return comment_add(actor=author, target=make_item(MemberFactory()), body="<p>Hello</p>")


def _trap(author):
    return published_trap(author, MemberFactory(roles=["Moderator"]))


MAKERS = {
    Topic: _topic,
    Post: _post,
    Item: make_item,
    Comment: _comment,
    ErrorTrap: _trap,
}


def _make_hostile(obj):
    """Every field a moderator reads now holds HOSTILE (the opening post too, for a topic)."""
    kind = registry.kind_for(obj)
    for name in kind.fields_of(obj):
        if isinstance(obj, Topic) and name == "body":
            Post.objects.filter(topic=obj, number=1).update(body=HOSTILE)
        else:
            type(obj).objects.filter(pk=obj.pk).update(**{name: HOSTILE})
    obj.refresh_from_db()
    assert all(v == HOSTILE for v in kind.fields_of(obj).values())


def test_every_moderated_kind_is_covered_here():
    assert set(registry.registered_models()) == set(MAKERS)


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda m: m.__name__)
def test_the_case_page_shows_hostile_fields_as_text(model):
    author = MemberFactory()
    moderator = MemberFactory(roles=["Moderator"])
    obj = MAKERS[model](author)
    _make_hostile(obj)
    services.report_content(actor=MemberFactory(), target=obj, reason="spam")
    case = Case.objects.get()
    client = Client()
    client.force_login(moderator)
    html = client.get(f"/moderation/{case.pk}/").content.decode()
    section = html.split('id="content-heading"', 1)[1].split("</section>", 1)[0]
    for markup in INJECTED:
        assert markup not in section, markup
    kind = registry.kind_for(obj)
    plain = [name for name in kind.fields_of(obj) if name not in kind.rich_fields]
    if plain:  # plain text is shown, escaped, as the author typed it
        assert "&lt;meta http-equiv=refresh" in section


def test_a_topic_titled_with_a_meta_refresh_does_not_redirect_the_moderator():
    author = MemberFactory()
    forum = Forum.objects.order_by("position").first()
    topic = topic_start(actor=author, title=REFRESH, body="<p>Hello</p>", forum=forum)
    services.report_content(actor=MemberFactory(), target=topic, reason="spam")
    client = Client()
    client.force_login(MemberFactory(roles=["Moderator"]))
    html = client.get(f"/moderation/{Case.objects.get().pk}/").content.decode()
    assert "<meta http-equiv=refresh" not in html
    assert "&lt;meta http-equiv=refresh content=&quot;1;url=https://evil.example/&quot;&gt;" in html


def test_the_moderator_edits_a_summary_as_plain_text():
    author = MemberFactory()
    moderator = MemberFactory(roles=["Moderator"])
    item = make_item(author)
    services.report_content(actor=MemberFactory(), target=item, reason="spam")
    case = Case.objects.get()
    client = Client()
    client.force_login(moderator)
    response = client.post(
        f"/moderation/{case.pk}/",
        {
            "action": "edit",
            "title": "A new title",
            "summary": "Fewer words <3",
            "body": "<p>Kept</p>",
            "note": "Shortened",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.summary == "Fewer words <3"  # not turned into HTML
