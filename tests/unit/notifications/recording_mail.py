"""A mail backend for the exactly-once test: records each message in the database, in the
sending transaction, and can SIGKILL its own process after N sends (before that commit)."""

import os
import signal

from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection

TABLE = "test_recorded_mail"
CREATE_SQL = f"CREATE TABLE IF NOT EXISTS {TABLE} (message_id varchar(200), recipient varchar(200))"


class RecordingBackend(BaseEmailBackend):
    sent_by_this_process = 0

    def send_messages(self, email_messages):
        for message in email_messages:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {TABLE} (message_id, recipient) VALUES (%s, %s)",
                    [message.extra_headers["Message-ID"], message.to[0]],
                )
            RecordingBackend.sent_by_this_process += 1
            kill_after = int(os.environ.get("KILL_AFTER_SENDS") or 0)
            if kill_after and RecordingBackend.sent_by_this_process >= kill_after:
                # The worst moment: the message is handed over, the outbox row not yet marked.
                os.kill(os.getpid(), signal.SIGKILL)
        return len(email_messages)
