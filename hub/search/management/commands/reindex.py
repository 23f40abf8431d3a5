"""Rebuild the search index from the content (batched: memory stays flat at any size)."""

import time

from django.core.management.base import BaseCommand

from hub.search.backends import engine
from hub.search.models import SearchDocument
from hub.search.registry import sources
from hub.search.services import REINDEX_BATCH, reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index for every registered kind of content (or only some)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="SOURCE",
            help="Rebuild only this source (repeatable): " + ", ".join(s.key for s in sources()),
        )
        parser.add_argument("--batch-size", type=int, default=REINDEX_BATCH)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the index already has rows (for `make run`).",
        )
        parser.add_argument(
            "--year-indexes",
            action="store_true",
            help="Only make PostgreSQL's missing year indexes (up to three years ahead).",
        )

    def handle(self, *args, only, batch_size, if_empty, year_indexes, **options):
        if year_indexes:
            if engine().vendor != "postgresql":
                self.stdout.write("Year indexes are PostgreSQL's; nothing to do.")
                return
            made = engine().ensure_year_indexes()
            listed = ", ".join(map(str, made)) or "none missing"
            self.stdout.write(self.style.SUCCESS(f"Year indexes made: {listed}."))
            return
        if if_empty and SearchDocument.objects.exists():
            self.stdout.write("The search index is already built (run without --if-empty).")
            return
        known = {s.key for s in sources()}
        unknown = [key for key in only if key not in known]
        if unknown:
            self.stderr.write(
                f"Unknown source(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}"
            )
            return
        started = time.monotonic()
        counts = reindex_all(batch_size=max(1, batch_size), only=only)
        took = time.monotonic() - started
        for key, count in counts.items():
            self.stdout.write(f"{key}: {count} document(s)")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt in {took:.1f}s."))
