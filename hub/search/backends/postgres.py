"""PostgreSQL full-text: a stored weighted tsvector (A title, B summary and tags, C body, D the
filter terms of ../terms.py) with a GIN index, websearch_to_tsquery, ts_headline on the shown
page only, and pg_trgm on titles.

A GIN index knows which rows match but not in what order, so the newest matches come one of
two ways, chosen from the planner's own statistics of how common each word and term is:

- common (a word in most posts, a phrase of common words): walk the primary key backwards,
  newest first, testing each row, until the window is full. A budget bounds the walk; if the
  words turn out rarer together than apart, the other way is taken.
- rare: take every match from the GIN index, then sort their ids.
  When a rare word still has many more matches than the window holds, the GIN indexes of
  single years (below) are asked instead, newest year first, for as many years as should
  hold the window: only those years' matches are read ("calciphylaxis" at 1M documents: the
  last three years' 1,128 of its 3,151).
- sparse (found in fewer than one row in eight, as a phrase of common words can be): a walk
  would test eight or more rows per match, so the GIN index is asked for the matches among
  the latest ids only, as many as the statistics say hold the window, named by the id-range
  terms each vector carries (ranges of about 24 and 6 days of posting time, sql.py); if they
  hold fewer, a wider span, then the walk. At 1M documents "missed a dose of insulin" walked
  10,971 rows (9.4 ms); the GIN index gave 1,780 candidates in the latest three UTC months
  (5.3 ms) and gives 1,288 in the latest ids' ranges (4.0 ms).

Year indexes: besides the GIN index of every row, a partial GIN index for each UTC year
(`search_doc_vector_y2026`: the rows whose ids, which follow the time of posting, fall in that
year or in the next year's first hour, where a burst of the year's last seconds lands). They
are made by migration 0008, `reindex` and the corpus loader for every year from the oldest
row's to YEARS_AHEAD years past the present; a year without one is searched the usual way.
A posting-date range within one year is asked of that year's index (without date terms when
it is the whole year: the index is the narrowing).

Left to itself the planner misjudges phrases and ANDed words that go together ("missed a
dose of insulin" was estimated at 4,700 rows; 93,000 had all three words) and sorted all of
them. Searches with row filters (exact dates, counts) are left to the planner, which knows
those columns.
"""

# ruff: noqa: S608  (SQL is built from constants; every value is a query parameter)

import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from .. import terms
from ..models import (
    ID_SLOTS,
    ID_SPILL,
    TIME_ORDERED_IDS_FROM,
    document_id_base,
    posting_id_range,
)
from ..query import ParsedQuery
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
from .sql import COARSE_ID_BITS, COARSE_ID_TERM, FINE_ID_BITS, FINE_ID_TERM, TABLE

# Relative cost of testing one row while walking the primary key, against fetching one row
# found by the GIN index (measured at 1M documents: about 0.7 and 2 microseconds).
WALK_ROW_COST = 0.35
# Below this share of documents matching, a walk would test more than eight rows per match:
# the matches among the latest ids are taken from the GIN index instead (see the module's
# notes).
RECENT_BELOW_SHARE = 0.125
# The span asked for holds this many times the window's size by the statistics (the GIN way
# reads every match in it, so a span much wider than needed costs as much as the walk)...
RECENT_MARGIN = 1.2
# ...and reaches back at most this many months of posting time.
RECENT_MAX_MONTHS = 6
# Year indexes are made up to this many years ahead, so that a new year's rows find theirs.
YEARS_AHEAD = 3
YEAR_INDEX_PREFIX = "search_doc_vector_y"
YEAR_INDEX_NAME = re.compile(rf"^{YEAR_INDEX_PREFIX}(\d{{4}})$")
# At most this many year indexes are asked for one window (each is one more look-up).
YEARS_MAX = 6
STATS_SECONDS = 600
SNIPPET_CHARS = 5000
# ts_headline parses all the text it is given (0.4-0.7 ms for a result of a few thousand
# characters), so it is given this much around the first place the words appear, when they
# can be found as written: SNIPPET_BEFORE characters before it, SNIPPET_WINDOW in all.
SNIPPET_BEFORE = 150
SNIPPET_WINDOW = 700
STEM_CACHE_SIZE = 10_000


