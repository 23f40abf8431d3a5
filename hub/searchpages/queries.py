"""Searching the index: what a viewer may see, filtered, ranked, a page at a time.

Every search is limited to what the viewer may see: rows whose time has come, outside any
network or in a network the viewer belongs to (`visible_documents`, and the engines' own
form of the same rule). Filters narrow it; the engine matches the words and ranks. Counts are
exact up to COUNT_CAP and always after the permission filter.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from hub.accounts.member_text import contains
from hub.accounts.models import Organisation
from hub.accounts.queries import CARD_FIELDS, member_directory, visibility_levels
from hub.networks.access import is_site_admin, member_network_ids, network_filter
from hub.search import terms as terms_mod
from hub.search.backends import engine
from hub.search.backends.base import where_clause
from hub.search.models import SearchDocument
from hub.search.query import ParsedQuery, parse_query
from hub.search.registry import type_labels

ANONYMOUS_NAME = "Anonymous"
PER_PAGE = 20
# Counts are exact up to here ("More than 1,000 results" beyond), and the engines rank or sort
# the newest COUNT_CAP matches: the work per search stays the same at any corpus size.
COUNT_CAP = 1_000
SORTS = ("relevance", "newest", "updated", "views", "comments")
# With more matches than the cap, these sorts order the newest COUNT_CAP matches.
WINDOW_SORTS = ("updated", "views", "comments")


def visible_documents(viewer: Any) -> QuerySet[SearchDocument]:
    """Every row this viewer may see in results (drafts and hidden content are never rows)."""
    return SearchDocument.objects.filter(visible_from__lte=timezone.now()).filter(
        network_filter(viewer, field="network_id")
    )


@dataclass
class SearchParams:
    """A search as the form reads it from the URL (already validated)."""

    q: str = ""
    match_any: bool = False
    titles_only: bool = False
    tag_ids: list[int] | None = None  # None: no tag filter; []: a filter nothing can match
    tags_all: bool = False
    author_ids: list[int] | None = None
    types: list[str] = field(default_factory=list)
    category_id: int | None = None
    forum_id: int | None = None
    network_id: int | None = None
    created_after: date | None = None
    created_before: date | None = None
    updated_after: date | None = None
    updated_before: date | None = None
    min_comments: int | None = None
    min_reactions: int | None = None
    min_views: int | None = None
    sort: str = "relevance"
    page: int = 1
    prefix: bool = False


@dataclass
class Result:
    type: str
    type_label: str
    title: str
    url: str
    snippet: SafeString
    author: str
    created: datetime | date
    updated: datetime | date
    place: str
    place_url: str
    is_anonymous: bool

    @property
    def posted_on(self) -> date:
        """The day it was posted, in the reader's time zone."""
        if isinstance(self.created, datetime):
            return timezone.localtime(self.created).date()
        return self.created

    @property
    def posted_on_text(self) -> str:
        """The day as the template's `date:"j M Y"` gives it ("3 Mar 2025"), at a tenth of its
        cost (two date filters were a third of the time the result list took to render)."""
        day = self.posted_on
        return f"{day.day} {MONTHS_3[day.month].title()} {day.year}"


