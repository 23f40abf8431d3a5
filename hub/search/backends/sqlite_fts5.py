"""SQLite FTS5: porter stemming over unicode61, the newest matches by rowid, snippet().

Everything a search can be answered from is in the FTS index: the reader's words in the text
columns, and whether a row belongs to a network, its type, tags, categories, forums, author
and month and year of posting in the `filter_terms` column (see ../terms.py). FTS5
intersects those lists in rowid order and stops at the window's size, so neither a common
word nor a small network makes it read the documents table row by row. Only the filters that
are not terms (exact dates, update dates, counts) join the documents table, for the matches
the index found. Two more FTS5 indexes answer parts of a search from shorter lists: one
without bodies (where the words are) and one of network content alone (a search kept to one
network).
"""

# ruff: noqa: S608  (SQL is built from constants; every value is a query parameter)

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from .. import terms
from ..models import (
    ID_SPILL,
    SearchDocument,
    document_id_base,
    ids_follow_posting_time,
    posting_id_range,
)
from ..query import ParsedQuery, Term
from . import sql as ddl
from .base import (
    EVERY_WORD,
    IN_SUMMARY,
    IN_TITLE,
    MARK_END,
    MARK_START,
    Engine,
    Window,
    marked_html,
    where_clause,
)
from .sql import TABLE

TEXT_COLUMNS = "{title summary tag_names body}"
# A filter whose terms are on at most this many times the window's rows (a network's, an
# author's) makes the window read its matches oldest first, all of them: FTS5 reads a list
# newest first at about twice the cost (a network's "handover" at 1M documents, 561 of its
# 1,014 rows: 2.46 ms newest first, 1.45 ms oldest first).
OLDEST_FIRST_WITHIN = 2
# Snippets for a page are found in one pass over the page's stretch of the index, unless a
# filter's terms are ANDed with the words and the window holds more than this many matches per
# result inside that stretch: then a query per result (about 0.05 ms each) costs less than
# walking the stretch (1.43 against 0.96 ms for a page of twenty across 561 matches of a
# network's "handover" at 1M documents).
STRETCH_MATCHES_PER_RESULT = 20


def _term(term: Term) -> str:
    # Words are \w+ only (see query.py), so quoting them is all the escaping they need.
    text = '"' + " ".join(term.words) + '"'
    if term.prefix:
        return f"({text}* OR {text})"
    return text


def words_expression(query: ParsedQuery, *, columns: str | None = None, every: bool = False):
    """The reader's words, matched only in text columns (never in the filter terms)."""
    joiner = " OR " if query.match_any and not every else " AND "
    words = joiner.join(_term(t) for t in query.terms)
    if columns is None:
        columns = "{title}" if query.titles_only else TEXT_COLUMNS
    return f"{columns} : ({words})"


def filter_expression(criteria, *, by_id: bool = False) -> list[str]:
    """The criteria's term groups as FTS5 filter-column clauses, to AND together. `by_id`
    leaves out the date terms, for a search that narrows the dates by rowid instead."""
    return [
        "filter_terms : (" + " OR ".join(group) + ")"
        for group in criteria.terms
        if not (by_id and group is criteria.dates)
    ]


def posting_rowids(criteria, query: ParsedQuery) -> tuple[int, int | None] | None:
    """The rowids of the posting-date filter, when FTS5 can use them in place of the date
    terms: every id follows the time of posting, and words or other terms remain to look up
    (FTS5 needs something to match). A year of one tag at 1M posts: 0.3 ms against 2.5 ms
    for the tag merged with fourteen month terms (before year terms). (PostgreSQL's GIN
    index intersects the date terms well; a range of ids made it read 128,000 index
    entries.)"""
    if not (criteria.posted_from or criteria.posted_until):
        return None
    if not query and not criteria.terms_besides_dates():
        return None
    if not ids_follow_posting_time():
        return None  # older ids from before time-ordered ids, until `reindex`
    return posting_id_range(criteria.posted_from, criteria.posted_until)


def posting_misses(criteria, low: int, high: int | None) -> tuple[str, list]:
    """SQL for the ids in the posting range (`posting_rowids`) of rows posted outside the dates
    asked for. Only the range's ends can hold them: a row's id is at least its posting
    second's first id, and less than ID_SPILL above it. So only an hour of ids at each end is
    checked, not every match (771 look-ups for a year of one tag at 1M posts)."""
    ends = []
    if criteria.posted_from:
        ends.append(
            SearchDocument.objects.filter(
                pk__gte=low, pk__lt=low + ID_SPILL, created__lt=criteria.posted_from
            )
        )
    if criteria.posted_until:
        ends.append(
            SearchDocument.objects.filter(
                pk__gte=document_id_base(criteria.posted_until),
                pk__lte=high,
                created__gte=criteria.posted_until,
            )
        )
    compiled = [end.values_list("pk").query.sql_with_params() for end in ends]
    return (
        " UNION ALL ".join(sql for sql, _ in compiled),
        [param for _, params in compiled for param in params],
    )