def tsquery(query: ParsedQuery) -> tuple[str, list]:
    """SQL for the reader's query as a tsquery, with its parameters.

    The terms are rendered as websearch syntax made only of \\w+ words and quoted phrases, so
    nothing the reader typed can act as an operator. A prefix term (autocomplete) becomes
    `word:*`, matched both unstemmed and stemmed.
    """
    return _tsquery(query, every=False)


def _tsquery(query: ParsedQuery, *, every: bool) -> tuple[str, list]:
    match_any = query.match_any and not every
    plain = [t for t in query.terms if not t.prefix]
    prefixed = [t for t in query.terms if t.prefix]
    parts: list[str] = []
    params: list = []
    if plain:
        rendered = [('"' + " ".join(t.words) + '"') if t.is_phrase else t.words[0] for t in plain]
        parts.append("websearch_to_tsquery('english', %s)")
        params.append((" or " if match_any else " ").join(rendered))
    for term in prefixed:
        parts.append("(to_tsquery('simple', %s) || to_tsquery('english', %s))")
        params += [f"{term.words[0]}:*"] * 2
    joiner = " || " if match_any else " && "
    return "(" + joiner.join(parts) + ")", params


# Snippets: the first place, at the start of a word, where a phrase (else a word or its stem)
# appears as written (`_FIRST`, for the phrases, then the words); the SNIPPET_WINDOW characters
# around it, from the next whole word (`part`); ts_headline of that part. Where nothing was
# found (a stem written otherwise, words only in the title) or the part holds no match after
# all, ts_headline of the first SNIPPET_CHARS, as before. `h` is materialised so that each
# row's headline is worked out once.
_FIRST = (
    "(SELECT min(p) FROM unnest(%s::text[]) AS n, "
    "LATERAL regexp_instr(t.text, '\\m' || n, 1, 1, 0, 'i') AS p WHERE p > 0)"
)
SNIPPETS_SQL = (
    "WITH q AS (SELECT {query} AS query), "
    "t AS (SELECT id, summary || E'\\n' || body AS text FROM \"{table}\" WHERE id = ANY(%s)), "
    f"f AS (SELECT id, text, coalesce({_FIRST}, {_FIRST}) AS at FROM t), "
    "w AS (SELECT id, text, CASE WHEN at IS NULL THEN NULL "
    "WHEN at <= %s THEN substr(text, 1, %s) "
    "ELSE regexp_replace(substr(text, at - %s, %s), '^\\S*\\s+', '') END AS part FROM f), "
    "h AS MATERIALIZED (SELECT id, text, ts_headline('english', part, q.query, %s) AS windowed "
    "FROM w, q) "
    "SELECT id, CASE WHEN strpos(windowed, %s) > 0 THEN windowed "
    "ELSE ts_headline('english', left(text, {chars}), q.query, %s) END FROM h, q"
)

# Each quoted lexeme, with its prefix mark if any: 'miss', 'hosp':*
LEXEME_PATTERN = r"'([^']+)'(?::(\*))?"


def _weighted(column: str, weight: str) -> str:
    """The tsquery in `column` with every lexeme limited to one weight ('miss':A <2> …): a
    test of where the words are that reads the row's vector in place. Lexemes are word
    characters only (query.py), so the pattern never meets a quote inside one."""
    pattern = LEXEME_PATTERN.replace("'", "''")
    replacement = rf"''\1'':\2{weight}"
    return f"regexp_replace({column}::text, '{pattern}', '{replacement}', 'g')::tsquery"


def year_bounds(year: int) -> tuple[int, int]:
    """The ids of rows posted in a UTC year: [low, high)."""
    return (
        document_id_base(datetime(year, 1, 1, tzinfo=UTC)),
        document_id_base(datetime(year + 1, 1, 1, tzinfo=UTC)),
    )


