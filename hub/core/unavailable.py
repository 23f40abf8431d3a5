"""What the hub answers when the database cannot be reached (docs/configuration.md).

During a database restart, failover or a full connection pool, a request fails with a
connection-type error. Instead of a 500, the person gets a plain 503 page with `Retry-After`
that says whether anything was saved and shows back the text they posted so nothing typed is
lost. The page is rendered without the request context: no context processor, session or user
lookup may touch the database while it is away.
"""

import logging
import sqlite3

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger("hub.database")

RETRY_AFTER_SECONDS = 60

# SQLite reports mistakes in SQL as OperationalError too; those are bugs (500), not an outage.
_SQLITE_PROGRAMMING_ERRORS = (
    "no such ",
    "syntax error",
    "has no column",
    "no column named",
    "already exists",
    "ambiguous column",
    "wrong number of arguments",
    "unrecognized token",
    "incomplete input",
    'near "',
    "misuse",
)

# Posted fields that are never shown back: secrets and form machinery.
_HIDDEN_FIELD_WORDS = ("password", "passwd", "secret", "token", "csrf", "otp", "totp", "key")
_HIDDEN_FIELDS = {"next", "action"}


def _is_connection_error(exc: BaseException) -> bool:
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if isinstance(cause, sqlite3.OperationalError):
        message = str(cause).lower()
        return not any(part in message for part in _SQLITE_PROGRAMMING_ERRORS)
    return True


def is_database_unavailable(exc: BaseException | None) -> bool:
    """True if `exc`, or an exception it was raised from or while handling, is a failure to
    reach or use the database connection (not a constraint or programming error)."""
    seen = 0
    while exc is not None and seen < 10:
        if _is_connection_error(exc):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def wants_json(request: HttpRequest) -> bool:
    if request.GET.get("format") == "json" or request.path.endswith(".json"):
        return True
    accept = request.headers.get("Accept", "")
    return "json" in accept and "text/html" not in accept


def kept_fields(request: HttpRequest) -> list[dict[str, str]]:
    """The text fields of a posted form, minus secrets and empty ones (files are in FILES)."""
    if request.method != "POST":
        return []
    try:
        posted = request.POST
    except Exception:  # an unreadable body: nothing to show back
        return []
    fields = []
    for name, values in posted.lists():
        lowered = name.lower()
        if lowered in _HIDDEN_FIELDS or any(word in lowered for word in _HIDDEN_FIELD_WORDS):
            continue
        for value in values:
            # Ticked boxes and ids are not something a person typed.
            if value.strip() and value != "on" and not value.strip().isdigit():
                label = name.replace("_", " ").replace("-", " ").strip().capitalize()
                fields.append({"label": label or "Field", "value": value})
    return fields


def _back_url(request: HttpRequest) -> str:
    if request.method == "GET":
        return request.get_full_path()
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, {request.get_host()}, request.is_secure()
    ):
        return referer
    return "/"


def database_unavailable_response(
    request: HttpRequest, exc: BaseException | None = None, *, wrote: bool = False
) -> HttpResponse:
    """The 503 answer. `wrote` is true if a write reached the database before it failed, so the
    page cannot promise that nothing was saved."""
    logger.warning(
        "Database unavailable during %s %s: %s", request.method, request.path, exc or "unknown"
    )
    posted = request.method not in {"GET", "HEAD", "OPTIONS"}
    if wrote:
        saved = (
            "Part of what you sent may have been saved. Check the page before you send it again."
        )
    elif posted:
        saved = "Nothing was saved."
    else:
        saved = ""
    if wants_json(request):
        body = {
            "type": "about:blank",
            "title": "Database unavailable",
            "status": 503,
            "detail": " ".join(
                part
                for part in (
                    "We could not reach the database just now.",
                    saved,
                    "Try again in a minute.",
                )
                if part
            ),
            "saved": "maybe" if wrote else False,
        }
        response = JsonResponse(body, status=503, content_type="application/problem+json")
    else:
        fields = kept_fields(request)
        html = render_to_string(
            "core/database_unavailable.html",
            {
                "saved": saved,
                "posted": posted,
                "fields": fields,
                "back_url": _back_url(request),
                "retry_url": request.get_full_path() if request.method == "GET" else "",
            },
        )
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


_WRITES = ("insert", "update", "delete", "replace")


class DatabaseUnavailableMiddleware:
    """Turn connection-type database failures in views and templates into the 503 page.

    It also notes whether a write statement succeeded during the request, so the page says
    exactly what happened. Failures outside the view (other middleware, the session, the 500
    page itself) reach `hub.core.views.error_500`, which answers with the same page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.db import connections

        request._hub_db_wrote = False

        def note_writes(execute, sql, params, many, context):
            result = execute(sql, params, many, context)
            if sql.lstrip()[:7].lower().startswith(_WRITES):
                request._hub_db_wrote = True
            return result

        wrappers = connections.all()
        for conn in wrappers:
            conn.execute_wrappers.append(note_writes)
        try:
            return self.get_response(request)
        finally:
            for conn in wrappers:
                if note_writes in conn.execute_wrappers:
                    conn.execute_wrappers.remove(note_writes)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable_response(
                request, exception, wrote=getattr(request, "_hub_db_wrote", False)
            )
        return None
