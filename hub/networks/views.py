"""Network pages. Views parse input, call one service or query, and render.

Pages for members only answer 404 to signed-in non-members (and send visitors to sign in), so
they never reveal more than the overview does. Private unlisted networks answer 404 everywhere.
"""

from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hub.accounts.queries import profile_view
from hub.core.params import page_param
from hub.moderation import guard as pii_guard

from . import permissions as perms
from . import queries, sections, services
from .forms import DeclineForm, InviteForm, JoinRequestForm, NetworkForm, RemoveForm, RoleForm
from .models import Invitation, JoinRequest, MemberRole, NetworkKind
from .queries import NetworkPage

PAGE_SIZE = 50
LIST_SIZE = 20


def _page_or_404(request: HttpRequest, slug: str) -> NetworkPage:
    page = queries.network_for_page(request.user, slug)
    if page is None:
        raise Http404("No such network")
    return page


def _content_or_404(request: HttpRequest, slug: str) -> NetworkPage:
    page = _page_or_404(request, slug)
    if not page.can_see_content:
        raise Http404("Only members can see this network's content")
    return page


def _attempt(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """Run a service; show its rule-break message (ValidationError) or the success message."""
    try:
        action()
    except pii_guard.PersonalDataFound:
        raise  # the caller shows each finding in the form, with what was typed
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


def _paginate(request: HttpRequest, rows: Any, size: int = PAGE_SIZE):
    return Paginator(rows, size).get_page(page_param(request.GET.get("page")))


def _context(page: NetworkPage, **extra: Any) -> dict[str, Any]:
    members, organisations = queries.member_counts(page.network)
    return {
        "np": page,
        "network": page.network,
        "member_total": members,
        "organisation_total": organisations,
        **extra,
    }


# The directory ----------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    directory = queries.network_directory(request.user)
    return render(
        request,
        "networks/index.html",
        {
            "directory": directory,
            "invitation_count": queries.my_invitations(request.user).count()
            if request.user.is_authenticated
            else 0,
            "can_create": perms.can_create_network(request.user),
        },
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    perms.require(
        perms.can_create_network(request.user),
        "Only site administrators and staff create networks.",
    )
    form = NetworkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{network.name} is ready. You are its leader.")
            return redirect(network.get_absolute_url())
    return render(
        request,
        "networks/create.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


# One network ------------------------------------------------------------------------------


def _render_detail(
    request: HttpRequest,
    page: NetworkPage,
    join_form: JoinRequestForm | None = None,
    status=200,
    pii: pii_guard.Guard | None = None,
) -> HttpResponse:
    network = page.network
    extra: dict[str, Any] = {"pii": pii, "pii_no_review": True}
    zone = None
    if page.can_see_content:
        extra.update(
            discussions=queries.latest_discussions(request.user, network),
            resources=queries.latest_resources(request.user, network),
            sub_networks=queries.sub_networks_for(request.user, network, admin=page.is_site_admin),
            leaders=queries.network_leaders(network),
        )
        # Other apps' sections (e.g. upcoming events) add theirs: hub/networks/sections.py.
        section_context, zone = sections.page_context(request.user, network)
        extra.update(section_context)
    elif (
        network.kind == NetworkKind.BY_REQUEST
        and request.user.is_authenticated
        and page.pending_request is None
    ):
        extra["join_form"] = join_form or JoinRequestForm(network=network)
    # Event times are shown in the viewer's time zone, as on the events pages.
    with timezone.override(zone) if zone is not None else nullcontext():
        return render(request, "networks/detail.html", _context(page, **extra), status=status)


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_detail(request, _page_or_404(request, slug))


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    """Join an open network, or ask to join a by-request one."""
    page = _page_or_404(request, slug)
    network = page.network
    if network.kind == NetworkKind.BY_REQUEST and not page.is_member:
        form = JoinRequestForm(request.POST, network=network)
        if not form.is_valid():
            messages.error(request, "Please answer the question before you send your request.")
            return _render_detail(request, page, join_form=form, status=400)
        try:
            _attempt(
                request,
                lambda: services.request_create(
                    actor=request.user,
                    network=network,
                    answer=form.cleaned_data["answer"],
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                ),
                f"Your request to join {network.name} is with its leaders. We will tell you "
                "when they decide.",
            )
        except pii_guard.PersonalDataFound as found:
            form.add_error(None, found.messages)
            return _render_detail(request, page, join_form=form, status=400, pii=found.guard)
    else:
        _attempt(
            request,
            lambda: services.network_join(actor=request.user, network=network),
            f"Welcome to {network.name}.",
        )
    return redirect(network.get_absolute_url())


@login_required
@require_POST
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    page = _page_or_404(request, slug)
    if page.pending_request is None:
        messages.error(request, "You have no request waiting for this network.")
    else:
        _attempt(
            request,
            lambda: services.request_withdraw(
                actor=request.user, join_request=page.pending_request
            ),
            "Your request is withdrawn.",
        )
    return redirect(page.network.get_absolute_url())


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    page = _page_or_404(request, slug)
    left = _attempt(
        request,
        lambda: services.network_leave(actor=request.user, network=page.network),
        f"You have left {page.network.name}.",
    )
    if left and page.network.kind == NetworkKind.PRIVATE and not page.is_site_admin:
        return redirect("networks:index")
    return redirect(page.network.get_absolute_url())


@login_required
def discussions(request: HttpRequest, slug: str) -> HttpResponse:
    page = _content_or_404(request, slug)
    topics = _paginate(request, queries.discussions(request.user, page.network), LIST_SIZE)
    return render(request, "networks/discussions.html", _context(page, page_obj=topics))


@login_required
def resources(request: HttpRequest, slug: str) -> HttpResponse:
    page = _content_or_404(request, slug)
    items = _paginate(request, queries.resources(request.user, page.network), LIST_SIZE)
    return render(request, "networks/resources.html", _context(page, page_obj=items))


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    page = _content_or_404(request, slug)
    memberships = _paginate(
        request, queries.members_of(request.user, page.network, checked=True), PAGE_SIZE
    )
    rows = [(m, profile_view(viewer=request.user, member=m.user)) for m in memberships]
    return render(request, "networks/members.html", _context(page, page_obj=memberships, rows=rows))


# Managing ---------------------------------------------------------------------------------


def _manager_page(request: HttpRequest, slug: str) -> NetworkPage:
    page = _content_or_404(request, slug)
    if not page.can_manage:
        raise PermissionDenied(f"Only the leaders of {page.network.name} manage it.")
    return page


def _render_manage(
    request: HttpRequest, page: NetworkPage, invite_form: InviteForm | None = None, status=200
) -> HttpResponse:
    network = page.network
    memberships = _paginate(
        request, queries.members_of(request.user, network, checked=True), PAGE_SIZE
    )
    return render(
        request,
        "networks/manage.html",
        _context(
            page,
            requests=list(queries.pending_requests(request.user, network)),
            invitations=list(queries.pending_invitations(request.user, network)),
            invite_form=invite_form or InviteForm(),
            question=services.criteria_question(network),
            page_obj=memberships,
            roles=MemberRole.choices,
        ),
        status=status,
    )


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_manage(request, _manager_page(request, slug))


@login_required
@require_POST
def request_decide(request: HttpRequest, slug: str, pk: int, decision: str) -> HttpResponse:
    page = _manager_page(request, slug)
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("user", "network"), pk=pk, network=page.network
    )
    name = join_request.user.public_name
    if decision == "approve":
        _attempt(
            request,
            lambda: services.request_approve(actor=request.user, join_request=join_request),
            f"{name} is now a member. They have been told.",
        )
    elif decision == "decline":
        form = DeclineForm(request.POST)
        if form.is_valid():
            _attempt(
                request,
                lambda: services.request_decline(
                    actor=request.user,
                    join_request=join_request,
                    reason=form.cleaned_data["reason"],
                ),
                f"Declined. {name} has been told why.",
            )
        else:
            messages.error(request, "Give a reason: the person will be told why.")
    else:
        raise Http404
    return redirect("networks:manage", slug=page.network.slug)


@login_required
@require_POST
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    page = _manager_page(request, slug)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user, network=page.network, who=form.cleaned_data["who"]
            )
        except ValidationError as error:
            form.add_error("who", error)
        else:
            messages.success(request, services.invitation_sent_message(invitation))
            return redirect("networks:manage", slug=page.network.slug)
    messages.error(request, "The invitation was not sent: see the invitation form.")
    return _render_manage(request, page, invite_form=form, status=400)


@login_required
@require_POST
def invitation_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    page = _manager_page(request, slug)
    invitation = get_object_or_404(Invitation, pk=pk, network=page.network)
    _attempt(
        request,
        lambda: services.invitation_cancel(actor=request.user, invitation=invitation),
        "Invitation cancelled.",
    )
    return redirect("networks:manage", slug=page.network.slug)


def _member_or_404(page: NetworkPage, user_id: int):
    user = get_object_or_404(get_user_model(), pk=user_id)
    if not page.network.memberships.filter(user=user).exists():
        raise Http404("Not a member of this network")
    return user


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    page = _manager_page(request, slug)
    user = _member_or_404(page, user_id)
    form = RemoveForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _attempt(
        request,
        lambda: services.member_remove(
            actor=request.user, network=page.network, user=user, reason=reason
        ),
        f"{user.public_name} is no longer a member.",
    )
    if user.pk == request.user.pk and not page.is_site_admin:
        return redirect(page.network.get_absolute_url())
    return redirect("networks:manage", slug=page.network.slug)


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    page = _manager_page(request, slug)
    user = _member_or_404(page, user_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose leader, moderator or member.")
    else:
        role = form.cleaned_data["role"]
        _attempt(
            request,
            lambda: services.member_set_role(
                actor=request.user, network=page.network, user=user, role=role
            ),
            f"{user.public_name} is now a {MemberRole(role).label.lower()}.",
        )
    return redirect("networks:manage", slug=page.network.slug)


# The viewer's invitations -----------------------------------------------------------------


@login_required
def invitations(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "networks/invitations.html",
        {
            "invitations": list(queries.my_invitations(request.user)),
            "requests": list(queries.my_requests(request.user)),
        },
    )


@login_required
@require_POST
def invitation_answer(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("network"), pk=pk, invited_user=request.user
    )
    network = invitation.network
    if answer == "accept":
        if _attempt(
            request,
            lambda: services.invitation_accept(actor=request.user, invitation=invitation),
            f"Welcome to {network.name}.",
        ):
            return redirect(network.get_absolute_url())
    elif answer == "decline":
        _attempt(
            request,
            lambda: services.invitation_decline(actor=request.user, invitation=invitation),
            f"You declined the invitation to {network.name}.",
        )
    else:
        raise Http404
    return redirect("networks:invitations")
