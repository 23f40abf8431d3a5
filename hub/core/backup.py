"""Full backups: the database and every uploaded file in one archive (docs/operations.md).

A backup is a gzip-compressed tar archive holding:

- `manifest.json`: when, which engine, the applied migrations, the row count of every table and
  the SHA-256 of every other file in the archive;
- `database.sqlite3` (SQLite: a consistent copy made with SQLite's online backup API, never the
  live file and its WAL) or `database.pgdump` (PostgreSQL: `pg_dump --format=custom`, taken in
  the same snapshot as the row counts);
- `media/...`: every file under MEDIA_ROOT (avatars, attachments, error trap pictures).

`restore` checks every hash before it touches anything, refuses an archive from the other
engine and a database that already holds data (unless told `yes`), then compares the restored
row counts and file hashes with the manifest.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import load_backend
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024


SQLITE_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
)


# A connection alias, or a connection made outside settings.DATABASES (a scratch database).
Database = str | BaseDatabaseWrapper


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(root: Path) -> dict[str, str]:
    """Relative POSIX path -> SHA-256 of every regular file under `root`."""
    files = {}
    if not root.is_dir():
        return files
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files[path.relative_to(root).as_posix()] = sha256_of(path)
    return files


def _tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Every table, the full-text index's own ones included.
            cursor.execute(SQLITE_TABLES)
            return [row[0] for row in cursor.fetchall()]
        return sorted(
            info.name
            for info in connection.introspection.get_table_list(cursor)
            if info.type == "t"
        )


def _count_rows(cursor, quote, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (quoted table names)
        counts[table] = cursor.fetchone()[0]
    return counts


def row_counts(alias: Database = "default") -> dict[str, int]:
    connection = _connection(alias)
    tables = _tables(connection)
    with connection.cursor() as cursor:
        return _count_rows(cursor, connection.ops.quote_name, tables)


def _applied_migrations(alias: Database) -> list[str]:
    connection = _connection(alias)
    if "django_migrations" not in _tables(connection):
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations")
        return sorted(f"{app}.{name}" for app, name in cursor.fetchall())


def _connection(alias: Database) -> BaseDatabaseWrapper:
    return connections[alias] if isinstance(alias, str) else alias


def _vendor(alias: Database) -> str:
    vendor = _connection(alias).vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


# PostgreSQL client tools --------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"`{name}` was not found. Install the PostgreSQL client tools (Debian and Ubuntu: "
            f"`apt-get install postgresql-client`) at the same major version as the server or "
            f"newer, and make sure `{name}` is on the PATH."
        )
    return path


def _pg_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """Connection settings for pg_dump/pg_restore, passed as PG* variables (never argv)."""
    env = dict(os.environ)
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST") or "",
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGUSER": settings_dict.get("USER") or "",
        "PGPASSWORD": settings_dict.get("PASSWORD") or "",
        "PGDATABASE": settings_dict.get("NAME") or "",
        "PGSSLMODE": options.get("sslmode", ""),
        "PGSSLROOTCERT": options.get("sslrootcert", ""),
    }
    env.update({key: value for key, value in values.items() if value})
    return env


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    # A fixed tool and our own arguments; no shell.
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603


# Backup -------------------------------------------------------------------------------------


def _dump_sqlite(alias: str, target: Path) -> dict[str, int]:
    """SQLite's online backup API: a consistent copy even while others write (WAL included)."""
    connection = _connection(alias)
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    # The counts come from the copy, so they match it exactly.
    copy = sqlite3.connect(target)
    try:
        cursor = copy.cursor()
        tables = [row[0] for row in cursor.execute(SQLITE_TABLES)]
        return _count_rows(cursor, connection.ops.quote_name, tables)
    finally:
        copy.close()


def _dump_postgresql(alias: str, target: Path) -> dict[str, int]:
    """pg_dump in the snapshot the row counts are read in, so the two agree."""
    pg_dump = _pg_tool("pg_dump")
    connection = _connection(alias)
    tables = _tables(connection)
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _count_rows(cursor, connection.ops.quote_name, tables)
            result = _run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-owner",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                ],
                _pg_environment(connection.settings_dict),
            )
        raw.rollback()
    finally:
        raw.close()
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return counts


