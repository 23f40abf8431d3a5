"""The one interface both engines implement, and what they share."""

# ruff: noqa: S608  (SQL is built from constants; every value is a query parameter)

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..query import ParsedQuery
from .sql import TABLE

# Engines wrap highlighted words in these (private-use characters, stripped from indexed text),
# so a snippet can be escaped whole and only then given its <mark> tags.
MARK_START = "\ue000"
MARK_END = "\ue001"

SORT_COLUMNS = {
    "newest": f'"{TABLE}"."created" DESC',
    "updated": f'"{TABLE}"."updated" DESC',
    "views": f'"{TABLE}"."view_count" DESC',
    "comments": f'"{TABLE}"."comment_count" DESC',
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


class Engine:
    vendor = ""
    # How many of the best-matching candidates are ranked by relevance. A common word can
    # match hundreds of thousands of rows; ranking all of them would cost seconds.
    candidate_limit = 1000

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
        raise NotImplementedError

    def snippets(self, *, query: ParsedQuery, ids: list[int]) -> dict[int, SafeString]:
        raise NotImplementedError

    def similar_titles(self, *, text: str, filtered: QuerySet, limit: int) -> list[int]:
        """Rows whose titles contain, or (PostgreSQL) nearly contain, `text`: suggestions as
        someone types, and "did you mean" after a search with a typo found nothing."""
        raise NotImplementedError

    def clear(self, source_key: str | None = None) -> None:
        """Remove every row (of one source), quickly, whatever the size."""
        with connection.cursor() as cursor:
            if source_key is None:
                cursor.execute("DELETE FROM search_searchfacet")
                cursor.execute(f"DELETE FROM {TABLE}")
                return
            cursor.execute(
                "DELETE FROM search_searchfacet WHERE document_id IN "
                f"(SELECT id FROM {TABLE} WHERE source = %s)",
                [source_key],
            )
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
