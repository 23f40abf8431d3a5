"""Plain library items and members for the engagement tests."""

import itertools

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from hub.library.models import Item
from hub.taxonomy.models import Category
from tests.factories import MemberFactory

_numbers = itertools.count(1)


def make_item(owner, *, status="published", title=None, **fields) -> Item:
    n = next(_numbers)
    item = Item.objects.create(
        kind="article",
        status=status,
        published_at=timezone.now() if status == "published" else None,
        title=title or f"Learning from the night shift {n}",
        slug=f"learning-night-shift-{n}",
        summary="What we learned.",
        body="<p>x</p>",
        owner=owner,
        **fields,
    )
    item.categories.add(Category.objects.filter(parent__isnull=False).first())
    return item


@pytest.fixture
def author(db):
    return MemberFactory(username="itemauthor", display_name="Item Author")


@pytest.fixture
def item(author):
    return make_item(author)


@pytest.fixture
def draft_item(author):
    return make_item(author, status="draft")


@pytest.fixture
def moderator(db):
    user = MemberFactory(username="moderator", display_name="Mo Derator")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="engagement", codename="delete_comment")
    )
    return user
