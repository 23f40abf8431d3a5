"""hub/settings.py in each mode, checked in fresh processes (settings load once per process)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Variables that would leak the suite's own configuration into the child process.
LEAKY = (
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "EMAIL_HOST",
    "HUB_ENV",
    "HUB_VAR_DIR",
    "MEDIA_ROOT",
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "BEHIND_PROXY",
)


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    env.update({"HUB_VAR_DIR": str(tmp_path), "PYTHONWARNINGS": "default"}, **extra)
    return env


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = clean_env(
        tmp_path,
        HUB_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(45)[:60],
        ALLOWED_HOSTS="hub.example.org",
        EMAIL_HOST="smtp.example.org",
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_checks_without_warnings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env(tmp_path))

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert "System check identified no issues" in output


def test_the_random_production_secret_key_is_sixty_characters(tmp_path):
    # Guards the test above: it must exercise a key of the documented length.
    assert len(production_env(tmp_path)["SECRET_KEY"]) == 60


@pytest.mark.parametrize(
    "secret_key",
    [
        None,
        "",
        "too-short-secret",
        "django-insecure-" + secrets.token_urlsafe(48),
        "a" * 60,
    ],
    ids=["missing", "empty", "short", "django-insecure", "one-character"],
)
def test_production_mode_refuses_an_unsafe_secret_key(tmp_path, secret_key):
    env = production_env(tmp_path)
    if secret_key is None:
        env.pop("SECRET_KEY")
    else:
        env["SECRET_KEY"] = secret_key

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_mode_refuses_to_start_without_allowed_hosts(tmp_path):
    env = production_env(tmp_path)
    env.pop("ALLOWED_HOSTS")

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_mode_refuses_to_start_without_a_mail_server(tmp_path):
    env = production_env(tmp_path)
    env.pop("EMAIL_HOST")

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "EMAIL_HOST" in result.stderr


def test_production_mode_never_loads_the_demo_accounts(tmp_path):
    result = manage("load_demo", env=production_env(tmp_path))

    assert result.returncode != 0
    assert "CommandError" in result.stderr
    assert "never loaded in production" in result.stderr


def test_load_demo_refuses_in_process_when_the_settings_say_production(settings, db):
    from django.core.management import CommandError, call_command

    from hub.accounts.models import User

    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="never loaded in production"):
        call_command("load_demo")
    assert not User.objects.filter(username="admin").exists()


def test_embedded_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    script = (
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        "    c.execute('PRAGMA journal_mode'); print('journal', c.fetchone()[0])\n"
        "    c.execute('PRAGMA busy_timeout'); print('busy', c.fetchone()[0])\n"
        "    c.execute('PRAGMA foreign_keys'); print('fk', c.fetchone()[0])\n"
        "print('vendor', connection.vendor)\n"
    )

    result = manage("shell", "-c", script, env=clean_env(tmp_path, HUB_ENV="development"))

    assert result.returncode == 0, result.stderr
    facts = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert facts["vendor"] == "sqlite"
    assert facts["journal"].lower() == "wal"
    assert facts["busy"] == "20000"
    assert facts["fk"] == "1"
    assert (tmp_path / "hub.sqlite3").exists()


def test_suite_sqlite_connection_waits_twenty_seconds_for_a_busy_database(db):
    # The suite's own SQLite database is in memory (no WAL possible): the subprocess test above
    # checks WAL on a file; this one checks the busy timeout reaches the live connection.
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the suite runs on PostgreSQL; the subprocess test covers SQLite")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000


def test_postgresql_connections_run_without_jit_or_parallel_workers(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite; the PostgreSQL run covers this")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
