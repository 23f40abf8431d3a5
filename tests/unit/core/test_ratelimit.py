"""The one rate limiter (hub/core/ratelimit.py): counted once across every process, atomically."""

import json
import os
import re
import secrets
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth.signals import user_login_failed
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, connections

from hub.core import ratelimit
from hub.core.models import RateLimitCounter
from tests.factories import MemberFactory

HUB = Path(__file__).resolve().parents[3] / "hub"
BIG_WINDOW = 10**9  # one window for the whole test: no boundary to straddle


def _key() -> str:
    return f"test:{uuid.uuid4().hex}"


def _on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(HUB_ENV="test", DJANGO_SETTINGS_MODULE="hub.test_settings", DATABASE_URL="")
    if _on_postgres():
        db = connection.settings_dict  # the test database this test has committed to
        password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
        env["DATABASE_URL"] = (
            f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    env.update(extra)
    return env


def _run(code: str, *args: str, **env: str) -> list:
    result = subprocess.run(
        [sys.executable, "-c", f"import django\ndjango.setup()\n{code}", *args],
        env=_subprocess_env(**env),
        cwd=HUB.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


HITS = """
import json, sys
from hub.core.ratelimit import rate_limit_hit
key, limit, times = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print(json.dumps([rate_limit_hit(key=key, limit=limit, window=10**9) for _ in range(times)]))
"""


# The helper ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_limit_refuses_the_hit_after_the_limit_and_counts_each_key_apart():
    key, other = _key(), _key()

    answers = [ratelimit.rate_limit_hit(key=key, limit=3, window=60) for _ in range(5)]

    assert answers == [False, False, False, True, True]
    assert ratelimit.rate_limit_hit(key=other, limit=3, window=60) is False


@pytest.mark.django_db
def test_a_new_window_starts_a_new_count_and_old_windows_are_deleted(monkeypatch):
    key = _key()
    clock = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    assert [ratelimit.hits(key=key, window=60) for _ in range(3)] == [1, 2, 3]

    clock[0] += 3600

    assert ratelimit.hits(key=key, window=60) == 1
    assert RateLimitCounter.objects.count() == 1  # the hour-old window is gone


def test_the_default_cache_is_shared_by_processes_in_every_configuration():
    """No mode keeps the cache (so sign-in limits and one-time codes) in one process's memory."""
    code = "from django.conf import settings; import json; print(json.dumps(settings.CACHES))"
    production = {
        "HUB_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "hub.example.org",
        "EMAIL_HOST": "smtp.example.org",
    }
    configurations = [
        {"HUB_ENV": "development", "DJANGO_SETTINGS_MODULE": "hub.settings"},
        {"HUB_ENV": "test"},
        production,
        {**production, "REDIS_URL": "redis://127.0.0.1:6379/0"},
    ]
    for extra in configurations:
        caches_setting = _run(code, **extra)
        backends = {alias: conf["BACKEND"] for alias, conf in caches_setting.items()}
        assert backends["default"] in {
            "django.core.cache.backends.db.DatabaseCache",
            "hub.core.cache.ResilientRedisCache",
        }, extra
        assert not any("locmem" in b or "filebased" in b for b in backends.values()), extra
    assert not isinstance(caches["default"], LocMemCache)


def test_every_rate_limit_goes_through_the_one_helper():
    """No hand-written counter beside hub/core/ratelimit.py: no cache.add/incr to count hits."""
    counting = re.compile(r"\bcache\.(add|incr|decr)\(|\bcaches\[[^\]]+\]\.(add|incr|decr)\(")
    offenders = [
        str(path.relative_to(HUB.parent))
        for path in HUB.rglob("*.py")
        if path.name not in {"ratelimit.py", "cache.py"} or path.parent.name != "core"
        if counting.search(path.read_text())
    ]
    assert offenders == []
    users = {
        str(path.relative_to(HUB.parent))
        for path in HUB.rglob("*.py")
        if "rate_limit_hit(" in path.read_text()
    }
    assert {
        "hub/community/views.py",
        "hub/engagement/views.py",
        "hub/gallery/views.py",
        "hub/moderation/services.py",
    } <= users


# Counted once across processes and connections -----------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_limit_counted_from_another_process_is_enforced_once_in_total():
    if not _on_postgres():
        pytest.skip("the in-memory SQLite test database cannot be opened by another process")
    key = _key()
    mine = [ratelimit.rate_limit_hit(key=key, limit=5, window=BIG_WINDOW) for _ in range(3)]

    theirs = _run(HITS, key, "5", "4")
    after = ratelimit.rate_limit_hit(key=key, limit=5, window=BIG_WINDOW)

    assert mine == [False, False, False]
    assert theirs == [False, False, True, True]
    assert after is True


@pytest.mark.django_db(transaction=True)
def test_hits_from_many_connections_at_once_are_each_counted():
    """Each thread has its own database connection; the count is atomic (no lost updates)."""
    if not _on_postgres():
        pytest.skip("SQLite takes one writer at a time: there is no race to lose there")
    key, threads, each = _key(), 8, 5
    counts: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def hit() -> None:
        try:
            start.wait()
            for _ in range(each):
                count = ratelimit.hits(key=key, window=BIG_WINDOW)
                with lock:
                    counts.append(count)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=hit) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert sorted(counts) == list(range(1, threads * each + 1))


@pytest.mark.django_db(transaction=True)
def test_hits_from_separate_connections_add_up():
    """On either engine: a thread's own connection sees and adds to the same count."""
    key = _key()
    seen: list[int] = []

    def hit() -> None:
        try:
            seen.append(ratelimit.hits(key=key, window=BIG_WINDOW))
        finally:
            connections.close_all()

    for _ in range(3):
        ratelimit.hits(key=key, window=BIG_WINDOW)
        worker = threading.Thread(target=hit)
        worker.start()
        worker.join()

    assert seen == [2, 4, 6]


@pytest.mark.django_db(transaction=True)
def test_failed_sign_ins_from_two_processes_are_checked_five_times_in_total():
    """allauth's "5 failures per address" holds however many worker processes there are."""
    if not _on_postgres():
        pytest.skip("the in-memory SQLite test database cannot be opened by another process")
    member = MemberFactory()
    checked = []
    user_login_failed.connect(
        lambda **kw: checked.append(1), dispatch_uid="count-failed", weak=False
    )
    try:
        from django.test import Client

        for _ in range(3):
            Client().post("/accounts/login/", {"login": member.email, "password": "wrong-one"})
        theirs = _run(
            """
import json, sys
from django.contrib.auth.signals import user_login_failed
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
checked = []
user_login_failed.connect(lambda **kw: checked.append(1), dispatch_uid="count-failed", weak=False)
for _ in range(7):
    Client().post("/accounts/login/", {"login": sys.argv[1], "password": "wrong-one"})
print(json.dumps(len(checked)))
""",
            member.email,
        )
        for _ in range(4):
            Client().post("/accounts/login/", {"login": member.email, "password": "wrong-one"})
    finally:
        user_login_failed.disconnect(dispatch_uid="count-failed")

    assert (len(checked), theirs) == (3, 2)  # 5 in all, the other process stopped at 5