def hidden_expression(criteria) -> str:
    """What the viewer may not see, for `... NOT (this)`: network content, but for their own
    networks. Empty for site administrators."""
    if criteria.networks is None:
        return ""
    hidden = f"filter_terms : ({terms.IN_A_NETWORK})"
    if criteria.networks:
        mine = " OR ".join(terms.network_term(n) for n in sorted(criteria.networks))
        hidden = f"({hidden} NOT filter_terms : ({mine}))"
    return hidden


def match_expression(
    query: ParsedQuery,
    criteria,
    *,
    scope: bool = True,
    by_id: bool = False,
    filters: bool = True,
    **words,
) -> str:
    parts = [words_expression(query, **words)] if query else []
    if filters:
        parts += filter_expression(criteria, by_id=by_id)
    expression = "(" + " AND ".join(parts) + ")"
    hidden = hidden_expression(criteria) if scope else ""
    return f"{expression} NOT {hidden}" if hidden else expression


class SqliteEngine(Engine):
    vendor = "sqlite"

    def id_list(self) -> tuple[str, Callable[[list[int]], Any]]:
        # One JSON parameter: a thousand `?` cost more to bind than the query took.
        return "IN (SELECT value FROM json_each(%s))", json.dumps

    def unindexed(self, column: str) -> str:
        return f'+"{column}"'

    @staticmethod
    def _indexes(criteria) -> tuple[str, str]:
        """The FTS tables a search reads: its matches and snippets from the first, where its
        words are from the second. For a search kept to one network (whose matches are all
        network content) both are the network index; else the full index and the one without
        bodies."""
        if criteria.within_network is not None:
            return ddl.NETWORK_INDEX, ddl.NETWORK_INDEX
        return "search_fts", "search_fts_heads"

    def window(self, *, query: ParsedQuery, criteria, size: int, column: str | None) -> Window:
        fts, _heads = self._indexes(criteria)
        rowids = posting_rowids(criteria, query)
        rows_where = criteria.where(besides_posting=rowids is not None)
        if rows_where is None:
            return Window([])
        expression = match_expression(query, criteria, by_id=rowids is not None)
        now = timezone.now()
        # A posting-date range as a rowid range, which FTS5 seeks to in its lists; the dates
        # themselves are checked only at the range's ends.
        id_sql, id_params = "", []
        if rowids is not None:
            low, high = rowids
            id_sql, id_params = f" AND {fts}.rowid >= %s", [low]
            if high is not None:
                id_sql, id_params = id_sql + f" AND {fts}.rowid <= %s", [low, high]
            misses_sql, misses_params = posting_misses(criteria, low, high)
            id_sql += f" AND {fts}.rowid NOT IN ({misses_sql})"
            id_params += misses_params
        # Scheduled rows not yet visible are few: leave them out by id.
        not_yet = f"SELECT id FROM {TABLE} WHERE visible_from > %s"
        where_sql, where_params = rows_where
        if where_sql == "1=1" and self._few_rows_hold(criteria, OLDEST_FIRST_WITHIN * size):
            rows = self._run(
                f"SELECT {fts}.rowid FROM {fts} WHERE {fts} MATCH %s{id_sql} "
                f"AND {fts}.rowid NOT IN ({not_yet}) ORDER BY {fts}.rowid",
                [expression, *id_params, now],
            )
            rows = rows[: -size - 1 : -1]  # the newest `size`, newest first
        elif where_sql == "1=1":
            rows = self._run(
                f"SELECT {fts}.rowid FROM {fts} WHERE {fts} MATCH %s{id_sql} "
                f"AND {fts}.rowid NOT IN ({not_yet}) ORDER BY {fts}.rowid DESC LIMIT %s",
                [expression, *id_params, now, size],
            )
        else:
            # CROSS JOIN keeps FTS5 first: it yields matches newest first and the documents
            # table is only read for them.
            rows = self._run(
                f'SELECT {fts}.rowid FROM {fts} CROSS JOIN "{TABLE}" '
                f'ON "{TABLE}"."id" = {fts}.rowid '
                f"WHERE {fts} MATCH %s{id_sql} "
                f'AND "{TABLE}"."visible_from" <= %s AND ({where_sql}) '
                f"ORDER BY {fts}.rowid DESC LIMIT %s",
                [expression, *id_params, now, *where_params, size],
            )
        return Window([r[0] for r in rows])

    def _few_rows_hold(self, criteria, most: int) -> bool:
        """Whether one of the criteria's term groups is on at most `most` rows in all (the
        matches can be no more), by the index's own counts (search_fts_terms, migration
        0006)."""
        groups = criteria.terms_besides_dates()
        if not groups:
            return False
        rows = self._run(
            "SELECT term, doc FROM search_fts_terms WHERE term IN "
            f"({', '.join(['%s'] * sum(len(g) for g in groups))})",
            [term for group in groups for term in group],
        )
        # The index holds terms as its tokenizer left them: one it stemmed ("zknews" is held
        # as "zknew") is not found here, and counts as many.
        held = dict(rows)
        return any(
            all(term in held for term in group) and sum(held[term] for term in group) <= most
            for group in groups
        )

    def points(self, *, query: ParsedQuery, criteria, window: Window) -> dict[int, int]:
        """Where the words are, for each row of the window: one query per kind of place, each
        reading only the window's stretch of the index. The reader's filters keep that stretch
        short when they are narrow (a network); who may see what never narrows it, and the
        window has applied it already. The title and the summary are asked of the index
        without the body (`search_fts_heads`), whose lists are shorter: at 1M documents 0.2
        against 1.0 ms for a phrase of common words, 1.3 against 1.9 ms for a network's
        "handover". A search kept to one network asks the network index, shorter still (0.49
        against 1.22 ms for both places of a network's "handover")."""
        points = dict.fromkeys(window.ids, 0)
        if not points:
            return points
        fts, heads = self._indexes(criteria)
        tests = [
            (heads, {"columns": "{title}"}, IN_TITLE),
            (heads, {"columns": "{summary tag_names}"}, IN_SUMMARY),
        ]
        if query.match_any and len(query.terms) > 1:
            tests.append((fts, {"every": True}, EVERY_WORD))
        lowest = min(points)
        for index, words, worth in tests:
            rows = self._run(
                f"SELECT rowid FROM {index} WHERE {index} MATCH %s AND rowid >= %s",
                [match_expression(query, criteria, scope=False, **words), lowest],
            )
            for (pk,) in rows:
                if pk in points:
                    points[pk] += worth
        return points

    def snippets(
        self, *, query: ParsedQuery, criteria, ids: list[int], stretch: int = 0
    ) -> dict[int, SafeString]:
        if not ids or not query:
            return {}
        fts, _heads = self._indexes(criteria)
        columns = (
            f"SELECT rowid, snippet({fts}, 3, %s, %s, '…', 24), "
            f"snippet({fts}, 1, %s, %s, '…', 24) FROM {fts} WHERE {fts} MATCH %s"
        )
        marks = [MARK_START, MARK_END, MARK_START, MARK_END]
        if stretch > STRETCH_MATCHES_PER_RESULT * len(ids) and filter_expression(criteria):
            # A long stretch, walked by seeking a filter's list through the words' (about
            # 2 microseconds a match; a word's list alone is walked faster than a look-up per
            # result): each result looked up by its rowid instead, with the reader's words
            # alone (the filters only narrowed the stretch).
            words = match_expression(query, criteria, scope=False, filters=False)
            rows = self._run(
                " UNION ALL ".join([f"{columns} AND rowid = %s"] * len(ids)),
                [value for pk in ids for value in (*marks, words, pk)],
            )
        else:
            # One pass over the page's stretch of the index, the ids kept by a plain filter
            # (`+` hides them from FTS5): asked for each id in turn, FTS5 sets up the whole
            # query again every time, 0.4-0.8 ms per row for a phrase of common words. The
            # reader's filters keep the stretch short when they are narrow. Column 3 is the
            # body, 1 the summary (the title is shown anyway).
            placeholders = ", ".join(["%s"] * len(ids))
            rows = self._run(
                f"{columns} AND rowid BETWEEN %s AND %s AND +rowid IN ({placeholders})",
                [
                    *marks,
                    match_expression(query, criteria, scope=False),
                    min(ids),
                    max(ids),
                    *ids,
                ],
            )
        found = {}
        for pk, body, summary in rows:
            best = body if MARK_START in (body or "") or not summary else summary
            if MARK_START in (summary or "") and MARK_START not in (body or ""):
                best = summary
            if best:
                found[pk] = marked_html(best)
        return found

    def similar_titles(self, *, text: str, filtered: QuerySet, limit: int) -> list[int]:
        # The trigram table answers LIKE '%text%' from its index (3 characters or more).
        text = " ".join(text.replace("%", " ").replace("_", " ").split())[:100]
        where = where_clause(filtered)
        if len(text) < 3 or where is None:
            return []
        where_sql, where_params = where
        rows = self._run(
            f'SELECT "{TABLE}"."id" FROM search_title_trgm '
            f'JOIN "{TABLE}" ON "{TABLE}"."id" = search_title_trgm.rowid '
            f"WHERE search_title_trgm.title LIKE %s AND ({where_sql}) "
            f'ORDER BY length("{TABLE}"."title"), "{TABLE}"."id" DESC LIMIT %s',
            [f"%{text}%", *where_params, limit],
        )
        return [r[0] for r in rows]

    def analyze(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Drop the per-row triggers during a full reindex, then rebuild FTS in one pass and
        merge it into one segment."""
        with connection.cursor() as cursor:
            for statement in ddl.SQLITE_DROP_TRIGGERS:
                cursor.execute(statement)
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                for statement in ddl.SQLITE_REBUILD + ddl.SQLITE_OPTIMIZE + ddl.SQLITE_TRIGGERS:
                    cursor.execute(statement)
