"""The community's forums, loaded by migration from hub/taxonomy/data/taxonomy.json."""

import pytest
from django.utils.html import escape

from hub.community import queries
from hub.community.models import Forum
from hub.taxonomy.loaders import load_taxonomy

pytestmark = pytest.mark.django_db


def test_community_has_the_thirteen_forums_of_the_taxonomy_file_in_order():
    names = [forum.name for forum in queries.forum_tree()]

    assert len(names) == 13
    assert names == load_taxonomy()["forums"]


def test_every_forum_has_a_description():
    forums = list(Forum.objects.all())

    assert len(forums) == 13
    for forum in forums:
        assert forum.description.strip(), f"{forum.name} has no description"


def test_forum_slugs_are_unique_and_not_empty():
    slugs = list(Forum.objects.values_list("slug", flat=True))

    assert all(slugs)
    assert len(slugs) == len(set(slugs))


def test_community_page_lists_every_forum_with_its_description(client):
    html = client.get("/community/").content.decode()

    for forum in Forum.objects.all():
        assert escape(forum.name) in html
        assert escape(forum.description) in html
