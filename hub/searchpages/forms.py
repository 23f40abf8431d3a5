"""The search form: every filter is a GET parameter, so a search can be bookmarked and shared.

Invalid values never fail the page: each gets a plain message and the search runs without it.
"""

from typing import Any

from django import forms
from django.db.models import Q

from hub.accounts.forms import DirectoryFilterForm
from hub.community.models import Forum
from hub.core.params import page_param
from hub.core.widgets import QuickDateInput, QuickNumberInput, QuickSelect, QuickTextInput
from hub.networks.access import member_network_ids
from hub.networks.models import Network
from hub.search.registry import type_labels
from hub.taxonomy.models import Category
from hub.taxonomy.queries import tags_visible_to

from .queries import SORTS, SearchParams, author_ids_for

ISO_DATE = ["%Y-%m-%d"]
DATE_ERROR = "Enter a date as year-month-day, for example 2025-03-31."
NUMBER_ERROR = "Enter a whole number, such as 5."
MAX_COUNT = 1_000_000_000
FILTER_FIELDS = (
    "tags",
    "author",
    "type",
    "category",
    "forum",
    "network",
    "created_after",
    "created_before",
    "updated_after",
    "updated_before",
    "min_comments",
    "min_reactions",
    "min_views",
)
OPTION_DEFAULTS = (("match", "all"), ("in", "all"), ("tags_match", "any"))
SORT_LABELS = {
    "relevance": "Best match",
    "newest": "Newest first",
    "updated": "Recently updated",
    "views": "Most viewed",
    "comments": "Most discussed",
}


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        required=False,
        label=label,
        input_formats=ISO_DATE,
        error_messages={"invalid": DATE_ERROR},
        widget=QuickDateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _count_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        required=False,
        label=label,
        min_value=0,
        max_value=MAX_COUNT,
        error_messages={"invalid": NUMBER_ERROR},
        widget=QuickNumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )


