"""The search sources: how each content kind becomes rows of the search index.

A content kind (library items, forum topics, replies, events, error traps) registers one
`SearchSource` from its AppConfig.ready(); `hub/events/search.py` is a complete example.
The indexer (`hub.search.services`) asks the source for the objects that may appear in
results and turns each into a `Document`; it never knows a kind's rules itself.
Registering a new kind is a few lines:

    from hub.search.registry import Document, SearchSource, register

    def event_document(event) -> Document:
        return Document(
            kind="event", title=event.title, summary=event.summary,
            body=html_to_text(event.description), url=event.get_absolute_url(),
            created=event.created, updated=event.updated, network_id=event.network_id,
            author_id=event.organiser_id, author_name=event.organiser.public_name, ...
        )

    register(SearchSource(
        key="events.event",                        # unique, stored on each row
        model=Event,
        type_label={"event": "Event"},             # kinds it produces, for the type filter
        indexable=lambda: Event.objects.filter(status=EventStatus.PUBLISHED),
        document=event_document,
        select_related=("organiser", "network"),   # used by the batched reindex
    ))

Then call `hub.search.services.index_on_commit(event)` in every service that changes an
event (create, edit, publish, cancel, delete…): after the commit the row is written again, or
removed when the event is no longer in `indexable()`.

Rules a source must keep (the leak tests rely on them):
- `indexable()` returns only what someone may see: published, not hidden, not deleted.
  Network content is indexable, with `network_id` set: search shows it to members only.
- `author_id` and `author_name` are empty for anonymous content (`is_anonymous=True`).
- Text is plain (use hub.core.richtext.html_to_text), never HTML.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models


@dataclass
class Document:
    """What one object looks like to search (the fields of `models.SearchDocument`)."""

    kind: str
    title: str
    url: str
    created: datetime
    updated: datetime
    summary: str = ""
    body: str = ""
    visible_from: datetime | None = None  # defaults to created
    tag_names: list[str] = field(default_factory=list)
    place: str = ""
    place_url: str = ""
    forum_id: int | None = None
    network_id: int | None = None
    author_id: int | None = None
    author_name: str = ""
    is_anonymous: bool = False
    comment_count: int = 0
    reaction_count: int = 0
    view_count: int = 0
    # Many-valued filters: {"tag": [ids], "category": [ids + ancestors], "forum": [ids + parents]}
    facets: dict[str, Iterable[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # An anonymous post's dates are kept to the day in the index, so results, JSON and
        # feeds cannot show its time (issue 21). When it becomes visible stays exact.
        if self.is_anonymous:
            from hub.core.templatetags.safety import day_start

            if self.visible_from is None:
                self.visible_from = self.created
            self.created = day_start(self.created) if self.created else self.created
            self.updated = day_start(self.updated) if self.updated else self.updated


@dataclass(frozen=True)
class SearchSource:
    key: str
    model: type[models.Model]
    # The kinds this source produces and their labels ("article": "Article").
    type_label: dict[str, str]
    # Every object that may appear in results (for someone).
    indexable: Callable[[], models.QuerySet]
    # One object as a Document (called with objects from indexable()).
    document: Callable[[Any], Document]
    # Applied to indexable() in the batched reindex, to keep it to a few queries per batch.
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[Any, ...] = ()
    # Objects whose rows must be rewritten with this one (a topic's replies when it is hidden).
    dependants: Callable[[Any], Iterable[models.Model]] | None = None


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    _sources[source.key] = source


def sources() -> list[SearchSource]:
    return list(_sources.values())


def source_by_key(key: str) -> SearchSource:
    return _sources[key]


def source_for(obj_or_model: models.Model | type[models.Model]) -> SearchSource | None:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    model = model._meta.concrete_model
    for source in _sources.values():
        if source.model is model:
            return source
    return None


def type_labels() -> dict[str, str]:
    """Every kind search knows, for the type filter and the result labels."""
    labels: dict[str, str] = {}
    for source in _sources.values():
        labels.update(source.type_label)
    return labels
