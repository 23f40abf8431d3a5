from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hub.core.params import id_list, page_param

from . import kinds, queries, services, visibility
from .models import Delivery

PAGE_SIZE = 30
SHOW_CHOICES = {"all": "All", "unread": "Unread only"}


def _is_local_path(url: str) -> bool:
    """Only paths on this site: "/…", never "//host" or "/\\host"."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def _filters(data) -> tuple[str, bool]:
    group = data.get("group", "")
    if group not in {g.key for g, _ in kinds.grouped()}:
        group = ""
    return group, data.get("show") == "unread"


def _list_url(group: str, unread: bool, page: str = "") -> str:
    params = {k: v for k, v in (("group", group), ("show", "unread" if unread else "")) if v}
    if page:
        params["page"] = page
    url = reverse("notifications:list")
    return f"{url}?{urlencode(params)}" if params else url


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    group, unread = _filters(request.GET)
    rows = queries.notifications_for(user=request.user, group=group, unread_only=unread)
    page = Paginator(rows, PAGE_SIZE).get_page(page_param(request.GET.get("page")))
    # What the member may no longer see (a network left, an item unpublished, a post hidden)
    # stays out of the list, title and all.
    page.object_list = visibility.visible_notifications(request.user, page.object_list)
    groups = [(g, _list_url(g.key, unread)) for g, _ in kinds.grouped()]
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "group": group,
            "unread": unread,
            "groups": groups,
            "all_groups_url": _list_url("", unread),
            "unread_url": _list_url(group, True),
            "everything_url": _list_url(group, False),
            "page_query": urlencode(
                {k: v for k, v in (("group", group), ("show", "unread" if unread else "")) if v}
            ),
            "this_url": _list_url(group, unread, str(page.number) if page.number > 1 else ""),
        },
    )


@login_required
@require_GET
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = queries.notification_for_recipient(
        user=request.user, notification_id=notification_id
    )
    if notification is None:
        raise Http404("No such notification")
    services.notification_mark_read(actor=request.user, notification=notification)
    if notification.url and _is_local_path(notification.url):
        return redirect(notification.url)
    return redirect("notifications:list")


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and _is_local_path(target) and target.startswith(reverse("notifications:list")):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def notifications_mark(request: HttpRequest) -> HttpResponse:
    """Mark one (the button pressed) or the ticked notifications read or unread."""
    raw = [request.POST["only"]] if request.POST.get("only") else request.POST.getlist("ids")
    ids = id_list(raw)
    read = request.POST.get("action", "read") != "unread"
    if not ids:
        messages.error(request, "Tick the notifications you want to mark first.")
        return _back(request)
    changed = services.notifications_mark(actor=request.user, ids=ids, read=read)
    state = "read" if read else "unread"
    messages.success(
        request, f"Marked {changed} notification{'s' if changed != 1 else ''} as {state}."
    )
    return _back(request)


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    changed = services.notifications_mark_all_read(actor=request.user)
    if changed:
        messages.success(request, "All your notifications are marked as read.")
    else:
        messages.info(request, "You have no unread notifications.")
    return redirect("notifications:list")


DELIVERY_HELP = {
    Delivery.SITE: "Shown in your notifications here, no email.",
    Delivery.IMMEDIATE: "One email each time.",
    Delivery.DAILY: "Collected into one email each morning.",
    Delivery.WEEKLY: "Collected into one email each Monday morning.",
    Delivery.OFF: "Not shown and not emailed.",
}


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    current = services.preferences_for(user=request.user)
    paused = services.email_paused(user=request.user)
    errors: dict[str, str] = {}
    if request.method == "POST":
        chosen = {}
        for entry in kinds.entries():
            value = request.POST.get(f"kind-{entry.key}", "")
            if value not in Delivery.values:
                errors[entry.key] = f"Choose how to hear about “{entry.label}”."
                value = current[entry.key]
            chosen[entry.key] = value
        pause = request.POST.get("email_paused") == "on"
        if not errors:
            services.preferences_set(actor=request.user, choices=chosen, pause_email=pause)
            messages.success(request, "Your notification choices are saved.")
            return redirect("notifications:preferences")
        current, paused = chosen, pause
    sections = [
        (
            group,
            [
                {
                    "entry": entry,
                    "value": current[entry.key],
                    "error": errors.get(entry.key, ""),
                    "default": entry.default,
                }
                for entry in entries
            ],
        )
        for group, entries in kinds.grouped()
    ]
    choices = [(d.value, d.label, DELIVERY_HELP[d]) for d in Delivery]
    return render(
        request,
        "notifications/preferences.html",
        {"sections": sections, "choices": choices, "paused": paused, "errors": errors},
        status=400 if errors else 200,
    )


@csrf_exempt  # RFC 8058: mail systems POST here without a session; the signed token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = services.read_unsubscribe_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    user, scope = found
    if request.method == "POST":
        chosen = services.ALL_EMAIL if request.POST.get("what") == "all" else scope
        services.unsubscribe(user=user, scope=chosen)
        return render(
            request,
            "notifications/unsubscribed.html",
            {"label": services.scope_label(chosen)},
        )
    return render(
        request,
        "notifications/unsubscribe.html",
        {"label": services.scope_label(scope), "is_all": scope == services.ALL_EMAIL},
    )
