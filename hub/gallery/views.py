from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from hub.core.params import page_param
from hub.core.ratelimit import rate_limit_hit
from hub.moderation import guard as pii_guard
from hub.taxonomy.models import Category
from hub.taxonomy.queries import tag_for_page

from . import permissions as perms
from . import queries, services
from .forms import BlurForm, DeclineForm, DetailsForm, HideForm, ModeratorEditForm, UploadForm
from .models import ErrorTrap, TrapStatus

PAGE_SIZE = 24
UPLOAD_RATE_LIMIT = 10  # photos per member per hour
UPLOAD_RATE_WINDOW = 3600


def _page(request: HttpRequest, traps):
    return Paginator(traps, PAGE_SIZE).get_page(page_param(request.GET.get("page")))


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            target = name if name in form.fields else None
            for each in errors:
                form.add_error(target, each.messages[0])
    else:
        for message in error.messages:
            form.add_error(None, message)


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "gallery/index.html",
        {
            "page": _page(request, queries.published_traps()),
            "categories": queries.gallery_categories(),
            "tags": queries.gallery_tags(),
        },
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    return render(
        request,
        "gallery/listing.html",
        {
            "heading": f"Error traps in {area.name}",
            "follow_target": area,
            "page": _page(request, queries.published_traps(category=area)),
        },
    )


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    the_tag = tag_for_page(viewer=request.user, slug=slug)
    if the_tag is None:
        raise Http404("No such tag")
    return render(
        request,
        "gallery/listing.html",
        {
            "heading": f"Error traps tagged “{the_tag.name}”",
            "follow_target": the_tag,
            "page": _page(request, queries.published_traps(tag=the_tag)),
        },
    )


def _upload_rate_exceeded(user) -> bool:
    return rate_limit_hit(
        key=f"gallery:upload:{user.pk}", limit=UPLOAD_RATE_LIMIT, window=UPLOAD_RATE_WINDOW
    )


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    status = 200
    if request.method == "POST" and form.is_valid():
        if _upload_rate_exceeded(request.user):
            form.add_error(None, "You have shared many photos this hour. Try again later.")
            status = 429
        else:
            try:
                trap = services.trap_upload(
                    actor=request.user,
                    upload=form.cleaned_data["photo"],
                    alt_text=form.cleaned_data["alt_text"],
                    consent=form.cleaned_data["consent"],
                )
            except ValidationError as error:
                if not hasattr(error, "error_dict"):
                    error = ValidationError({"photo": error.messages})
                _errors_to_form(form, error)
            else:
                messages.success(request, "Your photo is uploaded. Now say what could go wrong.")
                return redirect("gallery:details", pk=trap.pk)
    return render(request, "gallery/upload.html", {"form": form}, status=status)


@login_required
def details(request: HttpRequest, pk: int) -> HttpResponse:
    """The uploader's second step: the words about their photo, then off to the moderators."""
    trap = get_object_or_404(ErrorTrap, pk=pk, owner=request.user)
    if trap.status != TrapStatus.DRAFT:
        return redirect(trap)
    pii = None
    if request.method == "POST":
        form = DetailsForm(request.POST)
        if form.is_valid():
            try:
                trap = services.trap_submit(
                    actor=request.user,
                    trap=trap,
                    data=form.details(),
                    pii_false_alarms=pii_guard.false_alarms_from(request.POST),
                )
            except pii_guard.PersonalDataFound as found:
                form.add_error(None, found.messages)
                pii = found.guard
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(
                    request,
                    "Thank you. Your error trap is waiting for a moderator, who will check it "
                    "before anyone else can see it. You will hear when it is published.",
                )
                return redirect(trap)
    else:
        form = DetailsForm(initial={"alt_text": trap.alt_text})
    return render(request, "gallery/details.html", {"trap": trap, "form": form, "pii": pii})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "gallery/mine.html",
        {"page": _page(request, queries.my_traps(viewer=request.user))},
    )


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not perms.can_moderate(request.user):
        raise PermissionDenied("Only moderators review error traps.")
    return render(
        request,
        "gallery/review_queue.html",
        {"page": _page(request, queries.review_queue(viewer=request.user))},
    )


def _trap_or_404(request: HttpRequest, slug: str) -> ErrorTrap:
    trap = queries.trap_for_page(viewer=request.user, slug=slug)
    if trap is None:
        raise Http404("No such error trap")
    return trap


def trap_detail(request: HttpRequest, slug: str) -> HttpResponse:
    trap = _trap_or_404(request, slug)
    context = _page_context(request, trap)
    return render(request, "gallery/trap.html", context)


