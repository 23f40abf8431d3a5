"""Thin views: parse input, call one query or service, render in the viewer's time zone."""

import calendar as pycalendar
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hub.core.params import int_param, page_param
from hub.moderation import guard as pii_guard
from hub.networks.access import can_see_network_content
from hub.networks.models import Network
from hub.taxonomy.models import Category

from . import calendars, queries, recurrence, services
from . import permissions as perms
from .forms import CancelForm, EventForm, TimeZoneForm, initial_from
from .models import Event, EventFormat, EventStatus

PAGE_SIZE = 20


def _tz(request: HttpRequest) -> str:
    return queries.viewer_time_zone(viewer=request.user, requested=request.GET.get("tz", ""))


def _render(request: HttpRequest, template: str, context: dict, status: int = 200):
    """Render with every date shown in the viewer's time zone."""
    tz_name = context.setdefault("tz_name", _tz(request))
    with timezone.override(recurrence.zone(tz_name)):
        response = render(request, template, context, status=status)
    return response


def _event_or_404(request: HttpRequest, slug: str) -> Event:
    event = queries.event_for_page(viewer=request.user, slug=slug)
    if event is None:
        raise Http404("No such event")
    return event


# Lists -------------------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    fmt = request.GET.get("format", "")
    fmt = fmt if fmt in EventFormat.values else ""
    category = None
    if request.GET.get("category"):
        category = Category.objects.filter(slug=request.GET["category"]).first()
    sessions = queries.upcoming_sessions(viewer=request.user, format=fmt, category=category)
    page = Paginator(sessions, PAGE_SIZE).get_page(page_param(request.GET.get("page")))
    queries.page_counts(page.object_list, request.user)
    return _render(
        request,
        "events/index.html",
        {
            "page": page,
            "format": fmt,
            "formats": EventFormat.choices,
            "category": category,
            "query": urlencode(
                {
                    k: v
                    for k, v in {"format": fmt, "category": getattr(category, "slug", "")}.items()
                    if v
                }
            )
            + "&",
            "can_organise": perms.can_organise(request.user)
            or bool(request.user.is_authenticated and _stewarded_networks(request.user).exists()),
        },
    )


def past(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.past_events(viewer=request.user), PAGE_SIZE).get_page(
        page_param(request.GET.get("page"))
    )
    return _render(request, "events/past.html", {"page": page})


