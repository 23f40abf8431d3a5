"""Reporting, the moderation queue, safeguarding reveal and the audit log. Thin views: the
rules live in services.py, the reads in queries.py."""

from __future__ import annotations

import csv
from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hub.core.params import page_param
from hub.core.richtext import RichTextField
from hub.core.templatetags.safety import public_time

from . import queries, registry, services
from .auth import is_banned
from .forms import (
    AuditFilterForm,
    NoteForm,
    QueueFilterForm,
    ReferForm,
    ReportForm,
    RevealForm,
    SanctionForm,
    SuspendForm,
)
from .models import Case, CaseStatus, Source

PAGE_SIZE = 25
AUDIT_PAGE_SIZE = 50
CSV_LIMIT = 100_000


def _target_or_404(request: HttpRequest, ct: int, pk: int) -> Any:
    content_type = ContentType.objects.filter(pk=ct).first()
    model = content_type.model_class() if content_type else None
    if model is None or not registry.is_registered(model):
        raise Http404("Nothing to report here")
    target = model._default_manager.filter(pk=pk).first()
    if target is None or not registry.kind_for(target).can_view(request.user, target):
        raise Http404("Nothing to report here")
    return target


def _errors(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# Reporting ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def report_content(request: HttpRequest, ct: int, pk: int) -> HttpResponse:
    target = _target_or_404(request, ct, pk)
    kind = registry.kind_for(target)
    status = 200
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.report_content(
                    actor=request.user,
                    target=target,
                    reason=form.cleaned_data["reason"],
                    details=form.cleaned_data["details"],
                )
            except ValidationError as error:
                _errors(form, error)
                status = 429 if services.REPORT_RATE_MESSAGE in error.messages else 400
            except PermissionDenied as error:
                raise Http404(str(error)) from None
            else:
                messages.success(
                    request,
                    "Thank you. A moderator will look at it, and we will tell you what "
                    "they decide.",
                )
                return redirect(kind.url_of(target) or "core:home")
    return render(
        request,
        "moderation/report.html",
        {
            "form": form,
            "kind": kind,
            "back": kind.url_of(target),
            "can_reveal": services.is_safeguarding_lead(request.user) and kind.is_anonymous(target),
            "reveal_url": reverse("moderation:reveal", args=[ct, pk]),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_member(request: HttpRequest, username: str) -> HttpResponse:
    member = get_object_or_404(get_user_model(), username=username, is_active=True)
    status = 200
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.report_member(
                    actor=request.user,
                    member=member,
                    reason=form.cleaned_data["reason"],
                    details=form.cleaned_data["details"],
                )
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, "Thank you. A moderator will look at your report.")
                return redirect(member.get_absolute_url())
    return render(
        request, "moderation/report_member.html", {"form": form, "member": member}, status=status
    )


# Safeguarding -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def reveal(request: HttpRequest, ct: int, pk: int) -> HttpResponse:
    if not services.is_safeguarding_lead(request.user):
        raise PermissionDenied("Only a safeguarding lead can do this.")
    target = _target_or_404(request, ct, pk)
    kind = registry.kind_for(target)
    form = RevealForm(request.POST or None)
    author = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                author = services.reveal_author(
                    actor=request.user, target=target, reason=form.cleaned_data["reason"]
                )
                status = 200
            except ValidationError as error:
                _errors(form, error)
    return render(
        request,
        "moderation/reveal.html",
        {"form": form, "kind": kind, "back": kind.url_of(target), "author": author},
        status=status,
    )


# The queue ----------------------------------------------------------------------------------


def _require_moderator(request: HttpRequest) -> None:
    if not services.can_use_queue(request.user):
        raise PermissionDenied("Only moderators can see the moderation queue.")


def _kind_choices() -> list[tuple[str, str]]:
    return [(m._meta.label_lower, registry.kind_for(m).label) for m in registry.registered_models()]


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    filters = QueueFilterForm(
        request.GET or None,
        kinds=_kind_choices(),
        referrals=services.is_safeguarding_lead(request.user),
    )
    wanted = filters.cleaned_data if filters.is_valid() else {}
    if wanted.get("status") == "all":
        wanted = {**wanted, "status": "any"}
    cases = queries.case_queue(viewer=request.user, filters=wanted)
    page = Paginator(cases, PAGE_SIZE).get_page(page_param(request.GET.get("page")))
    labels = {m: registry.kind_for(m).label for m in registry.registered_models()}
    for case in page.object_list:
        model = case.content_type.model_class() if case.content_type_id else None
        case.kind_label = labels.get(model, "Member") if model else "Member"
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "moderation/queue.html",
        {"page": page, "filters": filters, "query": query.urlencode()},
    )


def _edit_form(fields: dict[str, str], rich: frozenset[str], data=None) -> forms.Form:
    form = forms.Form(data, initial=fields)
    for name in fields:
        label = name.replace("_", " ").capitalize()
        if name in rich:
            form.fields[name] = RichTextField(label=label, required=False)
        elif name == "title":
            form.fields[name] = forms.CharField(label=label, max_length=300)
        else:  # plain text: stays plain text (a summary is not HTML)
            form.fields[name] = forms.CharField(
                label=label,
                max_length=5000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
    form.fields["note"] = forms.CharField(
        label="What did you change, and why?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The author is told.",
    )
    return form


CASE_ACTIONS = ("approve", "hide", "edit", "warn", "suspend", "ban", "refer")


@login_required
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_moderator(request)
    case = get_object_or_404(Case.objects.select_related("content_type", "member"), pk=pk)
    if not services.can_see_case(request.user, case):
        # The same answer whether the case exists or not: its kind, reason and time are
        # private to those who may see its content.
        raise Http404("No such case")
    target = case.target
    kind = registry.kind_for(target) if target is not None else None
    fields = kind.fields_of(target) if kind else {}
    user = request.user
    can_decide = services.can_moderate_case(user, case)
    anonymous = services.about_anonymous_post(case)
    lead = services.is_safeguarding_lead(user)
    rich = kind.rich_fields if kind else frozenset()
    note_form = NoteForm(prefix="note")
    edit_form = _edit_form(fields, rich) if fields and can_decide else None
    suspend_form = SuspendForm(prefix="suspend")
    sanction_form = SanctionForm(prefix="sanction")
    refer_form = ReferForm(prefix="refer")
    status = 200
    if request.method == "POST" and case.status == CaseStatus.OPEN:
        action = request.POST.get("action", "")
        if action not in CASE_ACTIONS:
            raise Http404("No such action")
        status = 400
        try:
            if action in ("approve", "hide"):
                note_form = NoteForm(request.POST, prefix="note")
                if note_form.is_valid():
                    verb = services.case_approve if action == "approve" else services.case_hide
                    verb(actor=request.user, case=case, note=note_form.cleaned_data["note"])
                    status = 302
            elif action == "edit" and edit_form is not None:
                edit_form = _edit_form(fields, rich, request.POST)
                if edit_form.is_valid():
                    data = dict(edit_form.cleaned_data)
                    note = data.pop("note")
                    services.case_edit(actor=request.user, case=case, fields=data, note=note)
                    status = 302
            elif action == "suspend":
                suspend_form = SuspendForm(request.POST, prefix="suspend")
                if suspend_form.is_valid():
                    until = timezone.make_aware(
                        datetime.combine(suspend_form.cleaned_data["until"], time.min)
                    )
                    services.member_suspend(
                        actor=request.user,
                        member=case.member,
                        until=until,
                        reason=suspend_form.cleaned_data["reason"],
                        case=case,
                    )
                    status = 302
            elif action in ("warn", "ban"):
                sanction_form = SanctionForm(request.POST, prefix="sanction")
                if sanction_form.is_valid():
                    verb = services.member_warn if action == "warn" else services.member_ban
                    verb(
                        actor=request.user,
                        member=case.member,
                        reason=sanction_form.cleaned_data["reason"],
                        case=case,
                    )
                    status = 302
            elif action == "refer":
                refer_form = ReferForm(request.POST, prefix="refer")
                if refer_form.is_valid():
                    services.refer_anonymous_author(
                        actor=request.user, case=case, reason=refer_form.cleaned_data["reason"]
                    )
                    status = 302
        except ValidationError as error:
            form = {
                "approve": note_form,
                "hide": note_form,
                "edit": edit_form,
                "refer": refer_form,
                "suspend": suspend_form,
            }.get(action, sanction_form)
            _errors(form, error)
        except PermissionDenied as error:
            messages.error(request, str(error))
            status = 403
        if status == 302:
            if action == "refer":
                messages.success(request, "Referred. A safeguarding lead will decide.")
            else:
                messages.success(request, "Done. The people involved are told.")
            return redirect("moderation:queue")
    # Whether the author can still be sanctioned (say, not banned already) says something
    # about who they are: for an anonymous post only a safeguarding lead is shown it.
    if anonymous:
        # A ban on an anonymous author leaves the account active (it is quiet): ask the ban.
        can_sanction = (
            lead
            and case.member_id is not None
            and case.member.is_active
            and not is_banned(case.member)
        )
    else:
        can_sanction = can_decide and case.member_id is not None and case.member.is_active
    referral = services.referral_for(case) if anonymous else None
    return render(
        request,
        "moderation/case.html",
        {
            "case": case,
            "target": target,
            "kind": kind,
            # Plain text is escaped by the template; rich text goes through the sanitiser.
            "fields": [
                (name.replace("_", " "), value, name in rich) for name, value in fields.items()
            ],
            "url": kind.url_of(target) if kind else "",
            "anonymous": anonymous,
            "reports": case.reports.select_related("reporter"),
            "note_form": note_form,
            "edit_form": edit_form,
            "suspend_form": suspend_form,
            "sanction_form": sanction_form,
            "refer_form": refer_form,
            "can_decide": can_decide,
            "can_decide_referral": case.source == Source.REFERRAL and lead,
            "can_sanction": can_sanction,
            "can_refer": anonymous and can_decide and referral is None,
            "referral": referral,
            "reveal_url": (
                reverse("moderation:reveal", args=[case.content_type_id, case.object_id])
                if anonymous and lead and target is not None
                else ""
            ),
        },
        status=status,
    )


# The audit log ------------------------------------------------------------------------------


def _require_audit(request: HttpRequest) -> None:
    if not services.can_view_audit(request.user):
        raise PermissionDenied("Only administrators can see the audit log.")


def _audit_filters(request: HttpRequest) -> tuple[AuditFilterForm, dict[str, Any]]:
    form = AuditFilterForm(request.GET or None)
    return form, (form.cleaned_data if form.is_valid() else {})


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    _require_audit(request)
    form, filters = _audit_filters(request)
    page = Paginator(queries.audit_entries(filters=filters), AUDIT_PAGE_SIZE).get_page(
        page_param(request.GET.get("page"))
    )
    queries.mask_anonymous_authors(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "moderation/audit.html",
        {"page": page, "filters": form, "query": query.urlencode()},
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    _require_audit(request)
    _, filters = _audit_filters(request)
    entries = queries.audit_entries(filters=filters)[:CSV_LIMIT]
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(
            ["when", "action", "who", "target type", "target id", "target", "why", "old", "new"]
        )
        chunk: list = []
        for entry in entries.iterator(chunk_size=500):
            chunk.append(entry)
            if len(chunk) == 500:
                yield from _csv_rows(writer, chunk)
                chunk = []
        yield from _csv_rows(writer, chunk)

    services.audit_exported(actor=request.user, filters=filters)
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    return response


def _csv_safe(value: str) -> str:
    # Spreadsheet formula injection: a cell starting with = + - @ is read as a formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv_rows(writer, entries: list) -> list[str]:
    queries.mask_anonymous_authors(entries)
    out = []
    for e in entries:
        out.append(
            writer.writerow(
                [
                    timezone.localtime(public_time(e)).isoformat(),
                    e.action,
                    e.shown_actor,
                    e.target_type,
                    e.target_id,
                    _csv_safe(e.target_repr),
                    _csv_safe(e.shown_reason),
                    _csv_safe(e.shown_old),
                    _csv_safe(e.shown_new),
                ]
            )
        )
    return out
