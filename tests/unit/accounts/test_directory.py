"""The member directory (/members/) and hub.accounts.queries.member_directory."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hub.accounts import queries
from tests.factories import MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def listed(client, **params) -> set[str]:
    response = client.get("/members/", params)
    assert response.status_code == 200
    return {view.member.username for view in response.context["profiles"]}


@pytest.fixture
def viewer(client, member):
    client.force_login(member)
    return member


def test_directory_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/members/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/members/"


def test_directory_lists_active_verified_members(client, viewer, other_member):
    assert {viewer.username, other_member.username} <= listed(client)


def test_directory_leaves_out_members_with_an_unverified_email(client, viewer):
    unverified = MemberFactory(verified=False)

    assert unverified.username not in listed(client)


def test_directory_leaves_out_inactive_members(client, viewer):
    closed = MemberFactory(is_active=False)

    assert closed.username not in listed(client)


# Name --------------------------------------------------------------------------------------


def test_name_filter_matches_the_display_name(client, viewer):
    wanted = MemberFactory(display_name="Harbour Heron")
    MemberFactory(display_name="Someone Else")

    assert listed(client, name="heron") == {wanted.username}


def test_name_filter_matches_the_username(client, viewer):
    wanted = MemberFactory(username="kingfisher42", display_name="KF")

    assert listed(client, name="kingfisher") == {wanted.username}


@pytest.mark.parametrize("visibility", ["public", "members"])
def test_name_filter_matches_a_real_name_the_viewer_may_see(client, viewer, visibility):
    wanted = MemberFactory(
        first_name="Ottoline", last_name="Marchbanks", real_name_visibility=visibility
    )

    assert listed(client, name="ottoline") == {wanted.username}
    assert listed(client, name="marchbanks") == {wanted.username}


def test_name_filter_never_matches_a_real_name_kept_to_only_me(client, viewer):
    MemberFactory(first_name="Ottoline", last_name="Marchbanks", real_name_visibility="only_me")

    assert listed(client, name="ottoline") == set()
    assert listed(client, name="marchbanks") == set()


def test_member_finds_their_own_private_real_name(client, viewer):
    viewer.first_name = "Ottoline"
    viewer.real_name_visibility = "only_me"
    viewer.save()

    assert listed(client, name="ottoline") == {viewer.username}


# Guarded facts -----------------------------------------------------------------------------


GUARDED_FILTERS = [
    # (filter params, member attributes, visibility field)
    (
        {"organisation": "quillfeather"},
        {"organisation": lambda: OrganisationFactory(name="Quillfeather Health Trust")},
        "organisation_visibility",
    ),
    ({"country": "NZ"}, {"country": "NZ"}, "country_visibility"),
    ({"role": "pilot"}, {"job_title": "Harbour pilot liaison"}, "job_title_visibility"),
    ({"member_type": "researcher"}, {"member_type": "researcher"}, "member_type_visibility"),
]


def build(attributes: dict, **extra):
    values = {k: (v() if callable(v) else v) for k, v in attributes.items()}
    return MemberFactory(**values, **extra)


@pytest.mark.parametrize(("params", "attributes", "visibility_field"), GUARDED_FILTERS)
@pytest.mark.parametrize("visibility", ["public", "members"])
def test_filter_matches_a_fact_the_viewer_may_see(
    client, viewer, params, attributes, visibility_field, visibility
):
    wanted = build(attributes, **{visibility_field: visibility})
    MemberFactory()  # someone who does not match

    assert listed(client, **params) == {wanted.username}


@pytest.mark.parametrize(("params", "attributes", "visibility_field"), GUARDED_FILTERS)
def test_filter_never_matches_a_fact_kept_to_only_me(
    client, viewer, params, attributes, visibility_field
):
    hidden = build(attributes, **{visibility_field: "only_me"})

    assert hidden.username not in listed(client, **params)
    assert listed(client, **params) == set()


@pytest.mark.parametrize(("params", "attributes", "visibility_field"), GUARDED_FILTERS)
def test_member_finds_themself_by_their_own_private_facts(
    client, params, attributes, visibility_field
):
    me = build(attributes, **{visibility_field: "only_me"})
    client.force_login(me)

    assert listed(client, **params) == {me.username}


@pytest.mark.parametrize(("params", "attributes", "visibility_field"), GUARDED_FILTERS)
def test_query_never_matches_members_only_facts_for_an_anonymous_viewer(
    params, attributes, visibility_field
):
    from django.contrib.auth.models import AnonymousUser

    build(attributes, **{visibility_field: "members"})
    public = build(attributes, **{visibility_field: "public"})
    found = queries.member_directory(viewer=AnonymousUser(), filters=params)

    assert [m.username for m in found] == [public.username]


def test_directory_page_does_not_print_a_fact_kept_to_only_me(client, viewer):
    MemberFactory(
        display_name="Private Heron",
        job_title="Harbour pilot liaison",
        job_title_visibility="only_me",
        organisation=OrganisationFactory(name="Quillfeather Health Trust"),
        organisation_visibility="only_me",
    )

    html = client.get("/members/").content.decode()

    assert "Private Heron" in html
    assert "Harbour pilot" not in html
    assert "Quillfeather" not in html


# Group and joined dates --------------------------------------------------------------------


def test_group_filter_matches_members_in_that_group(client, viewer):
    moderator = MemberFactory(roles=["Moderator"])
    MemberFactory(roles=["Editor"])

    assert listed(client, group="Moderator") == {moderator.username}


def test_joined_range_filter_keeps_members_who_joined_within_it(client, viewer):
    now = timezone.now()
    old = MemberFactory(date_joined=now - dt.timedelta(days=400))
    middle = MemberFactory(date_joined=now - dt.timedelta(days=100))
    viewer.date_joined = now
    viewer.save()
    after = (now - dt.timedelta(days=200)).date().isoformat()
    before = (now - dt.timedelta(days=50)).date().isoformat()

    assert listed(client, joined_after=after, joined_before=before) == {middle.username}
    assert old.username in listed(client, joined_before=before)
    assert old.username not in listed(client, joined_after=after)


def test_joined_before_earlier_than_joined_after_is_a_field_error(client, viewer):
    response = client.get(
        "/members/", {"joined_after": "2025-06-01", "joined_before": "2025-01-01"}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "joined_before" in form.errors
    html = response.content.decode()
    assert 'id="id_joined_before_error"' in html
    assert "before the &#x27;joined on or after&#x27; date" in html


def test_a_malformed_date_is_a_field_error(client, viewer):
    response = client.get("/members/", {"joined_after": "last tuesday"})

    assert "joined_after" in response.context["form"].errors


# Paging and query counts ---------------------------------------------------------------------


def test_directory_shows_twenty_members_a_page_and_keeps_filters_in_page_links(client, viewer):
    for i in range(25):
        MemberFactory(display_name=f"Heron {i:02d}")

    first = client.get("/members/", {"name": "heron"})
    second = client.get("/members/", {"name": "heron", "page": 2})

    assert len(first.context["profiles"]) == 20
    assert len(second.context["profiles"]) == 5
    assert "?name=heron&amp;page=2" in first.content.decode()


def count_directory_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/members/")
    assert response.status_code == 200
    return len(captured.captured_queries)


def populate(n: int) -> None:
    for _ in range(n):
        MemberFactory(
            organisation=OrganisationFactory(),
            country="GB",
            job_title="Nurse",
            member_type="staff",
            roles=["Member", "Editor"],
        )


def test_directory_runs_the_same_number_of_queries_for_5_or_40_members(
    client, viewer, django_assert_max_num_queries
):
    populate(5)
    with django_assert_max_num_queries(12):
        small = count_directory_queries(client)

    populate(35)
    with django_assert_max_num_queries(12):
        large = count_directory_queries(client)

    assert small == large


# The text index (hub/accounts/member_text.py) ------------------------------------------------


def test_name_filter_finds_part_of_a_name_in_any_case(client, viewer):
    wanted = MemberFactory(display_name="Harbour Heron")

    for typed in ("bour her", "HERON", "Harb", "ron"):
        assert listed(client, name=typed) == {wanted.username}, typed


def test_name_filter_follows_renames_and_closed_accounts(client, viewer):
    renamed = MemberFactory(display_name="Harbour Heron")
    renamed.display_name = "Marsh Harrier"
    renamed.save()
    closed = MemberFactory(display_name="Marsh Warbler")
    closed.delete()

    assert listed(client, name="heron") == set()
    assert listed(client, name="marsh") == {renamed.username}


def test_name_filter_takes_short_text_and_quotes_as_text(client, viewer):
    wanted = MemberFactory(display_name='Jo "JJ" Ng')

    assert listed(client, name="Ng") == {wanted.username}  # under three characters
    assert listed(client, name='"JJ"') == {wanted.username}
    assert listed(client, name='"') == {wanted.username}
    assert listed(client, name='J" OR x') == set()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite text index")
def test_on_sqlite_the_name_filter_reads_the_text_index_not_every_member(client, viewer):
    MemberFactory(display_name="Harbour Heron")

    with CaptureQueriesContext(connection) as queries_run:
        listed(client, name="heron")

    assert any("accounts_member_text MATCH" in q["sql"] for q in queries_run.captured_queries)


# The verified-email index (migration 0003) ---------------------------------------------------


def test_the_verified_email_check_has_an_index_of_its_own():
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "account_emailaddress")

    assert ["user_id", "verified"] in [
        spec["columns"] for spec in indexes.values() if spec["index"]
    ]


def test_member_lists_ask_the_members_flag_not_the_address_table():
    # The flag (hub/accounts/signals.py) replaced a look-up of each member's addresses.
    sql, _params = queries.active_members().values("pk").query.sql_with_params()

    assert "account_emailaddress" not in sql
    assert "has_verified_email" in sql
