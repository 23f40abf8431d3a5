"""`manage.py backup` and `restore`: the database and every uploaded file come back together
(issue 21, item 16). Run on SQLite and on PostgreSQL."""

import io
import json
import sqlite3
import tarfile
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from hub.accounts import services as accounts
from hub.core import backup
from hub.library import services as library
from tests.factories import MemberFactory
from tests.unit.accounts.helpers import jpeg_upload
from tests.unit.gallery.helpers import pending_trap
from tests.unit.library.helpers import draft

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# pg_dump and the scratch database need committed rows, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _taxonomy(transactional_db):
    """A transactional test's flush empties what data migrations filled: put it back."""
    from hub.community.models import Forum
    from hub.taxonomy.loaders import load_categories, load_forums
    from hub.taxonomy.models import Category

    load_categories(Category)
    load_forums(Forum)


@pytest.fixture
def hub_with_uploads(settings):
    """Members, an item with an attachment, an avatar and an error trap picture, through the
    services."""
    member = MemberFactory()
    accounts.avatar_set(actor=member, member=member, upload=jpeg_upload())
    item = draft(member)
    library.attachment_add(
        actor=member, item=item, upload=SimpleUploadedFile("Ward 7 audit.pdf", PDF)
    )
    pending_trap(member)
    files = backup.media_files(Path(settings.MEDIA_ROOT))
    folders = {name.split("/")[0] for name in files}
    assert any(name.startswith("avatars/") for name in files), files
    assert len(folders) >= 3, files  # avatars, attachments and error trap pictures
    return files


def test_backup_and_restore_into_a_fresh_database_and_media_folder(
    hub_with_uploads, settings, tmp_path
):
    counts = backup.row_counts()
    assert counts["accounts_user"] >= 1 and sum(counts.values()) > 50
    archive = tmp_path / "hub.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert f"{len(hub_with_uploads)} media files" in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["engine"] == connection.vendor
    assert manifest["media"] == hub_with_uploads
    assert manifest["row_counts"] == counts
    assert "accounts.0001_initial" in manifest["migrations"]

    fresh_media = tmp_path / "fresh-media"
    settings.MEDIA_ROOT = fresh_media
    with backup.scratch_database() as scratch:
        assert backup.row_counts(scratch) == {}
        assert scratch.settings_dict["NAME"] != connection.settings_dict["NAME"]
        result = backup.restore(archive, alias=scratch)
        assert backup.row_counts(scratch) == counts
    assert result.unapplied_migrations == []
    assert result.extra_tables == []
    assert backup.media_files(fresh_media) == hub_with_uploads


def test_backup_verify_restores_into_a_scratch_database_and_compares(hub_with_uploads, tmp_path):
    out = io.StringIO()
    call_command("backup", str(tmp_path / "hub.tar.gz"), "--verify", stdout=out)
    assert "every table's row count and every file's SHA-256 match" in out.getvalue()


def test_restore_refuses_a_database_that_holds_data_without_yes(hub_with_uploads, tmp_path):
    archive = tmp_path / "hub.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds data.*--yes"):
        call_command("restore", str(archive))
    # With --yes the same database is replaced by the backup's copy.
    counts = backup.row_counts()
    MemberFactory()
    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    assert backup.row_counts() == counts


def _rewrite(archive: Path, target: Path, change) -> None:
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source:
            data = source.extractfile(member).read()
            data = change(member.name, data)
            if data is None:
                continue
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))


def test_restore_refuses_an_archive_whose_files_do_not_match_their_hashes(
    hub_with_uploads, tmp_path, settings
):
    archive = tmp_path / "hub.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    _rewrite(
        archive,
        damaged,
        lambda name, data: data + b"x" if name.startswith("media/avatars/") else data,
    )
    settings.MEDIA_ROOT = tmp_path / "fresh-media"
    with backup.scratch_database() as scratch:
        with pytest.raises(
            backup.BackupError, match="does not match its SHA-256.*Nothing was restored"
        ):
            backup.restore(damaged, alias=scratch)
        assert backup.row_counts(scratch) == {}
    assert not (tmp_path / "fresh-media").exists()


def test_restore_refuses_an_archive_from_the_other_engine(hub_with_uploads, tmp_path):
    archive = tmp_path / "hub.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"

    def other_engine(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["engine"] = other
            return json.dumps(manifest).encode()
        return data

    changed = tmp_path / "other.tar.gz"
    _rewrite(archive, changed, other_engine)
    with (
        backup.scratch_database() as scratch,
        pytest.raises(backup.BackupError, match=f"backup is of a {backup.ENGINE_NAMES[other]}"),
    ):
        backup.restore(changed, alias=scratch)


def test_an_archive_with_a_path_outside_media_is_refused(tmp_path):
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("media/../../escaped.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"bad"))
    with pytest.raises(CommandError, match="unexpected file"):
        call_command("restore", str(archive), "--yes")
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_sqlite_backup_is_a_consistent_copy_made_with_the_backup_api(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    MemberFactory()
    archive = tmp_path / "hub.tar.gz"
    with mock.patch("shutil.copyfile", side_effect=AssertionError("copied a live file")):
        call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        tar.extract("database.sqlite3", tmp_path, filter="data")
    assert not any(name.endswith(("-wal", "-shm")) for name in names)
    copy = sqlite3.connect(tmp_path / "database.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT COUNT(*) FROM accounts_user").fetchone()[0] >= 1
    copy.close()


def test_a_missing_pg_dump_gives_a_clear_error(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with (
        mock.patch("hub.core.backup.shutil.which", return_value=None),
        pytest.raises(CommandError, match="`pg_dump` was not found.*postgresql-client"),
    ):
        call_command("backup", str(tmp_path / "hub.tar.gz"))


def test_a_backup_inside_media_root_is_refused(settings):
    with pytest.raises(CommandError, match="outside MEDIA_ROOT"):
        call_command("backup", str(Path(settings.MEDIA_ROOT) / "backups" / "hub.tar.gz"))


def test_a_missing_pg_restore_gives_a_clear_error_and_restores_nothing(hub_with_uploads, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    archive = tmp_path / "hub.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    counts = backup.row_counts()
    with (
        mock.patch("hub.core.backup.shutil.which", return_value=None),
        pytest.raises(CommandError, match="`pg_restore` was not found"),
    ):
        call_command("restore", str(archive), "--yes")
    assert backup.row_counts() == counts
