"""``python manage.py pii_scan < file.txt``: print each patient-identifiable finding as JSON."""

import json
import sys

from django.core.management.base import BaseCommand

from hub.moderation.pii import scan


class Command(BaseCommand):
    help = (
        "Read text on standard input and print one JSON object per finding, one per line: "
        '{"kind", "start", "end", "text"} with character offsets into the input.'
    )

    def handle(self, *args, **options) -> None:
        stdin = getattr(self, "stdin", None) or sys.stdin
        # Offsets are into the text exactly as read, so keep "\r\n" as it was.
        text = (
            stdin.buffer.read().decode("utf-8", errors="replace")
            if hasattr(stdin, "buffer")
            else stdin.read()
        )
        for finding in scan(text):
            row = {
                "kind": finding.kind,
                "start": finding.start,
                "end": finding.end,
                "text": finding.text,
            }
            self.stdout.write(json.dumps(row, ensure_ascii=False))
