import difflib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET, require_POST

from hub.core.params import int_param, page_param
from hub.core.richtext import html_to_text
from hub.moderation import guard as pii_guard
from hub.taxonomy.models import Category
from hub.taxonomy.queries import tag_for_page, tag_suggestions

from . import permissions as perms
from . import queries, services
from .forms import (
    KIND_HELP,
    AttachmentForm,
    DeclineForm,
    ItemForm,
    PublishForm,
    ReturnForm,
    SafetyActionFormSet,
)
from .models import Item, ItemKind

PAGE_SIZE = 20
PII_NOT_SUBMITTED = (
    "Your draft is saved but not submitted: it may contain patient information. Please check "
    "the highlighted parts, edit them out or tick the ones that are not patient information, "
    "then submit again."
)


def _sort(request: HttpRequest) -> str:
    sort = request.GET.get("sort", "newest")
    return sort if sort in queries.SORTS else "newest"


def _page(request: HttpRequest, items):
    return Paginator(items, PAGE_SIZE).get_page(page_param(request.GET.get("page")))


def index(request: HttpRequest) -> HttpResponse:
    sort = _sort(request)
    kind = request.GET.get("kind", "")
    kind = kind if kind in ItemKind.values else ""
    page = _page(request, queries.published_items(kind=kind or None, sort=sort))
    return render(
        request,
        "library/index.html",
        {
            "areas": queries.area_tree(),
            "featured": queries.featured_items() if page.number == 1 and not kind else [],
            "page": page,
            "sort": sort,
            "kind": kind,
            "kinds": ItemKind.choices,
            "tags": queries.popular_tags(),
        },
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    sort = _sort(request)
    page = _page(request, queries.published_items(category=category, sort=sort))
    return render(
        request,
        "library/category.html",
        {
            "category": category,
            "children": category.children.all() if category.is_area else [],
            "page": page,
            "sort": sort,
        },
    )


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag = tag_for_page(viewer=request.user, slug=slug)
    if tag is None:
        raise Http404("No such tag")
    sort = _sort(request)
    page = _page(request, queries.published_items(tag=tag, sort=sort))
    return render(request, "library/tag.html", {"tag": tag, "page": page, "sort": sort})


def kind_list(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ItemKind.values:
        raise Http404
    sort = _sort(request)
    page = _page(request, queries.published_items(kind=kind, sort=sort))
    return render(
        request,
        "library/kind.html",
        {"kind": kind, "kind_label": ItemKind(kind).label, "page": page, "sort": sort},
    )


@require_GET
def tag_autocomplete(request: HttpRequest) -> JsonResponse:
    prefix = request.GET.get("q", "")[:60]
    return JsonResponse({"tags": tag_suggestions(viewer=request.user, prefix=prefix)})


def _item_or_404(request: HttpRequest, slug: str) -> Item:
    item = queries.item_for_page(viewer=request.user, slug=slug)
    if item is None:
        raise Http404("No such item")
    return item


def item_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item_or_404(request, slug)
    is_author = perms.is_author(request.user, item)
    if item.is_published and not is_author:
        services.item_record_view(item=item)
        item.view_count += 1
    can_review = perms.can_review_item(request.user, item)
    context = {
        "item": item,
        "is_author": is_author,
        "can_edit": perms.can_edit_item(request.user, item),
        "can_review": can_review,
        "problems": services.item_problems(item) if (is_author or can_review) else [],
        "related": queries.related_items(item=item) if item.is_published else [],
        "share_text": strip_tags(item.title),
        "page_description": html_to_text(item.summary)[:200],
    }
    if can_review:
        context.update(
            pii=services.item_pii(item, by_reviewer=True),
            author_cleared=services.item_pii(item).false_alarms,
            transitions=item.transitions.select_related("actor"),
            return_form=ReturnForm(prefix="return"),
            decline_form=DeclineForm(prefix="decline"),
            publish_form=PublishForm(prefix="publish"),
        )
    return render(request, "library/item.html", context)


def _network_from(request: HttpRequest):
    """The network a new item is shared into (?network=<slug>), for its members only."""
    slug = request.POST.get("network") or request.GET.get("network")
    if not slug:
        return None
    from hub.networks.access import can_see_network_content
    from hub.networks.models import Network

    network = Network.objects.filter(slug=slug).first()
    if network is None or not can_see_network_content(request.user, network.pk):
        raise Http404("No such network")
    return network


def share_choose(request: HttpRequest) -> HttpResponse:
    network = _network_from(request)
    kinds = [(value, label, KIND_HELP[value]) for value, label in ItemKind.choices]
    if network is not None or not perms.can_review(request.user):
        kinds = [k for k in kinds if k[0] != ItemKind.NEWS]
    return render(request, "library/share_choose.html", {"kinds": kinds, "network": network})


def _forms_for(request: HttpRequest, kind: str, item: Item | None = None):
    can_series = perms.can_review(request.user)
    needs_actions = kind == ItemKind.INCIDENT_LEARNING
    if request.method == "POST":
        form = ItemForm(request.POST, kind=kind, can_choose_series=can_series)
        actions = SafetyActionFormSet(request.POST, prefix="actions") if needs_actions else None
    else:
        initial = _initial_from(item) if item else {}
        form = ItemForm(initial=initial, kind=kind, can_choose_series=can_series)
        action_initial = (
            [
                {
                    f: getattr(a, f)
                    for f in (
                        "description",
                        "owner_role",
                        "measure",
                        "due_date",
                        "strength",
                        "status",
                    )
                }
                for a in item.safety_actions.all()
            ]
            if item
            else []
        )
        actions = (
            SafetyActionFormSet(initial=action_initial, prefix="actions") if needs_actions else None
        )
    return form, actions


def _initial_from(item: Item) -> dict:
    initial = {
        name: getattr(item, name)
        for name in (
            "title",
            "summary",
            "body",
            "external_url",
            "country",
            "region",
            "setting",
            "is_anonymous",
            "series",
            "learning_response",
            *services.STRUCTURED_TEXT_FIELDS,
        )
    }
    initial["categories"] = list(item.categories.all())
    initial["tags"] = ", ".join(t.name for t in item.tags.all())
    initial["audiences"] = item.audiences
    return initial


def _errors_to_form(form, error: ValidationError) -> None:
    """A service's refusal, shown next to the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for each in errors:
                form.add_error(name if name in form.fields else None, each.messages)
    else:
        form.add_error(None, error.messages)


def _valid_actions(actions) -> list | None:
    if actions is None:
        return None
    return [
        f.to_data() for f in actions.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _after_save(request: HttpRequest, item: Item) -> HttpResponse:
    """Apply the button the writer pressed: keep as draft, submit, or (editors) publish."""
    action = request.POST.get("action", "save")
    false_alarms = pii_guard.false_alarms_from(request.POST)
    try:
        if action == "submit":
            services.item_submit(actor=request.user, item=item, pii_false_alarms=false_alarms)
            messages.success(request, "Thank you: your item is with our editors for review.")
        elif action == "publish":
            services.item_publish(actor=request.user, item=item)
            messages.success(request, "Published.")
        else:
            messages.success(request, "Your draft is saved. Only you can see it.")
    except pii_guard.PersonalDataFound:
        services.item_pii_author_clear(actor=request.user, item=item, tokens=false_alarms)
        messages.error(request, PII_NOT_SUBMITTED)
        return redirect(reverse("library:item_edit", kwargs={"slug": item.slug}) + "#pii-findings")
    except ValidationError as error:
        messages.error(
            request, "Your draft is saved, but it is not ready yet: " + " ".join(error.messages)
        )
        return redirect("library:item_edit", slug=item.slug)
    return redirect(item.get_absolute_url())


@login_required
def item_new(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ItemKind.values or (
        kind == ItemKind.NEWS and not perms.can_review(request.user)
    ):
        raise Http404
    network = _network_from(request)
    if network is not None and kind == ItemKind.NEWS:
        raise Http404("News is not shared into a network")
    form, actions = _forms_for(request, kind)
    if request.method == "POST" and form.is_valid() and (actions is None or actions.is_valid()):
        data = form.to_item_data(_valid_actions(actions))
        data.network = network
        try:
            item = services.item_create(actor=request.user, data=data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            return _after_save(request, item)
    if request.method == "POST":
        messages.error(request, "Please correct the highlighted fields. Nothing is lost.")
    return render(
        request,
        "library/item_form.html",
        {
            "form": form,
            "actions": actions,
            "kind": kind,
            "kind_label": ItemKind(kind).label,
            "can_review": perms.can_review(request.user) and network is None,
            "network": network,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def item_edit(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item_or_404(request, slug)
    if not perms.can_edit_item(request.user, item):
        raise PermissionDenied("You cannot edit this item now.")
    form, actions = _forms_for(request, item.kind, item)
    if request.method == "POST" and form.is_valid() and (actions is None or actions.is_valid()):
        try:
            services.item_update(
                actor=request.user,
                item=item,
                data=form.to_item_data(_valid_actions(actions)),
                note=request.POST.get("revision_note", "")[:200],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
            item.refresh_from_db()  # nothing was saved: show the page as the item stands
        else:
            return _after_save(request, item)
    if request.method == "POST":
        messages.error(request, "Please correct the highlighted fields. Nothing is lost.")
    return render(
        request,
        "library/item_form.html",
        {
            "form": form,
            "actions": actions,
            "kind": item.kind,
            "kind_label": item.get_kind_display(),
            "item": item,
            "attachment_form": AttachmentForm(),
            "can_review": perms.can_review_item(request.user, item),
            "problems": services.item_problems(item),
            "pii": services.item_pii(item),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def item_submit(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item_or_404(request, slug)
    try:
        services.item_submit(actor=request.user, item=item)
    except pii_guard.PersonalDataFound:
        messages.error(request, PII_NOT_SUBMITTED)
        return redirect(reverse("library:item_edit", kwargs={"slug": item.slug}) + "#pii-findings")
    except ValidationError as error:
        messages.error(request, "Not ready to submit yet: " + " ".join(error.messages))
        return redirect("library:item_edit", slug=item.slug)
    messages.success(request, "Thank you: your item is with our editors for review.")
    return redirect(item.get_absolute_url())


@login_required
@require_POST
def item_review(request: HttpRequest, slug: str, decision: str) -> HttpResponse:
    item = _item_or_404(request, slug)
    if not perms.can_review_item(request.user, item):
        raise PermissionDenied("Only editors and topic leads review items.")
    forms = {"return": ReturnForm, "decline": DeclineForm, "publish": PublishForm}
    if decision == "pii":
        count = services.item_pii_clear(
            actor=request.user, item=item, tokens=pii_guard.false_alarms_from(request.POST)
        )
        messages.success(request, f"{count} finding(s) confirmed as not patient information.")
        return redirect(item.get_absolute_url() + "#pii-review")
    if decision == "feature":
        services.item_feature(
            actor=request.user, item=item, featured=request.POST.get("featured") == "1"
        )
        messages.success(request, "Featured." if item.featured else "No longer featured.")
        return redirect(item.get_absolute_url())
    if decision not in forms:
        raise Http404
    form = forms[decision](request.POST, prefix=decision)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        data = form.cleaned_data
        if decision == "return":
            services.item_return(actor=request.user, item=item, note=data["note"])
            messages.success(request, "Returned to the author with your note.")
        elif decision == "decline":
            services.item_decline(actor=request.user, item=item, reason=data["reason"])
            messages.success(request, "Declined. The author has been told why.")
        else:
            services.item_publish(
                actor=request.user, item=item, at=data["publish_at"], note=data["note"]
            )
            messages.success(request, "Scheduled." if item.status == "scheduled" else "Published.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(item.get_absolute_url())


@login_required
def my_items(request: HttpRequest) -> HttpResponse:
    page = _page(request, queries.items_of_author(viewer=request.user))
    return render(request, "library/mine.html", {"page": page})


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    queue = queries.review_queue(viewer=request.user)
    return render(request, "library/review_queue.html", {"queue": queue})


@login_required
def revisions(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item_or_404(request, slug)
    if not perms.can_edit_item(request.user, item) and not perms.can_review_item(
        request.user, item
    ):
        raise PermissionDenied
    revisions = list(item.revisions.select_related("created_by"))
    by_number = {r.number: r for r in revisions}
    diff = None
    a, b = int_param(request.GET.get("a"), default=0), int_param(request.GET.get("b"), default=0)
    if a in by_number and b in by_number:
        old, new = by_number[a], by_number[b]
        diff = list(
            difflib.unified_diff(
                [
                    old.title,
                    *html_to_text(old.summary).splitlines(),
                    *html_to_text(old.body).splitlines(),
                ],
                [
                    new.title,
                    *html_to_text(new.summary).splitlines(),
                    *html_to_text(new.body).splitlines(),
                ],
                f"Version {a}",
                f"Version {b}",
                lineterm="",
                n=2,
            )
        )
    return render(
        request,
        "library/revisions.html",
        {
            "item": item,
            "revisions": revisions,
            "diff": diff,
            "a": a,
            "b": b,
            "can_edit": perms.can_edit_item(request.user, item),
        },
    )


@login_required
@require_POST
def revision_restore(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    item = _item_or_404(request, slug)
    revision = get_object_or_404(item.revisions, number=number)
    services.item_restore_revision(actor=request.user, item=item, revision=revision)
    messages.success(request, f"Version {number} restored as a new version.")
    return redirect("library:revisions", slug=item.slug)


@login_required
@require_POST
def attachment_add(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item_or_404(request, slug)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(actor=request.user, item=item, upload=form.cleaned_data["file"])
            messages.success(request, "File attached.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages) + " Your draft is unchanged.")
    else:
        messages.error(request, "Choose a file to attach.")
    return redirect("library:item_edit", slug=item.slug)


@login_required
@require_POST
def attachment_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    item = _item_or_404(request, slug)
    attachment = get_object_or_404(item.attachments, pk=pk)
    services.attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, "File removed.")
    return redirect("library:item_edit", slug=item.slug)


def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """Files are served only to people who may see the item, never from a public folder."""
    item = _item_or_404(request, slug)
    attachment = get_object_or_404(item.attachments, pk=pk)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.display_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if not item.is_published else "private"
    return response
