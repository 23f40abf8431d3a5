"""The library's areas and categories, loaded by migration from hub/taxonomy/data/taxonomy.json."""

import pytest
from django.utils.html import escape

from hub.library import queries
from hub.taxonomy.loaders import load_taxonomy
from hub.taxonomy.models import Category

pytestmark = pytest.mark.django_db


def test_library_has_thirteen_areas():
    assert Category.objects.areas().count() == 13


def test_library_has_eighty_seven_categories_under_the_areas():
    assert Category.objects.filter(parent__isnull=False).count() == 87


def test_taxonomy_file_lists_thirteen_areas_and_eighty_seven_categories():
    areas = load_taxonomy()["library_categories"]

    assert len(areas) == 13
    assert sum(len(area["children"]) for area in areas) == 87


def test_each_area_has_exactly_the_categories_of_the_taxonomy_file_in_order():
    expected = [(a["name"], a["children"]) for a in load_taxonomy()["library_categories"]]

    actual = [(area.name, [c.name for c in area.children.all()]) for area in queries.area_tree()]

    assert actual == expected


def test_categories_nest_only_one_level_deep():
    assert not Category.objects.filter(parent__parent__isnull=False).exists()


def test_category_slugs_are_unique_and_not_empty():
    slugs = list(Category.objects.values_list("slug", flat=True))

    assert all(slugs)
    assert len(slugs) == len(set(slugs))


def test_area_tree_loads_areas_and_categories_in_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        areas = queries.area_tree()
        names = [c.name for area in areas for c in area.children.all()]

    assert len(names) == 87


def test_library_page_lists_every_area(client):
    html = client.get("/library/").content.decode()

    for area in Category.objects.areas():
        assert escape(area.name) in html
