"""Every place that explains posting anonymously says the same, true thing (issue 21, item 9).

The code: other people, moderators included, see "Anonymous" and the day only; only a
safeguarding lead can reveal the author (with a recorded reason, and the author is told).
"""

import importlib
import re
from pathlib import Path

import pytest
from django import forms
from django.core.exceptions import PermissionDenied
from django.test import Client

from hub.community.models import Forum
from hub.community.services import topic_start
from hub.core.anonymity import ANONYMOUS_HELP
from hub.moderation import services as moderation
from tests.factories import MemberFactory

HUB = Path(__file__).resolve().parents[3] / "hub"
FORM_MODULES = sorted(
    f"hub.{path.parent.name}.forms" for path in HUB.glob("*/forms.py") if path.is_file()
)
# A claim that moderators (or staff) learn who posted: the code never lets them.
WRONG_CLAIM = re.compile(
    r"(moderators?|editors?|administrators?|staff)\s+(can|could|will|may)\s+(still\s+)?"
    r"(see|find out|know|learn)\s+(who|your name)",
    re.IGNORECASE,
)


def _form_classes():
    for name in FORM_MODULES:
        importlib.import_module(name)
    seen, todo = set(), [forms.Form]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return [cls for cls in seen if cls.__module__.startswith("hub.")]


def _anonymity_fields():
    for cls in _form_classes():
        for name, field in cls.base_fields.items():
            label = str(field.label or name)
            if isinstance(field, forms.BooleanField) and "anonym" in label.lower():
                yield f"{cls.__module__}.{cls.__name__}.{name}", field


def test_every_anonymity_tick_explains_it_with_the_one_shared_sentence():
    found = dict(_anonymity_fields())
    modules = {path.rsplit(".", 2)[0] for path in found}
    # topics and replies, comments, library items (and stories), error traps
    assert {"hub.community.forms", "hub.engagement.forms", "hub.library.forms"} <= modules
    assert "hub.gallery.forms" in modules
    wrong = {path: str(field.help_text) for path, field in found.items()}
    wrong = {path: text for path, text in wrong.items() if text != ANONYMOUS_HELP}
    assert wrong == {}


def test_no_page_or_form_says_moderators_can_see_who_posted():
    places = [*HUB.rglob("*.html"), *HUB.rglob("*.py"), *(HUB.parent / "docs").glob("*.md")]
    claims = [
        f"{path.relative_to(HUB.parent)}: {match.group()}"
        for path in places
        if "migrations" not in path.parts
        for match in WRONG_CLAIM.finditer(path.read_text(encoding="utf-8"))
    ]
    assert claims == []


def test_the_pattern_catches_the_old_wording():
    for old in (
        "Moderators can still see who posted it.",
        "Moderators can still find out who posted it if they need to.",
    ):
        assert WRONG_CLAIM.search(old)
    assert not WRONG_CLAIM.search(ANONYMOUS_HELP)


@pytest.mark.django_db
def test_the_forms_and_the_privacy_page_show_the_sentence(member):
    forum = Forum.objects.order_by("position").first()
    client = Client()
    client.force_login(member)
    for url in (f"/community/forum/{forum.slug}/new/", "/privacy/"):
        html = client.get(url).content.decode()
        assert ANONYMOUS_HELP in html, url
        assert not WRONG_CLAIM.search(html), url


@pytest.mark.django_db
def test_the_sentence_is_what_the_code_does(member):
    """Only a safeguarding lead can reveal: a moderator or an administrator cannot."""
    forum = Forum.objects.order_by("position").first()
    topic = topic_start(
        actor=member,
        title="Near miss",
        body="<p>It nearly went wrong.</p>",
        forum=forum,
        anonymous=True,
    )
    for role in ("Moderator", "Administrator"):
        with pytest.raises(PermissionDenied):
            moderation.reveal_author(
                actor=MemberFactory(roles=[role]), target=topic, reason="curious"
            )
    lead = MemberFactory(roles=["Safeguarding lead"])
    assert moderation.reveal_author(actor=lead, target=topic, reason="A safety concern") == member
    assert "safeguarding lead" in ANONYMOUS_HELP and "you are told" in ANONYMOUS_HELP
