"""Events as a search source (see hub/search/registry.py).

Only published events are rows of the index: drafts are the organisers' own, and a cancelled
event leaves search (its page still says it was cancelled). A network's events carry its
`network_id`, so search shows them to its members only.
"""

from hub.core.richtext import html_to_text
from hub.search.registry import Document, SearchSource, register
from hub.search.trees import ancestors_and_self, path_label

from .models import Event, EventStatus


def _indexable():
    return Event.objects.filter(status=EventStatus.PUBLISHED)


def event_document(event: Event) -> Document:
    from hub.taxonomy.models import Category

    categories = sorted(event.categories.all(), key=lambda c: (c.parent_id is not None, c.pk))
    category_ids: set[int] = set()
    for category in categories:
        category_ids.update(ancestors_and_self(Category, category.pk))
    tags = list(event.tags.all())
    speakers = [str(speaker) for speaker in event.speakers.all()]
    body = "\n\n".join(
        part
        for part in [html_to_text(event.description), event.host_name, event.venue, *speakers]
        if part
    )
    if event.network_id:
        place, place_url = event.network.name, event.network.get_absolute_url()
    elif categories:
        place = path_label(Category, categories[-1].pk)
        place_url = categories[-1].get_absolute_url()
    else:
        place = place_url = ""
    return Document(
        kind="event",
        title=event.title,
        summary=event.summary,
        body=body,
        url=event.get_absolute_url(),
        created=event.created,
        updated=event.updated,
        tag_names=[t.name for t in tags],
        place=place,
        place_url=place_url,
        network_id=event.network_id,
        author_id=event.organiser_id,
        author_name=event.organiser.public_name,
        facets={"tag": [t.pk for t in tags], "category": sorted(category_ids)},
    )


def register_event_source() -> None:
    register(
        SearchSource(
            key="events.event",
            model=Event,
            type_label={"event": "Event"},
            indexable=_indexable,
            document=event_document,
            select_related=("organiser", "network"),
            prefetch_related=("categories", "tags", "speakers"),
        )
    )
