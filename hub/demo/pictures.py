"""The demo's error-trap pictures, drawn with Pillow when the demo loads (nothing downloaded,
no image files kept). content/error_traps.toml names each by its key in PICTURES."""

from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont

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


PICTURES: dict[str, Callable[[], Image.Image]] = {
    "look_alike_pens": _look_alike_pens,
    "gas_outlets": _gas_outlets,
    "pump_keypad": _pump_keypad,
    "trailing_cables": _trailing_cables,
    "sound_alike_shelf": _sound_alike_shelf,
    "unlocked_cupboard": _unlocked_cupboard,
}
