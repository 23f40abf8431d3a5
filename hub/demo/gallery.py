"""The demo's error traps (content/error_traps.toml), uploaded, submitted and published through
the gallery's services, so the pictures (drawn by pictures.py) take the same path as a real
upload. Safe to run again: an error trap whose title already exists is skipped."""

import io
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from hub.gallery import services
from hub.gallery.models import ErrorTrap

from . import taxonomy
from .pictures import PICTURES
from .reader import Demo


def _png(image: Image.Image, title: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile(f"{title[:20]}.png", out.getvalue(), content_type="image/png")


@transaction.atomic
def load_error_traps(demo: Demo, stdout: Any = None) -> int:
    """Create the demo error traps; returns how many were new."""
    users = get_user_model().objects.filter(is_active=True)
    moderator = users.filter(username=demo.jobs["moderator"]).first()
    if moderator is None:
        return 0
    existing = set(ErrorTrap.objects.values_list("title", flat=True))
    created = 0
    for spec in demo.traps:
        owner = users.filter(username=spec["by"]).first()
        if spec["title"] in existing or owner is None:
            continue
        trap = services.trap_upload(
            actor=owner,
            upload=_png(PICTURES[spec["picture"]](), spec["title"]),
            alt_text=spec["alt_text"],
            consent=True,
        )
        trap = services.trap_submit(
            actor=owner,
            trap=trap,
            data=services.TrapDetails(
                title=spec["title"],
                hazard=spec["hazard"],
                fix_ideas=spec["fix_ideas"],
                setting=spec["setting"],
                where_seen=spec["where_seen"],
                caption=spec.get("caption", ""),
                alt_text=spec["alt_text"],
                categories=taxonomy.category_named(spec["category"]),
                tags=spec["tags"],
                is_anonymous=spec.get("anonymous", False),
            ),
        )
        if not spec.get("pending"):
            services.trap_publish(actor=moderator, trap=trap)
        created += 1
    if stdout is not None:
        stdout.write(f"Demo error traps ready: {created} new.\n")
    return created
