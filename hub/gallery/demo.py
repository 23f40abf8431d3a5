"""The embedded demo's error traps, drawn with Pillow when the demo loads (nothing downloaded).

Demo only: `manage.py load_demo` calls this after the demo members and the library exist.
Everything goes through the services, so the pictures take the same path as a real upload.
Safe to run again: an error trap whose title already exists is skipped.
"""

import io
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from hub.taxonomy.models import Category

from . import services
from .models import ErrorTrap

WIDTH, HEIGHT = 1200, 900


def _font(size: int):
    return ImageFont.load_default(size=size)


def _canvas(background=(236, 233, 226)) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 640, WIDTH, HEIGHT), fill=(196, 188, 176))  # a shelf or worktop
    return image, draw


def _box(draw, x, y, label, sub, colour=(160, 164, 170)):
    draw.rounded_rectangle((x, y, x + 360, y + 480), radius=18, fill=colour, outline=(90, 90, 90))
    draw.text((x + 30, y + 60), label, font=_font(52), fill=(30, 30, 30))
    draw.text((x + 30, y + 140), sub, font=_font(40), fill=(40, 40, 40))


def _look_alike_pens() -> Image.Image:
    image, draw = _canvas()
    _box(draw, 180, 170, "INSULIN", "100 units/ml")
    _box(draw, 660, 170, "INSULIN", "300 units/ml")
    return image


def _gas_outlets() -> Image.Image:
    image, draw = _canvas((220, 226, 230))
    for x, label, ring in ((330, "O2", (240, 240, 240)), (870, "AIR", (40, 40, 40))):
        draw.ellipse((x - 170, 250, x + 170, 590), fill=ring, outline=(80, 80, 80), width=6)
        draw.ellipse((x - 60, 360, x + 60, 480), fill=(120, 120, 120))
        draw.text((x - 50, 160), label, font=_font(64), fill=(20, 20, 20))
    return image