def backup(destination: Path, *, alias: Database = "default") -> dict[str, Any]:
    """Write a full backup to `destination` and return its manifest."""
    vendor = _vendor(alias)
    media_root = Path(settings.MEDIA_ROOT)
    destination = destination.resolve()
    if destination.is_relative_to(media_root.resolve()):
        raise BackupError(
            f"Write the backup outside MEDIA_ROOT ({media_root}): it would back itself up."
        )
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hub-backup-", dir=destination.parent) as work:
        work_dir = Path(work)
        database_file = work_dir / DATABASE_FILES[vendor]
        if vendor == "sqlite":
            counts = _dump_sqlite(alias, database_file)
        else:
            counts = _dump_postgresql(alias, database_file)
        files = media_files(media_root)
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": vendor,
            "database": {"file": database_file.name, "sha256": sha256_of(database_file)},
            "migrations": _applied_migrations(alias),
            "row_counts": counts,
            "media": files,
        }
        manifest_file = work_dir / MANIFEST
        manifest_file.write_text(json.dumps(manifest, indent=2, sort_keys=True))
        partial = work_dir / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_file, arcname=MANIFEST)
            archive.add(database_file, arcname=database_file.name)
            for name in files:
                archive.add(media_root / name, arcname=f"media/{name}", recursive=False)
        partial.chmod(0o600)  # personal data: readable by the owner only
        os.replace(partial, destination)
    return manifest


# Restore ------------------------------------------------------------------------------------


@dataclass
class Unpacked:
    manifest: dict[str, Any]
    database_file: Path
    media_dir: Path


def _safe_media_name(name: str) -> str | None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or len(path.parts) < 2:
        return None
    if path.parts[0] != "media":
        return None
    return PurePosixPath(*path.parts[1:]).as_posix()


def unpack(archive_path: Path, work_dir: Path) -> Unpacked:
    """Extract the archive into `work_dir`, checking its layout and every SHA-256."""
    if not archive_path.is_file():
        raise BackupError(f"{archive_path} does not exist.")
    manifest = None
    extracted: dict[str, Path] = {}
    media_dir = work_dir / "media"
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive:
                if not member.isfile():
                    raise BackupError(
                        f"The archive holds something that is not a file: {member.name}"
                    )
                source = archive.extractfile(member)
                if member.name == MANIFEST:
                    manifest = json.loads(source.read().decode())
                    continue
                media_name = _safe_media_name(member.name)
                if media_name is not None:
                    target = media_dir / media_name
                elif member.name in DATABASE_FILES.values():
                    target = work_dir / member.name
                else:
                    raise BackupError(f"The archive holds an unexpected file: {member.name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as out:
                    shutil.copyfileobj(source, out, CHUNK)
                extracted[member.name] = target
    except (tarfile.TarError, OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{archive_path} is not a readable hub backup: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive_path} has no hub backup manifest (manifest.json).")

    problems = []
    database_name = manifest["database"]["file"]
    database_file = extracted.pop(database_name, None)
    if database_file is None:
        problems.append(f"the database file {database_name} is missing")
    elif sha256_of(database_file) != manifest["database"]["sha256"]:
        problems.append(f"the database file {database_name} does not match its SHA-256")
    expected = manifest.get("media", {})
    for name, digest in expected.items():
        path = extracted.pop(f"media/{name}", None)
        if path is None:
            problems.append(f"media/{name} is missing")
        elif sha256_of(path) != digest:
            problems.append(f"media/{name} does not match its SHA-256")
    problems.extend(f"{name} is not in the manifest" for name in sorted(extracted))
    if problems:
        shown = "; ".join(problems[:10]) + ("; …" if len(problems) > 10 else "")
        raise BackupError(f"The archive is damaged or was changed: {shown}. Nothing was restored.")
    return Unpacked(manifest=manifest, database_file=database_file, media_dir=media_dir)


def tables_with_rows(alias: Database = "default") -> list[str]:
    return [table for table, count in row_counts(alias).items() if count]


def _restore_sqlite(alias: str, database_file: Path) -> None:
    connection = _connection(alias)
    connection.ensure_connection()
    source = sqlite3.connect(database_file)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()


def _restore_postgresql(alias: str, database_file: Path) -> str:
    pg_restore = _pg_tool("pg_restore")
    connection = _connection(alias)
    env = _pg_environment(connection.settings_dict)
    connection.close()
    result = _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            f"--dbname={env.get('PGDATABASE', '')}",
            str(database_file),
        ],
        env,
    )
    # pg_restore also fails on harmless notes (an extension it may not drop); the row counts
    # compared afterwards decide whether the restore worked.
    return result.stderr.strip() if result.returncode != 0 else ""


def compare(manifest: dict[str, Any], *, alias: Database, media_root: Path) -> list[str]:
    """What differs between the manifest and the database and media folder now."""
    differences = []
    now = row_counts(alias)
    for table, count in sorted(manifest["row_counts"].items()):
        if table not in now:
            differences.append(f"table {table} is missing")
        elif now[table] != count:
            differences.append(f"table {table} has {now[table]} rows, the backup {count}")
    present = media_files(media_root)
    for name, digest in sorted(manifest["media"].items()):
        if present.get(name) != digest:
            differences.append(f"media/{name} is missing or different")
    return differences


