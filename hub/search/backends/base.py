"""The one interface both engines implement, and what they share."""

# ruff: noqa: S608  (SQL is built from constants; every value is a query parameter)

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import ids_follow_posting_time, newest_candidates
from ..query import ParsedQuery
from .sql import TABLE

# Engines wrap highlighted words in these (private-use characters, stripped from indexed text),
# so a snippet can be escaped whole and only then given its <mark> tags.
MARK_START = "\ue000"
MARK_END = "\ue001"

# The column each sort orders by (Best match without words: newest first).
SORT_FIELDS = {
    "relevance": "created",
    "newest": "created",
    "updated": "updated",
    "views": "view_count",
    "comments": "comment_count",
}


def strip_marks(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


def marked_html(text: str) -> SafeString:
    """Escape everything, then turn the engine's markers into <mark> elements."""
    html = escape(text)
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):  # a fragment cut a match in two
        html = html.replace("<mark>", "").replace("</mark>", "")
    return mark_safe(html)  # noqa: S308  (escaped above; only <mark> added)


@dataclass
class Match:
    ids: list[int]  # the page of document ids, best first
    count: int  # exact up to the cap
    capped: bool  # more than `count` matched
    # How many of the window's matches lie between the page's lowest and highest ids (what a
    # pass over the page's stretch of the index meets; see SqliteEngine.snippets).
    stretch: int = 0


def where_clause(filtered: QuerySet) -> tuple[str, list] | None:
    """The WHERE of a SearchDocument queryset as SQL, or None when it can match nothing."""
    query = filtered.query
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = compiler.compile(query.where)
    except FullResultSet:
        return "1=1", []
    except EmptyResultSet:
        return None
    return sql or "1=1", list(params)


# Best match: where the words are, as points (highest first; newest first on a tie).
EVERY_WORD, IN_TITLE, IN_SUMMARY = 4, 2, 1


@dataclass
class Window:
    """The newest matches, newest first: their ids; their Best match points when the engine
    worked them out while finding them; the value of the column sorted on, when the engine
    read it with the rows. Plain lists and dicts: an object per match cost a millisecond a
    search."""

    ids: list[int]
    points: dict[int, int] | None = None
    sort_values: dict[int, float] | None = None


class Engine:
    """Finds the newest matches of a search in its own index, then ranks or sorts them.

    Both engines keep documents in id order, and ids follow the time of posting, so "the newest
    N matches" is what their indexes give most cheaply: a search costs about the same at 10
    thousand or 10 million documents. Best match ranks that window by where the words are:
    every word (for "any of the words"), then the title, then the summary or tags, then the
    text; newest first within each (see `points`).
    """

    vendor = ""

    def match(
        self,
        *,
        query: ParsedQuery,
        criteria,
        sort: str,
        offset: int,
        limit: int,
        count_cap: int,
    ) -> Match:
        if criteria.nothing:
            return Match([], 0, False)
        ranked = sort == "relevance" and bool(query)
        column = None if ranked else SORT_FIELDS.get(sort, "created")
        window = self.window(query=query, criteria=criteria, size=count_cap + 1, column=column)
        capped = len(window.ids) > count_cap
        ids = window.ids[:count_cap]
        # The ids are newest first and Python's sort is stable (with reverse too), so ties
        # stay newest first without a second key: a thousand ids sort in C.
        if ranked:
            points = self.points(query=query, criteria=criteria, window=window)
            page = sorted(ids, key=points.__getitem__, reverse=True)[offset : offset + limit]
        elif window.sort_values is not None:
            values = window.sort_values
            page = sorted(ids, key=values.__getitem__, reverse=True)[offset : offset + limit]
        else:
            page = self.ordered(ids, column=column, offset=offset, limit=limit)
        stretch = 0
        if page:
            low, high = min(page), max(page)
            stretch = sum(1 for pk in ids if low <= pk <= high)
        return Match(page, len(ids), capped, stretch)

    def window(self, *, query: ParsedQuery, criteria, size: int, column: str | None) -> Window:
        """The newest `size` matches the viewer may see (with the values of `column`, when the
        engine can read them on the way)."""
        raise NotImplementedError

    def points(self, *, query: ParsedQuery, criteria, window: Window) -> dict[int, int]:
        """Each match's Best match points: EVERY_WORD (with "any of the words"), IN_TITLE and
        IN_SUMMARY (summary or tags), added up."""
        return window.points or dict.fromkeys(window.ids, 0)

    def ordered(self, ids: list[int], *, column: str, offset: int, limit: int) -> list[int]:
        """A page of `ids` sorted by a column, newest first on ties. The rows are found by id
        first: left to choose, both databases walked the column's whole index looking for the
        ids (57 ms for 771 ids on PostgreSQL)."""
        if not ids:
            return []
        if column == "created" and offset + limit < len(ids) and ids_follow_posting_time():
            # Newest first is nearly id order: only rows posted close to the page's last one
            # need their times read (20-odd on the first page, not a thousand).
            ids = newest_candidates(ids, offset + limit)
        in_ids, param = self.id_list()
        rows = self._run(
            f'SELECT id FROM "{TABLE}" WHERE id {in_ids} '
            f"ORDER BY {self.unindexed(column)} DESC, id DESC LIMIT %s OFFSET %s",
            [param(ids), limit, offset],
        )
        return [r[0] for r in rows]

    def id_list(self) -> tuple[str, Callable[[list[int]], Any]]:
        """SQL for `IN (a list of ids)` as one parameter, and how to pass the list."""
        raise NotImplementedError

    def unindexed(self, column: str) -> str:
        """`column` in a form the planner cannot answer from an index (see `ordered`)."""
        raise NotImplementedError

    def snippets(
        self, *, query: ParsedQuery, criteria, ids: list[int], stretch: int = 0
    ) -> dict[int, SafeString]:
        """Highlighted text for each of `ids` (a page of matches; `stretch` as in Match)."""
        raise NotImplementedError

    def similar_titles(self, *, text: str, filtered: QuerySet, limit: int) -> list[int]:
        """Rows whose titles contain, or (PostgreSQL) nearly contain, `text`: suggestions as
        someone types, and "did you mean" after a search with a typo found nothing."""
        raise NotImplementedError

    def clear(self, source_key: str | None = None) -> None:
        """Remove every row (of one source), quickly, whatever the size."""
        with connection.cursor() as cursor:
            if source_key is None:
                cursor.execute(f"DELETE FROM {TABLE}")
                return
            cursor.execute(f"DELETE FROM {TABLE} WHERE source = %s", [source_key])

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a bulk load): plans depend on them."""

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Around a full reindex: engines may defer index upkeep to the end."""
        yield

    def _run(self, sql: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