def _pump_keypad() -> Image.Image:
    image, draw = _canvas((210, 214, 222))
    draw.rounded_rectangle((300, 80, 900, 820), radius=30, fill=(60, 64, 72))
    draw.rectangle((350, 120, 850, 240), fill=(170, 210, 170))
    draw.text((380, 150), "10.0 ml/h", font=_font(64), fill=(20, 40, 20))
    keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "0", "OK"]
    for i, key in enumerate(keys):
        x, y = 360 + (i % 3) * 165, 280 + (i // 3) * 130
        draw.rounded_rectangle((x, y, x + 140, y + 105), radius=12, fill=(225, 225, 225))
        draw.text((x + 45, y + 25), key, font=_font(48), fill=(20, 20, 20))
    return image


def _trailing_cables() -> Image.Image:
    image, draw = _canvas((232, 228, 240))
    draw.rectangle((80, 300, 640, 560), fill=(250, 250, 250), outline=(120, 120, 120), width=4)
    for offset, colour in ((0, (30, 30, 30)), (40, (200, 60, 40)), (80, (40, 80, 200))):
        points = [(600, 560 + offset // 4), (760, 700 + offset), (900, 660), (1120, 820 - offset)]
        draw.line(points, fill=colour, width=14, joint="curve")
    return image


def _sound_alike_shelf() -> Image.Image:
    image, draw = _canvas()
    _box(draw, 180, 170, "hydrOXYzine", "25 mg", colour=(210, 220, 235))
    _box(draw, 660, 170, "hydrALAzine", "25 mg", colour=(210, 220, 235))
    return image


def _unlocked_cupboard() -> Image.Image:
    image, draw = _canvas((226, 222, 214))
    draw.rectangle((300, 100, 900, 760), fill=(180, 150, 110), outline=(90, 70, 40), width=6)
    draw.rectangle((600, 100, 900, 760), fill=(120, 95, 60))
    for y in (220, 420, 600):
        draw.rounded_rectangle((340, y, 420, y + 120), radius=10, fill=(230, 60, 60))
        draw.rounded_rectangle((450, y + 20, 520, y + 120), radius=10, fill=(240, 200, 40))
    return image


# One dict per error trap: its uploader ("by"), a drawing, and the words the uploader writes.
TRAPS: list[dict[str, Any]] = [
    {
        "title": "Look-alike insulin strengths",
        "by": "kofi",
        "draw": _look_alike_pens,
        "hazard": "Two strengths of insulin come in near-identical grey boxes and sit side by "
        "side. Picking the 300 units/ml box instead of the 100 units/ml one could triple a "
        "dose.",
        "fix_ideas": "Store the strengths on different shelves; add a bright shelf label for "
        "the high-strength one; ask the supplier for distinct packaging.",
        "setting": "acute",
        "where_seen": "A ward medicines room",
        "caption": "Spot the difference at 3 a.m.",
        "alt_text": "Two grey boxes labelled INSULIN, one 100 units/ml and one 300 units/ml, "
        "side by side on a shelf",
        "category": "Medication",
        "tags": ["insulin", "look-alike packaging"],
    },
    {
        "title": "Oxygen and medical air outlets next to each other",
        "by": "aisha",
        "draw": _gas_outlets,
        "hazard": "Oxygen and medical air wall outlets are side by side with small labels. A "
        "flowmeter plugged into the air outlet gives no oxygen to a patient who needs it.",
        "fix_ideas": "Cap air outlets when they are not needed; colour-coded collars; check the "
        "outlet at every bedside safety check.",
        "setting": "acute",
        "where_seen": "Above a bed in a general ward",
        "alt_text": "Two round wall gas outlets, one white labelled O2 and one black labelled AIR",
        "category": "Equipment and facilities",
        "tags": ["oxygen", "medical gases"],
    },
    {
        "title": "Decimal point next to zero on a pump keypad",
        "by": "dev",
        "draw": _pump_keypad,
        "hazard": "The decimal point key sits right beside the zero, so 10.0 can easily become "
        "100 with one slip, a tenfold infusion rate.",
        "fix_ideas": "Use pumps with dose limits (smart pumps); independent double checks for "
        "high-risk infusions; report the design to the manufacturer.",
        "setting": "acute",
        "where_seen": "An infusion pump on a surgical ward",
        "alt_text": "An infusion pump keypad showing 10.0 ml/h, with the decimal point key "
        "beside the zero key",
        "category": "Design for safety",
        "tags": ["infusion pumps", "human factors"],
    },
    {
        "title": "Cables trailing across the floor by the bed",
        "by": "grace",
        "draw": _trailing_cables,
        "hazard": "Power and monitor cables loop across the walkway beside the bed, a trip "
        "hazard for patients getting up at night and for staff in a hurry.",
        "fix_ideas": "Fit sockets on the bed side of the bay; use cable covers; include cables "
        "in the falls check.",
        "setting": "community",
        "where_seen": "A bay in a community hospital",
        "alt_text": "A bed with three cables, black, red and blue, trailing across the floor",
        "category": "Equipment and facilities",
        "tags": ["falls", "trip hazards"],
        "anonymous": True,
    },
    {
        "title": "Sound-alike medicines stored together",
        "by": "niamh",
        "draw": _sound_alike_shelf,
        "hazard": "Hydroxyzine and hydralazine, same strength, same box colour, stored next to "
        "each other in alphabetical order.",
        "fix_ideas": "Tall-man lettering on shelf labels; separate the pair; flag the pair in "
        "the e-prescribing system.",
        "setting": "pharmacy",
        "where_seen": "A hospital pharmacy dispensary",
        "alt_text": "Two light blue boxes labelled hydrOXYzine 25 mg and hydrALAzine 25 mg",
        "category": "Medication",
        "tags": ["look-alike packaging", "sound-alike names"],
        "anonymous": True,
    },
    {
        "title": "Cleaning chemicals in an unlocked cupboard",
        "by": "claire",
        "draw": _unlocked_cupboard,
        "hazard": "Cleaning chemicals in an unlocked cupboard by the day room, where a confused "
        "patient could drink them.",
        "fix_ideas": "Keep COSHH cupboards locked; a self-closing door; check at every shift.",
        "setting": "mental_health",
        "where_seen": "A corridor on an older people's mental health ward",
        "alt_text": "An open wooden cupboard with red and yellow bottles of cleaning products",
        "category": "Equipment and facilities",
        "tags": ["COSHH", "dementia"],
        "anonymous": True,
        "pending": True,  # waits in the moderators' review queue
    },
]


def _png(image: Image.Image, title: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile(f"{title[:20]}.png", out.getvalue(), content_type="image/png")


@transaction.atomic
def load_gallery_demo(stdout: Any = None) -> int:
    """Create the demo error traps; returns how many were new."""
    users = get_user_model().objects.filter(is_active=True)
    moderator = users.filter(username="moderator").first()
    if moderator is None:
        return 0
    existing = set(ErrorTrap.objects.values_list("title", flat=True))
    created = 0
    for spec in TRAPS:
        owner = users.filter(username=spec["by"]).first()
        if spec["title"] in existing or owner is None:
            continue
        trap = services.trap_upload(
            actor=owner,
            upload=_png(spec["draw"](), spec["title"]),
            alt_text=spec["alt_text"],
            consent=True,
        )
        category = Category.objects.filter(name=spec["category"]).first()
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
                categories=[category] if category else [],
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
