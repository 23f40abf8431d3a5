"""The embedded demo's library: loaded through the services, complete, safe to share, and once."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from hub.demo.reader import read_demo
from hub.engagement.models import Comment, Reaction
from hub.engagement.queries import content_type_for
from hub.library.models import (
    GOOD_PRACTICE_FIELDS,
    Item,
    ItemKind,
    ItemStatus,
    SafetyAction,
)
from hub.library.services import STRUCTURED_TEXT_FIELDS, item_problems
from hub.taxonomy.models import Category, Series, Tag

pytestmark = pytest.mark.django_db

TITLES = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\b")
# An NHS-number-like run of ten digits, with or without the usual spaces or dashes.
TEN_DIGITS = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
INITIAL_AS_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Patient)\s+[A-Z]\b")
MEMBER_NAMES = {m[key] for m in read_demo().members for key in ("first_name", "last_name")}


def _counts() -> dict[str, int]:
    return {
        "items": Item.objects.filter(network=None).count(),  # not the networks' resources
        "published": Item.objects.filter(status=ItemStatus.PUBLISHED).count(),
        "safety actions": SafetyAction.objects.count(),
        "comments": Comment.objects.count(),
        "reactions": Reaction.objects.count(),
        "tags": Tag.objects.count(),
        "series": Series.objects.count(),
    }


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Run `load_demo` twice for the whole module, then roll everything back."""
    with django_db_blocker.unblock(), transaction.atomic():
        first_run, second_run = StringIO(), StringIO()
        call_command("load_demo", stdout=first_run)
        first = _counts()
        call_command("load_demo", stdout=second_run)
        yield {
            "first": first,
            "second": _counts(),
            "first_output": first_run.getvalue(),
            "second_output": second_run.getvalue(),
        }
        transaction.set_rollback(True)


def _published():
    return Item.objects.filter(status=ItemStatus.PUBLISHED)


def _texts(item: Item) -> list[str]:
    texts = [item.title, item.summary, item.body, item.region]
    texts += [getattr(item, name) for name in STRUCTURED_TEXT_FIELDS]
    for action in item.safety_actions.all():
        texts += [action.description, action.owner_role, action.measure]
    return texts


def test_loading_twice_adds_nothing_the_second_time(loaded):
    assert loaded["first"] == loaded["second"]
    assert loaded["first"]["items"] == len(read_demo().items)
    assert f"Demo library ready: {len(read_demo().items)} new item(s)." in loaded["first_output"]
    assert "Demo library ready: 0 new item(s)." in loaded["second_output"]
    assert "comment" not in loaded["second_output"]


def test_there_are_enough_published_items_of_every_kind(loaded):
    published = _published()
    assert published.count() >= 55
    assert set(published.values_list("kind", flat=True)) == set(ItemKind.values)
    assert all(item.published_at < timezone.now() for item in published)
    oldest = min(item.published_at for item in published)
    assert (timezone.now() - oldest).days > 2 * 365
    assert 3 <= published.filter(featured=True).count() <= 4
    assert published.exclude(series=None).exists()


def test_every_area_has_at_least_two_published_items(loaded):
    areas = list(Category.objects.areas())
    assert len(areas) == 13
    for area in areas:
        ids = [area.pk, *area.children.values_list("pk", flat=True)]
        count = _published().filter(categories__in=ids).distinct().count()
        assert count >= 2, area.name


def test_the_editors_have_items_waiting_in_other_states(loaded):
    assert Item.objects.filter(status=ItemStatus.SUBMITTED).count() >= 2
    returned = Item.objects.get(status=ItemStatus.RETURNED)
    assert returned.last_note_to_author()
    assert Item.objects.filter(status=ItemStatus.DRAFT).count() >= 1


def test_incident_learning_is_complete_and_actions_are_owned_by_roles(loaded):
    items = Item.objects.filter(kind=ItemKind.INCIDENT_LEARNING).prefetch_related("safety_actions")
    assert _published().filter(kind=ItemKind.INCIDENT_LEARNING).count() >= 10
    responses = set(items.values_list("learning_response", flat=True))
    assert {"after_action_review", "swarm_huddle", "mdt_review", "psii", "thematic_review"} <= (
        responses
    )
    for item in items:
        assert item_problems(item) == [], item.title
        assert len(item.seips_factors()) >= 2, item.title
        actions = list(item.safety_actions.all())
        assert 2 <= len(actions) <= 4, item.title
        for action in actions:
            assert not TITLES.search(action.owner_role), action.owner_role
            assert not set(action.owner_role.split()) & MEMBER_NAMES, action.owner_role
            assert action.measure and action.strength and action.status


def test_good_practice_fills_all_six_fields(loaded):
    for item in Item.objects.filter(kind=ItemKind.GOOD_PRACTICE):
        assert item_problems(item) == [], item.title
        assert len(item.good_practice()) == len(GOOD_PRACTICE_FIELDS), item.title


def test_some_staff_stories_are_anonymous(loaded):
    anonymous = _published().filter(is_anonymous=True)
    assert anonymous.count() >= 2
    assert set(anonymous.values_list("kind", flat=True)) == {ItemKind.STORY}


def test_nothing_identifies_a_patient(loaded):
    for item in Item.objects.prefetch_related("safety_actions"):
        for text in _texts(item):
            assert not TEN_DIGITS.search(text), (item.title, text)
            assert not INITIAL_AS_NAME.search(text), (item.title, text)
    for comment in Comment.objects.all():
        assert not TEN_DIGITS.search(comment.body)


def test_members_discuss_and_react_to_published_items(loaded):
    comments = Comment.objects.all()
    assert comments.count() >= 35
    assert len(set(comments.values_list("object_id", flat=True))) >= 15
    assert comments.exclude(parent=None).exists()
    assert 2 <= comments.filter(is_anonymous=True).count() <= 3
    for item in _published():
        reactions = Reaction.objects.filter(content_type=content_type_for(item), object_id=item.pk)
        assert reactions.count() <= 8
        assert not reactions.filter(user=item.owner).exists()
        assert item.reaction_count == reactions.count()
    assert Reaction.objects.count() >= len(read_demo().items)
