"""SQLite FTS5: porter stemming over unicode61, bm25 ranking, snippet()."""

# ruff: noqa: S608  (SQL is built from constants; every value is a query parameter)

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import QuerySet
from django.utils.safestring import SafeString

from ..query import ParsedQuery, Term
from . import sql as ddl
from .base import MARK_END, MARK_START, SORT_COLUMNS, Engine, Match, marked_html, where_clause
from .sql import TABLE

# bm25 weights per FTS column (title, summary, tag_names, body): a title match outranks any
# number of body matches.
BM25 = "bm25(search_fts, 10.0, 2.0, 2.0, 1.0)"


def _term(term: Term) -> str:
    # Words are \w+ only (see query.py), so quoting them is all the escaping they need.
    text = '"' + " ".join(term.words) + '"'
    if term.prefix:
        return f"({text}* OR {text})"
    return text


def fts_expression(query: ParsedQuery) -> str:
    joiner = " OR " if query.match_any else " AND "
    expression = joiner.join(_term(t) for t in query.terms)
    if query.titles_only:
        return "{title} : (" + expression + ")"
    return expression


# The index each column sort walks (see models.SearchDocument.Meta.indexes).
SORT_INDEXES = {
    "newest": "search_doc_created",
    "updated": "search_doc_updated",
    "views": "search_doc_views",
    "comments": "search_doc_comments",
}


class SqliteEngine(Engine):
    vendor = "sqlite"
    # Above this many matches, a column sort walks the column's index instead of sorting.
    walk_sort_index_above = 2000

    def match(
        self,
        *,
        query: ParsedQuery,
        filtered: QuerySet,
        sort: str,
        offset: int,
        limit: int,
        count_cap: int,
    ) -> Match:
        where = where_clause(filtered)
        if where is None or not query:
            return Match([], 0, False)
        where_sql, where_params = where
        base = (
            f'FROM search_fts JOIN "{TABLE}" ON "{TABLE}"."id" = search_fts.rowid '
            f"WHERE search_fts MATCH %s AND ({where_sql})"
        )
        params = [fts_expression(query), *where_params]
        counted = self._run(
            f"SELECT count(*) FROM (SELECT 1 {base} LIMIT %s)", [*params, count_cap + 1]
        )[0][0]
        if sort in SORT_COLUMNS and counted > self.walk_sort_index_above:
            # Many matches: walk the sort column's index newest (or most viewed…) first and
            # keep the rows whose id is among the matches, stopping at the page. Sorting every
            # match would cost far more.
            rows = self._run(
                f'SELECT "{TABLE}"."id" FROM "{TABLE}" INDEXED BY {SORT_INDEXES[sort]} '
                f'WHERE "{TABLE}"."id" IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s) '
                f'AND ({where_sql}) ORDER BY {SORT_COLUMNS[sort]}, "{TABLE}"."id" DESC '
                "LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
        elif sort in SORT_COLUMNS:
            rows = self._run(
                f'SELECT "{TABLE}"."id" {base} ORDER BY {SORT_COLUMNS[sort]}, "{TABLE}"."id" DESC '
                "LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
        else:
            # Rank the newest `candidate_limit` matches (FTS5 walks rowids backwards cheaply).
            rows = self._run(
                f'SELECT id FROM (SELECT "{TABLE}"."id" AS id, {BM25} AS score {base} '
                "ORDER BY search_fts.rowid DESC LIMIT %s) ORDER BY score, id DESC "
                "LIMIT %s OFFSET %s",
                [*params, self.candidate_limit, limit, offset],
            )
        return Match([r[0] for r in rows], min(counted, count_cap), counted > count_cap)

    def snippets(self, *, query: ParsedQuery, ids: list[int]) -> dict[int, SafeString]:
        if not ids or not query:
            return {}
        placeholders = ", ".join(["%s"] * len(ids))
        # Column 3 is the body; snippet() picks the best column itself with -1, but the title
        # is shown anyway, so look in summary and body.
        rows = self._run(
            f"SELECT rowid, snippet(search_fts, 3, %s, %s, '…', 24), "
            f"snippet(search_fts, 1, %s, %s, '…', 24) FROM search_fts "
            f"WHERE search_fts MATCH %s AND rowid IN ({placeholders})",
            [MARK_START, MARK_END, MARK_START, MARK_END, fts_expression(query), *ids],
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
            cursor.execute("ANALYZE search_searchdocument")
            cursor.execute("ANALYZE search_searchfacet")

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Drop the per-row triggers during a full reindex, then rebuild FTS in one pass."""
        with connection.cursor() as cursor:
            for statement in ddl.SQLITE_DROP_TRIGGERS:
                cursor.execute(statement)
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                for statement in ddl.SQLITE_REBUILD + ddl.SQLITE_TRIGGERS:
                    cursor.execute(statement)
