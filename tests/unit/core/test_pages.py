"""The frame: health check, public pages, error pages, security headers, cookie notice, media."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import timezone

from hub.core import views as core_views
from hub.core.models import WorkerHeartbeat

FRAME_PAGES = [
    "/",
    "/about/",
    "/privacy/",
    "/cookies/",
    "/accessibility/",
    "/library/",
    "/community/",
    "/networks/",
    "/events/",
    "/gallery/",
    "/search/",
]

NAV_LINKS = [
    ('href="/library/"', ">Library</a>"),
    ('href="/community/"', ">Community</a>"),
    ('href="/networks/"', ">Networks</a>"),
    ('href="/events/"', ">Events</a>"),
    ('href="/gallery/"', ">Error traps</a>"),
    ('href="/search/"', ">Search</a>"),
    ('href="/accounts/login/"', ">Sign in</a>"),
    ('href="/accounts/signup/"', ">Join</a>"),
]


# Health check ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_answers_ok_as_json_when_the_database_answers(client):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w", started_at=now, last_seen=now)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["status"] == "ok"


@pytest.mark.django_db
def test_healthz_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]


class _BrokenConnection:
    vendor = "broken"

    def cursor(self):
        raise OSError("database is down")


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_cursor_fails(client, monkeypatch):
    monkeypatch.setattr(core_views, "connection", _BrokenConnection())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["status"] == "error"


# Frame pages -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", FRAME_PAGES)
def test_frame_page_renders_with_every_navigation_link(client, path):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    for href, text in NAV_LINKS:
        assert href in html, f"{path} lacks the link {href}"
        assert text in html, f"{path} lacks the link text {text}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/about/", "/library/", "/community/", "/events/", "/search/", "/gallery/"]
)
def test_built_page_does_not_say_coming_soon(client, path):
    response = client.get(path)

    assert "Coming soon" not in response.content.decode()


@pytest.mark.django_db
def test_signed_in_member_sees_their_name_instead_of_sign_in_and_join(client, member):
    client.force_login(member)

    html = client.get("/about/").content.decode()

    assert member.public_name in html
    assert ">Sign in</a>" not in html
    assert ">Join</a>" not in html


@pytest.mark.django_db
def test_unknown_address_shows_the_friendly_not_found_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/library/"' in html  # the page keeps the site's frame


# Security headers --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/no-such-page/"])
def test_pages_send_a_strict_content_security_policy(client, path):
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert "'self'" in directives["script-src"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_pages_switch_off_unused_browser_features_and_framing(client):
    response = client.get("/")

    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


# Cookie notice -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_cookie_notice_shows_until_dismissed(client):
    assert 'aria-label="Cookies"' in client.get("/about/").content.decode()

    response = client.post("/cookies/hide-notice/", {"next": "/about/"})

    assert response.status_code == 302
    assert response["Location"] == "/about/"
    cookie = response.cookies["cookie_notice"]
    assert cookie.value == "seen"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert 'aria-label="Cookies"' not in client.get("/about/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "http://evil.example",
        "javascript:alert(1)",
        r"\\evil.example",
    ],
)
def test_cookie_notice_dismissal_refuses_an_off_site_next_address(client, target):
    response = client.post("/cookies/hide-notice/", {"next": target})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies["cookie_notice"].value == "seen"


@pytest.mark.django_db
def test_cookie_notice_dismissal_only_accepts_post(client):
    response = client.get("/cookies/hide-notice/", {"next": "/about/"})

    assert response.status_code == 405
    assert "cookie_notice" not in response.cookies


# Media -------------------------------------------------------------------------------------


def _stored(name: str, content: bytes) -> str:
    return default_storage.save(name, ContentFile(content))


def _body(response) -> bytes:
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


@pytest.mark.django_db
def test_media_view_serves_a_stored_avatar(client):
    name = _stored("avatars/picture.png", b"\x89PNG fake bytes")

    response = client.get(f"/media/{name}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert _body(response) == b"\x89PNG fake bytes"


@pytest.mark.django_db
def test_media_view_refuses_files_outside_the_avatars_folder(client):
    name = _stored("private/report.txt", b"confidential")

    response = client.get(f"/media/{name}")

    assert response.status_code == 404
    assert b"confidential" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["avatars/../private/report.txt", "avatars/x/../../private/report.txt"],
)
def test_media_view_refuses_parent_folder_paths(client, path):
    _stored("private/report.txt", b"confidential")

    response = client.get(f"/media/{path}")

    assert response.status_code == 404
    assert b"confidential" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["avatars/../private/report.txt", "avatars/./../private/report.txt"]
)
def test_media_view_refuses_parent_folder_paths_even_when_they_reach_the_view(rf, path):
    # The test client may normalise "..": call the view with the raw path to be sure.
    _stored("private/report.txt", b"confidential")

    with pytest.raises(Http404):
        core_views.media(rf.get("/media/x"), path=path)


@pytest.mark.django_db
def test_media_view_answers_404_for_a_missing_avatar(client):
    response = client.get("/media/avatars/missing.png")

    assert response.status_code == 404
