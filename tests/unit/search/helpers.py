"""Rows for the search index, and content built through the real services."""

import itertools
from datetime import timedelta

from django.utils import timezone

from hub.community import services as community
from hub.community.models import Forum
from hub.search.models import SearchDocument
from hub.search.terms import filter_terms
from tests.unit.library.helpers import item_data

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
    values.setdefault(
        "filter_terms",
        filter_terms(
            kind=values["kind"],
            network_id=values.get("network_id"),
            author_id=None if values.get("is_anonymous") else values.get("author_id"),
            created=values["created"],
            facets=facets,
        ),
    )
    return SearchDocument.objects.create(**values)


def publish_item(author, editor, **overrides):
    from hub.library import services as library

    network = overrides.pop("network", None)
    data = item_data(**overrides)
    data.network = network
    item = library.item_create(actor=author, data=data)
    library.item_submit(actor=author, item=item)
    return library.item_publish(actor=editor, item=item)


def start_topic(author, *, title, body="<p>What do you think?</p>", forum=None, **kw):
    if forum is None and kw.get("network") is None:
        forum = Forum.objects.order_by("position").first()
    return community.topic_start(actor=author, title=title, body=body, forum=forum, **kw)
