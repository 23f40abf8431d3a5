from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from . import queries, services

PAGE_SIZE = 30


def _is_local_path(url: str) -> bool:
    """Only paths on this site: "/…", never "//host" or "/\\host"."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.notifications_for(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page": page})


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


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    changed = services.notifications_mark_all_read(actor=request.user)
    if changed:
        messages.success(request, "All your notifications are marked as read.")
    else:
        messages.info(request, "You have no unread notifications.")
    return redirect("notifications:list")
