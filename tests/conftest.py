import os
import shutil
from pathlib import Path

import pytest

from tests.factories import MemberFactory, OrganisationFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Rate limits and cached figures must not leak between tests.

    The cache is the database's (CACHES in hub/settings.py), so only tests that use the database
    have one to clear; it is cleared outside their transaction, as transactional tests keep it.
    """
    if (
        "django_db_setup" not in request.fixturenames
        and request.node.get_closest_marker("django_db") is None
    ):
        yield
        return
    from django.conf import settings
    from django.core.cache import caches
    from django.db import DatabaseError, connection

    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")

    def clear() -> None:
        with blocker.unblock():
            for alias in settings.CACHES:
                try:
                    caches[alias].clear()
                except DatabaseError:  # a test's response closed the connection under it
                    connection.close()
                    caches[alias].clear()

    clear()
    yield
    if not connection.in_atomic_block:  # else the test's transaction takes its writes back
        clear()


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def other_member(db):
    return MemberFactory()


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def admin_member(db):
    return MemberFactory(
        username="hubadmin", is_staff=True, is_superuser=True, roles=["Administrator"]
    )


# Browser journeys -------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
        )
    return path


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls our tests make
    # between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def editor(db):
    return MemberFactory(username="theeditor", display_name="The Editor", roles=["Editor"])
