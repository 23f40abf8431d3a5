"""Search pages: the search itself (HTML, JSON, Atom), tag suggestions and member search."""

from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

from hub.accounts.cards import member_card
from hub.accounts.queries import profile_view
from hub.core.params import page_param
from hub.networks.access import can_see_network_content
from hub.taxonomy.queries import tags_visible_to

from .forms import MemberSearchForm, SearchForm
from .queries import (
    Result,
    SearchParams,
    SearchResults,
    member_search_page,
    search,
    similar_titles,
)

FEED_LENGTH = 30
TAG_SUGGESTIONS = 10


def _wants_json(request: HttpRequest) -> bool:
    if request.GET.get("format") == "json":
        return True
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _iso(value) -> str:
    return value.isoformat()


def _result_json(result: Result) -> dict:
    return {
        "type": result.type,
        "title": result.title,
        "url": result.url,
        "snippet": str(result.snippet),
        "author": result.author,
        "created": _iso(result.created),
        "updated": _iso(result.updated),
    }


def _form_errors(form: SearchForm) -> dict[str, list[str]]:
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def _run(request: HttpRequest) -> tuple[SearchForm, SearchParams, SearchResults]:
    form = SearchForm(request.GET, viewer=request.user)
    params = form.params()
    return form, params, search(viewer=request.user, params=params)


def search_page(request: HttpRequest) -> HttpResponse:
    form, params, results = _run(request)
    if _wants_json(request):
        body = {
            "count": results.count,
            "page": results.page,
            "results": [_result_json(r) for r in results.results],
        }
        if results.capped:
            body["more"] = True
        if form.errors:
            body["errors"] = _form_errors(form)
        response = JsonResponse(body)
    else:
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("format", None)
        network_note = ""
        if params.network_id and not can_see_network_content(request.user, params.network_id):
            network_note = "Only members of this network see its content, so nothing is shown."
        searched = bool(request.GET.get("q", "").strip()) or form.filters_used
        notes = list(results.query.notes)
        if results.window_sorted:
            notes.append(
                f"More than {results.count:,} results match, so these are the newest "
                f"{results.count:,} in the order you chose. Add words or filters to narrow "
                "the search."
            )
        did_you_mean = []
        if params.q.strip() and results.count == 0 and not form.filters_used:
            did_you_mean = similar_titles(viewer=request.user, text=params.q, limit=5)
        response = render(
            request,
            "search/search.html",
            {
                "form": form,
                "results": results,
                "searched": searched,
                "query": query.urlencode(),
                "notes": notes,
                "network_note": network_note,
                "did_you_mean": did_you_mean,
                "advanced_open": form.advanced_used or bool(form.errors),
            },
        )
    patch_vary_headers(response, ["Accept"])
    return response


class SearchFeed(Feed):
    """An Atom feed of any search: the same parameters as the page, newest first."""

    feed_type = Atom1Feed
    subtitle = "New results for a search on Safety Hub."

    def get_object(self, request: HttpRequest) -> dict:
        form = SearchForm(request.GET, viewer=request.user)
        params = form.params()
        if not request.GET.get("sort"):
            params.sort = "newest"
        params.page = 1
        found = search(viewer=request.user, params=params, per_page=FEED_LENGTH)
        query = request.GET.copy()
        query.pop("page", None)
        return {"results": found.results, "query": query.urlencode(), "q": params.q.strip()}

    def title(self, obj: dict) -> str:
        return f"Safety Hub search: {obj['q'][:80]}" if obj["q"] else "Safety Hub search"

    def link(self, obj: dict) -> str:
        return reverse("search:search") + (f"?{obj['query']}" if obj["query"] else "")

    def items(self, obj: dict) -> list[Result]:
        return obj["results"]

    def item_title(self, item: Result) -> str:
        return item.title

    def item_description(self, item: Result) -> str:
        return strip_tags(str(item.snippet))

    def item_link(self, item: Result) -> str:
        return item.url

    def item_guid(self, item: Result) -> str:
        return item.url

    def item_author_name(self, item: Result) -> str:
        return item.author

    def _when(self, value):
        if hasattr(value, "hour"):
            return value
        return timezone.make_aware(timezone.datetime(value.year, value.month, value.day))

    def item_pubdate(self, item: Result):
        return self._when(item.created)

    def item_updateddate(self, item: Result):
        return self._when(item.updated)

    def item_categories(self, item: Result) -> list[str]:
        return [item.type_label]


def title_suggestions(request: HttpRequest) -> JsonResponse:
    """Titles containing what was typed (typos forgiven on PostgreSQL), for a search box."""
    found = similar_titles(viewer=request.user, text=request.GET.get("q", "")[:100])
    return JsonResponse(
        {"results": [{"type": s.type_label, "title": s.title, "url": s.url} for s in found]}
    )


def tag_suggestions(request: HttpRequest) -> JsonResponse:
    """Tags starting with (then containing) what was typed, for the tags field."""
    typed = request.GET.get("q", "").split(",")[-1].strip()[:60]
    names: list[str] = []
    if typed:
        visible = tags_visible_to(request.user)
        starts = visible.filter(Q(name__istartswith=typed) | Q(slug__istartswith=typed))
        names = list(starts.order_by("name").values_list("name", flat=True)[:TAG_SUGGESTIONS])
        if len(names) < TAG_SUGGESTIONS:
            more = visible.filter(name__icontains=typed).exclude(name__in=names)
            names += list(
                more.order_by("name").values_list("name", flat=True)[: TAG_SUGGESTIONS - len(names)]
            )
    return JsonResponse({"tags": names})


@login_required
def members(request: HttpRequest) -> HttpResponse:
    form = MemberSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    if form.is_bound and not form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    found = member_search_page(
        viewer=request.user, filters=filters, page_number=page_param(request.GET.get("page"))
    )
    page = found.page
    profiles = [profile_view(viewer=request.user, member=m) for m in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "search/members.html",
        {
            "form": form,
            "found": found,
            "page": page,
            "profiles": profiles,
            "cards": [member_card(profile) for profile in profiles],
            "query": query.urlencode(),
        },
    )
