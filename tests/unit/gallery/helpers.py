"""Build error traps through the real services, in any state."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hub.gallery import services
from hub.gallery.models import ErrorTrap
from hub.gallery.services import TrapDetails
from hub.taxonomy.models import Category
from tests.unit.imagefiles import jpeg_with_gps


def photo(size=(1200, 900), colour=(40, 120, 200), fmt="JPEG", name="trap.jpg", **save):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt, **save)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def gps_photo(size=(1200, 900)) -> SimpleUploadedFile:
    return SimpleUploadedFile("IMG_0001.jpg", jpeg_with_gps(size=size), content_type="image/jpeg")


def details(**overrides) -> TrapDetails:
    values = dict(
        title="Look-alike insulin pens",
        hazard="Two insulin pens with near-identical grey packaging sit side by side.",
        fix_ideas="Store them on different shelves; add tall-man lettering.",
        setting="acute",
        where_seen="A ward medicines room",
        caption="Spot the difference.",
        alt_text="Two grey insulin pen boxes on a shelf",
        categories=[Category.objects.get(name="Medication")],
        tags=["insulin", "packaging"],
    )
    values.update(overrides)
    return TrapDetails(**values)


def draft_trap(owner, upload=None) -> ErrorTrap:
    return services.trap_upload(
        actor=owner, upload=upload or photo(), alt_text="Two grey insulin pen boxes", consent=True
    )


def pending_trap(owner, upload=None, **detail_overrides) -> ErrorTrap:
    trap = draft_trap(owner, upload)
    return services.trap_submit(actor=owner, trap=trap, data=details(**detail_overrides))


def published_trap(owner, moderator, upload=None, **detail_overrides) -> ErrorTrap:
    trap = pending_trap(owner, upload, **detail_overrides)
    return services.trap_publish(actor=moderator, trap=trap)