def year_index_sql(year: int) -> str:
    """A year's index holds the ids of its rows and the next year's first ID_SPILL ids, where
    rows posted in the year's last seconds can lie: a posting-date range inside one year is
    then asked of one index."""
    low, high = year_bounds(year)
    return (
        f'CREATE INDEX IF NOT EXISTS "{YEAR_INDEX_PREFIX}{year}" ON "{TABLE}" '
        f"USING GIN (search_vector) WHERE id >= {low} AND id < {high + ID_SPILL}"
    )


def year_indexes_present(cursor) -> set[int]:
    """The years whose index exists (by the names year_index_sql gives)."""
    cursor.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s",
        [TABLE],
    )
    return {
        int(found.group(1))
        for (name,) in cursor.fetchall()
        if (found := YEAR_INDEX_NAME.match(name))
    }


def id_range_terms(low: int, high: int) -> list[str]:
    """The id-range terms (sql.py) that cover every id from `low`, the start of a fine range,
    to `high`: fine ranges up to the first coarse boundary, then coarse ones."""
    fine, coarse = 1 << FINE_ID_BITS, 1 << COARSE_ID_BITS
    found, at = [], low - low % fine
    while at % coarse and at <= high:
        found.append(f"{FINE_ID_TERM}{at >> FINE_ID_BITS}")
        at += fine
    while at <= high:
        found.append(f"{COARSE_ID_TERM}{at >> COARSE_ID_BITS}")
        at += coarse
    return found


def terms_tsquery(groups: list[list[str]]) -> str:
    """Filter term groups as to_tsquery text: terms are [a-z0-9] only (see terms.py)."""
    return " & ".join("(" + " | ".join(group) + ")" for group in groups)


def _sort_value(column: str | None) -> str:
    """SQL for the value a window sorts on, as a number (0 when it sorts by points)."""
    if column is None:
        return "0"
    if column in ("created", "updated"):
        return f'extract(epoch FROM "{column}")::float8'
    return f'"{column}"'


