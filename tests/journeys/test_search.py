"""Search in real Chromium, with axe-core on every page: a reader narrows a search by tag,
type, date and category, opens a result and shares the URL; another reader who is not in the
network opens the same URL and sees the same results, minus the network's own."""

import re

import pytest
from playwright.sync_api import expect

from hub.community import services as community
from hub.community.models import Forum
from hub.library.models import ItemKind
from hub.networks.models import Membership, Network
from hub.taxonomy.models import Category
from tests.axe import assert_accessible
from tests.factories import PASSWORD, MemberFactory
from tests.unit.search.helpers import publish_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r".*/members/.*"))


def test_a_reader_narrows_a_search_and_shares_it_with_someone_outside_the_network(
    page, browser, live_server
):
    author = MemberFactory(username="nadia", display_name="Nadia Shah")
    editor = MemberFactory(username="edith", display_name="Edith", roles=["Editor"])
    reader = MemberFactory(username="rita", email="rita@example.org", display_name="Rita")
    network = Network.objects.create(name="Ward managers", slug="ward-managers", purpose="Peers")
    Membership.objects.create(network=network, user=reader, role="leader")
    medication = Category.objects.get(name="Medication")
    other = Category.objects.filter(parent__isnull=False).exclude(pk=medication.pk).first()

    publish_item(
        author,
        editor,
        title="Falls after sedation: a huddle",
        tags=["Falls"],
        categories=[medication],
    )
    publish_item(
        author,
        editor,
        title="Falls and medicines news",
        tags=["Falls"],
        categories=[medication],
        kind=ItemKind.NEWS,
    )
    publish_item(author, editor, title="Falls on the stairs", tags=["Falls"], categories=[other])
    publish_item(
        author, editor, title="Sedation without falls", tags=["Sedation"], categories=[medication]
    )
    publish_item(
        reader,
        reader,
        title="Falls review for our managers",
        tags=["Falls"],
        categories=[medication],
        network=network,
    )
    community.topic_start(
        actor=author,
        title="Falls at night",
        body="<p>How do you prevent falls?</p>",
        forum=Forum.objects.first(),
    )

    # The reader searches, then narrows by tag (with a suggestion), type, date and category.
    sign_in(page, "rita@example.org")
    page.get_by_role("link", name="Search", exact=True).click()
    assert_accessible(page)
    page.get_by_role("searchbox", name="Search for").fill("falls")
    page.get_by_role("button", name="Search", exact=True).first.click()
    expect(page.get_by_role("heading", name="Found 6 results")).to_be_visible()
    assert_accessible(page)

    page.get_by_text("More ways to search").click()
    page.get_by_role("textbox", name="Tags (optional)").fill("fal")
    page.get_by_role("button", name="Falls", exact=True).click()
    expect(page.get_by_role("textbox", name="Tags (optional)")).to_have_value("Falls, ")
    page.get_by_label("Article").check()
    page.get_by_label("Posted on or after").fill("2020-01-01")
    page.get_by_label("Library category").select_option(value=medication.parent.slug)
    assert_accessible(page)
    page.get_by_role("button", name="Search", exact=True).last.click()

    results = page.locator(".result h3")
    expect(results).to_have_count(2)
    titles = sorted(results.all_inner_texts())
    assert titles == ["Falls after sedation: a huddle", "Falls review for our managers"]
    expect(page.get_by_role("heading", name="Found 2 results")).to_be_visible()
    assert_accessible(page)
    shared_url = page.url
    assert "updated_after" not in shared_url  # empty fields are left out of the link
    assert "tags=Falls" in shared_url and "type=article" in shared_url
    assert (
        "created_after=2020-01-01" in shared_url
        and f"category={medication.parent.slug}" in shared_url
    )

    page.get_by_role("link", name="Falls after sedation: a huddle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Falls after sedation: a huddle")
    assert_accessible(page)

    # Someone who is not in the network opens the shared link.
    stranger = browser.new_context(base_url=live_server.url)
    other_page = stranger.new_page()
    try:
        other_page.goto(shared_url)
        expect(other_page.get_by_role("heading", name="Found 1 result")).to_be_visible()
        expect(other_page.locator(".result h3")).to_have_text(["Falls after sedation: a huddle"])
        expect(other_page.get_by_text("Falls review for our managers")).to_have_count(0)
        assert_accessible(other_page)
    finally:
        stranger.close()


