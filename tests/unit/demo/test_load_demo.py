"""`manage.py load_demo` from the demo app: the whole demo, the same rows however often it
runs, and its summary."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from hub.demo.reader import read_demo

pytestmark = pytest.mark.django_db

# Rows that come and go with sign-ins, not with the demo.
TRANSIENT = {"sessions.Session"}


def _rows() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label not in TRANSIENT
    }


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run `load_demo` twice for the whole module, then roll everything back."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        first_run, second_run = StringIO(), StringIO()
        call_command("load_demo", stdout=first_run)
        first = _rows()
        call_command("load_demo", stdout=second_run)
        yield {
            "first": first,
            "second": _rows(),
            "first_output": first_run.getvalue(),
            "second_output": second_run.getvalue(),
        }
        transaction.set_rollback(True)


def test_a_second_load_leaves_every_table_as_it_was(loaded):
    assert loaded["first"] == loaded["second"]
    rows = loaded["first"]
    demo = read_demo()
    assert rows["accounts.User"] == len(demo.members)
    assert rows["accounts.Organisation"] >= len(demo.organisations)
    resources = sum(len(network["resources"]) for network in demo.networks)
    assert rows["library.Item"] == len(demo.items) + resources
    network_topics = sum(len(network["topics"]) for network in demo.networks)
    assert rows["community.Topic"] == len(demo.topics) + network_topics
    assert rows["networks.Network"] == len(demo.networks)
    assert rows["events.Event"] == len(demo.events)
    assert rows["gallery.ErrorTrap"] == len(demo.traps)


def test_the_summary_says_what_was_new(loaded):
    demo = read_demo()
    assert loaded["first_output"].splitlines() == [
        f"Demo community ready: {len(demo.members)} new member(s), {len(demo.members)} in all.",
        "Demo discussion: 39 new comment(s), 271 new reaction(s).",
        f"Demo library ready: {len(demo.items)} new item(s).",
        "Demo networks: 18 new discussion(s), 10 new resource(s).",
        f"Demo networks ready: {len(demo.networks)} new network(s).",
        f"Demo forums ready: {len(demo.topics)} new discussion(s).",
        f"Demo events ready: {len(demo.events)} new event(s).",
        f"Demo error traps ready: {len(demo.traps)} new.",
    ]
    assert loaded["second_output"].splitlines() == [
        f"Demo community ready: 0 new member(s), {len(demo.members)} in all.",
        "Demo library ready: 0 new item(s).",
        "Demo networks ready: 0 new network(s).",
        "Demo forums ready: 0 new discussion(s).",
        "Demo events ready: 0 new event(s).",
        "Demo error traps ready: 0 new.",
    ]


def test_every_demo_member_signs_in_with_the_published_password(loaded):
    demo = read_demo()
    users = get_user_model().objects.filter(username__in=[m["username"] for m in demo.members])
    assert users.count() == len(demo.members)
    for user in users:
        assert user.check_password(demo.password), user.username
        assert not user.check_password(demo.password + "x"), user.username