@dataclass
class RestoreResult:
    manifest: dict[str, Any]
    tool_messages: str
    unapplied_migrations: list[str]
    # Tables the target had that the backup has not (pg_restore --clean leaves them).
    extra_tables: list[str]


def restore(
    archive_path: Path,
    *,
    alias: Database = "default",
    yes: bool = False,
    media_root: Path | None = None,
) -> RestoreResult:
    """Replace the database and put the media files back from a backup made by `backup`."""
    vendor = _vendor(alias)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="hub-restore-") as work:
        unpacked = unpack(archive_path, Path(work))
        manifest = unpacked.manifest
        engine = manifest.get("engine")
        if engine != vendor:
            raise BackupError(
                f"This backup is of a {ENGINE_NAMES.get(engine, engine)} database and the hub "
                f"is set up for {ENGINE_NAMES[vendor]}. Restore it with the same engine "
                "(DATABASE_URL set for PostgreSQL, unset for SQLite). Nothing was restored."
            )
        if not yes:
            full = tables_with_rows(alias)
            if full:
                raise BackupError(
                    f"The database already holds data ({len(full)} tables with rows, such as "
                    f"{', '.join(full[:3])}). Restoring replaces all of it: run again with "
                    "--yes to go ahead. Nothing was restored."
                )
        if vendor == "sqlite":
            _restore_sqlite(alias, unpacked.database_file)
            tool_messages = ""
        else:
            tool_messages = _restore_postgresql(alias, unpacked.database_file)
        for name in manifest["media"]:
            target = media_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(unpacked.media_dir / name, target)
            if getattr(settings, "FILE_UPLOAD_PERMISSIONS", None):
                target.chmod(settings.FILE_UPLOAD_PERMISSIONS)
    try:
        differences = compare(manifest, alias=alias, media_root=media_root)
    except DatabaseError as error:
        raise BackupError(
            f"Could not read the restored database: {error}"
            + (f" pg_restore said: {tool_messages}" if tool_messages else "")
        ) from error
    if differences:
        shown = "; ".join(differences[:10])
        raise BackupError(
            f"The restored copy does not match the backup: {shown}."
            + (f" pg_restore said: {tool_messages}" if tool_messages else "")
        )
    applied = set(_applied_migrations(alias))
    from django.db.migrations.loader import MigrationLoader

    on_disk = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    return RestoreResult(
        manifest=manifest,
        tool_messages=tool_messages,
        unapplied_migrations=sorted(on_disk - applied),
        extra_tables=sorted(set(_tables(_connection(alias))) - set(manifest["row_counts"])),
    )


# A fresh, empty database beside the configured one ------------------------------------------


@contextmanager
def scratch_database(alias: Database = "default") -> Iterator[BaseDatabaseWrapper]:
    """A connection to a new, empty database of the same engine; removed afterwards.

    SQLite: a new file in a temporary folder. PostgreSQL: a database named
    `hub_restore_<random>` on the same server (the role needs CREATEDB), dropped afterwards.
    """
    vendor = _vendor(alias)
    base = _connection(alias)
    settings_dict = copy.deepcopy(base.settings_dict)
    settings_dict["CONN_MAX_AGE"] = 0
    with tempfile.TemporaryDirectory(prefix="hub-scratch-") as folder:
        if vendor == "sqlite":
            name = str(Path(folder) / "restore.sqlite3")
        else:
            name = f"hub_restore_{secrets.token_hex(6)}"
            try:
                with base.cursor() as cursor:
                    cursor.execute(f"CREATE DATABASE {base.ops.quote_name(name)}")
            except Exception as error:
                raise BackupError(
                    f"Could not create a scratch database to check the backup in: {error} "
                    "(the database role needs CREATEDB)."
                ) from error
        settings_dict["NAME"] = name
        scratch = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(
            settings_dict, f"scratch_{secrets.token_hex(4)}"
        )
        try:
            yield scratch
        finally:
            scratch.close()
            if vendor == "postgresql":
                with base.cursor() as cursor:
                    cursor.execute(
                        f"DROP DATABASE IF EXISTS {base.ops.quote_name(name)} WITH (FORCE)"
                    )


def verify(archive_path: Path, *, alias: Database = "default") -> RestoreResult:
    """Restore the archive into a scratch database and media folder and compare with its
    manifest (row counts per table, file hashes). Raises BackupError on any difference."""
    with (
        scratch_database(alias) as scratch,
        tempfile.TemporaryDirectory(prefix="hub-verify-media-") as media,
    ):
        return restore(archive_path, alias=scratch, yes=False, media_root=Path(media))
