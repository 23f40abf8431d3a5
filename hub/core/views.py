import mimetypes
import sys

from django.core.files.storage import default_storage
from django.db import connection
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import queries
from .cache import status as cache_status
from .params import local_path
from .unavailable import database_unavailable_response, is_database_unavailable
from .worker import worker_status


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"figures": queries.hub_figures()})


def static_page(request: HttpRequest, *, template: str) -> HttpResponse:
    return render(request, template)


@require_POST
def cookie_notice_dismiss(request: HttpRequest) -> HttpResponse:
    response = HttpResponseRedirect(local_path(request.POST.get("next")))
    # Strictly necessary: remembers only that the notice was read.
    response.set_cookie(
        "cookie_notice",
        "seen",
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    # A cache or worker that does not answer leaves the hub serving pages, so 200 with status
    # "degraded": a load balancer keeps sending requests; monitoring reads which part is down.
    cache = cache_status()
    body = {"status": "ok", "database": connection.vendor, **cache}
    body["worker"] = worker_health()
    if cache["cache"] != "ok" or body["worker"]["status"] != "ok":
        body["status"] = "degraded"
    return JsonResponse(body)


def worker_health() -> dict:
    """The background worker's part of /healthz: ok, stale (with seconds since last seen) or
    never (docs/configuration.md)."""
    try:
        return worker_status()
    except Exception:  # the heartbeat table unreadable must not fail the health check
        return {"status": "unknown"}


@require_GET
def media(request: HttpRequest, path: str) -> FileResponse:
    """Serve public uploads (avatars) through Django's storage API.

    Only folders listed in PUBLIC_MEDIA_PREFIXES are served here; files that need a permission
    check get their own views.
    """
    if not path.startswith(PUBLIC_MEDIA_PREFIXES) or ".." in path.split("/"):
        raise Http404
    if not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response


PUBLIC_MEDIA_PREFIXES = ("avatars/",)


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    """Django calls this for any exception not handled elsewhere, including those raised in
    middleware (session, user loading, messages) and while rendering a response. A database
    that cannot be reached gets the 503 page that keeps what was typed."""
    exc = sys.exc_info()[1]
    wrote = getattr(request, "_hub_db_wrote", False)
    if is_database_unavailable(exc):
        return database_unavailable_response(request, exc, wrote=wrote)
    try:
        # No request context: the failure may be in the database that context processors use.
        return HttpResponse(loader.get_template("500.html").render({}), status=500)
    except Exception as render_exc:
        if is_database_unavailable(render_exc):
            return database_unavailable_response(request, render_exc, wrote=wrote)
        return HttpResponse(
            "Sorry, something went wrong on our side. Please try again in a few minutes.",
            status=500,
            content_type="text/plain; charset=utf-8",
        )
