"""Every write in moderation: reports, held posts, moderators' decisions, sanctions and the
safeguarding lead's reveal. Each records an audit entry (who, what, when, why).

Content is reached through ``hub.moderation.registry`` so any kind (library items, topics,
forum posts, comments, error traps…) works the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone

from hub.core.ratelimit import rate_limit_hit
from hub.core.services import audit_record
from hub.notifications.services import notify

from . import registry
from .models import (
    Case,
    CaseStatus,
    Outcome,
    Report,
    ReportReason,
    Sanction,
    SanctionKind,
    Source,
    about_anonymous_post,
)
from .pii import Finding

MODERATE_PERMISSION = "moderation.moderate_content"
REVEAL_PERMISSION = "moderation.reveal_anonymous"
AUDIT_PERMISSION = "moderation.view_moderation_audit"
REPORT_RATE_LIMIT = 10  # reports per member per hour
REPORT_RATE_WINDOW = 3600
REPORT_RATE_MESSAGE = (
    "You have sent a lot of reports in the last hour. Please wait a while and try again; "
    "your text is kept below."
)


# Who may do what ----------------------------------------------------------------------------


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def is_moderator(user: Any) -> bool:
    return _signed_in(user) and (user.is_superuser or user.has_perm(MODERATE_PERMISSION))


def is_safeguarding_lead(user: Any) -> bool:
    return _signed_in(user) and (user.is_superuser or user.has_perm(REVEAL_PERMISSION))


def can_use_queue(user: Any) -> bool:
    """Moderators work through the queue; safeguarding leads see it all (and the referrals)."""
    return is_moderator(user) or is_safeguarding_lead(user)


def can_see_case(user: Any, case: Case) -> bool:
    """May this member see that the case exists (listed, counted, opened, told about it)?

    Safeguarding leads see every case. Moderators see reports about members, and cases about
    content they may moderate (so not another network's private content); never referrals of
    anonymous authors, nor cases whose content is gone.
    """
    if is_safeguarding_lead(user):
        return True
    if not is_moderator(user) or case.source == Source.REFERRAL:
        return False
    if case.content_type_id is None:
        return True
    target = case.target
    return target is not None and registry.kind_for(target).can_moderate(user, target)


def can_view_audit(user: Any) -> bool:
    return _signed_in(user) and (user.is_superuser or user.has_perm(AUDIT_PERMISSION))


def active_restriction(user: Any) -> Sanction | None:
    """The ban or current suspension stopping this member from posting, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_moderation_restriction", False)
    if cached is not False:
        return cached
    now = timezone.now()
    sanction = (
        Sanction.objects.filter(member_id=user.pk, lifted_at__isnull=True)
        .filter(
            models.Q(kind=SanctionKind.BAN) | models.Q(kind=SanctionKind.SUSPENSION, until__gt=now)
        )
        .order_by("-created")
        .first()
    )
    user._moderation_restriction = sanction
    return sanction


def restriction_message(sanction: Sanction) -> str:
    if sanction.kind == SanctionKind.BAN:
        return "Your account is banned from posting."
    return (
        f"Your account is suspended until {timezone.localtime(sanction.until):%d %B %Y %H:%M}, "
        "so you cannot post or comment until then."
    )


def require_can_post(user: Any) -> None:
    """Called by every publishing service: suspended and banned members cannot post."""
    sanction = active_restriction(user)
    if sanction is not None:
        raise PermissionDenied(restriction_message(sanction))


# Reports ------------------------------------------------------------------------------------


def _report_rate_limited(user: Any) -> bool:
    return rate_limit_hit(
        key=f"moderation:report:{user.pk}", limit=REPORT_RATE_LIMIT, window=REPORT_RATE_WINDOW
    )


def _clean_reason(reason: str) -> str:
    if reason not in ReportReason.values:
        raise ValidationError({"reason": "Choose a reason from the list."})
    return reason


def _open_case_for(target: models.Model, *, sources: Iterable[str]) -> Case | None:
    ct = ContentType.objects.get_for_model(target)
    return (
        Case.objects.select_for_update()
        .filter(content_type=ct, object_id=target.pk, status=CaseStatus.OPEN, source__in=sources)
        .first()
    )


def _auto_hide_threshold() -> int:
    return int(getattr(settings, "MODERATION_AUTO_HIDE_REPORTS", 3))


@transaction.atomic
def report_content(*, actor: Any, target: models.Model, reason: str, details: str = "") -> Report:
    """A member reports content. After reports from N distinct members it is hidden until a
    moderator decides (``MODERATION_AUTO_HIDE_REPORTS``, default 3)."""
    if not _signed_in(actor):
        raise PermissionDenied("Sign in to report something.")
    kind = registry.kind_for(target)
    if not kind.can_view(actor, target):
        raise PermissionDenied("You cannot see this.")
    author = kind.author_of(target)
    if author is not None and author.pk == actor.pk:
        raise ValidationError("You cannot report your own post. You can edit or delete it.")
    reason = _clean_reason(reason)
    if _report_rate_limited(actor):
        raise ValidationError(REPORT_RATE_MESSAGE)
    case = _open_case_for(target, sources=[Source.REPORT, Source.AUTO_HIDDEN, Source.HELD])
    if case is None:
        case = Case.objects.create(
            target=target,
            member=author,
            source=Source.REPORT,
            top_reason=reason,
        )
    if case.reports.filter(reporter=actor).exists():
        raise ValidationError("You have already reported this. A moderator will look at it.")
    try:
        with transaction.atomic():
            report = Report.objects.create(
                case=case, reporter=actor, reason=reason, details=details.strip()
            )
    except IntegrityError:
        raise ValidationError("You have already reported this.") from None
    case.report_count = case.reports.values("reporter").distinct().count()
    case.save(update_fields=["report_count"])
    audit_record(
        action="moderation:report:content",
        actor=actor,
        target=case,
        reason=details.strip(),
        new={"reason": reason, "kind": kind.label},
    )
    if (
        case.report_count >= _auto_hide_threshold()
        and case.source == Source.REPORT
        and not kind.is_hidden(target)
    ):
        kind.hide(target, "Hidden after reports from members, until a moderator reviews it.")
        _reindex(target)
        case.source = Source.AUTO_HIDDEN
        case.save(update_fields=["source"])
        audit_record(
            action="moderation:content:auto_hide",
            target=case,
            reason=f"{case.report_count} members reported it",
            new={"kind": kind.label, "reports": case.report_count},
        )
    return report


@transaction.atomic
def report_member(*, actor: Any, member: Any, reason: str, details: str = "") -> Report:
    if not _signed_in(actor):
        raise PermissionDenied("Sign in to report a member.")
    if member.pk == actor.pk:
        raise ValidationError("You cannot report yourself.")
    reason = _clean_reason(reason)
    if _report_rate_limited(actor):
        raise ValidationError(REPORT_RATE_MESSAGE)
    case = (
        Case.objects.select_for_update()
        .filter(member=member, is_member_report=True, status=CaseStatus.OPEN)
        .first()
    )
    if case is None:
        case = Case.objects.create(
            member=member, is_member_report=True, source=Source.REPORT, top_reason=reason
        )
    if case.reports.filter(reporter=actor).exists():
        raise ValidationError("You have already reported this member. A moderator will look.")
    report = Report.objects.create(
        case=case, reporter=actor, reason=reason, details=details.strip()
    )
    case.report_count = case.reports.count()
    case.save(update_fields=["report_count"])
    audit_record(
        action="moderation:report:member",
        actor=actor,
        target=case,
        reason=details.strip(),
        new={"reason": reason, "member": member.pk},
    )
    return report


# Held posts ---------------------------------------------------------------------------------


def findings_as_json(findings: dict[str, list[Finding]] | list[Finding]) -> list[dict[str, Any]]:
    if isinstance(findings, dict):
        pairs = [(field, f) for field, items in findings.items() for f in items]
    else:
        pairs = [("", f) for f in findings]
    return [
        {"field": field, "kind": f.kind, "text": f.text, "start": f.start, "end": f.end}
        for field, f in pairs
    ]


@transaction.atomic
def hold_for_review(
    *,
    actor: Any,
    target: models.Model,
    findings: dict[str, list[Finding]] | list[Finding],
    note: str = "",
) -> Case:
    """Keep content out of view until a moderator reviews it: its author said the possible
    patient information found in it is a false alarm."""
    kind = registry.kind_for(target)
    author = kind.author_of(target)
    if author is None or author.pk != getattr(actor, "pk", None):
        raise PermissionDenied("Only the author can send their post for review.")
    if not kind.is_hidden(target):
        kind.hide(target, "Held for review: it may contain patient information.")
        _reindex(target)
    case = Case.objects.create(
        target=target,
        member=author,
        source=Source.HELD,
        top_reason=ReportReason.PATIENT_INFORMATION,
        findings=findings_as_json(findings),
        note=note.strip(),
    )
    audit_record(
        action="moderation:content:hold",
        actor=actor,
        target=case,
        reason=note.strip(),
        new={
            "kind": kind.label,
            "findings": [f"{f['kind']}" for f in case.findings],
            "anonymous": kind.is_anonymous(target),
        },
    )
    _notify_moderators(case, kind.label)
    return case


def _queue_users(codename: str) -> list[Any]:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return list(
        User.objects.filter(
            models.Q(is_superuser=True)
            | models.Q(groups__permissions__codename=codename)
            | models.Q(user_permissions__codename=codename),
            is_active=True,
        ).distinct()
    )


def _notify_moderators(case: Case, label: str) -> None:
    """Tell the moderators who may see the case (not those outside its private network)."""
    moderators = [u for u in _queue_users("moderate_content") if can_see_case(u, case)]
    notify(
        recipients=[u.pk for u in moderators],
        kind="moderation:held",
        title=f"A {label.lower()} is waiting for review",
        body="Its author says the possible patient information found in it is a false alarm.",
        url=reverse("moderation:case", args=[case.pk]),
        email=False,
        target=case,
    )


# Decisions ----------------------------------------------------------------------------------


def _require_moderator(actor: Any) -> None:
    if not is_moderator(actor):
        raise PermissionDenied("Only moderators can do this.")


def _require_open(case: Case) -> None:
    if case.status != CaseStatus.OPEN:
        raise ValidationError("This case has already been resolved.")


def _resolve(case: Case, actor: Any, outcome: str, note: str) -> None:
    case.status = CaseStatus.RESOLVED
    case.outcome = outcome
    case.resolution_note = note.strip()
    case.resolved_by = actor
    case.resolved_at = timezone.now()
    case.save(update_fields=["status", "outcome", "resolution_note", "resolved_by", "resolved_at"])
    audit_record(
        action=f"moderation:case:{outcome}",
        actor=actor,
        target=case,
        reason=note.strip(),
        old={"status": CaseStatus.OPEN},
        new={"status": CaseStatus.RESOLVED, "outcome": outcome},
    )
    _tell_reporters(case)


OUTCOME_FOR_REPORTERS = {
    Outcome.APPROVED: "A moderator looked at what you reported and decided it can stay.",
    Outcome.HIDDEN: "A moderator looked at what you reported and hid it. Thank you.",
    Outcome.EDITED: "A moderator looked at what you reported and edited it. Thank you.",
    Outcome.WARNED: "A moderator looked at your report and warned the member. Thank you.",
    Outcome.SUSPENDED: "A moderator looked at your report and suspended the member. Thank you.",
    Outcome.BANNED: "A moderator looked at your report and banned the member. Thank you.",
}


def _tell_reporters(case: Case) -> None:
    reporters = list(case.reports.values_list("reporter_id", flat=True))
    if reporters:
        transaction.on_commit(
            lambda: notify(
                recipients=reporters,
                kind="moderation:outcome",
                title="Your report has been reviewed",
                body=OUTCOME_FOR_REPORTERS[case.outcome],
            )
        )


def _reindex(target: Any) -> None:
    """Moderation changed what the public may see: search follows once the change commits.

    A reply's topic carries its counts, and a comment's page carries its comment count.
    """
    from hub.search.services import index_on_commit

    index_on_commit(target, with_dependants=True)
    for parent in (getattr(target, "topic", None), getattr(target, "target", None)):
        if isinstance(parent, models.Model):
            index_on_commit(parent)


def _target_kind(case: Case) -> tuple[Any, registry.ModeratedKind]:
    target = case.target
    if target is None:
        raise ValidationError("This case is about a member, not a post.")
    return target, registry.kind_for(target)


def can_moderate_case(actor: Any, case: Case) -> bool:
    """Decide the content (approve, hide, edit): a moderator who may see the case. Referrals
    are for safeguarding leads."""
    return is_moderator(actor) and case.source != Source.REFERRAL and can_see_case(actor, case)


def _require_case_moderator(actor: Any, case: Case) -> None:
    if not can_moderate_case(actor, case):
        raise PermissionDenied("Only moderators who may see this content can decide it.")


@transaction.atomic
def case_approve(*, actor: Any, case: Case, note: str = "") -> Case:
    """Nothing wrong: content hidden for this case (held or auto-hidden) is shown again. On a
    referral, the safeguarding lead decides no sanction is needed."""
    if case.source == Source.REFERRAL:
        if not is_safeguarding_lead(actor):
            raise PermissionDenied("Only a safeguarding lead decides a referral.")
        _require_open(case)
        _resolve(case, actor, Outcome.APPROVED, note)
        return case
    _require_case_moderator(actor, case)
    _require_open(case)
    if case.target is not None:
        target, kind = _target_kind(case)
        if case.source in (Source.HELD, Source.AUTO_HIDDEN) and kind.is_hidden(target):
            kind.unhide(target, note)
            _reindex(target)
        if case.source == Source.HELD:
            _tell_author(case, kind, "Your post is published", "A moderator reviewed it.")
            transaction.on_commit(lambda: kind.on_released(target))
    _resolve(case, actor, Outcome.APPROVED, note)
    return case


@transaction.atomic
def case_hide(*, actor: Any, case: Case, note: str) -> Case:
    _require_case_moderator(actor, case)
    _require_open(case)
    if not note.strip():
        raise ValidationError({"note": "Say why it is hidden; the author is told."})
    target, kind = _target_kind(case)
    if not kind.is_hidden(target):
        kind.hide(target, note.strip())
        _reindex(target)
    _tell_author(case, kind, "A moderator hid your post", note.strip())
    _resolve(case, actor, Outcome.HIDDEN, note)
    return case


@transaction.atomic
def case_edit(*, actor: Any, case: Case, fields: dict[str, str], note: str) -> Case:
    """A moderator edits the text (say, removes a patient's name), then it is shown."""
    _require_case_moderator(actor, case)
    _require_open(case)
    if not note.strip():
        raise ValidationError({"note": "Say what you changed and why; the author is told."})
    target, kind = _target_kind(case)
    allowed = kind.fields_of(target)
    changes = {k: v for k, v in fields.items() if k in allowed and v != allowed[k]}
    if changes:
        kind.edit(target, changes, note.strip())
        _reindex(target)
    if kind.is_hidden(target):
        kind.unhide(target, note.strip())
        _reindex(target)
    audit_record(
        action="moderation:content:edit",
        actor=actor,
        target=case,
        reason=note.strip(),
        new={"fields": sorted(changes)},
    )
    _tell_author(case, kind, "A moderator edited your post", note.strip())
    _resolve(case, actor, Outcome.EDITED, note)
    return case


def _tell_author(case: Case, kind: registry.ModeratedKind, title: str, body: str) -> None:
    target = case.target
    author = kind.author_of(target)
    if author is None:
        return
    url = kind.url_of(target)
    transaction.on_commit(
        lambda: notify(
            recipients=[author.pk], kind="moderation:author", title=title, body=body, url=url
        )
    )


def _case_member(case: Case) -> Any:
    if case.member is None:
        raise ValidationError("This case has no member to act on.")
    return case.member


@transaction.atomic
def member_warn(*, actor: Any, member: Any, reason: str, case: Case | None = None) -> Sanction:
    return _sanction(actor, member, SanctionKind.WARNING, None, reason, case)


@transaction.atomic
def member_suspend(
    *, actor: Any, member: Any, until: datetime, reason: str, case: Case | None = None
) -> Sanction:
    if until <= timezone.now():
        raise ValidationError({"until": "Choose a date in the future."})
    return _sanction(actor, member, SanctionKind.SUSPENSION, until, reason, case)


@transaction.atomic
def member_ban(*, actor: Any, member: Any, reason: str, case: Case | None = None) -> Sanction:
    return _sanction(actor, member, SanctionKind.BAN, None, reason, case)


SANCTION_OUTCOME = {
    SanctionKind.WARNING: Outcome.WARNED,
    SanctionKind.SUSPENSION: Outcome.SUSPENDED,
    SanctionKind.BAN: Outcome.BANNED,
}


ANONYMOUS_SANCTION_MESSAGE = (
    "The author of an anonymous post is warned, suspended or banned by a safeguarding lead "
    "only. Refer them: nothing about who they are is shown to you."
)


def _sanction(
    actor: Any, member: Any, kind: str, until: datetime | None, reason: str, case: Case | None
) -> Sanction:
    # Anonymous authors first, before anything that depends on who the member is: a
    # moderator must get the same answer whoever wrote the post.
    anonymous = case is not None and about_anonymous_post(case)
    if anonymous:
        if not is_safeguarding_lead(actor):
            raise PermissionDenied(ANONYMOUS_SANCTION_MESSAGE)
        if member is not None and case.member_id is not None and member.pk != case.member_id:
            raise PermissionDenied("This case is about someone else.")
    else:
        _require_moderator(actor)
    if member is None:
        raise ValidationError("This case has no member to act on.")
    if not reason.strip():
        raise ValidationError({"reason": "Give a reason; the member is told."})
    if member.pk == actor.pk:
        raise ValidationError("You cannot act on your own account.")
    if member.is_superuser or is_moderator(member):
        raise PermissionDenied("Moderators and administrators are managed by administrators.")
    if case is not None:
        _require_open(case)
        if not anonymous:
            _require_case_moderator(actor, case)
    sanction = Sanction.objects.create(
        member=member, kind=kind, until=until, reason=reason.strip(), case=case, by=actor
    )
    # A ban on a named member makes the account inactive: it leaves the directory, its
    # profile answers 404 and the counts drop. A ban on the author of an anonymous post is
    # quiet: the account stays exactly as everyone else sees it (listed, counted, its profile
    # shown) so nobody can learn who wrote the post by comparing; the ban in force alone stops
    # them signing in (moderation.auth) and posting (require_can_post).
    if kind == SanctionKind.BAN and not anonymous and member.is_active:
        member.is_active = False
        member.save(update_fields=["is_active"])
    # The sanction row names the member. The audit entry about an anonymous author names the
    # case only, so nobody reading the audit log can tie the post to its author.
    audit_record(
        action=f"moderation:member:{kind}",
        actor=actor,
        target=case if anonymous else member,
        reason=reason.strip(),
        new={
            "until": until,
            "case": case.pk if case else None,
            **({"anonymous_author": True} if anonymous else {}),
        },
    )
    titles = {
        SanctionKind.WARNING: "A warning from the moderators",
        SanctionKind.SUSPENSION: "Your account is suspended",
        SanctionKind.BAN: "Your account is banned",
    }
    body = reason.strip()
    if until is not None:
        body += f"\n\nYou can post again after {timezone.localtime(until):%d %B %Y %H:%M}."
    # A banned member cannot sign in to read a notification (and an inactive one is skipped
    # by notify()): email them directly instead.
    if kind == SanctionKind.BAN:
        transaction.on_commit(lambda: _email_banned(member, body))
    else:
        transaction.on_commit(
            lambda: notify(
                recipients=[member.pk], kind="moderation:sanction", title=titles[kind], body=body
            )
        )
    if case is not None:
        _resolve(case, actor, SANCTION_OUTCOME[kind], reason)
    return sanction


def _email_banned(member: Any, body: str) -> None:
    _email_directly(member, "Your Safety Hub account is banned", body)


def _email_directly(member: Any, subject: str, body: str) -> None:
    """Mail that must reach the member whatever their notification preferences."""
    from django.core.mail import send_mail

    if member.email:
        send_mail(subject, body, None, [member.email])


# Safeguarding -------------------------------------------------------------------------------


@transaction.atomic
def refer_anonymous_author(*, actor: Any, case: Case, reason: str) -> Case:
    """A moderator asks a safeguarding lead to consider a sanction on the author of an
    anonymous post. It makes a referral case that only safeguarding leads see; the moderator
    learns nothing about the author, and nothing anyone else can see changes."""
    _require_case_moderator(actor, case)
    if not about_anonymous_post(case):
        raise ValidationError(
            "This post is not anonymous: warn, suspend or ban its author on this page."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why; the safeguarding lead reads it."})
    target, kind = _target_kind(case)
    open_referral = _open_case_for(target, sources=[Source.REFERRAL])
    if open_referral is not None:
        raise ValidationError("This post's author is already referred to a safeguarding lead.")
    referral = Case.objects.create(
        target=target,
        member=kind.author_of(target),
        source=Source.REFERRAL,
        top_reason=case.top_reason,
        note=reason.strip(),
    )
    audit_record(
        action="moderation:anonymous:refer",
        actor=actor,
        target=referral,
        reason=reason.strip(),
        new={"case": case.pk, "kind": kind.label},
    )
    leads = [u for u in _queue_users("reveal_anonymous") if is_safeguarding_lead(u)]
    url = reverse("moderation:case", args=[referral.pk])
    label = kind.label.lower()
    transaction.on_commit(
        lambda: notify(
            recipients=[u.pk for u in leads],
            kind="moderation:referral",
            title=f"A moderator referred the author of an anonymous {label} to you",
            body="Decide whether to warn, suspend or ban them.",
            url=url,
            email=False,
            target=referral,
        )
    )
    return referral


def referral_for(case: Case) -> Case | None:
    """The referral made about this case's anonymous post, if any (the latest)."""
    if case.content_type_id is None or case.source == Source.REFERRAL:
        return None
    return (
        Case.objects.filter(
            content_type_id=case.content_type_id,
            object_id=case.object_id,
            source=Source.REFERRAL,
        )
        .order_by("-created", "-id")
        .first()
    )


@transaction.atomic
def reveal_author(*, actor: Any, target: models.Model, reason: str) -> Any:
    """The safeguarding lead learns who wrote an anonymous post. The reason goes to the audit
    log and the author is told that they were identified, and why."""
    if not is_safeguarding_lead(actor):
        raise PermissionDenied("Only a safeguarding lead can reveal an anonymous author.")
    if not reason.strip():
        raise ValidationError({"reason": "Give the safeguarding reason. It is recorded."})
    kind = registry.kind_for(target)
    if not kind.is_anonymous(target):
        raise ValidationError("This post is not anonymous.")
    author = kind.author_of(target)
    audit_record(
        action="moderation:anonymous:reveal",
        actor=actor,
        target=target,
        reason=reason.strip(),
        new={"kind": kind.label},
    )
    url = kind.url_of(target)
    title = "A safeguarding lead has seen that you wrote an anonymous post"
    body = f"The reason they gave: {reason.strip()}"
    transaction.on_commit(
        lambda: notify(
            recipients=[author.pk], kind="moderation:reveal", title=title, body=body, url=url
        )
    )
    # The author must be told whatever their notification preferences: email them as well.
    transaction.on_commit(lambda: _email_directly(author, title, body))
    return author


# Clearances (library items: the author's ticks, then the reviewer's) ------------------------


def cleared_tokens(target: models.Model, *, by_reviewer: bool) -> frozenset[str]:
    from .models import PiiClearance

    ct = ContentType.objects.get_for_model(target)
    return frozenset(
        PiiClearance.objects.filter(
            content_type=ct, object_id=target.pk, by_reviewer=by_reviewer
        ).values_list("token", flat=True)
    )


def record_clearances(
    *, actor: Any, target: models.Model, tokens: Iterable[str], by_reviewer: bool
) -> int:
    """Remember which findings were marked as not patient information (the caller has
    checked that the actor may: the author, or a reviewer). Returns how many are new."""
    from .models import PiiClearance

    ct = ContentType.objects.get_for_model(target)
    existing = cleared_tokens(target, by_reviewer=by_reviewer)
    new = sorted(set(tokens) - existing)
    PiiClearance.objects.bulk_create(
        PiiClearance(
            content_type=ct, object_id=target.pk, token=t, by=actor, by_reviewer=by_reviewer
        )
        for t in new
    )
    if new:
        audit_record(
            action="moderation:pii:clear",
            actor=actor,
            target=target,
            new={"findings": len(new), "by_reviewer": by_reviewer},
        )
    return len(new)


def audit_exported(*, actor: Any, filters: dict[str, Any]) -> None:
    """Exporting the audit log is itself recorded."""
    if not can_view_audit(actor):
        raise PermissionDenied("Only administrators can export the audit log.")
    audit_record(action="moderation:audit:export", actor=actor, new=dict(filters))
