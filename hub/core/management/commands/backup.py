"""`manage.py backup FILE`: the database and every uploaded file in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from hub.core import backup


class Command(BaseCommand):
    help = (
        "Write a full backup (database + MEDIA_ROOT + manifest with SHA-256 hashes) to one "
        ".tar.gz file. --verify restores it into a scratch database and compares."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to write, e.g. backups/hub-2026-12-07.tar.gz")
        parser.add_argument(
            "--verify",
            action="store_true",
            help="Afterwards restore the archive into a new scratch database and media folder "
            "and compare row counts per table and file hashes (PostgreSQL: the role needs "
            "CREATEDB).",
        )
        parser.add_argument("--database", default="default", help="Database alias (default).")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            manifest = backup.backup(path, alias=options["database"])
            self.stdout.write(
                f"Backed up the {backup.ENGINE_NAMES[manifest['engine']]} database "
                f"({len(manifest['row_counts'])} tables, "
                f"{sum(manifest['row_counts'].values())} rows) and "
                f"{len(manifest['media'])} media files to {path}."
            )
            if options["verify"]:
                backup.verify(path, alias=options["database"])
                self.stdout.write(
                    self.style.SUCCESS(
                        "Checked: restored into a scratch database, every table's row count "
                        "and every file's SHA-256 match."
                    )
                )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"Could not use the database: {error}") from error
