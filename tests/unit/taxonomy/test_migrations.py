"""Category, Tag and Series moved from the library to the taxonomy app (taxonomy 0001-0003,
library 0005, events 0002, gallery 0002) with every row, link, follow and grant kept, forwards
and backwards, on either engine."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hub.accounts.models import User
from hub.engagement import queries as engagement_queries
from hub.engagement import services as engagement
from hub.engagement.models import Follow
from hub.events.models import Event
from hub.gallery.models import ErrorTrap
from hub.library.models import Item
from hub.taxonomy.loaders import load_categories
from hub.taxonomy.models import Approach, Category, SafetyTarget, Series, Tag
from tests.factories import MemberFactory
from tests.unit.events.helpers import make_event
from tests.unit.gallery.helpers import pending_trap
from tests.unit.library.helpers import published

BEFORE = [("taxonomy", None)]  # the library owns the three models again


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    # The models as the migrations applied now have them.
    applied = MigrationExecutor(connection).loader.applied_migrations
    return executor.loader.project_state(tuple(applied)).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture(autouse=True)
def back_to_the_latest_migrations():
    """Tests here stop at an older migration; the tests after them need the latest schema."""
    yield
    migrate(latest())


def content_type_ids():
    return {
        (row.app_label, row.model): row.pk
        for row in ContentType.objects.filter(model__in=("category", "tag", "series"))
    }


@pytest.fixture
def world(editor):
    """Demo-like rows: areas, an item, an event and an error trap that carry categories and
    tags, a series, follows of a tag and a category, and a role granted a taxonomy permission."""
    load_categories(Category)  # a transactional test before this one may have flushed them
    moderator = MemberFactory(roles=["Moderator"])
    follower = MemberFactory()
    admin = MemberFactory(roles=["Administrator"], is_staff=True)
    series = Series.objects.create(name="Interviews", slug="interviews")
    item = published(MemberFactory(), editor, tags=["handover", "falls"])
    Item.objects.filter(pk=item.pk).update(series=series)
    event = make_event(editor, tag_names=["handover"], categories=[item.categories.first()])
    trap = pending_trap(MemberFactory())
    tag = Tag.objects.get(slug="handover")
    category = item.categories.get()
    engagement.follow_set(actor=follower, target=tag, following=True)
    engagement.follow_set(actor=follower, target=category, following=True)
    return {
        "follower": follower,
        "admin": admin,
        "moderator": moderator,
        "item": item,
        "event": event,
        "trap": trap,
        "tag": tag,
        "category": category,
        "series": series,
        "counts": (Category.objects.count(), Tag.objects.count(), Series.objects.count()),
        "item_links": sorted(item.tags.values_list("pk", flat=True)),
        "event_links": sorted(event.tags.values_list("pk", flat=True)),
        "trap_links": sorted(trap.categories.values_list("pk", flat=True)),
        "content_types": content_type_ids(),
    }


def assert_links_kept(world):
    assert (Category.objects.count(), Tag.objects.count(), Series.objects.count()) == world[
        "counts"
    ]
    item = Item.objects.get(pk=world["item"].pk)
    assert sorted(item.tags.values_list("pk", flat=True)) == world["item_links"]
    assert item.categories.get() == world["category"]
    assert item.series == world["series"]
    event = Event.objects.get(pk=world["event"].pk)
    assert sorted(event.tags.values_list("pk", flat=True)) == world["event_links"]
    trap = ErrorTrap.objects.get(pk=world["trap"].pk)
    assert sorted(trap.categories.values_list("pk", flat=True)) == world["trap_links"]


@pytest.mark.django_db(transaction=True)
def test_backwards_and_forwards_keep_rows_links_follows_and_grants(world):
    tag, category, follower = world["tag"], world["category"], world["follower"]
    taxonomy_ids = world["content_types"]
    assert set(taxonomy_ids) == {
        ("taxonomy", "category"),
        ("taxonomy", "tag"),
        ("taxonomy", "series"),
    }

    apps = migrate(BEFORE)
    try:
        # Back in the library: the same rows, the same content type rows under their old label.
        OldTag = apps.get_model("library", "Tag")
        OldCategory = apps.get_model("library", "Category")
        OldItem = apps.get_model("library", "Item")
        OldFollow = apps.get_model("engagement", "Follow")
        OldContentType = apps.get_model("contenttypes", "ContentType")
        assert OldCategory.objects.count() == world["counts"][0]
        assert OldTag.objects.count() == world["counts"][1]
        assert apps.get_model("library", "Series").objects.count() == world["counts"][2]
        old_item = OldItem.objects.get(pk=world["item"].pk)
        assert sorted(old_item.tags.values_list("pk", flat=True)) == world["item_links"]
        assert old_item.series_id == world["series"].pk
        assert content_type_ids() == {
            ("library", model): pk for (_, model), pk in taxonomy_ids.items()
        }
        assert "taxonomy_safetytarget" not in connection.introspection.table_names()
        tag_type = OldContentType.objects.get(app_label="library", model="tag")
        assert OldFollow.objects.filter(
            content_type=tag_type, object_id=tag.pk, user_id=follower.pk
        ).exists()
        # The Administrator role's grant went back with its content type.
        group = Group.objects.get(name="Administrator")
        assert group.permissions.filter(
            content_type__app_label="library", codename="change_category"
        ).exists()
        # Rows made while the library owned the models move forward too.
        newcomer = OldTag.objects.create(name="sepsis", slug="sepsis")
        OldFollow.objects.create(content_type=tag_type, object_id=newcomer.pk, user_id=follower.pk)
    finally:
        migrate(latest())

    assert content_type_ids() == taxonomy_ids
    assert_links_kept_after_new_tag(world)
    sepsis = Tag.objects.get(slug="sepsis")
    assert engagement_queries.is_following(viewer=follower, target=tag)
    assert engagement_queries.is_following(viewer=follower, target=category)
    # The tag made in the old state is carried by nothing (so hidden from everyone), but its
    # follow still points at it.
    assert {f.target for f in Follow.objects.filter(user=follower)} == {tag, category, sepsis}
    assert engagement_queries.followers_of(targets=[tag]) == {follower.pk}
    admin = User.objects.get(pk=world["admin"].pk)
    assert admin.has_perm("taxonomy.change_category")
    assert not admin.has_perm("library.change_category")
    # The new facets are back, filled.
    assert SafetyTarget.objects.filter(slug="medication").exists()
    assert Approach.objects.count() == 9


def assert_links_kept_after_new_tag(world):
    world = dict(world, counts=(world["counts"][0], world["counts"][1] + 1, world["counts"][2]))
    assert_links_kept(world)


@pytest.mark.django_db(transaction=True)
def test_both_content_type_rows_are_merged_into_one(world):
    """`migrate` makes the content types it misses: after a step back and a `migrate` that
    recreated ('taxonomy', 'tag'), going forward keeps one row and every follow and grant."""
    tag, follower = world["tag"], world["follower"]
    group = Group.objects.get(name="Moderator")

    apps = migrate(BEFORE)
    try:
        OldPermission = apps.get_model("auth", "Permission")
        old_type = ContentType.objects.get(app_label="library", model="tag")
        old_change = OldPermission.objects.get(content_type_id=old_type.pk, codename="change_tag")
        group.permissions.add(old_change.pk)
        twin_type = ContentType.objects.create(app_label="taxonomy", model="tag")
        OldPermission.objects.create(
            content_type_id=twin_type.pk, codename="change_tag", name="Can change tag"
        )
    finally:
        migrate(latest())

    assert list(ContentType.objects.filter(model="tag").values_list("app_label", "pk")) == [
        ("taxonomy", twin_type.pk)
    ]
    assert engagement_queries.is_following(viewer=follower, target=tag)
    assert Follow.objects.get(user=follower, object_id=tag.pk).content_type_id == twin_type.pk
    assert group.permissions.filter(content_type=twin_type, codename="change_tag").exists()
    moderator = User.objects.get(pk=world["moderator"].pk)
    assert moderator.has_perm("taxonomy.change_tag")
    assert_links_kept(world)
