"""PostgreSQL full-text: a stored weighted tsvector (A title, B summary and tags, C body) with
a GIN index, websearch_to_tsquery, ts_rank_cd, ts_headline on the shown page only, and
pg_trgm on titles."""

# ruff: noqa: S608  (SQL is built from constants; every value is a query parameter)

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from ..query import ParsedQuery
from .base import MARK_END, MARK_START, SORT_COLUMNS, Engine, Match, marked_html, where_clause
from .sql import TABLE


def tsquery(query: ParsedQuery) -> tuple[str, list]:
    """SQL for the reader's query as a tsquery, with its parameters.

    The terms are rendered as websearch syntax made only of \\w+ words and quoted phrases, so
    nothing the reader typed can act as an operator. A prefix term (autocomplete) becomes
    `word:*`, matched both unstemmed and stemmed.
    """
    plain = [t for t in query.terms if not t.prefix]
    prefixed = [t for t in query.terms if t.prefix]
    parts: list[str] = []
    params: list = []
    if plain:
        rendered = [('"' + " ".join(t.words) + '"') if t.is_phrase else t.words[0] for t in plain]
        parts.append("websearch_to_tsquery('english', %s)")
        params.append((" or " if query.match_any else " ").join(rendered))
    for term in prefixed:
        parts.append("(to_tsquery('simple', %s) || to_tsquery('english', %s))")
        params += [f"{term.words[0]}:*"] * 2
    joiner = " || " if query.match_any else " && "
    return "(" + joiner.join(parts) + ")", params


class PostgresEngine(Engine):
    vendor = "postgresql"

    def analyze(self) -> None:
        self._run_only(f"ANALYZE {TABLE}")
        self._run_only("ANALYZE search_searchfacet")

    def _run_only(self, sql: str) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(sql)

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
        tsq_sql, tsq_params = tsquery(query)
        title_test = "ts_filter(search_vector, '{a}') @@ q.query"
        base = (
            f'FROM "{TABLE}", (SELECT {tsq_sql} AS query) AS q '
            f"WHERE search_vector @@ q.query AND ({where_sql})"
        )
        if query.titles_only:
            base += f" AND {title_test}"
        params = [*tsq_params, *where_params]
        counted = self._run(
            f"SELECT count(*) FROM (SELECT 1 {base} LIMIT %s) AS found", [*params, count_cap + 1]
        )[0][0]
        if sort in SORT_COLUMNS:
            rows = self._run(
                f'SELECT "{TABLE}"."id" {base} ORDER BY {SORT_COLUMNS[sort]}, "{TABLE}"."id" DESC '
                "LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
        else:
            # A title match always outranks a body match; ts_rank_cd (normalised to 0..1)
            # orders within each. Only `candidate_limit` matches are ranked.
            rows = self._run(
                f'SELECT id FROM (SELECT "{TABLE}"."id" AS id, '
                f"(CASE WHEN {title_test} THEN 1 ELSE 0 END) "
                f"+ ts_rank_cd(search_vector, q.query, 32) AS score {base} LIMIT %s) AS candidates "
                "ORDER BY score DESC, id DESC LIMIT %s OFFSET %s",
                [*params, self.candidate_limit, limit, offset],
            )
        return Match([r[0] for r in rows], min(counted, count_cap), counted > count_cap)

    def snippets(self, *, query: ParsedQuery, ids: list[int]) -> dict[int, SafeString]:
        if not ids or not query:
            return {}
        tsq_sql, tsq_params = tsquery(query)
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        rows = self._run(
            f"SELECT id, ts_headline('english', summary || E'\\n' || body, q.query, %s) "
            f'FROM "{TABLE}", (SELECT {tsq_sql} AS query) AS q WHERE id = ANY(%s)',
            [options, *tsq_params, ids],
        )
        return {pk: marked_html(text) for pk, text in rows if text}

    def similar_titles(self, *, text: str, filtered: QuerySet, limit: int) -> list[int]:
        # pg_trgm: `<%` (word similarity) uses the trigram GIN index on titles and forgives
        # typos ("sepsus" finds "Sepsis screening").
        text = " ".join(text.split())[:100]
        where = where_clause(filtered)
        if len(text) < 3 or where is None:
            return []
        where_sql, where_params = where
        rows = self._run(
            f'SELECT "{TABLE}"."id" FROM "{TABLE}" '
            f'WHERE (%s <%% "{TABLE}"."title" OR "{TABLE}"."title" ILIKE %s) AND ({where_sql}) '
            f'ORDER BY word_similarity(%s, "{TABLE}"."title") DESC, "{TABLE}"."id" DESC LIMIT %s',
            [text, "%" + text.replace("%", "").replace("_", "") + "%", *where_params, text, limit],
        )
        return [r[0] for r in rows]