def _tree_choices(nodes: list[tuple[int, int | None, str, str]], empty: str) -> list:
    """(pk, parent_id, name, slug) rows as select choices, children indented under parents."""
    children: dict[int | None, list] = {}
    for node in nodes:
        children.setdefault(node[1], []).append(node)
    choices = [("", empty)]

    def walk(parent: int | None, depth: int) -> None:
        for pk, _, name, slug in children.get(parent, []):
            choices.append((slug, ("— " * depth) + name))
            walk(pk, depth + 1)

    walk(None, 0)
    return choices


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        label="Search for",
        help_text='Put "quotes" around words that must appear together.',
        widget=QuickTextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    match = forms.ChoiceField(
        required=False,
        label="Find results with",
        choices=[("all", "All the words"), ("any", "Any of the words")],
        widget=forms.RadioSelect,
    )
    tags = forms.CharField(
        required=False,
        label="Tags",
        help_text="Separate tags with commas.",
        widget=QuickTextInput(attrs={"autocomplete": "off", "data-tag-suggest": ""}),
    )
    tags_match = forms.ChoiceField(
        required=False,
        label="Results must have",
        choices=[("any", "Any of these tags"), ("all", "All of these tags")],
        widget=forms.RadioSelect,
    )
    author = forms.CharField(
        required=False,
        label="Author",
        help_text="A member's name or username.",
        widget=QuickTextInput,
    )
    type = forms.MultipleChoiceField(
        required=False,
        label="Type",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "There is no type called “%(value)s”."},
    )
    category = forms.ChoiceField(required=False, label="Library category", widget=QuickSelect)
    forum = forms.ChoiceField(required=False, label="Forum", widget=QuickSelect)
    network = forms.ChoiceField(required=False, label="Network", widget=QuickSelect)
    created_after = _date_field("Posted on or after")
    created_before = _date_field("Posted on or before")
    updated_after = _date_field("Updated on or after")
    updated_before = _date_field("Updated on or before")
    min_comments = _count_field("At least this many comments or replies")
    min_reactions = _count_field("At least this many reactions")
    min_views = _count_field("At least this many views")
    sort = forms.ChoiceField(
        required=False,
        label="Sort by",
        choices=[(s, SORT_LABELS[s]) for s in SORTS],
        widget=QuickSelect,
    )

    def __init__(self, data: Any, *, viewer: Any) -> None:
        data = data.copy()
        # `type=article,news` and `type=article&type=news` both work.
        data.setlist(
            "type", [t.strip() for v in data.getlist("type") for t in v.split(",") if t.strip()]
        )
        super().__init__(data)
        self.viewer = viewer
        # `in` is a Python keyword, so this field is added by name.
        self.fields["in"] = forms.ChoiceField(
            required=False,
            label="Look in",
            choices=[("all", "Titles and text"), ("titles", "Titles only")],
            widget=forms.RadioSelect,
        )
        self.order_fields(["q", "match", "in"])
        self.fields["type"].choices = list(type_labels().items())
        self.fields["category"].choices = _tree_choices(
            list(Category.objects.values_list("pk", "parent_id", "name", "slug")),
            "Any category",
        )
        self.fields["forum"].choices = _tree_choices(
            list(Forum.objects.values_list("pk", "parent_id", "name", "slug")), "Any forum"
        )
        mine = member_network_ids(viewer)
        # The viewer's networks and the one asked for, not every network on the hub.
        wanted = Q(pk__in=mine) | Q(slug=self.data.get("network") or "")
        self.networks = {
            n.slug: n for n in Network.objects.filter(wanted).only("pk", "slug", "name", "listed")
        }
        choices = [(n.slug, n.name) for n in self.networks.values() if n.pk in mine]
        requested = self.networks.get(self.data.get("network") or "")
        if requested is not None and requested.pk not in mine:
            # A shared link to a network's search: kept, and it finds nothing for non-members.
            choices.append((requested.slug, requested.name if requested.listed else "A network"))
        self.fields["network"].choices = [("", "Any network you belong to"), *choices]
        self.fields["network"].help_text = "Only members see a network's content."
        self.tag_ids: list[int] | None = None
        self.author_ids: list[int] | None = None

    def clean_tags(self) -> str:
        text = self.cleaned_data.get("tags", "")
        names = [n.strip() for n in text.split(",") if n.strip()][:10]
        if not names:
            return ""
        wanted = Q()
        for name in names:
            wanted |= Q(name__iexact=name) | Q(slug__iexact=name)
        # Only tags the viewer may know of: "No tag is called …" must not confirm the others.
        found = list(tags_visible_to(self.viewer).filter(wanted).values_list("pk", "name", "slug"))
        known = {v.lower() for _, n, s in found for v in (n, s)}
        missing = [n for n in names if n.lower() not in known]
        self.tag_ids = [pk for pk, _, _ in found]
        if missing and self.data.get("tags_match") == "all":
            self.tag_ids = []
        if missing:
            listed = ", ".join(f"“{m}”" for m in missing)
            raise forms.ValidationError(f"No tag is called {listed}.")
        return text

    def clean_author(self) -> str:
        name = self.cleaned_data.get("author", "").strip()
        if name:
            self.author_ids = author_ids_for(name)
            if not self.author_ids:
                raise forms.ValidationError(f"No member is called “{name}”.")
        return name

    def clean(self) -> dict:
        data = super().clean()
        for after, before in (
            ("created_after", "created_before"),
            ("updated_after", "updated_before"),
        ):
            if data.get(after) and data.get(before) and data[after] > data[before]:
                self.add_error(before, "This date is before the “on or after” date.")
        return data

    @property
    def filters_used(self) -> bool:
        """Any filter given (beyond the words, sorting and page)."""
        return any(self.data.get(name) for name in FILTER_FIELDS)

    @property
    def advanced_used(self) -> bool:
        return self.filters_used or any(
            self.data.get(name) not in (None, "", default) for name, default in OPTION_DEFAULTS
        )

    def params(self) -> SearchParams:
        """What to search for: the valid fields only (invalid ones are left out)."""
        self.is_valid()
        data = self.cleaned_data
        page = self.data.get("page", "1")
        network = self.networks.get(data.get("network") or "")
        category = (
            Category.objects.filter(slug=data.get("category") or "").first()
            if data.get("category")
            else None
        )
        forum = (
            Forum.objects.filter(slug=data.get("forum") or "").first()
            if data.get("forum")
            else None
        )
        searched_tags = data.get("tags") or "tags" in self.errors
        tag_ids = (self.tag_ids or []) if searched_tags else None
        searched_author = data.get("author") or "author" in self.errors
        author_ids = (self.author_ids or []) if searched_author else None
        return SearchParams(
            q=data.get("q", ""),
            match_any=data.get("match") == "any",
            titles_only=data.get("in") == "titles",
            tag_ids=tag_ids,
            tags_all=data.get("tags_match") == "all",
            author_ids=author_ids,
            types=data.get("type") or [],
            category_id=category.pk if category else None,
            forum_id=forum.pk if forum else None,
            network_id=network.pk if network else None,
            created_after=data.get("created_after"),
            created_before=data.get("created_before"),
            updated_after=data.get("updated_after"),
            updated_before=data.get("updated_before"),
            min_comments=data.get("min_comments"),
            min_reactions=data.get("min_reactions"),
            min_views=data.get("min_views"),
            sort=data.get("sort") or "relevance",
            page=page_param(page),
            prefix=self.data.get("prefix") in ("1", "true", "on"),
        )


class MemberSearchForm(DirectoryFilterForm):
    first_name = forms.CharField(
        required=False, max_length=100, label="First name", widget=QuickTextInput
    )
    last_name = forms.CharField(
        required=False, max_length=100, label="Last name", widget=QuickTextInput
    )
    about = forms.CharField(
        required=False, max_length=200, label="About me contains", widget=QuickTextInput
    )

    field_order = [
        "name",
        "first_name",
        "last_name",
        "country",
        "organisation",
        "role",
        "member_type",
        "group",
        "about",
        "joined_after",
        "joined_before",
    ]
