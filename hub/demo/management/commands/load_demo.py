from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hub.demo.checks import problems
from hub.demo.community import load_forums
from hub.demo.events import load_events
from hub.demo.gallery import load_error_traps
from hub.demo.library import load_library
from hub.demo.members import load_members
from hub.demo.networks import load_networks
from hub.demo.quiet import notifications_mark, settle, tasks_held
from hub.demo.reader import read_demo


class Command(BaseCommand):
    help = "Load the demo community (embedded demo only). Safe to run again: keeps existing data."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "Demo accounts have published passwords: never loaded in production."
            )
        demo = read_demo()
        # The content's own references (members, networks, pictures, quotes): a typo in a
        # content file stops here, before anything is written, with the file to fix.
        if found := problems(demo):
            raise CommandError("The demo content has problems:\n- " + "\n- ".join(found))
        mark = notifications_mark()
        with tasks_held() as held:
            with transaction.atomic():
                self._load(demo)
            # Committed: the tasks queued on commit are now held.
            later = settle(held, after=mark)
        for result in later:
            result.task.enqueue(*result.args, **result.kwargs)

    def _load(self, demo) -> None:
        created = load_members(demo)
        self.stdout.write(
            f"Demo community ready: {created} new member(s), {len(demo.members)} in all."
        )
        items = load_library(demo, stdout=self.stdout)
        self.stdout.write(f"Demo library ready: {items} new item(s).")
        networks = load_networks(demo, stdout=self.stdout)
        self.stdout.write(f"Demo networks ready: {networks} new network(s).")
        topics = load_forums(demo, stdout=self.stdout)
        self.stdout.write(f"Demo forums ready: {topics} new discussion(s).")
        load_events(demo, stdout=self.stdout)
        traps = load_error_traps(demo)
        self.stdout.write(f"Demo error traps ready: {traps} new.")
