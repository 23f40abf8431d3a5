"""Settings for the outbox worker subprocesses of the exactly-once test."""

from hub.test_settings import *  # noqa: F403

MAILERS = {"default": {"BACKEND": "tests.unit.notifications.recording_mail.RecordingBackend"}}

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 30}  # noqa: F405
