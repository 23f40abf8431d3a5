"""Nothing leaks through search: not drafts, hidden posts, private networks, nor the author
behind an anonymous post, in the page, the JSON or the Atom feed."""

import json
import re

import pytest
from django.test import Client

from hub.community import services as community
from hub.library import services as library
from hub.networks.models import Membership, Network
from hub.searchpages.queries import SearchParams, criteria_for
from tests.factories import MemberFactory
from tests.unit.library.helpers import item_data

from .helpers import publish_item, start_topic

pytestmark = pytest.mark.django_db

# Every surface of one search: the page, its JSON and its feed.
SURFACES = ["/search/?{}", "/search/?{}&format=json", "/search/feed/?{}"]


@pytest.fixture
def content(author, editor, moderator, network, insider, committed):
    with committed():
        publish_item(author, editor, title="Quokka public learning")
        publish_item(author, editor, title="Quokka anonymous story", is_anonymous=True)
        start_topic(author, title="Quokka anonymous question", anonymous=True)
        public = start_topic(author, title="Quokka open discussion")
        community.post_reply(
            actor=author, topic=public, body="<p>Quokka anonymous reply</p>", anonymous=True
        )
        library.item_create(actor=author, data=item_data(title="Quokka draft"))
        submitted = library.item_create(actor=author, data=item_data(title="Quokka in review"))
        library.item_submit(actor=author, item=submitted)
        hidden = start_topic(author, title="Quokka hidden topic")
        community.topic_hide(actor=moderator, topic=hidden, reason="Spam")
        publish_item(insider, insider, title="Quokka network resource", network=network)
        start_topic(insider, title="Quokka network talk", network=network)


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def texts(client, query: str) -> list[str]:
    return [client.get(url.format(query)).content.decode() for url in SURFACES]


@pytest.mark.parametrize("who", ["anonymous", "member", "insider", "moderator"])
def test_drafts_review_items_and_hidden_topics_are_never_found(content, who, insider, moderator):
    user = {"anonymous": None, "member": MemberFactory(), "insider": insider}.get(who, moderator)
    for text in texts(client_for(user), "q=quokka"):
        assert "Quokka public learning" in text
        for secret in ("Quokka draft", "Quokka in review", "Quokka hidden topic"):
            assert secret not in text


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator"])
def test_a_networks_content_is_not_found_by_outsiders(content, who, moderator):
    user = {"anonymous": None, "member": MemberFactory()}.get(who, moderator)
    for text in texts(client_for(user), "q=quokka"):
        assert "Quokka network" not in text
    data = client_for(user).get("/search/?q=quokka&format=json").json()
    assert data["count"] == 5  # counted after the permission filter


def test_a_networks_content_is_found_by_its_members_and_counted(content, insider):
    for text in texts(client_for(insider), "q=quokka"):
        assert "Quokka network resource" in text and "Quokka network talk" in text
    assert client_for(insider).get("/search/?q=quokka&format=json").json()["count"] == 7


def test_a_shared_network_search_finds_nothing_for_an_outsider(content, network, insider):
    query = f"q=quokka&network={network.slug}"
    assert client_for(insider).get(f"/search/?{query}&format=json").json()["count"] == 2

    outsider = client_for(MemberFactory())
    assert outsider.get(f"/search/?{query}&format=json").json()["count"] == 0
    assert "Only members of this network" in outsider.get(f"/search/?{query}").content.decode()


def test_an_author_filter_never_finds_their_anonymous_posts(content, author):
    for who in (None, author):
        client = client_for(who)
        for name in ("nadia", "Nadia Shah"):
            data = client.get(f"/search/?author={name}&format=json").json()
            titles = sorted(r["title"] for r in data["results"])
            assert titles == ["Quokka open discussion", "Quokka public learning"]
            for text in texts(client, f"author={name}&q=anonymous"):
                assert "Quokka anonymous" not in text


def test_anonymous_posts_show_anonymous_and_only_their_day(content):
    client = client_for(MemberFactory())
    data = client.get("/search/?q=anonymous&format=json").json()

    assert sorted(r["title"] for r in data["results"]) == [
        "Quokka anonymous question",
        "Quokka anonymous story",
        "Re: Quokka open discussion",
    ]
    for result in data["results"]:
        assert result["author"] == "Anonymous"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", result["created"]), result["created"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", result["updated"]), result["updated"]
    for text in texts(client, "q=anonymous"):
        assert "Nadia" not in text and "nadia" not in text
        assert "Anonymous" in text


def test_the_feed_names_anonymous_authors_anonymous(content):
    feed = client_for().get("/search/feed/?q=anonymous").content.decode()

    assert feed.count("<name>Anonymous</name>") == 3
    assert "Nadia" not in feed


def test_json_has_exactly_the_promised_shape(content):
    data = client_for().get("/search/?q=quokka+public&format=json").json()

    assert set(data) == {"count", "page", "results"}
    assert data["count"] == 1 and data["page"] == 1
    assert set(data["results"][0]) == {
        "type",
        "title",
        "url",
        "snippet",
        "author",
        "created",
        "updated",
    }
    assert data["results"][0]["author"] == "Nadia Shah"
    assert data["results"][0]["type"] == "article"
    json.dumps(data)


def test_a_search_kept_to_one_of_my_networks_finds_that_networks_content_only(
    content, network, insider, committed
):
    other = Network.objects.create(name="Ward safety", slug="ward", purpose="Peer support")
    Membership.objects.create(network=other, user=insider, role="member")
    insider = type(insider).objects.get(pk=insider.pk)  # not the cached list of networks
    with committed():
        start_topic(insider, title="Quokka other network talk", network=other)

    for query in (f"q=quokka&network={network.slug}", f"network={network.slug}"):
        data = client_for(insider).get(f"/search/?{query}&format=json").json()
        titles = sorted(r["title"] for r in data["results"])
        assert titles == ["Quokka network resource", "Quokka network talk"], query
    # Within their own network the rule hiding other networks adds nothing, so it is left
    # out (it made the index read every network's rows); elsewhere it stays.
    own = criteria_for(viewer=insider, params=SearchParams(network_id=network.pk))
    everywhere = criteria_for(viewer=insider, params=SearchParams())
    assert own.networks is None and everywhere.networks == {network.pk, other.pk}


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator"])
@pytest.mark.parametrize(
    "query", ["type=article", "tags=handover", "type=topic&sort=newest", "author=insider"]
)
def test_filters_without_words_keep_network_content_from_outsiders(content, who, moderator, query):
    # Filters alone are answered from the index terms, with who may see what among them.
    user = {"anonymous": None, "member": MemberFactory()}.get(who, moderator)
    for text in texts(client_for(user), query):
        assert "Quokka network" not in text
        assert "Quokka draft" not in text and "Quokka hidden topic" not in text


def test_filters_without_words_find_network_content_for_its_members(content, insider):
    data = client_for(insider).get("/search/?author=insider&format=json").json()

    assert sorted(r["title"] for r in data["results"]) == [
        "Quokka network resource",
        "Quokka network talk",
    ]


def test_a_site_administrator_finds_every_networks_content(content):
    admin = MemberFactory(roles=["Administrator"])

    data = client_for(admin).get("/search/?q=quokka&format=json").json()

    assert data["count"] == 7
    assert "Quokka network talk" in {r["title"] for r in data["results"]}
