"""A service enqueues its app's background task by the task's dotted path.

Tasks import the services they run; a service never imports its tasks module back, so the two
never form a cycle (the import contracts in pyproject.toml check it). The path is the one
django.tasks stores with each queued task.
"""

from typing import Any

from django.utils.module_loading import import_string


def task_at(path: str) -> Any:
    """The django.tasks Task at `path`, e.g. "hub.community.tasks.notify_about_post"."""
    return import_string(path)