def test_a_member_finds_another_by_first_name_and_country_but_not_by_a_private_fact(page):
    MemberFactory(username="rita", email="rita@example.org", display_name="Rita")
    MemberFactory(
        username="grace",
        display_name="Grace H",
        first_name="Grace",
        last_name="Hopper",
        country="GB",
        about="Theatre nurse",
        real_name_visibility="members",
    )
    MemberFactory(
        username="ghost",
        display_name="G",
        first_name="Grace",
        last_name="Secret",
        real_name_visibility="private",
    )

    sign_in(page, "rita@example.org")
    page.goto("/search/")
    page.get_by_role("link", name="Search for members").click()
    assert_accessible(page)
    page.get_by_label("First name").fill("grace")
    page.get_by_role("button", name="Search members").click()

    # The other Grace keeps her real name private, so her first name cannot find her.
    expect(page.get_by_role("heading", name="Found 1 member")).to_be_visible()
    expect(page.get_by_role("link", name="Grace H")).to_be_visible()
    expect(page.get_by_text("Secret")).to_have_count(0)
    assert_accessible(page)

    page.get_by_label("Country").select_option(label="United Kingdom")
    page.get_by_role("button", name="Search members").click()
    expect(page.get_by_role("heading", name="Found 1 member")).to_be_visible()
    assert "first_name=grace" in page.url and "country=GB" in page.url


def test_a_broad_member_search_says_it_shows_the_first_matches_in_name_order(page, monkeypatch):
    """The member count stops at the cap, as content search's does; the cap is lowered so
    three members stand for thousands."""
    from hub.searchpages import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 2)
    MemberFactory(username="rita", email="rita@example.org", display_name="Rita")
    for name in ("Okafor Cy", "Okafor Ama", "Okafor Bo"):
        MemberFactory(display_name=name)

    sign_in(page, "rita@example.org")
    page.goto("/search/members/")
    page.get_by_label("Name (optional)", exact=True).fill("okafor")
    page.get_by_role("button", name="Search members").click()

    expect(page.get_by_role("heading", name="More than 2 members")).to_be_visible()
    expect(page.get_by_text("These pages show the first 2 in name order")).to_be_visible()
    expect(page.get_by_role("link", name="Okafor Ama")).to_be_visible()
    expect(page.get_by_role("link", name="Okafor Bo")).to_be_visible()
    expect(page.get_by_role("link", name="Okafor Cy")).to_have_count(0)
    assert_accessible(page)


def test_a_broad_search_says_how_it_is_counted_and_sorted(page, monkeypatch):
    """Past the count cap the page says "More than", and a popularity sort says it ordered the
    newest matches. The cap is lowered so a handful of items stands for thousands."""
    from hub.searchpages import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    author = MemberFactory(username="nadia", display_name="Nadia Shah")
    editor = MemberFactory(username="edith", display_name="Edith", roles=["Editor"])
    for n in range(5):
        publish_item(author, editor, title=f"Handover checklist {n}", tags=["Handover"])

    page.goto("/search/?q=handover")
    expect(page.get_by_role("heading", name="More than 3 results")).to_be_visible()
    assert_accessible(page)

    page.get_by_text("More ways to search").click()
    page.get_by_label("Sort by").select_option(label="Most viewed")
    page.get_by_role("button", name="Search", exact=True).last.click()

    expect(page.get_by_text("so these are the newest 3 in the order you chose")).to_be_visible()
    expect(page.locator(".result h3")).to_have_count(3)
    assert "sort=views" in page.url
    assert_accessible(page)
