"""Fill the database with a synthetic corpus for measuring search (see docs/performance.md).

A developer tool, not part of the product: run it from the repository root with the project's
virtualenv, in whatever HUB_ENV and DATABASE_URL the target database needs, e.g.

    .venv/bin/python bench/generate_corpus.py --items 1000 --posts 10000 --members 1000

It takes the options `manage.py` commands take (--help lists them) and prints what
bench/search_bench.py reads.
"""

import os
import sys
import time
from datetime import date
from pathlib import Path

if __name__ == "__main__":  # a script: make the repository importable and set Django up first
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django

    django.setup()

from django.core.management.base import BaseCommand, CommandError  # noqa: E402

from bench.corpus import (  # noqa: E402
    CorpusGenerator,
    CorpusSpec,
    build_search_index,
    existing_corpus_members,
)


class Command(BaseCommand):
    help = (
        "Generate members, library items and forum posts that read like patient safety writing, "
        "then rebuild the search index. For benchmarks and load tests, never production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=0, help="Library items to create")
        parser.add_argument("--posts", type=int, default=0, help="Forum posts to create")
        parser.add_argument("--members", type=int, default=0, help="Members to create")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same corpus")
        parser.add_argument(
            "--until",
            type=date.fromisoformat,
            default=None,
            help="Newest date in the corpus (YYYY-MM-DD); default today (UTC)",
        )
        parser.add_argument(
            "--append",
            action="store_true",
            help="Add to a corpus already in the database instead of refusing",
        )
        parser.add_argument(
            "--index",
            choices=["fast", "reindex", "none"],
            default="fast",
            help="How to build the search index afterwards: fast (bulk rows, the same as "
            "reindex writes; the default), reindex (the search app's command) or none",
        )
        parser.add_argument(
            "--index-only",
            action="store_true",
            help="Only (re)build the search index of the corpus already in the database",
        )

    def handle(self, *args, **options):
        if options["index_only"]:
            seconds = build_search_index(options["index"], log=self.stdout.write)
            self.stdout.write(f"Search index rebuilt in {seconds} s")
            return
        for name in ("items", "posts", "members"):
            if options[name] < 0:
                raise CommandError(f"--{name} must be 0 or more.")
        if not (options["items"] or options["posts"] or options["members"]):
            raise CommandError("Nothing to do: give --items, --posts and/or --members.")
        existing = existing_corpus_members()
        if existing and not options["append"]:
            raise CommandError(
                f"This database already holds a generated corpus ({existing} members). "
                "Pass --append to add to it, or start from an empty database."
            )
        spec = CorpusSpec(
            items=options["items"],
            posts=options["posts"],
            members=options["members"],
            seed=options["seed"],
            until=options["until"],
        )
        began = time.monotonic()
        try:
            report = CorpusGenerator(spec, log=self.stdout.write).run()
        except ValueError as error:
            raise CommandError(str(error)) from error
        loaded = round(time.monotonic() - began, 2)
        self.stdout.write(f"Loaded in {loaded} s: {report.counts}")
        seconds = build_search_index(options["index"], log=self.stdout.write)
        if seconds is not None:
            self.stdout.write(f"Search index rebuilt in {seconds} s")
        self.stdout.write(self.style.SUCCESS("Corpus ready."))


if __name__ == "__main__":
    Command().run_from_argv([sys.argv[0], "generate_corpus", *sys.argv[1:]])
