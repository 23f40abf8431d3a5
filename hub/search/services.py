"""Every write to the search index.

Content services call `index_on_commit(obj)` after any change that could alter what search
shows (create, edit, publish, unpublish, hide, unhide, delete, move, counts). After the
transaction commits, the object's row is written again from the database, or removed when the
object is no longer indexable. `reindex_all()` (`manage.py reindex`) rebuilds everything in
batches.
"""

import logging
from collections.abc import Iterable, Iterator
from datetime import datetime, time
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from . import trees
from .backends import engine
from .backends.base import strip_marks
from .models import SearchDocument, free_document_ids
from .registry import Document, SearchSource, source_for, sources
from .terms import filter_terms

log = logging.getLogger(__name__)

REINDEX_BATCH = 2000


def _day_start(value: datetime) -> datetime:
    """Anonymous content shows only its day: the index keeps no finer time to leak."""
    local = timezone.localtime(value)
    return timezone.make_aware(datetime.combine(local.date(), time.min))


def _row(source: SearchSource, obj: models.Model, doc: Document) -> SearchDocument:
    created, updated = doc.created, doc.updated
    visible_from = doc.visible_from or doc.created
    if doc.is_anonymous:
        created, updated = _day_start(created), _day_start(updated)
    author_id = None if doc.is_anonymous else doc.author_id
    return SearchDocument(
        source=source.key,
        object_id=obj.pk,
        kind=doc.kind,
        title=strip_marks(doc.title)[:300],
        summary=strip_marks(doc.summary),
        body=strip_marks(doc.body),
        tag_names=", ".join(doc.tag_names),
        url=doc.url[:500],
        place=doc.place[:200],
        place_url=doc.place_url[:500],
        forum_id=doc.forum_id,
        network_id=doc.network_id,
        author_id=author_id,
        author_name="" if doc.is_anonymous else doc.author_name[:200],
        is_anonymous=doc.is_anonymous,
        created=created,
        updated=updated,
        visible_from=visible_from,
        comment_count=doc.comment_count,
        reaction_count=doc.reaction_count,
        view_count=doc.view_count,
        filter_terms=filter_terms(
            kind=doc.kind,
            network_id=doc.network_id,
            author_id=author_id,
            created=created,
            facets=doc.facets,
        ),
    )


def _indexed_queryset(source: SearchSource) -> models.QuerySet:
    qs = source.indexable()
    if source.select_related:
        qs = qs.select_related(*source.select_related)
    if source.prefetch_related:
        qs = qs.prefetch_related(*source.prefetch_related)
    return qs


FIELDS = [
    f.name
    for f in SearchDocument._meta.concrete_fields
    if f.name not in ("id", "source", "object_id")
]


def index_object(obj: models.Model) -> None:
    """Write the object's row now (or remove it when it may no longer be shown)."""
    index_objects(type(obj), [obj.pk])


@transaction.atomic
def index_objects(
    model: type[models.Model], pks: Iterable[int], *, with_dependants: bool = True
) -> None:
    """Write the rows of these objects of one model (a few queries per 2,000 objects).

    With `with_dependants`, the rows that depend on them are rewritten too (a topic's replies
    when the topic is hidden, moved or renamed).
    """
    source = source_for(model)
    if source is None:
        return
    pks = list(pks)
    for start in range(0, len(pks), REINDEX_BATCH):
        _index_batch(source, pks[start : start + REINDEX_BATCH])
    if with_dependants and source.dependants is not None:
        by_model: dict[type[models.Model], list[int]] = {}
        for pk in pks:
            for dependant in source.dependants(model(pk=pk)):
                by_model.setdefault(type(dependant), []).append(dependant.pk)
        for dependant_model, dependant_pks in by_model.items():
            index_objects(dependant_model, dependant_pks, with_dependants=False)


def _index_batch(source: SearchSource, pks: list[int]) -> None:
    fresh = {obj.pk: obj for obj in _indexed_queryset(source).filter(pk__in=pks)}
    existing = {
        row.object_id: row
        for row in SearchDocument.objects.filter(source=source.key, object_id__in=pks)
    }
    gone = [row.pk for pk, row in existing.items() if pk not in fresh]
    if gone:
        SearchDocument.objects.filter(pk__in=gone).delete()
    for pk, obj in fresh.items():
        doc = source.document(obj)
        row = _row(source, obj, doc)
        old = existing.get(pk)
        if old is not None and old.created != row.created:
            # A new posting time (a scheduled item moved): a new id, so ids keep following
            # the time of posting (see models.document_id_base).
            old.delete()
            old = None
        if old is None:
            row.save(force_insert=True)
        else:
            row.pk = old.pk
            changed = [f for f in FIELDS if getattr(row, f) != getattr(old, f)]
            if changed:
                row.save(update_fields=changed)


def index_on_commit(obj: models.Model, *, with_dependants: bool = False) -> None:
    """Update the index for `obj` once the current transaction commits.

    Pass `with_dependants=True` when the change reaches rows that depend on it (hiding,
    deleting, moving or renaming a topic reaches its replies). Never breaks the write that
    called it: a failure is logged, and `manage.py reindex` repairs the index.
    """
    model, pk = type(obj), obj.pk

    def update() -> None:
        try:
            index_objects(model, [pk], with_dependants=with_dependants)
        except Exception:
            log.exception("Search index update failed for %s %s", model.__name__, pk)

    transaction.on_commit(update)


def _batches(qs: models.QuerySet, size: int) -> Iterator[list[models.Model]]:
    """Keyset pagination by pk: memory stays bounded whatever the table size."""
    last = 0
    while True:
        batch = list(qs.filter(pk__gt=last).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def reindex_all(*, batch_size: int = REINDEX_BATCH, only: Iterable[str] = ()) -> dict[str, int]:
    """Rebuild the whole index (or the sources named in `only`). Returns rows per source."""
    trees.clear()
    wanted = [s for s in sources() if not only or s.key in only]
    counts: dict[str, int] = {}
    with engine().bulk_load():
        for source in wanted:
            engine().clear(source.key)
            counts[source.key] = 0
            for batch in _batches(_indexed_queryset(source), batch_size):
                with transaction.atomic():
                    rows = [_row(source, obj, source.document(obj)) for obj in batch]
                    for row, pk in zip(
                        rows, free_document_ids(r.created for r in rows), strict=True
                    ):
                        row.pk = pk
                    SearchDocument.objects.bulk_create(rows)
                counts[source.key] += len(rows)
    engine().analyze()
    return counts


def record_view(obj: Any) -> None:
    """Keep the view count in step without rewriting the row's text."""
    source = source_for(obj)
    if source is not None:
        SearchDocument.objects.filter(source=source.key, object_id=obj.pk).update(
            view_count=models.F("view_count") + 1
        )