def _page_context(request: HttpRequest, trap: ErrorTrap, **forms) -> dict:
    can_moderate = perms.can_moderate(request.user)
    context = {
        "trap": trap,
        "author": services.author_name(trap),
        "is_owner": perms.is_owner(request.user, trap),
        "can_moderate": can_moderate,
        "page_description": (trap.caption or trap.hazard)[:200],
    }
    if can_moderate:
        context.update(
            blur_form=forms.get("blur_form") or BlurForm(),
            decline_form=forms.get("decline_form") or DeclineForm(),
            hide_form=forms.get("hide_form") or HideForm(),
        )
    return context


def _moderated_trap(request: HttpRequest, slug: str) -> ErrorTrap:
    if not perms.can_moderate(request.user):
        raise PermissionDenied("Only moderators can do this.")
    return _trap_or_404(request, slug)


@login_required
@require_POST
def blur(request: HttpRequest, slug: str) -> HttpResponse:
    trap = _moderated_trap(request, slug)
    form = BlurForm(request.POST)
    if form.is_valid():
        try:
            services.trap_blur(actor=request.user, trap=trap, regions=form.cleaned_data["regions"])
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            count = len(form.cleaned_data["regions"])
            messages.success(
                request,
                f"Blurred {count} area{'s' if count != 1 else ''}. The unblurred photo is deleted.",
            )
            return redirect(trap.get_absolute_url() + "#moderator-tools")
    context = _page_context(request, trap, blur_form=form)
    return render(request, "gallery/trap.html", context, status=400)


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    trap = _moderated_trap(request, slug)
    try:
        trap = services.trap_publish(actor=request.user, trap=trap)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Published. Everyone can now see this error trap.")
    return redirect(trap)


@login_required
@require_POST
def decline(request: HttpRequest, slug: str) -> HttpResponse:
    trap = _moderated_trap(request, slug)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.trap_decline(actor=request.user, trap=trap, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, "Declined. The uploader has been told why.")
            return redirect("gallery:review_queue")
    context = _page_context(request, trap, decline_form=form)
    return render(request, "gallery/trap.html", context, status=400)


@login_required
@require_POST
def hide(request: HttpRequest, slug: str) -> HttpResponse:
    trap = _moderated_trap(request, slug)
    hidden = request.POST.get("hidden") == "1"
    form = HideForm(request.POST) if hidden else None
    if form is not None and not form.is_valid():
        context = _page_context(request, trap, hide_form=form)
        return render(request, "gallery/trap.html", context, status=400)
    services.trap_set_hidden(
        actor=request.user,
        trap=trap,
        hidden=hidden,
        reason=form.cleaned_data["reason"] if form else "",
    )
    messages.success(request, "Hidden from everyone else." if hidden else "Shown again.")
    return redirect(trap)


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    trap = _moderated_trap(request, slug)
    if request.method == "POST":
        form = ModeratorEditForm(request.POST)
        if form.is_valid():
            try:
                trap = services.trap_edit(
                    actor=request.user,
                    trap=trap,
                    data=form.details(),
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, "Saved.")
                return redirect(trap)
    else:
        form = ModeratorEditForm(
            initial={
                "title": trap.title,
                "hazard": trap.hazard,
                "setting": trap.setting,
                "where_seen": trap.where_seen,
                "fix_ideas": trap.fix_ideas,
                "caption": trap.caption,
                "alt_text": trap.alt_text,
                "categories": [c.pk for c in trap.categories.all()],
                "tags": ", ".join(t.name for t in trap.tags.all()),
                "is_anonymous": trap.is_anonymous,
            }
        )
    return render(request, "gallery/edit.html", {"trap": trap, "form": form})


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    trap = get_object_or_404(ErrorTrap, pk=pk, owner=request.user)
    try:
        services.trap_delete(actor=request.user, trap=trap)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(trap)
    messages.success(request, "Your error trap and its photo are deleted.")
    return redirect("gallery:mine")


@require_GET
def image(request: HttpRequest, key: str, width: str, ext: str) -> FileResponse:
    """Serve one stored size of a picture to whoever may see its error trap."""
    trap = queries.trap_for_image(viewer=request.user, key=key)
    if trap is None or int(width) not in trap.image_widths or ext != trap.image_ext:
        raise Http404
    name = trap.storage_name(int(width))
    if not default_storage.exists(name):
        raise Http404
    response = FileResponse(
        default_storage.open(name, "rb"),
        content_type="image/png" if ext == "png" else "image/jpeg",
    )
    # Unpublished pictures are never kept by browsers or proxies: a moderator may still blur
    # them. A published one may be blurred later, so it is only cached briefly.
    response["Cache-Control"] = "public, max-age=600" if trap.is_published else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response
