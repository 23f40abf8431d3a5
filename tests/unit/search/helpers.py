"""Rows for the search index, and content built through the real services."""

import itertools
from datetime import timedelta

from django.utils import timezone

from hub.search.models import SearchDocument, SearchFacet

_numbers = itertools.count(1)


def doc(**fields) -> SearchDocument:
    """One index row written directly (the engine contract tests the engines, not sources)."""
    number = next(_numbers)
    now = timezone.now()
    values = dict(
        source="test.doc",
        object_id=number,
        kind="article",
        title=f"Untitled {number}",
        summary="",
        body="",
        url=f"/test/{number}/",
        created=now - timedelta(days=number),
        updated=now - timedelta(days=number),
        visible_from=now - timedelta(days=number),
        author_name="Someone",
    )
    facets = fields.pop("facets", {})
    values.update(fields)
    row = SearchDocument.objects.create(**values)
    SearchFacet.objects.bulk_create(
        SearchFacet(document=row, name=name, value=value)
        for name, ids in facets.items()
        for value in ids
    )
    return row
