import mimetypes

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
from .params import local_path


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
    return JsonResponse({"status": "ok", "database": connection.vendor})


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
    # No request context: the failure may be in the database that context processors use.
    return HttpResponse(loader.get_template("500.html").render({}), status=500)