class _Statistics:
    """How common each lexeme is, from pg_stats (refreshed every few minutes), and stems."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loaded = -math.inf
        self.frequency: dict[str, float] = {}
        self.floor = 0.0  # lexemes outside the list are rarer than this
        self.rows = 0.0
        self.year_indexes: frozenset[int] = frozenset()
        # Whether every id follows the time of posting (models.ids_follow_posting_time): true
        # from the first reindex after migration 0004 on, since rows are only ever written
        # with such ids; read with the statistics rather than once per search.
        self.ids_follow_time = False
        # The highest id of a row visible at the last refresh: the latest ids' terms must
        # reach it. (A row is not visible before its posting time, so rows posted ahead, such
        # as scheduled items, lie above every visible one until then.)
        self.highest_visible_id = 0
        self.stems: OrderedDict[str, tuple[str, ...]] = OrderedDict()

    def refresh(self, cursor) -> None:
        if time.monotonic() - self.loaded < STATS_SECONDS:
            return
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = %s "
            "AND attname = 'search_vector'",
            [TABLE],
        )
        row = cursor.fetchone()
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [TABLE])
        rows = cursor.fetchone()
        years = frozenset(year_indexes_present(cursor))
        cursor.execute(
            f'SELECT NOT EXISTS (SELECT 1 FROM "{TABLE}" WHERE id < %s)', [TIME_ORDERED_IDS_FROM]
        )
        ids_follow_time = cursor.fetchone()[0]
        # Ids from the present on are few (rows posted ahead): the primary key's range.
        present = timezone.now()
        cursor.execute(
            f'SELECT coalesce(max(id), 0) FROM "{TABLE}" WHERE id >= %s AND visible_from <= %s',
            [document_id_base(present), present],
        )
        highest_visible_id = cursor.fetchone()[0]
        with self.lock:
            self.year_indexes = years
            self.ids_follow_time = ids_follow_time
            self.highest_visible_id = highest_visible_id
            if row and row[0]:
                elems, freqs = row
                self.frequency = dict(zip(elems, freqs, strict=False))
                self.floor = freqs[len(elems)]  # the minimum, stored after the list
            else:
                self.frequency, self.floor = {}, 0.0
            self.rows = max(0.0, float(rows[0])) if rows else 0.0
            self.loaded = time.monotonic()

    def stems_of(self, cursor, words: set[str]) -> dict[str, tuple[str, ...]]:
        missing = sorted(w for w in words if w not in self.stems)
        if missing:
            cursor.execute(
                "SELECT w, tsvector_to_array(to_tsvector('english', w)) "
                "FROM unnest(%s::text[]) AS w",
                [missing],
            )
            with self.lock:
                for word, lexemes in cursor.fetchall():
                    self.stems[word] = tuple(lexemes)
                while len(self.stems) > STEM_CACHE_SIZE:
                    self.stems.popitem(last=False)
        return {w: self.stems.get(w, ()) for w in words}

    def share(self, lexeme: str) -> float:
        return self.frequency.get(lexeme, self.floor)


class PostgresEngine(Engine):
    vendor = "postgresql"

    def id_list(self) -> tuple[str, Callable[[list[int]], Any]]:
        return "= ANY(%s)", list

    def unindexed(self, column: str) -> str:
        # An expression over the column: its index cannot give this order.
        zero = "interval '0'" if column in ("created", "updated") else "0"
        return f'("{column}" + {zero})'

    # Tests set "walk" or "gin" to run a search both ways on a small table.
    force_strategy: str | None = None

    def __init__(self) -> None:
        self.statistics = _Statistics()

    def analyze(self) -> None:
        self._run_only(f"ANALYZE {TABLE}")
        self.statistics.loaded = -math.inf

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """After a reindex, rewrite the table in id order (CLUSTER on the primary key). A
        reindex writes its rows source by source, so the newest rows lay all over the table
        and walking them newest first read a page per row: the walk for a phrase of common
        words at 1M posts took 21.7 ms, and 11.7 ms once the table was in id order. A live
        site's rows then arrive in posting order, which keeps it so. CLUSTER locks the table
        while it runs (about two minutes at 1M posts with the GIN index built)."""
        yield
        self._run_only(f'CLUSTER "{TABLE}" USING "{TABLE}_pkey"')
        self.ensure_year_indexes()

    def ensure_year_indexes(self) -> list[int]:
        """Make the missing year indexes, from the oldest row's year to YEARS_AHEAD years past
        the present; returns the years made. Each takes one pass over the table."""
        now_year = timezone.now().astimezone(UTC).year
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT min(id) FROM "{TABLE}" WHERE id >= %s', [TIME_ORDERED_IDS_FROM])
            oldest = cursor.fetchone()[0]
            first = datetime.fromtimestamp(oldest // ID_SLOTS, UTC).year if oldest else now_year
            have = year_indexes_present(cursor)
            made = []
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for year in range(min(first, now_year), now_year + YEARS_AHEAD + 1):
                if year not in have:
                    cursor.execute(year_index_sql(year))
                    made.append(year)
            cursor.execute("RESET maintenance_work_mem")
        self.statistics.loaded = -math.inf
        return made

    def drop_year_indexes(self) -> None:
        with connection.cursor() as cursor:
            for year in year_indexes_present(cursor):
                cursor.execute(f'DROP INDEX IF EXISTS "{YEAR_INDEX_PREFIX}{year}"')
        self.statistics.loaded = -math.inf

    def _run_only(self, sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)

    # Estimating ----------------------------------------------------------------------------

    def estimated_share(self, query: ParsedQuery, criteria) -> float:
        """At most what share of the documents match (None-free: 1.0 when unsure)."""
        with connection.cursor() as cursor:
            self.statistics.refresh(cursor)
            words = {w for t in query.terms if not t.prefix for w in t.words} if query else set()
            stems = self.statistics.stems_of(cursor, words) if words else {}
        share = self.statistics.share
        parts = []
        if query:
            per_term = []
            for term in query.terms:
                if term.prefix:
                    per_term.append(1.0)  # a prefix may match many words
                    continue
                lexemes = [lx for w in term.words for lx in stems.get(w, ())]
                per_term.append(min((share(lx) for lx in lexemes), default=0.0))
            parts.append(min(1.0, sum(per_term)) if query.match_any else min(per_term))
        for group in criteria.terms:
            parts.append(min(1.0, sum(share(term) for term in group)))
        return min(parts, default=1.0)

    def strategy(self, query: ParsedQuery, criteria, size: int) -> tuple[str, int]:
        """("walk", row budget) or ("gin", 0)."""
        if self.force_strategy:
            return self.force_strategy, size * 50
        share = self.estimated_share(query, criteria)
        rows = self.statistics.rows
        if share <= 0 or rows <= 0:
            return "gin", 0
        # Walking costs size/share rows; the GIN way fetches share*rows rows.
        if share * share * rows * 1.0 < size * WALK_ROW_COST:
            return "gin", 0
        budget = int(min(max(rows, size), 3 * size / share + size))
        return ("recent" if share < RECENT_BELOW_SHARE else "walk"), budget

    def recent_span(self, rows_wanted: float, now: datetime) -> list[str] | None:
        """The id-range terms that cover every id from the lowest of the latest ids that hold
        `rows_wanted` documents by the statistics (down to the start of its fine range) to a
        month past now; None when that reaches back more than RECENT_MAX_MONTHS,
        or some visible row has an id beyond the terms (which would take a row made visible
        before its posting time, more than a month ahead).

        The statistics count rows by UTC month (month terms); a month's rows are taken to be
        spread evenly over it (the present month's up to now)."""
        now = now.astimezone(UTC)
        high = document_id_base(now + terms.OPEN_END_MARGIN)
        if self.statistics.highest_visible_id > high:
            return None
        month = datetime(now.year, now.month, 1, tzinfo=UTC)
        until, held = now, 0.0
        for _ in range(RECENT_MAX_MONTHS):
            in_month = self.statistics.share(terms.month_term(month)) * self.statistics.rows
            if in_month > 0 and held + in_month >= rows_wanted:
                start = until - (until - month) * ((rows_wanted - held) / in_month)
                return id_range_terms(document_id_base(start), high)
            held += in_month
            until = month
            month = (month - timedelta(days=1)).replace(day=1)
        return None

    # Matching ------------------------------------------------------------------------------

    def window(self, *, query: ParsedQuery, criteria, size: int, column: str | None) -> Window:
        rows_where = criteria.where()
        if rows_where is None:
            return Window([])
        where_sql, where_params = rows_where
        checks = [f'"{TABLE}"."visible_from" <= %s']
        params: list = [timezone.now()]
        if criteria.networks is not None:
            checks.append(f'("{TABLE}"."network_id" IS NULL OR "{TABLE}"."network_id" = ANY(%s))')
            params.append(sorted(criteria.networks))
        if where_sql != "1=1":
            checks.append(f"({where_sql})")
            params += where_params
        context = self._context(query, criteria)
        points = self._points_sql(query, "m.search_vector")
        if where_sql != "1=1":
            how, budget = "planner", 0
        else:
            how, budget = self.strategy(query, criteria, size)
        checks_sql = " AND ".join(checks)
        # The sorted-on column comes along: the row is read anyway, and a second look-up by id
        # of a thousand rows cost more than the search. Dates come as numbers: turning a
        # thousand timestamps into Python datetimes took several milliseconds.
        columns = f"{_sort_value(column)} AS sort_value"
        if how == "recent":
            rows = self._recent_window(query, criteria, size, columns, checks_sql, params)
            if rows is not None:
                return self._window(rows, column)
            how = "walk"
        if how == "walk":
            rows = self._run(
                f"WITH {context[0]} "
                f"SELECT m.id, m.sort_value, {points} FROM q, (SELECT id, {columns}, search_vector "
                f'FROM "{TABLE}" WHERE {checks_sql} ORDER BY id DESC LIMIT %s) AS m '
                f"WHERE {self._match_sql(query, criteria, 'm.search_vector')} LIMIT %s",
                [*context[1], *params, budget, size],
            )
            if len(rows) >= size or budget >= self.statistics.rows:
                return self._window(rows, column)
            # Rarer together than apart: fall through to the GIN index.
        if how != "planner":
            rows = self._years_window(query, criteria, size, columns, checks_sql, params)
            if rows is not None:
                return self._window(rows, column)
        # The points are worked out for every match here (cheap: the row is at hand), so that
        # only numbers are sorted; sorting the vectors spilled to disk.
        vector = f'"{TABLE}"."search_vector"'
        match_sql = self._match_sql(query, criteria, vector)
        if how == "planner" and (year := self._posting_year(query, criteria, size)):
            bound, whole_year = year
            if whole_year:  # the year's index is the narrowing; its date terms add nothing
                context = self._context(query, criteria, besides_dates=True)
                match_sql = self._match_sql(query, criteria, vector, besides_dates=True)
            checks_sql += f" AND {bound}"
        inner = (
            f"SELECT id, {columns}, {self._points_sql(query, vector)} "
            f'FROM "{TABLE}", q '
            f"WHERE {match_sql} AND {checks_sql}"
        )
        if how != "planner":
            inner += " OFFSET 0"  # keep the GIN plan: no walk towards the LIMIT
        rows = self._run(
            f"WITH {context[0]} SELECT * FROM ({inner}) AS found ORDER BY id DESC LIMIT %s",
            [*context[1], *params, size],
        )
        return self._window(rows, column)

    def _recent_window(
        self, query: ParsedQuery, criteria, size: int, columns: str, checks_sql: str, params: list
    ) -> list[tuple] | None:
        """The newest `size` matches among the latest ids (see the module's notes), or None
        when the span that the statistics allow holds fewer.

        The span's terms cover every id from its lowest on, so when it holds `size` matches
        they are the newest `size` of all: every row outside it has a lower id."""
        if not self.statistics.ids_follow_time:
            return None
        now = timezone.now()
        rows_wanted = RECENT_MARGIN * size / max(self.estimated_share(query, criteria), 1e-9)
        for _attempt in range(2):
            span_terms = self.recent_span(rows_wanted, now)
            if span_terms is None:
                return None
            context = self._context(query, criteria, recent=span_terms)
            vector = f'"{TABLE}"."search_vector"'
            rows = self._run(
                f"WITH {context[0]} SELECT * FROM (SELECT id, {columns}, "
                f'{self._points_sql(query, vector)} FROM "{TABLE}", q '
                f"WHERE {self._match_sql(query, criteria, vector, recent=True)} "
                f"AND {checks_sql} OFFSET 0) AS found ORDER BY id DESC LIMIT %s",
                [*context[1], *params, size],
            )
            if len(rows) >= size:
                return rows
            # Rarer than the statistics said: a span wide enough at the share found.
            found = max(len(rows), 1)
            rows_wanted = max(rows_wanted * 2, RECENT_MARGIN * size * rows_wanted / found)
        return None

    def years_span(
        self, matches_wanted: float, share: float, now: datetime
    ) -> tuple[list[int], float] | None:
        """The latest UTC years, newest first, that hold `matches_wanted` matches of a search
        found in `share` of the documents, by the statistics, and the matches they hold by
        them; None when one of them has no year index or it takes more than YEARS_MAX."""
        year = now.astimezone(UTC).year
        held, years = 0.0, []
        while held < matches_wanted:
            if year not in self.statistics.year_indexes or len(years) == YEARS_MAX:
                return None
            years.append(year)
            moment = datetime(year, 7, 1, tzinfo=UTC)
            held += share * self.statistics.share(terms.year_term(moment)) * self.statistics.rows
            year -= 1
        return years, held

    def _years_window(
        self, query: ParsedQuery, criteria, size: int, columns: str, checks_sql: str, params: list
    ) -> list[tuple] | None:
        """The newest `size` matches from the year indexes of the latest years, or None when
        there is nothing to gain (all the matches would be read anyway), a year has no index,
        or the years asked hold fewer matches than the window.

        Each year is one branch of a UNION ALL, newest first, sorted by id; the LIMIT stops
        the Append at the branch that fills the window. A first branch takes any ids above the
        present year's (from the primary key: there are none, or few). The years cover every
        id from the oldest year's first, so `size` rows from them are the newest overall."""
        if not query or not self.statistics.year_indexes:
            return None
        share = self.estimated_share(query, criteria)
        if share * self.statistics.rows < RECENT_MARGIN * size:
            return None  # every match is wanted: one pass over the GIN index reads each once
        now = timezone.now()
        context = self._context(query, criteria)
        vector = f'"{TABLE}"."search_vector"'
        inner = (
            f"SELECT id, {columns}, {self._points_sql(query, vector)} "
            f'FROM "{TABLE}", q WHERE {self._match_sql(query, criteria, vector)} AND {checks_sql}'
        )
        wanted = RECENT_MARGIN * size
        for _attempt in range(2):
            span = self.years_span(wanted, share, now)
            if span is None:
                return None
            years, held = span
            # Ids are whole numbers made here (year_bounds), written into the SQL so that the
            # planner can match each branch to its partial index.
            ranges = [(year_bounds(years[0])[1], None)] + [year_bounds(y) for y in years]
            branches = []
            for low, high in ranges:
                bound = f"id >= {int(low)}" + (f" AND id < {int(high)}" if high else "")
                branches.append(
                    f"(SELECT * FROM ({inner} AND {bound} OFFSET 0) AS y ORDER BY id DESC)"
                )
            rows = self._run(
                f"WITH {context[0]} SELECT * FROM ({' UNION ALL '.join(branches)}) AS found "
                "LIMIT %s",
                [*context[1], *(params * len(branches)), size],
            )
            if len(rows) >= size:
                return rows
            # Rarer in these years than the statistics said: enough years at the rate found.
            wanted = max(wanted * 2, RECENT_MARGIN * size * held / max(len(rows), 1))
        return None

    def _posting_year(self, query: ParsedQuery, criteria, size: int) -> tuple[str, bool] | None:
        """For a posting-date range within one UTC year (and the spill of its last seconds):
        the SQL bound that lets the planner take that year's index, and whether the range
        spans the whole year. None when the range is wider, the year has no index, the ids
        may not follow posting time, nothing but the dates would be looked up, or the words
        and terms are common enough for the planner to walk an index instead."""
        if criteria.posted_from is None or criteria.dates is None:
            return None
        if not (query or criteria.terms_besides_dates()):
            return None
        if self.strategy(query, criteria, size)[0] != "gin":
            return None
        low, high = posting_id_range(criteria.posted_from, criteria.posted_until)
        year = datetime.fromtimestamp(low // ID_SLOTS, UTC).year
        year_low, year_high = year_bounds(year)
        if high is None or high > year_high + ID_SPILL:
            return None
        if year not in self.statistics.year_indexes or not self.statistics.ids_follow_time:
            return None
        whole = low <= year_low and year_high + ID_SPILL <= high
        return f"id >= {year_low} AND id < {year_high + ID_SPILL}", whole

    def _context(
        self,
        query: ParsedQuery,
        criteria,
        recent: list[str] | None = None,
        *,
        besides_dates: bool = False,
    ) -> tuple[str, list]:
        """The CTEs `w` and `q`: the words, the filter terms, (for "any of the words") every
        word, and the words restricted to the title (A) and to the summary and tags (B)."""
        columns, params = [], []
        words_sql = "NULL::tsquery"
        if query:
            words_sql, words_params = _tsquery(query, every=False)
            params += words_params
        columns.append(f"{words_sql} AS words")
        groups = criteria.terms_besides_dates() if besides_dates else criteria.terms
        if groups:
            columns.append("to_tsquery('simple', %s) AS filters")
            params.append(terms_tsquery(groups))
        else:
            columns.append("NULL::tsquery AS filters")
        if query and query.match_any and len(query.terms) > 1:
            every_sql, every_params = _tsquery(query, every=True)
            columns.append(f"{every_sql} AS every")
            params += every_params
        else:
            columns.append("NULL::tsquery AS every")
        if recent:
            columns.append("to_tsquery('simple', %s) AS recent")
            params.append(" | ".join(recent))
        else:
            columns.append("NULL::tsquery AS recent")
        # NOT MATERIALIZED: where `q` is read more than once (the year indexes' branches),
        # its queries are still folded into constants, which the planner needs to estimate.
        return (
            "w AS NOT MATERIALIZED (SELECT " + ", ".join(columns) + "), "
            f"q AS NOT MATERIALIZED (SELECT *, {_weighted('words', 'A')} AS in_title, "
            f"{_weighted('words', 'B')} AS in_summary FROM w)",
            params,
        )

    @staticmethod
    def _match_sql(
        query: ParsedQuery,
        criteria,
        vector: str,
        *,
        recent: bool = False,
        besides_dates: bool = False,
    ) -> str:
        # One tsquery for the index: GIN intersects the words and terms itself.
        groups = criteria.terms_besides_dates() if besides_dates else criteria.terms
        parts = (["q.words"] if query else []) + (["q.filters"] if groups or not query else [])
        if recent:
            parts.append("q.recent")
        sql = f"{vector} @@ ({' && '.join(parts)})"
        if query and query.titles_only:
            sql += f" AND {vector} @@ q.in_title"
        return sql

    @staticmethod
    def _points_sql(query: ParsedQuery, vector: str) -> str:
        """Best match points (see base.Engine.points) as SQL over the row's vector."""
        if not query:
            return "0"
        tests = [(f"{vector} @@ q.in_title", IN_TITLE), (f"{vector} @@ q.in_summary", IN_SUMMARY)]
        if query.match_any and len(query.terms) > 1:
            tests.append((f"{vector} @@ q.every", EVERY_WORD))
        return " + ".join(f"(CASE WHEN {test} THEN {worth} ELSE 0 END)" for test, worth in tests)

    @staticmethod
    def _window(rows: list[tuple], column: str | None) -> Window:
        """Rows of (id, sort value, points)."""
        return Window(
            [row[0] for row in rows],
            {row[0]: row[2] for row in rows},
            {row[0]: row[1] for row in rows} if column else None,
        )

    # Showing -------------------------------------------------------------------------------

    def snippet_needles(self, query: ParsedQuery) -> tuple[list[str], list[str]]:
        """What to look for, as written, to find where a result's words first appear: its
        phrases, then its words and their stems (three characters or more, so "us" is not
        found inside "because")."""
        phrases = [" ".join(t.words) for t in query.terms if t.is_phrase]
        words = {w for t in query.terms for w in t.words}
        with connection.cursor() as cursor:
            stems = self.statistics.stems_of(cursor, {w for w in words if not w.isdigit()})
        needles = words | {lexeme for found in stems.values() for lexeme in found}
        return phrases, sorted(n for n in needles if len(n) >= 3 and n.replace("_", "").isalnum())

    def snippets(
        self, *, query: ParsedQuery, criteria, ids: list[int], stretch: int = 0
    ) -> dict[int, SafeString]:
        if not ids or not query:
            return {}
        tsq_sql, tsq_params = tsquery(query)
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        phrases, words = self.snippet_needles(query)
        rows = self._run(
            SNIPPETS_SQL.format(query=tsq_sql, table=TABLE, chars=SNIPPET_CHARS),
            [
                *tsq_params,
                ids,
                phrases,
                words,
                SNIPPET_BEFORE + 1,
                SNIPPET_WINDOW,
                SNIPPET_BEFORE,
                SNIPPET_WINDOW,
                options,
                MARK_START,
                options,
            ],
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
