"""Writes to the taxonomy that content kinds share."""

from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured
from django.utils.text import slugify

from .models import Tag

# Checks every tag name passes before it is made or attached; each raises a ValidationError on
# "tags" to refuse. The patient-data guard registers itself here (hub.moderation's
# AppConfig.ready), so the taxonomy imports nothing above it.
TagNameCheck = Callable[[Iterable[str]], None]

_name_checks: list[TagNameCheck] = []


def register_tag_name_check(check: TagNameCheck) -> None:
    if check not in _name_checks:
        _name_checks.append(check)


def tags_from_names(names: list[str]) -> list[Tag]:
    """The tags with these names, made when new. Every content kind attaches its tags through
    here, so the patient-data guard reads each name first: a tag that may identify someone
    raises a ValidationError on "tags" (hub.moderation.guard.require_clean_tags)."""
    if not _name_checks:
        # Fail closed: never attach tags that nothing has read.
        raise ImproperlyConfigured("No tag name check is registered (is hub.moderation installed?)")
    for check in _name_checks:
        check(names)
    tags = []
    for raw in names:
        name = " ".join(raw.split())[:60]
        if not name:
            continue
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            slug = slugify(name)[:60] or "tag"
            base, n = slug, 2
            while Tag.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            tag = Tag.objects.create(name=name, slug=slug)
        if tag not in tags:
            tags.append(tag)
    return tags
