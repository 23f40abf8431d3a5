"""A database that cannot be reached answers 503 with Retry-After, says what was saved and shows
back what the person typed (issue 21, item 14)."""

import socket
import sqlite3
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path, reverse
from django.utils.html import escape

from hub.community.models import Post
from hub.core.unavailable import is_database_unavailable
from tests.unit.community.conftest import start

pytestmark = pytest.mark.django_db

TYPED = 'My ward\'s handover <script>alert("x")</script> & more'


def driver_error() -> Exception:
    """The error the database driver raises when its server has gone away."""
    if connection.vendor == "postgresql":
        import psycopg

        return psycopg.OperationalError("server closed the connection unexpectedly")
    return sqlite3.OperationalError("unable to open database file")


@contextmanager
def database_down():
    """Every new cursor fails as it does while the database restarts."""
    with mock.patch.object(connection, "create_cursor", side_effect=driver_error()):
        yield


def assert_database_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "We could not reach the database just now" in html
    return html


def test_a_page_answers_503_with_retry_after_when_the_database_is_down(client):
    with database_down():
        response = client.get("/")
    html = assert_database_page(response)
    assert 'href="/">Go back' in html or "Try again" in html


def test_a_signed_in_members_page_answers_503_when_the_session_cannot_be_read(member):
    client = Client(raise_request_exception=False)
    client.force_login(member)
    with database_down():
        response = client.get(reverse("notifications:list"))
    assert_database_page(response)


def test_a_failing_context_processor_answers_503(member):
    client = Client(raise_request_exception=False)
    client.force_login(member)
    with mock.patch(
        "hub.notifications.context_processors.unread_count",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ) as unread_count:
        response = client.get("/")
    assert unread_count.called
    assert_database_page(response)


def test_a_posted_reply_is_shown_back_escaped_and_nothing_was_saved(member):
    topic = start(member)
    client = Client(raise_request_exception=False)
    client.force_login(member)
    before = Post.objects.count()
    with database_down():
        response = client.post(
            reverse("community:reply", args=[topic.pk]),
            {"body": TYPED, "anonymous": "on", "csrfmiddlewaretoken": "secret-token-value"},
            HTTP_REFERER="http://testserver" + topic.get_absolute_url(),
        )
    html = assert_database_page(response)
    assert escape(TYPED) in html
    assert "<script>alert" not in html
    assert "Nothing was saved." in html
    assert "<textarea" in html and "readonly" in html
    assert '<label for="kept-1">Body</label>' in html
    assert "secret-token-value" not in html
    assert topic.get_absolute_url() in html
    assert Post.objects.count() == before


def test_passwords_are_never_shown_back(client):
    with database_down():
        response = client.post(
            reverse("account_login"),
            {"login": "someone@example.org", "password": "Tr0ub4dor&3-secret"},
        )
    html = assert_database_page(response)
    assert "Tr0ub4dor" not in html
    assert "someone@example.org" in html


def test_a_write_that_reached_the_database_is_not_called_unsaved(member):
    topic = start(member)
    client = Client(raise_request_exception=False)
    client.force_login(member)
    inserted = []

    def fail_after_the_post_is_written(execute, sql, params, many, context):
        if inserted:
            raise OperationalError("connection lost") from driver_error()
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith("INSERT") and "community_post" in sql:
            inserted.append(sql)
        return result

    with connection.execute_wrapper(fail_after_the_post_is_written):
        response = client.post(reverse("community:reply", args=[topic.pk]), {"body": TYPED})
    html = assert_database_page(response)
    assert inserted
    assert "Nothing was saved" not in html
    assert "may have been saved" in html
    assert escape(TYPED) in html


def test_json_requests_get_a_json_problem(client):
    with database_down():
        by_format = client.get("/search/", {"q": "falls", "format": "json"})
        by_accept = client.get("/search/tags/", {"q": "fa"}, HTTP_ACCEPT="application/json")
    for response in (by_format, by_accept):
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 503
        assert "could not reach the database" in response.json()["detail"]


class QueryBeforeTheView:
    """Middleware that reads the database before the view, as session and user loading do."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return self.get_response(request)


class QueryAfterTheView(QueryBeforeTheView):
    """Middleware that writes after the view, as a session save does."""

    def __call__(self, request):
        response = self.get_response(request)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return response


@pytest.mark.parametrize("middleware", [QueryBeforeTheView, QueryAfterTheView])
def test_a_failure_in_middleware_also_answers_503(settings, middleware):
    name = f"{__name__}.{middleware.__name__}"
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:3],
        name,
        *settings.MIDDLEWARE[3:],
    ]
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.post("/cookies/hide-notice/", {"body": TYPED})
    html = assert_database_page(response)
    assert escape(TYPED) in html


def test_a_database_failure_while_rendering_the_500_page_answers_503(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    with mock.patch("hub.core.views.loader") as loader:
        loader.get_template.side_effect = OperationalError("gone")
        response = client.get("/broken/")
    assert loader.get_template.called
    assert_database_page(response)


def broken_view(request):
    raise ValueError("a bug, not the database")


urlpatterns = [path("broken/", broken_view), path("", include("hub.urls"))]
handler500 = "hub.core.views.error_500"


def test_other_errors_still_answer_500(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Sorry, something went wrong on our side" in response.content.decode()


def test_only_connection_errors_count_as_the_database_being_away():
    assert is_database_unavailable(OperationalError("x"))
    try:
        raise OperationalError("unable to open") from sqlite3.OperationalError(
            "unable to open database file"
        )
    except OperationalError as exc:
        assert is_database_unavailable(exc)
    try:
        raise OperationalError("no such table") from sqlite3.OperationalError(
            "no such table: community_post"
        )
    except OperationalError as exc:
        assert not is_database_unavailable(exc)
    assert not is_database_unavailable(IntegrityError("duplicate key"))
    assert not is_database_unavailable(ValueError("bug"))


@pytest.mark.django_db(transaction=True)
def test_a_postgresql_server_that_is_not_listening_answers_503():
    if connection.vendor != "postgresql":
        pytest.skip("points the PostgreSQL connection at a closed port")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update({"HOST": "127.0.0.1", "PORT": str(closed_port)})
    try:
        client = Client(raise_request_exception=False)
        page = client.get("/")
        posted = client.post(
            reverse("account_login"),
            {"login": "someone@example.org", "password": "not-the-password"},
        )
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert_database_page(page)
    html = assert_database_page(posted)
    assert "someone@example.org" in html and "not-the-password" not in html


def test_the_page_itself_needs_no_database(rf):
    from hub.core.unavailable import database_unavailable_response

    request = rf.post("/x/", {"body": TYPED})
    with (
        database_down(),
        mock.patch.object(
            connection, "ensure_connection", side_effect=AssertionError("used the database")
        ),
    ):
        response = database_unavailable_response(request, OperationalError("gone"))
    assert isinstance(response, HttpResponse)
    assert escape(TYPED) in assert_database_page(response)
