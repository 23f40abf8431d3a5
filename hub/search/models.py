"""The search index: one denormalised row per searchable object, whatever its kind.

A `SearchDocument` exists only while its object may be shown to someone (published, not
hidden, not deleted); `visible_from` holds back scheduled items until their time. Rows are
written by `hub.search.services` (after each commit, and by `manage.py reindex`), never by
hand. Filters are index terms (`filter_terms`, see `hub/search/terms.py`), answered by the
full-text index itself; dates and counts are also plain columns, checked on the row. The
full-text part lives beside this table and is engine-specific (see `hub/search/backends/`): an
FTS5 table on SQLite, a generated weighted tsvector column on PostgreSQL. Both are created by
this app's migrations.

Row ids follow the time of posting (`document_id_base`), whatever order rows are written in,
so "the newest matches" is the engines' cheapest order: FTS5 keeps its lists by id, and
PostgreSQL walks the primary key backwards.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, connection, models, transaction

# Ids per second of posting: rows posted in the same second take the next free id.
ID_SLOTS = 1024


def document_id_base(created: datetime) -> int:
    """The first id a row posted at `created` may take (ids grow with time)."""
    return max(0, int(created.timestamp())) * ID_SLOTS


# Every id from here up was given by document_id_base (a posting time after September 2001);
# ids below it may be older sequence numbers, which an upgraded index keeps until `reindex`.
TIME_ORDERED_IDS_FROM = 10**9 * ID_SLOTS
# Rows posted in one second take the next free ids, so in a burst of more than ID_SLOTS rows a
# row's id reaches into the next seconds; an hour of ids is more than any burst.
ID_SPILL = 3600 * ID_SLOTS


def ids_follow_posting_time() -> bool:
    """Whether every id in the index was given by `document_id_base` (one look-up of the
    primary key, in SQL: built by the ORM it cost 0.4 ms, ten times the look-up)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT 1 FROM "{SearchDocument._meta.db_table}" WHERE id < %s LIMIT 1',  # noqa: S608
            [TIME_ORDERED_IDS_FROM],
        )
        return cursor.fetchone() is None


def newest_candidates(ids: list[int], count: int) -> list[int]:
    """Of `ids` (all following posting time), those that can be among the `count` newest by
    posting time, in their order: a row's posting second is at most its id's and more than
    ID_SPILL below it, so a row whose id is that far below the `count`-th highest id was
    posted before all of the `count` rows with the highest ids."""
    if count >= len(ids):
        return ids
    floor = sorted(ids, reverse=True)[count - 1] - ID_SPILL - ID_SLOTS
    return [pk for pk in ids if pk >= floor]


def posting_id_range(after: datetime | None, before: datetime | None) -> tuple[int, int | None]:
    """Ids that every row posted in [after, before) has (and some others, so the posting time
    is still checked): (low, high), high None for no upper bound."""
    low = document_id_base(after) if after is not None else 0
    high = document_id_base(before) + ID_SPILL if before is not None else None
    return low, high


class SearchDocument(models.Model):
    id = models.BigAutoField(primary_key=True)
    # Which registered source made the row ("library.item", "community.post", …) and its pk.
    source = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    # What the reader filters on as "type": an item kind, "topic", "reply", "event", …
    kind = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Plain text, never HTML.")
    tag_names = models.TextField(blank=True, help_text="For display: comma-separated.")
    url = models.CharField(max_length=500)
    # Where it lives, for display ("Medication safety", "Falls forum", a network's name).
    place = models.CharField(max_length=200, blank=True)
    place_url = models.CharField(max_length=500, blank=True)
    forum_id = models.PositiveBigIntegerField(null=True, blank=True)
    network_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="Empty for public content; else members only."
    )
    # Empty when the object was posted anonymously: an author filter can never find it.
    author_id = models.PositiveBigIntegerField(null=True, blank=True)
    author_name = models.CharField(max_length=200, blank=True)
    is_anonymous = models.BooleanField(default=False)
    created = models.DateTimeField()
    updated = models.DateTimeField()
    visible_from = models.DateTimeField(help_text="Hidden from results until then.")
    comment_count = models.PositiveIntegerField(default=0)
    reaction_count = models.PositiveIntegerField(default=0)
    view_count = models.PositiveIntegerField(default=0)
    filter_terms = models.TextField(
        blank=True, help_text="Index-only words for the filters (see hub/search/terms.py)."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id"], name="search_document_once")
        ]
        # Sort indexes end with -id, the tie-break, so a page is read straight off the index.
        # Other filters are index terms; `visible_from` finds the few scheduled rows.
        indexes = [
            models.Index(fields=["-created", "-id"], name="search_doc_created"),
            models.Index(fields=["-updated", "-id"], name="search_doc_updated"),
            models.Index(fields=["-view_count", "-id"], name="search_doc_views"),
            models.Index(fields=["-comment_count", "-id"], name="search_doc_comments"),
            models.Index(fields=["-reaction_count", "-id"], name="search_doc_reactions"),
            models.Index(fields=["visible_from"], name="search_doc_visible_from"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_id} {self.title}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            super().save(*args, **kwargs)
            return
        for _attempt in range(10):
            self.pk = free_document_ids([self.created])[0]
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                # Another writer took the id first; anything else is a real error.
                if not SearchDocument.objects.filter(pk=self.pk).exists():
                    self.pk = None
                    raise
        self.pk = None
        raise IntegrityError("No free search document id")


def free_document_ids(times: Iterable[datetime]) -> list[int]:
    """An unused id for each of these posting times, in order (a few queries per batch)."""
    times = list(times)
    chosen: list[int | None] = [None] * len(times)
    tentative = [document_id_base(when) for when in times]
    taken: set[int] = set()
    pending = list(range(len(times)))
    while pending:
        for index in pending:  # within the batch, same-second rows take the next slots
            while tentative[index] in taken:
                tentative[index] += 1
            taken.add(tentative[index])
        existing = set(
            SearchDocument.objects.filter(pk__in=[tentative[i] for i in pending]).values_list(
                "pk", flat=True
            )
        )
        still = []
        for index in pending:
            if tentative[index] in existing:
                tentative[index] += 1
                still.append(index)
            else:
                chosen[index] = tentative[index]
        pending = still
    return [c for c in chosen if c is not None]
