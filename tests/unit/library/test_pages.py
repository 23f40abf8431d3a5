"""Library pages, feeds and the sitemap: what each visitor sees, and bounded SQL queries."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from hub.library import services
from hub.taxonomy.models import Category, Tag
from tests.factories import MemberFactory

from .helpers import a_category, draft, published, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_items(member, editor):
    def make(n: int):
        return [published(member, editor, title=f"Falls prevention idea {i}") for i in range(n)]

    return make


def test_library_index_shows_areas_with_counts_and_announces_its_feeds(client, member, editor):
    published(member, editor)
    response = client.get("/library/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="card"') >= 13
    assert 'type="application/atom+xml"' in html and 'type="application/rss+xml"' in html
    area = a_category().parent
    assert f'{area.name}</a> <span class="count">(1)</span>' in html


def test_library_index_runs_a_bounded_number_of_queries(
    client, many_items, django_assert_max_num_queries
):
    many_items(3)
    with django_assert_max_num_queries(14):
        client.get("/library/")
    many_items(25)
    with django_assert_max_num_queries(14):
        assert client.get("/library/").status_code == 200


def test_category_page_includes_items_of_its_children_when_it_is_an_area(client, member, editor):
    item = published(member, editor)
    area = a_category().parent
    response = client.get(reverse("library:category", kwargs={"slug": area.slug}))
    assert item.title in response.content.decode()


def test_category_and_tag_pages_run_bounded_queries(
    client, many_items, django_assert_max_num_queries
):
    many_items(20)
    category = a_category()
    tag = Tag.objects.get(name="handover")
    with django_assert_max_num_queries(12):
        assert client.get(category.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(tag.get_absolute_url()).status_code == 200


def test_item_page_shows_the_information_panel_and_counts_a_view(client, member, editor):
    item = published(member, editor, country="GB", region="England", setting="acute")
    response = client.get(item.get_absolute_url())
    html = response.content.decode()
    assert "About this item" in html
    assert "Acute hospital" in html and "England" in html and "Health and care staff" in html
    assert member.public_name in html
    item.refresh_from_db()
    assert item.view_count == 1


def test_item_page_query_count_is_bounded(client, member, editor, django_assert_max_num_queries):
    item = published(member, editor)
    for i in range(6):
        published(member, editor, title=f"Related {i}")
    with django_assert_max_num_queries(25):
        assert client.get(item.get_absolute_url()).status_code == 200


def test_drafts_are_404_for_others_and_anonymous_visitors(client, member, other_member):
    item = draft(member)
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(other_member)
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(item.get_absolute_url()).status_code == 200


def test_anonymous_items_never_show_the_author(client, member, editor):
    item = published(member, editor, is_anonymous=True, title="A story told anonymously")
    for url in [item.get_absolute_url(), "/library/", "/library/feed/atom/", "/library/feed/rss/"]:
        html = client.get(url).content.decode()
        assert member.public_name not in html and member.username not in html, url
        assert "Anonymous" in html, url


def test_the_feed_lists_published_items_only(client, member, editor):
    item = published(member, editor)
    hidden = submitted(member, title="Still in review")
    response = client.get("/library/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert item.title in titles and hidden.title not in titles
    rss = ET.fromstring(client.get("/library/feed/rss/").content)
    assert [i.findtext("title") for i in rss.iter("item")] == [item.title]


def test_category_tag_and_news_feeds_exist(client, member, editor):
    item = published(member, editor)
    news = published(editor, editor, kind="news", title="New national alert on falls")
    category = item.categories.get()
    for url in [
        reverse("library:category_feed_atom", kwargs={"slug": category.slug}),
        reverse("library:category_feed_rss", kwargs={"slug": category.parent.slug}),
        reverse("library:tag_feed_atom", kwargs={"slug": "handover"}),
        reverse("library:news_feed_rss"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert news.title in client.get(reverse("library:news_feed_atom")).content.decode()
    assert item.title not in client.get(reverse("library:news_feed_atom")).content.decode()


def test_sitemap_lists_published_items_only(client, member, editor):
    item = published(member, editor)
    private = draft(member, title="Private draft")
    declined = submitted(member, title="Declined thing")
    services.item_decline(actor=editor, item=declined, reason="No")
    xml = client.get("/sitemap.xml").content.decode()
    assert item.get_absolute_url() in xml
    assert private.get_absolute_url() not in xml and declined.get_absolute_url() not in xml


def test_members_cannot_open_the_review_queue(client, member, editor):
    client.force_login(member)
    assert client.get("/library/review/").status_code == 403
    client.force_login(editor)
    assert client.get("/library/review/").status_code == 200


def test_tag_suggestions_answer_json(client, member, editor):
    published(member, editor)
    response = client.get("/library/tags/suggest/?q=hand")
    assert response.json() == {"tags": ["handover"]}


def test_writing_form_keeps_everything_when_the_category_is_missing(client, member):
    client.force_login(member)
    response = client.post(
        "/library/share/article/",
        {
            "title": "My title",
            "summary": "My summary",
            "body": "My body text",
            "setting": "any",
            "action": "save",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose at least one category" in html
    assert 'value="My title"' in html and "My summary" in html and "My body text" in html


def test_writing_form_saves_a_draft_and_submits(client, member):
    client.force_login(member)
    category = Category.objects.filter(parent__isnull=False).first()
    response = client.post(
        "/library/share/story/",
        {
            "title": "The night I spoke up",
            "summary": "A first-person story.",
            "body": "It was a busy night.\n\nI spoke up.",
            "categories": [category.pk],
            "tags": "speaking up, culture",
            "setting": "acute",
            "action": "submit",
        },
    )
    assert response.status_code == 302
    item = member.library_items.get()
    assert item.status == "submitted"
    assert "<p>It was a busy night.</p>" in item.body


def test_only_editors_can_write_news(client, member, editor):
    client.force_login(member)
    assert client.get("/library/share/news/").status_code == 404
    client.force_login(editor)
    assert client.get("/library/share/news/").status_code == 200


def test_another_member_cannot_open_the_edit_page(client, member, other_member):
    item = draft(member)
    client.force_login(other_member)
    assert client.get(reverse("library:item_edit", kwargs={"slug": item.slug})).status_code == 404
    reviewer = MemberFactory(roles=["Editor"])
    client.force_login(reviewer)
    assert client.get(reverse("library:item_edit", kwargs={"slug": item.slug})).status_code == 404
