"""`manage.py restore FILE`: put back the database and uploaded files from a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from hub.core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: checks every SHA-256 first, replaces the "
        "database and writes the files back into MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive written by `manage.py backup`.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Go ahead even though the database already holds data (it is replaced).",
        )
        parser.add_argument("--database", default="default", help="Database alias (default).")

    def handle(self, *args, **options):
        try:
            result = backup.restore(
                Path(options["file"]), alias=options["database"], yes=options["yes"]
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"Could not use the database: {error}") from error
        manifest = result.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: "
                f"{len(manifest['row_counts'])} tables and {len(manifest['media'])} media "
                "files, all matching the manifest."
            )
        )
        if result.tool_messages:
            self.stdout.write(f"pg_restore noted: {result.tool_messages}")
        if result.extra_tables:
            self.stdout.write(
                "These tables were in the database but not in the backup and were left as "
                f"they were: {', '.join(result.extra_tables)}."
            )
        if result.unapplied_migrations:
            self.stdout.write(
                f"The code has {len(result.unapplied_migrations)} migrations newer than the "
                "backup: run `manage.py migrate` next."
            )