def month(request: HttpRequest) -> HttpResponse:
    tz_name = _tz(request)
    today = timezone.now().astimezone(recurrence.zone(tz_name)).date()
    year, month_number = today.year, today.month
    requested = request.GET.get("month", "")
    if requested:
        parts = requested.split("-")
        year = int_param(parts[0], minimum=1970, maximum=2100) if len(parts) == 2 else None
        month_number = int_param(parts[-1], minimum=1, maximum=12) if len(parts) == 2 else None
        if year is None or month_number is None:
            return _render(
                request,
                "events/month.html",
                {"bad_month": True, "weeks": [], "tz_name": tz_name},
                status=400,
            )
    weeks, count = queries.month_grid(
        viewer=request.user, year=year, month=month_number, tz_name=tz_name
    )
    previous = date(year - (month_number == 1), (month_number - 2) % 12 + 1, 1)
    following = date(year + (month_number == 12), month_number % 12 + 1, 1)
    return _render(
        request,
        "events/month.html",
        {
            "weeks": weeks,
            "count": count,
            "month_start": date(year, month_number, 1),
            "previous": previous,
            "following": following,
            "weekdays": list(pycalendar.day_name),
            "today": today,
            "tz_name": tz_name,
        },
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    preference = services.feed_token_ensure(actor=request.user)
    if request.method == "POST":
        form = TimeZoneForm(request.POST)
        if form.is_valid():
            services.calendar_preference_set(
                actor=request.user, time_zone=form.cleaned_data["time_zone"]
            )
            messages.success(request, "Your time zone is saved.")
            return redirect("events:mine")
    else:
        form = TimeZoneForm(initial={"time_zone": preference.time_zone})
    networks = Network.objects.filter(pk__in=queries._network_ids(request.user)).order_by("name")
    token = preference.feed_token
    network_feeds = [
        (network, reverse("events:network_feed", args=[token, network.slug]))
        for network in networks
    ]
    return _render(
        request,
        "events/mine.html",
        {
            "mine": queries.my_events(viewer=request.user),
            "form": form,
            "my_feed": reverse("events:my_feed", args=[token]),
            "network_feeds": network_feeds,
        },
    )


@login_required
@require_POST
def feed_token_regenerate(request: HttpRequest) -> HttpResponse:
    services.feed_token_regenerate(actor=request.user)
    messages.success(
        request, "Your private calendar links have changed. The old links no longer work."
    )
    return redirect(reverse("events:mine") + "#calendar-links")


# One event ---------------------------------------------------------------------------------


def detail_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    event = queries.event_by_id(viewer=request.user, pk=pk)
    if event is None:
        raise Http404("No such event")
    return redirect(event, permanent=False)


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    sessions = queries.event_sessions(viewer=request.user, event=event)
    registered = any(s.viewer_status == "confirmed" for s in sessions) or (
        queries.is_registered(viewer=request.user, event=event)
    )
    can_manage = perms.can_manage_event(request.user, event)
    writeup = None
    if event.writeup_id:
        from hub.library.permissions import can_view_item

        if event.writeup.is_published and can_view_item(request.user, event.writeup):
            writeup = event.writeup
    context = {
        "event": event,
        "rule": recurrence.Rule.of(event),
        "sessions": sessions,
        "registered": registered,
        "show_online_link": bool(event.online_url) and (registered or can_manage),
        "can_manage": can_manage,
        "can_register": perms.can_register(request.user, event),
        "writeup": writeup,
        "cancel_form": CancelForm() if can_manage else None,
        "is_past": event.last_end <= timezone.now(),
    }
    if can_manage and sessions:
        context["attendees"] = queries.attendees(event=event, start=sessions[0].start)
    return _render(request, "events/detail.html", context)


def _session_from(request: HttpRequest):
    return recurrence.parse_occurrence_key(request.POST.get("session", ""))


@login_required
@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    try:
        registration = services.registration_create(
            actor=request.user, event=event, start=_session_from(request)
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _message(error))
    else:
        if registration.status == "waiting":
            messages.info(
                request,
                "This session is full, so you are on the waiting list. If a place comes free "
                "it is yours, and we will tell you.",
            )
        else:
            messages.success(request, "You are registered. We will remind you the day before.")
    return redirect(event.get_absolute_url() + "#sessions")


@login_required
@require_POST
def unregister(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    try:
        services.registration_cancel(actor=request.user, event=event, start=_session_from(request))
    except ValidationError as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, "Your place is cancelled. Thank you for letting us know.")
    return redirect(request.POST.get("next") == "mine" and "events:mine" or event)


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or "You cannot do that."


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    allowed = queries.is_registered(viewer=request.user, event=event) or perms.can_manage_event(
        request.user, event
    )
    cal = calendars.calendar(
        [event], name=event.title, online_links_for={event.pk} if allowed else None
    )
    return calendars.ics_response(
        cal, filename=f"{event.slug}.ics", private=bool(event.network_id or allowed)
    )


# Organisers --------------------------------------------------------------------------------


def _stewarded_networks(user):
    from hub.library.queries import stewarded_network_ids
    from hub.networks.access import is_site_admin

    if is_site_admin(user):
        return Network.objects.all()
    return Network.objects.filter(pk__in=stewarded_network_ids(user))


def _network_from(request: HttpRequest):
    slug = request.GET.get("network")
    if not slug:
        return None
    network = Network.objects.filter(slug=slug).first()
    if network is None or not can_see_network_content(request.user, network.pk):
        raise Http404("No such network")
    return network


@login_required
def event_new(request: HttpRequest) -> HttpResponse:
    networks = _stewarded_networks(request.user)
    if not perms.can_organise(request.user) and not networks.exists():
        raise PermissionDenied(
            "Only the hub's editors, or a network's leaders and moderators, can add events."
        )
    pii = None
    if request.method == "POST":
        form = EventForm(request.POST, networks=networks)
        if form.is_valid():
            try:
                event = services.event_create(
                    actor=request.user,
                    data=form.to_data(),
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
            except ValidationError as error:
                form.add_service_errors(error.message_dict)
            except PermissionDenied as error:
                form.add_error("network" if "network" in form.fields else None, str(error))
            else:
                messages.success(request, "The event is saved.")
                return redirect(event)
    else:
        network = _network_from(request)
        form = EventForm(networks=networks, initial={"network": network.pk if network else None})
    return _form_page(request, form, None, pii)


@login_required
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    if not perms.can_manage_event(request.user, event):
        raise PermissionDenied("Only the event's organisers can change it.")
    if event.status == EventStatus.CANCELLED:
        messages.error(request, "This event is cancelled and can no longer be changed.")
        return redirect(event)
    networks = _stewarded_networks(request.user)
    if event.network_id:
        networks = networks | Network.objects.filter(pk=event.network_id)
    show_status = event.status == EventStatus.DRAFT
    pii = None
    if request.method == "POST":
        form = EventForm(request.POST, networks=networks, show_status=show_status)
        if form.is_valid():
            try:
                services.event_update(
                    actor=request.user,
                    event=event,
                    data=form.to_data(status=None if show_status else event.status),
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    form.add_service_errors(error.message_dict)
                else:
                    form.add_error(None, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "The event is updated.")
                return redirect(event)
    else:
        form = EventForm(initial=initial_from(event), networks=networks, show_status=show_status)
    return _form_page(request, form, event, pii)


def _form_page(request: HttpRequest, form: EventForm, event, pii) -> HttpResponse:
    """The event form; with the patient-data guard's findings (and 400) when it found some."""
    return _render(
        request,
        "events/form.html",
        {"form": form, "event": event, "pii": pii, "pii_no_review": True},
        status=400 if pii is not None else 200,
    )


@login_required
@require_POST
def event_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.event_cancel(
                actor=request.user, event=event, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, _message(error))
        else:
            messages.success(request, "The event is cancelled and everyone concerned is told.")
            return redirect(event)
    else:
        messages.error(request, " ".join(form.errors.get("reason", [])))
    return redirect(event.get_absolute_url() + "#manage")


@login_required
@require_POST
def occurrence_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    try:
        services.occurrence_cancel(
            actor=request.user,
            event=event,
            start=_session_from(request),
            reason=request.POST.get("reason", "")[:300],
        )
    except ValidationError as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, "That session is cancelled and the people registered are told.")
    return redirect(event.get_absolute_url() + "#sessions")


# Calendars ---------------------------------------------------------------------------------


@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    cal = calendars.calendar(queries.feed_events(), name="Safety Hub events")
    return calendars.ics_response(cal, filename="safety-hub-events.ics")


@require_GET
def category_feed(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    cal = calendars.calendar(
        queries.feed_events(category=category), name=f"Safety Hub events: {category.name}"
    )
    return calendars.ics_response(cal, filename=f"safety-hub-events-{category.slug}.ics")


@require_GET
def network_feed(request: HttpRequest, token: str, slug: str) -> HttpResponse:
    """A network's events for one of its members, through their private link."""
    member = queries.member_by_feed_token(token)
    network = Network.objects.filter(slug=slug).first()
    if member is None or network is None or not can_see_network_content(member, network.pk):
        raise Http404("No such calendar")
    cal = calendars.calendar(
        queries.network_feed_events(network=network), name=f"{network.name} events"
    )
    return calendars.ics_response(cal, filename=f"{network.slug}-events.ics", private=True)


@require_GET
def my_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The events a member registered for, with the joining links they are entitled to."""
    member = queries.member_by_feed_token(token)
    if member is None:
        raise Http404("No such calendar")
    mine = queries.my_events(viewer=member)
    confirmed = {s.event.pk for s in mine.upcoming if s.viewer_status == "confirmed"}
    sessions = [(s.event, s.start) for s in mine.upcoming if not s.cancelled]
    cal = calendars.calendar(
        [], name="My Safety Hub events", online_links_for=confirmed, sessions=sessions
    )
    return calendars.ics_response(cal, filename="my-events.ics", private=True)
