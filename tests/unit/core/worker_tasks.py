"""A task for the worker fault tests: returns what it is given (kept as the task's result)."""

from django.tasks import task


@task
def echo(*, value: str) -> str:
    return value