@dataclass
class SearchResults:
    results: list[Result]
    count: int
    capped: bool
    page: int
    pages: int
    query: ParsedQuery
    # True when a column sort ordered only the newest COUNT_CAP matches (there were more).
    window_sorted: bool = False

    @property
    def count_text(self) -> str:
        if self.capped:
            return f"More than {self.count:,} results"
        if self.count == 0:
            return "No results"
        return f"Found {self.count:,} result{'s' if self.count != 1 else ''}"

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class Criteria:
    """A search's filters in the form the engines take them.

    `terms` is an AND of OR-groups of index terms (see terms.py), answered by the full-text
    index; `rows` keeps the filters checked on each row (exact dates, counts). `networks` is
    who may see what: the networks the viewer belongs to (public content is always allowed),
    or None when nothing needs hiding: for a site administrator, or when the search keeps to
    one network the viewer is in. `nothing` is set when a filter can match nothing.
    A posting-date filter is in `rows` (exact), in `terms` as the group `dates` (year and
    month terms: the index's narrowing), and as `posted_from`/`posted_until` for an engine
    that narrows by id instead (ids follow the time of posting); `rows_besides_posting` is
    `rows` without it, for such an engine, which need check the date only near the ends of
    its range of ids. `within_network` is the network a search keeps to, if any: every match
    is then that network's content, which an engine may keep an index of its own for.
    """

    terms: list[list[str]]
    rows: QuerySet[SearchDocument]
    networks: frozenset[int] | None
    nothing: bool = False
    dates: list[str] | None = None
    posted_from: datetime | None = None
    posted_until: datetime | None = None
    rows_besides_posting: QuerySet[SearchDocument] | None = None
    within_network: int | None = None

    def terms_besides_dates(self) -> list[list[str]]:
        """The term groups without the posting-date group."""
        return [group for group in self.terms if group is not self.dates]

    def where(self, *, besides_posting: bool = False) -> tuple[str, list] | None:
        """The row filters as SQL (None when they can match nothing), without the posting
        date when asked."""
        if besides_posting and self.rows_besides_posting is not None:
            return where_clause(self.rows_besides_posting)
        return where_clause(self.rows)


def criteria_for(*, viewer: Any, params: SearchParams) -> Criteria:
    """The viewer's permissions and the search's filters, as index terms and row checks."""
    networks = None if is_site_admin(viewer) else frozenset(member_network_ids(viewer))
    terms: list[list[str]] = []
    rows = SearchDocument.objects.all()
    nothing = False
    if params.types:
        terms.append([terms_mod.kind_term(kind) for kind in params.types])
    if params.tag_ids is not None:
        if not params.tag_ids:
            nothing = True
        elif params.tags_all:
            terms.extend([terms_mod.facet_term("tag", tag_id)] for tag_id in params.tag_ids)
        else:
            terms.append([terms_mod.facet_term("tag", tag_id) for tag_id in params.tag_ids])
    if params.author_ids is not None:
        # Anonymous rows carry no author term: an author filter can never reach them.
        if not params.author_ids:
            nothing = True
        terms.append([terms_mod.author_term(author_id) for author_id in params.author_ids])
    if params.category_id is not None:
        terms.append([terms_mod.facet_term("category", params.category_id)])
    if params.forum_id is not None:
        terms.append([terms_mod.facet_term("forum", params.forum_id)])
    if params.network_id is not None:
        if networks is not None and params.network_id not in networks:
            nothing = True  # not a member: the network's content is not for this viewer
        else:
            # Only this network's rows carry its term, and the viewer may see them all: the
            # rule hiding other networks would only make the index read every network row.
            networks = None
        terms.append([terms_mod.network_term(params.network_id)])
    posted_from = _start_of(params.created_after) if params.created_after else None
    posted_until = (
        _start_of(params.created_before + timedelta(days=1)) if params.created_before else None
    )
    dates = terms_mod.date_terms(posted_from, posted_until, now=timezone.now())
    if dates:
        terms.append(dates)
    if params.updated_after:
        rows = rows.filter(updated__gte=_start_of(params.updated_after))
    if params.updated_before:
        rows = rows.filter(updated__lt=_start_of(params.updated_before + timedelta(days=1)))
    if params.min_comments:
        rows = rows.filter(comment_count__gte=params.min_comments)
    if params.min_reactions:
        rows = rows.filter(reaction_count__gte=params.min_reactions)
    if params.min_views:
        rows = rows.filter(view_count__gte=params.min_views)
    rows_besides_posting = rows
    if posted_from:
        rows = rows.filter(created__gte=posted_from)
    if posted_until:
        rows = rows.filter(created__lt=posted_until)
    return Criteria(
        terms=terms,
        rows=rows,
        networks=networks,
        nothing=nothing,
        dates=dates or None,
        posted_from=posted_from,
        posted_until=posted_until,
        rows_besides_posting=rows_besides_posting,
        within_network=params.network_id,
    )


ORDERINGS = {
    "newest": ("-created", "-id"),
    "relevance": ("-created", "-id"),  # with no words, newest first
    "updated": ("-updated", "-id"),
    "views": ("-view_count", "-id"),
    "comments": ("-comment_count", "-id"),
}

