"""The patient-data guard in every publishing path.

A publishing service calls ``require_clean(fields, false_alarms=...)`` before it saves:

- no findings: returns a ``Guard`` with nothing in it; publish as usual;
- findings the author has not marked as a false alarm: raises ``PersonalDataFound`` (a
  ``ValidationError``) carrying the ``Guard``, so the view shows each finding, highlighted,
  with its plain-English reason and a "This is not patient information" tick, and keeps
  everything typed;
- every finding marked as a false alarm: returns a ``Guard`` whose ``held`` is true; the
  service saves the content and calls ``hub.moderation.services.hold_for_review`` so nobody
  else sees it until a moderator has checked it. Text that no moderator holds back (a
  profile's "about me", an event, a network join request, an attachment's file name) is saved
  instead, and ``record_confirmed`` keeps the author's confirmation (and audits it).

A false alarm is identified by ``pii.fingerprint(field, finding)``, sent back by the form as
``pii_false_alarm`` values, so it survives edits elsewhere in the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from hub.core.richtext import html_to_text, looks_like_html

from .pii import KINDS, Finding, fingerprint, scan

FALSE_ALARM_FIELD = "pii_false_alarm"
MESSAGE = (
    "Your post may contain information that identifies a patient or a member of staff. "
    "Please check the highlighted parts below."
)
CONTEXT = 40


@dataclass(frozen=True)
class Flag:
    field: str
    field_label: str
    finding: Finding
    token: str
    before: str
    after: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.finding.kind]


@dataclass(frozen=True)
class Guard:
    flags: list[Flag] = field(default_factory=list)
    false_alarms: frozenset[str] = frozenset()

    @property
    def open_flags(self) -> list[Flag]:
        return [f for f in self.flags if f.token not in self.false_alarms]

    @property
    def blocked(self) -> bool:
        return bool(self.open_flags)

    @property
    def held(self) -> bool:
        """Findings exist, and the author marked every one as a false alarm."""
        return bool(self.flags) and not self.open_flags

    def findings_by_field(self) -> dict[str, list[Finding]]:
        result: dict[str, list[Finding]] = {}
        for flag in self.flags:
            result.setdefault(flag.field, []).append(flag.finding)
        return result


class PersonalDataFound(ValidationError):
    def __init__(self, guard: Guard):
        super().__init__(MESSAGE, code="pii")
        self.guard = guard


def _plain(value: str) -> str:
    value = value or ""
    return html_to_text(value) if looks_like_html(value) else value


def _one_line(text: str) -> str:
    return " ".join(text.split())


def inspect(
    fields: dict[str, str],
    *,
    false_alarms: Iterable[str] = (),
    labels: dict[str, str] | None = None,
) -> Guard:
    """Scan each field (HTML is read as text) and pair findings with the author's ticks."""
    labels = labels or {}
    flags: list[Flag] = []
    scanned = {name: _plain(value) for name, value in fields.items()}
    findings = {name: scan(text) for name, text in scanned.items()}
    public = _members_public_names(
        {f.text for items in findings.values() for f in items if f.kind == "name"}
    )
    for name, text in scanned.items():
        for finding in findings[name]:
            if finding.kind == "name" and _normal(finding.text) in public:
                continue
            before = text[max(0, finding.start - CONTEXT) : finding.start]
            after = text[finding.end : finding.end + CONTEXT]
            flags.append(
                Flag(
                    field=name,
                    field_label=labels.get(name, name.replace("_", " ").capitalize()),
                    finding=finding,
                    token=fingerprint(name, finding),
                    before=("…" if finding.start > CONTEXT else "") + _one_line(before),
                    after=_one_line(after) + ("…" if finding.end + CONTEXT < len(text) else ""),
                )
            )
    return Guard(flags=flags, false_alarms=frozenset(false_alarms))


def _normal(name: str) -> str:
    return " ".join(name.replace(".", " ").split()).lower()


def _members_public_names(candidates: set[str]) -> set[str]:
    """Titled names that are members' own display names (shown on the hub anyway, say in a
    quoted reply's "Dr Tom Becker wrote:"), so they are not patient information."""
    if not candidates:
        return set()
    from django.contrib.auth import get_user_model

    wanted = {" ".join(c.split()) for c in candidates}
    names = get_user_model().objects.filter(display_name__in=wanted)
    return {_normal(n) for n in names.values_list("display_name", flat=True)}


def require_clean(
    fields: dict[str, str],
    *,
    false_alarms: Iterable[str] = (),
    labels: dict[str, str] | None = None,
) -> Guard:
    guard = inspect(fields, false_alarms=false_alarms, labels=labels)
    if guard.blocked:
        raise PersonalDataFound(guard)
    return guard


def described(guard: Guard) -> str:
    """The open findings in one sentence, for a message where no form can show them."""
    parts = [
        f"“{flag.finding.text}” in {flag.field_label.lower()} ({flag.kind_label.lower()})"
        for flag in guard.open_flags
    ]
    return (
        "This may identify a patient or a member of staff: "
        f"{'; '.join(parts)}. Nothing was saved: please change it and try again."
    )


def record_confirmed(*, actor: Any, target: Any, guard: Guard) -> None:
    """For text no moderator holds back (a profile, an event, a join request, a file name):
    once saved, remember the findings its author confirmed as not patient information (they
    are not asked again, and the confirmation is in the audit log)."""
    if guard.flags:
        from .services import record_clearances

        record_clearances(
            actor=actor, target=target, tokens=[f.token for f in guard.flags], by_reviewer=False
        )


def confirmed_for(target: Any) -> frozenset[str]:
    """The findings already confirmed on this saved object (empty for a new one)."""
    if target is None or target.pk is None:
        return frozenset()
    from .services import cleared_tokens

    return cleared_tokens(target, by_reviewer=False)


def false_alarms_from(data) -> frozenset[str]:
    """The tokens ticked on a submitted form (a QueryDict or a dict of lists)."""
    getlist = getattr(data, "getlist", None)
    values = getlist(FALSE_ALARM_FIELD) if getlist else data.get(FALSE_ALARM_FIELD, [])
    return frozenset(v for v in values if isinstance(v, str) and len(v) <= 64)


TAG_MESSAGE = (
    "The tag “{name}” may identify a patient or a member of staff. {reason} Tags are shown "
    "on their own pages and in suggestions: please remove it or name the topic instead."
)


def require_clean_tags(names: Iterable[str], *, field: str = "tags") -> None:
    """Refuse tags in which the guard finds patient information.

    A tag is a short public label, shown on its own page, in suggestions and feeds, with no
    room for a "this is not patient information" tick: a flagged tag is refused outright, with
    a ValidationError on ``field`` naming each one (the form keeps what was typed).
    """
    names = [" ".join(str(name).split()) for name in names]
    guard = inspect({str(n): name for n, name in enumerate(names) if name})
    messages: list[str] = []
    seen: set[str] = set()
    for flag in guard.flags:
        name = names[int(flag.field)]
        if name in seen:
            continue
        seen.add(name)
        messages.append(TAG_MESSAGE.format(name=name, reason=flag.finding.reason))
    if messages:
        raise ValidationError({field: messages})
