"""`User.has_verified_email` follows allauth's addresses (hub/accounts/signals.py) and
migration 0004 fills it in for existing members."""

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hub.accounts import queries
from hub.accounts.models import User
from tests.factories import MemberFactory


def flag_in_database(member) -> bool:
    return User.objects.values_list("has_verified_email", flat=True).get(pk=member.pk)


def shown(member) -> bool:
    return queries.active_members().filter(pk=member.pk).exists()


@pytest.mark.django_db
def test_a_member_with_a_verified_address_is_flagged_and_shown():
    member = MemberFactory()

    assert flag_in_database(member) is True
    assert member.has_verified_email is True  # the object that created the address too
    assert shown(member)


@pytest.mark.django_db
def test_a_member_whose_address_is_not_verified_is_not_shown():
    member = MemberFactory(verified=False)
    EmailAddress.objects.create(user=member, email=member.email, verified=False, primary=True)

    assert flag_in_database(member) is False
    assert not shown(member)


@pytest.mark.django_db
def test_confirming_the_address_shows_the_member():
    member = MemberFactory(verified=False)
    address = EmailAddress.objects.create(user=member, email=member.email, primary=True)

    address.set_verified()  # what allauth does when the link is followed

    assert flag_in_database(member) is True
    assert shown(member)


@pytest.mark.django_db
def test_removing_the_only_verified_address_hides_the_member():
    member = MemberFactory()

    member.emailaddress_set.all().delete()

    assert flag_in_database(member) is False
    assert not shown(member)


@pytest.mark.django_db
def test_removing_an_unverified_second_address_keeps_the_member_shown():
    member = MemberFactory()
    second = EmailAddress.objects.create(user=member, email="second@example.org")

    second.delete()

    assert flag_in_database(member) is True


@pytest.mark.django_db
def test_a_stale_member_object_saved_whole_does_not_undo_a_confirmation():
    member = MemberFactory(verified=False)
    address = EmailAddress.objects.create(user=member, email=member.email, primary=True)
    stale = User.objects.get(pk=member.pk)  # loaded before the address was confirmed
    EmailAddress.objects.get(pk=address.pk).set_verified()

    stale.job_title = "Ward manager"
    stale.save()

    assert flag_in_database(member) is True
    assert stale.has_verified_email is True


@pytest.mark.django_db
def test_a_partial_save_leaves_the_flag_alone(django_assert_num_queries):
    member = MemberFactory()

    with django_assert_num_queries(1):  # no look-up of addresses for a sign-in's last_login
        member.save(update_fields=["last_login"])

    assert flag_in_database(member) is True


# Migration 0004 ------------------------------------------------------------------------------

BEFORE = [("accounts", "0003_verified_email_index")]
AFTER = [("accounts", "0004_user_has_verified_email")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_0004_flags_existing_members_with_a_verified_address():
    apps = migrate(BEFORE)
    try:
        user = apps.get_model("accounts", "User")
        address = apps.get_model("account", "EmailAddress")
        verified = user.objects.create(username="verified", email="verified@example.org")
        address.objects.create(user=verified, email=verified.email, verified=True, primary=True)
        pending = user.objects.create(username="pending", email="pending@example.org")
        address.objects.create(user=pending, email=pending.email, verified=False, primary=True)
        none = user.objects.create(username="none", email="none@example.org")
    finally:
        apps = migrate(AFTER)

    flags = dict(
        apps.get_model("accounts", "User").objects.values_list("username", "has_verified_email")
    )
    assert flags == {"verified": True, "pending": False, "none": False}
    assert none.pk


def member_text_rows(text: str) -> set[int]:
    if connection.vendor != "sqlite":  # PostgreSQL's trigram indexes need no triggers
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM accounts_member_text WHERE accounts_member_text MATCH %s",
            [f'"{text}"'],
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_0004_both_ways_keeps_the_member_text_index_in_step():
    # SQLite rebuilds the members table to add or drop the column, dropping its triggers.
    apps = migrate(BEFORE)
    try:
        old_user = apps.get_model("accounts", "User")
        before = old_user.objects.create(
            username="before", email="b@example.org", display_name="Quayside Kestrel"
        )
        if connection.vendor == "sqlite":
            assert member_text_rows("Kestrel") == {before.pk}
    finally:
        migrate(AFTER)
    added = MemberFactory(display_name="Estuary Heron")
    renamed = User.objects.get(pk=before.pk)
    renamed.display_name = "Harbour Heron"
    renamed.save()
    EmailAddress.objects.create(user=renamed, email=renamed.email, verified=True, primary=True)

    found = queries.member_directory(viewer=added, filters={"name": "heron"})

    assert {m.pk for m in found} == {added.pk, renamed.pk}
