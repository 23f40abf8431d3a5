from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hub.core.params import page_param
from hub.moderation import guard as pii_guard

from . import authored, queries, services
from .cards import member_card
from .forms import AvatarForm, DeleteAccountForm, DirectoryFilterForm, ProfileForm


def profile(request: HttpRequest, username: str) -> HttpResponse:
    member = queries.member_for_profile(username=username)
    if member is None:
        raise Http404("No such member")
    view = queries.profile_view(viewer=request.user, member=member)
    return render(request, "accounts/profile.html", {"profile": view, "member": member})


@login_required
def profile_me(request: HttpRequest) -> HttpResponse:
    return redirect("accounts:profile", username=request.user.username)


def _profile_initial(member) -> dict:
    initial = {field: getattr(member, field) for field in services.PROFILE_FIELDS}
    initial["organisation_name"] = member.organisation.name if member.organisation else ""
    initial["organisation_kind"] = member.organisation.kind if member.organisation else "other"
    return initial


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    member = request.user
    pii = None
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.profile_update(
                    actor=member,
                    member=member,
                    data=form.cleaned_data,
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
                status = 400
            else:
                messages.success(request, "Your profile is saved.")
                return redirect("accounts:profile", username=member.username)
        if pii is None:
            messages.error(request, "Please correct the highlighted fields. Nothing was saved yet.")
    else:
        form = ProfileForm(initial=_profile_initial(member))
    return render(
        request,
        "accounts/profile_edit.html",
        {
            "form": form,
            "avatar_form": AvatarForm(),
            "organisations": queries.organisation_names(viewer=request.user),
            "pii": pii,
            "pii_no_review": True,
        },
        status=status,
    )


@login_required
@require_POST
def avatar_upload(request: HttpRequest) -> HttpResponse:
    form = AvatarForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.avatar_set(
                actor=request.user, member=request.user, upload=form.cleaned_data["avatar"]
            )
        except ValidationError as error:
            form.add_error("avatar", error)
        else:
            messages.success(request, "Your picture is updated.")
            return redirect("accounts:profile_edit")
    return render(
        request,
        "accounts/profile_edit.html",
        {
            "form": ProfileForm(initial=_profile_initial(request.user)),
            "avatar_form": form,
            "organisations": queries.organisation_names(viewer=request.user),
        },
        status=400,
    )


@login_required
@require_POST
def avatar_remove(request: HttpRequest) -> HttpResponse:
    services.avatar_remove(actor=request.user, member=request.user)
    messages.success(request, "Your picture is removed.")
    return redirect("accounts:profile_edit")


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    members = queries.member_directory(viewer=request.user, filters=filters)
    page = Paginator(members, 20).get_page(page_param(request.GET.get("page")))
    profiles = [queries.profile_view(viewer=request.user, member=m) for m in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/directory.html",
        {
            "form": form,
            "page": page,
            "profiles": profiles,
            "cards": [member_card(profile) for profile in profiles],
            "query": query.urlencode(),
        },
    )


@login_required
@reauthentication_required
def account_delete(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=request.user)
        if form.is_valid():
            services.account_request_deletion(
                actor=request.user, member=request.user, reason=form.cleaned_data["reason"]
            )
            logout(request)
            messages.success(
                request,
                "Your account is closed. Your personal details will be erased; we have sent a "
                "confirmation to your email address.",
            )
            return redirect("core:home")
    else:
        form = DeleteAccountForm(user=request.user)
    return render(request, "accounts/delete.html", {"form": form})


@login_required
def my_posts(request: HttpRequest) -> HttpResponse:
    """Everything the member has shared, anonymous posts included: only they see this page.

    Each content kind supplies its own list through hub.accounts.authored."""
    return render(request, "accounts/my_posts.html", authored.written_by(member=request.user))
