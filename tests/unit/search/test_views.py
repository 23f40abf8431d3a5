"""The search page, its JSON and feed: bounded queries, bad input, sharing, suggestions."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from hub.search.models import SearchDocument
from hub.taxonomy.models import Category, Tag
from tests.factories import MemberFactory

from .helpers import doc, publish_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(db):
    """60 matching rows in several kinds, with tags and categories."""
    tag = Tag.objects.create(name="Falls", slug="falls")
    category = Category.objects.filter(parent__isnull=False).first()
    rows = []
    now = timezone.now()
    for n in range(60):
        rows.append(
            doc(
                created=now - timedelta(days=n),
                updated=now - timedelta(days=n),
                visible_from=now - timedelta(days=n),
                title=f"Falls prevention {n}",
                summary="Hip protectors and <b>bed</b> alarms.",
                body="Falls at night.",
                kind=["article", "topic", "reply", "news"][n % 4],
                facets={"tag": [tag.pk], "category": [category.pk, category.parent_id]},
                author_id=1000 + n,
                place="Somewhere",
                place_url="/somewhere/",
            )
        )
    return rows


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=falls",
        "/search/?q=falls&format=json",
        "/search/feed/?q=falls",
        "/search/?tags=falls&type=article&sort=views",
        "/search/?q=falls&tags=falls&tags_match=all&created_after=2000-01-01&min_views=0",
        "/search/?",
        "/search/?q=falls&page=3",
    ],
)
def test_pages_take_a_bounded_number_of_queries_whatever_the_results(
    client, many, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200


def test_a_signed_in_search_takes_a_bounded_number_of_queries(
    client, many, member, django_assert_max_num_queries
):
    client.force_login(member)
    with django_assert_max_num_queries(16):
        response = client.get("/search/?q=falls&author=" + member.username)
    assert response.status_code == 200


def test_the_page_shows_count_type_title_snippet_author_date_and_place(client, many):
    html = client.get("/search/?q=falls").content.decode()

    assert "Found 60 results" in html
    assert html.count('<li class="result">') == 20
    assert '<span class="kind-label">Article</span>' in html
    assert "<mark>Falls</mark>" in html and "<b>bed</b>" not in html
    assert "By Someone" in html and 'href="/somewhere/"' in html
    assert "Page 1 of 3" in html and "page=2" in html


def test_results_show_the_day_posted_in_the_readers_time_zone(client):
    # 23:30 UTC on 1 July is 00:30 on 2 July in London (the hub's default time zone).
    posted = datetime(2025, 7, 1, 23, 30, tzinfo=UTC)
    doc(title="Night shift handover", created=posted, updated=posted, visible_from=posted)
    doc(
        title="Handover told anonymously",
        created=posted - timedelta(days=40),
        updated=posted - timedelta(days=40),
        visible_from=posted - timedelta(days=40),
        is_anonymous=True,
    )

    html = client.get("/search/?q=handover").content.decode()

    assert '<time datetime="2025-07-02">2 Jul 2025</time>' in html
    assert '<time datetime="2025-05-23">23 May 2025</time>' in html


def test_accept_json_answers_json_and_the_page_varies_on_accept(client, many):
    response = client.get("/search/?q=falls", headers={"Accept": "application/json"})

    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] == 60 and len(response.json()["results"]) == 20
    assert "Accept" in response["Vary"]
    browser = client.get("/search/?q=falls", headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser["Content-Type"].startswith("text/html")


def test_an_empty_query_with_filters_lists_by_the_filters(client, many):
    data = client.get("/search/?type=news&format=json").json()

    assert data["count"] == 15
    assert {r["type"] for r in data["results"]} == {"news"}


def test_type_filter_accepts_commas_and_repeats(client, many):
    assert client.get("/search/?type=news,topic&format=json").json()["count"] == 30
    assert client.get("/search/?type=news&type=topic&format=json").json()["count"] == 30


def test_category_filter_includes_children_of_an_area(client, many):
    category = Category.objects.filter(parent__isnull=False).first()
    area = category.parent

    assert client.get(f"/search/?category={area.slug}&format=json").json()["count"] == 60
    other = Category.objects.filter(parent__isnull=True).exclude(pk=area.pk).first()
    assert client.get(f"/search/?category={other.slug}&format=json").json()["count"] == 0


def test_date_and_count_filters(client, many):
    SearchDocument.objects.filter(title="Falls prevention 0").update(view_count=7)
    today = timezone.localdate()

    assert client.get("/search/?min_views=5&format=json").json()["count"] == 1
    after = (today - timedelta(days=10)).isoformat()
    assert client.get(f"/search/?created_after={after}&format=json").json()["count"] == 11
    assert client.get(f"/search/?updated_before={after}&format=json").json()["count"] == 50


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=bogus", "There is no type called “bogus”"),
        ("created_after=2024-13-45", "Enter a date as year-month-day"),
        ("updated_before=yesterday", "Enter a date as year-month-day"),
        ("min_views=lots", "Enter a whole number"),
        ("min_comments=-3", "greater than or equal to 0"),
        ("min_reactions=99999999999999999999", "less than or equal to"),
        ("sort=sideways", "Select a valid choice"),
        ("match=some", "Select a valid choice"),
        ("category=nowhere", "Select a valid choice"),
        ("tags=no-such-tag", "No tag is called “no-such-tag”"),
        ("author=nobody-at-all", "No member is called “nobody-at-all”"),
        ("created_after=2025-02-01&created_before=2025-01-01", "This date is before"),
    ],
)
def test_bad_filters_give_a_clear_message_never_an_error(client, many, query, message):
    response = client.get(f"/search/?q=falls&{query}")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Some of your filters could not be used" in html
    assert message in html
    data = client.get(f"/search/?q=falls&{query}&format=json").json()
    assert data["errors"] and set(data) >= {"count", "page", "results"}


@pytest.mark.parametrize(
    "q",
    ['"unbalanced', "NOT", "*", "-", '"', ":", "a" * 10_000, "falls -night", "%00", "\x00"],
)
def test_awkward_queries_never_fail(client, many, q):
    for url in ("/search/", "/search/feed/"):
        assert client.get(url, {"q": q}).status_code == 200
    assert client.get("/search/", {"q": q, "format": "json"}).status_code == 200


def test_a_long_query_is_cut_with_a_note(client, many):
    html = client.get("/search/", {"q": "falls " * 2000}).content.decode()

    assert "only its beginning was used" in html
    assert "Found 60 results" in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999999999", "2.5"])
def test_odd_page_numbers_never_fail(client, many, page):
    assert client.get(f"/search/?q=falls&page={page}").status_code == 200


def test_bad_filters_keep_what_was_typed(client, many):
    html = client.get("/search/?q=falls+at+night&created_after=not-a-date").content.decode()

    assert 'value="falls at night"' in html
    assert 'value="not-a-date"' in html


def test_the_feed_is_atom_with_the_searchs_results(client, many):
    response = client.get("/search/feed/?q=falls&type=news")

    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.count("<entry>") == 15
    assert "Safety Hub search: falls" in body


def test_tag_suggestions_start_with_what_was_typed(client, member, editor):
    publish_item(member, editor, tags=["Falls", "Fall prevention", "Medication", "Night falls"])

    assert client.get("/search/tags/?q=fal").json() == {
        "tags": ["Fall prevention", "Falls", "Night falls"]
    }
    assert client.get("/search/tags/?q=medication, fal").json()["tags"][0] == "Fall prevention"
    assert client.get("/search/tags/?q=").json() == {"tags": []}


def test_member_search_needs_sign_in(client):
    assert client.get("/search/members/").status_code == 302


def test_member_search_matches_only_what_the_viewer_may_see(client, member):
    MemberFactory(
        username="shown",
        first_name="Ada",
        last_name="Lovelace",
        about="Theatre nurse",
        real_name_visibility="members",
        about_visibility="public",
    )
    MemberFactory(
        username="private",
        first_name="Ada",
        last_name="Byron",
        about="Theatre manager",
        real_name_visibility="private",
        about_visibility="private",
    )
    client.force_login(member)

    html = client.get("/search/members/?first_name=ada").content.decode()
    assert "Found 1 member" in html and "shown" in html and "Byron" not in html
    html = client.get("/search/members/?about=theatre").content.decode()
    assert "Found 1 member" in html
    html = client.get("/search/members/?last_name=byron").content.decode()
    assert "Found 0 members" in html


def test_member_search_pages_through_matches_in_name_order(client, member):
    for name in ("Okafor Eve", "Okafor Ann", "Okafor Dan", "Okafor Bea", "Okafor Cal"):
        MemberFactory(display_name=name)
    client.force_login(member)

    first = client.get("/search/members/?name=okafor").content.decode()
    assert "Found 5 members" in first
    names = [n for n in ("Ann", "Bea", "Cal", "Dan", "Eve") if f"Okafor {n}" in first]
    assert names == ["Ann", "Bea", "Cal", "Dan", "Eve"]
    assert first.index("Okafor Ann") < first.index("Okafor Bea") < first.index("Okafor Eve")


def test_member_search_counts_up_to_the_cap_and_says_when_there_are_more(
    client, member, monkeypatch
):
    monkeypatch.setattr("hub.searchpages.queries.COUNT_CAP", 3)
    for name in ("Okafor Eve", "Okafor Ann", "Okafor Dan", "Okafor Bea", "Okafor Cal"):
        MemberFactory(display_name=name)
    client.force_login(member)

    html = client.get("/search/members/?name=okafor").content.decode()

    assert "More than 3 members" in html
    assert "These pages show the first 3 in name order" in html
    assert "Okafor Cal" in html and "Okafor Dan" not in html


def test_member_search_page_runs_the_same_queries_for_any_number_of_matches(
    client, member, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_page_two() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ran:
            html = client.get("/search/members/?name=okafor&page=2").content.decode()
        return len(ran), html

    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="St Elsewhere")

    def okafor(n: int):
        # Everything a card can show, shown: a field the page did not load would cost a
        # query per card.
        return MemberFactory(
            display_name=f"Okafor {n:02d}",
            organisation=organisation,
            country="GB",
            job_title="Ward manager",
            member_type="staff",
            real_name_visibility="public",
            organisation_visibility="public",
            country_visibility="public",
            job_title_visibility="public",
            member_type_visibility="public",
        )

    for n in range(25):
        okafor(n)
    client.force_login(member)
    few, _ = queries_for_page_two()
    for n in range(25, 45):
        okafor(n)

    with django_assert_max_num_queries(10):
        many, html = queries_for_page_two()

    assert few == many
    assert "Found 45 members" in html and "Page 2 of 3" in html
    assert "Okafor 20" in html and "Okafor 39" in html and "Okafor 40" not in html
    assert "Ward manager, St Elsewhere · United Kingdom · Health and care staff" in html


def test_member_search_bad_dates_say_so(client, member):
    client.force_login(member)
    response = client.get("/search/members/?joined_after=soon")

    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()


def test_a_search_that_finds_nothing_suggests_titles_that_contain_it(client, many):
    html = client.get("/search/?q=prevention+zzz").content.decode()

    assert "No results" in html and "Did you mean" in html
    assert (
        client.get("/search/suggest/?q=falls prev")
        .json()["results"][0]["title"]
        .startswith("Falls prevention")
    )