DISPLAY_FIELDS = (
    "id",
    "kind",
    "title",
    "summary",
    "body",
    "url",
    "place",
    "place_url",
    "author_name",
    "is_anonymous",
    "created",
    "updated",
)


PLAIN_SNIPPET_WORDS = 40
# Forty words nearly always lie within this many characters: only they are split, not a
# whole body (a result's snippet took 0.03 ms for a long one).
PLAIN_SNIPPET_HEAD = 1000


def _plain_snippet(doc: SearchDocument) -> SafeString:
    text = doc.summary or doc.body
    # More words in the head than the snippet shows: its first forty are whole, and the
    # text's. Else the whole text, as before.
    words = text[:PLAIN_SNIPPET_HEAD].split()
    if len(words) <= PLAIN_SNIPPET_WORDS:
        words = text.split()
    return mark_safe(escape(Truncator(" ".join(words)).words(PLAIN_SNIPPET_WORDS)))  # noqa: S308


def search(*, viewer: Any, params: SearchParams, per_page: int = PER_PAGE) -> SearchResults:
    """One page of results.

    The engine answers any search with words or with filters it holds as index terms (types,
    tags, categories, forums, networks, authors, posting dates): the newest COUNT_CAP + 1
    matches, counted, then ranked or sorted, a few queries whatever the corpus size. Other
    searches (no words; only update dates or counts) read the documents table by its indexes.
    """
    query = parse_query(
        params.q, match_any=params.match_any, titles_only=params.titles_only, prefix=params.prefix
    )
    criteria = criteria_for(viewer=viewer, params=params)
    page = max(1, params.page)
    offset = (page - 1) * per_page
    active = engine()
    snippets: dict[int, SafeString] = {}
    window_sorted = False
    if params.q.strip() and not query and not _has_filters(params):
        # Only stop words or punctuation: nothing to look for.
        page_docs, count, capped = [], 0, False
    elif query or criteria.terms:
        found = active.match(
            query=query,
            criteria=criteria,
            sort=params.sort,
            offset=offset,
            limit=per_page,
            count_cap=COUNT_CAP,
        )
        ids, count, capped = found.ids, found.count, found.capped
        window_sorted = capped and params.sort in WINDOW_SORTS
        rows = {d.pk: d for d in SearchDocument.objects.filter(pk__in=ids).only(*DISPLAY_FIELDS)}
        page_docs = [rows[i] for i in ids if i in rows]
        if query:
            snippets = active.snippets(
                query=query, criteria=criteria, ids=ids, stretch=found.stretch
            )
    elif criteria.nothing:
        page_docs, count, capped = [], 0, False
    else:
        docs = visible_documents(viewer) & criteria.rows
        count = docs[: COUNT_CAP + 1].count()
        capped = count > COUNT_CAP
        count = min(count, COUNT_CAP)
        ordering = ORDERINGS.get(params.sort, ORDERINGS["newest"])
        page_docs = list(docs.order_by(*ordering).only(*DISPLAY_FIELDS)[offset : offset + per_page])
    labels = type_labels()
    results = [
        Result(
            type=doc.kind,
            type_label=labels.get(doc.kind, doc.kind.replace("_", " ").capitalize()),
            title=doc.title,
            url=doc.url,
            snippet=snippets.get(doc.pk) or _plain_snippet(doc),
            author=ANONYMOUS_NAME if doc.is_anonymous else doc.author_name,
            created=timezone.localtime(doc.created).date() if doc.is_anonymous else doc.created,
            updated=timezone.localtime(doc.updated).date() if doc.is_anonymous else doc.updated,
            place=doc.place,
            place_url=doc.place_url,
            is_anonymous=doc.is_anonymous,
        )
        for doc in page_docs
    ]
    pages = max(1, -(-count // per_page))
    return SearchResults(results, count, capped, page, pages, query, window_sorted)


@dataclass
class Suggestion:
    type_label: str
    title: str
    url: str


def similar_titles(*, viewer: Any, text: str, limit: int = 8) -> list[Suggestion]:
    """Titles this viewer may see that contain (or nearly contain) `text`."""
    visible = visible_documents(viewer)
    ids = engine().similar_titles(text=text, filtered=visible, limit=limit)
    words = sorted(parse_query(text).words(), key=len, reverse=True)
    if not ids and len(words) > 1:  # try the longest word alone
        ids = engine().similar_titles(text=words[0], filtered=visible, limit=limit)
    if not ids:
        return []
    rows = {d.pk: d for d in SearchDocument.objects.filter(pk__in=ids).only("kind", "title", "url")}
    labels = type_labels()
    return [
        Suggestion(labels.get(rows[i].kind, rows[i].kind), rows[i].title, rows[i].url)
        for i in ids
        if i in rows
    ]


def _has_filters(params: SearchParams) -> bool:
    return any(
        [
            params.types,
            params.tag_ids is not None,
            params.author_ids is not None,
            params.category_id,
            params.forum_id,
            params.network_id,
            params.created_after,
            params.created_before,
            params.updated_after,
            params.updated_before,
            params.min_comments,
            params.min_reactions,
            params.min_views,
        ]
    )


# Members -----------------------------------------------------------------------------------


def _shown_to(field_name: str, viewer: Any) -> Q:
    q = Q(**{f"{field_name}_visibility__in": visibility_levels(viewer)})
    if viewer.is_authenticated:
        q |= Q(pk=viewer.pk)
    return q


def member_search(*, viewer: Any, filters: dict[str, Any]) -> QuerySet:
    """The member directory's filters, plus first name, last name and "about me".

    Like the directory, a filter only matches facts the viewer may see on that profile.
    """
    members = member_directory(viewer=viewer, filters=filters)
    first = (filters.get("first_name") or "").strip()
    if first:
        members = members.filter(contains(first, "first_name") & _shown_to("real_name", viewer))
    last = (filters.get("last_name") or "").strip()
    if last:
        members = members.filter(contains(last, "last_name") & _shown_to("real_name", viewer))
    about = (filters.get("about") or "").strip()
    if about:
        members = members.filter(contains(about, "about") & _shown_to("about", viewer))
    return members


@dataclass
class MemberResults:
    """One page of a member search, in name order, with the count as content search gives it:
    exact up to COUNT_CAP, "More than 1,000" beyond, when the pages cover the first COUNT_CAP."""

    page: Page  # its object_list: the members of this page, in name order
    count: int
    capped: bool

    @property
    def count_text(self) -> str:
        if self.capped:
            return f"More than {self.count:,} members"
        return f"Found {self.count:,} member{'s' if self.count != 1 else ''}"

    @property
    def note(self) -> str:
        if not self.capped:
            return ""
        return (
            f"These pages show the first {self.count:,} in name order. Add a filter, such as "
            "a country or a role, to find the others."
        )


def member_search_page(
    *, viewer: Any, filters: dict[str, Any], page_number: Any, per_page: int = PER_PAGE
) -> MemberResults:
    """A page of `member_search`. One query reads the first COUNT_CAP + 1 matches' ids in name
    order, which gives the count and every page's ids at once (counting and then sorting read
    every match twice); a second fetches the page's members."""
    found = member_search(viewer=viewer, filters=filters)
    ids = list(found.values_list("pk", flat=True)[: COUNT_CAP + 1])
    capped = len(ids) > COUNT_CAP
    page = Paginator(ids[:COUNT_CAP], per_page).get_page(page_number)
    # Organisations come in a query of their own: joined, PostgreSQL hashed every organisation
    # (0.8 of 0.89 ms for twenty members among 2,000 organisations, against 0.06 ms).
    rows = (
        get_user_model()
        .objects.only(*CARD_FIELDS)
        .prefetch_related(Prefetch("organisation", queryset=Organisation.objects.only("name")))
        .in_bulk(page.object_list)
    )
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    return MemberResults(page=page, count=len(ids) - capped, capped=capped)


def author_ids_for(name: str) -> list[int]:
    """Members whose username or public name is `name` (case-insensitive)."""
    name = name.strip().lstrip("@")
    if not name:
        return []
    user_model = get_user_model()
    return list(
        user_model.objects.filter(
            Q(username__iexact=name) | Q(display_name__iexact=name)
        ).values_list("pk", flat=True)[:20]
    )
