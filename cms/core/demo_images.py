"""Illustrations for the demo, drawn with Pillow when the demo loads: flat shapes in each site's
colours, no text, no photos of anyone. Nothing is shipped: the same name and motif always give
the same picture, so the demo looks the same on every machine.

A demo data file names a motif (`MOTIFS`) and the alt text that says what the drawing shows;
`ensure_illustration` makes it a Wagtail image once and finds it again on the next load."""

import io
import math
import random

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as Canvas
from PIL import ImageDraw
from wagtail.images import get_image_model

# Drawn at twice the size, then scaled down: smooth edges without antialiasing primitives.
SCALE = 2
WIDE = (960, 540)
SQUARE = (480, 480)

INK = "#2b1650"
PALETTES = {
    "purple": ("#efe6fb", "#5a2aa0", "#35d0ba", "#ffe36e"),
    "teal": ("#dff7f2", "#1f8f7e", "#5a2aa0", "#ffe36e"),
    "yellow": ("#fff6cc", "#e0a100", "#5a2aa0", "#ff8fb1"),
    "pink": ("#ffe6ee", "#d9477a", "#35d0ba", "#ffe36e"),
    "blue": ("#e3efff", "#2f6fd6", "#ffe36e", "#35d0ba"),
    "green": ("#e4f7e2", "#3d9a4a", "#ffe36e", "#5a2aa0"),
    "orange": ("#ffeede", "#e56b1f", "#5a2aa0", "#35d0ba"),
}
SKIN = ("#f6d2b8", "#e0ac85", "#c68857", "#8d5a3b", "#5c3a24")
HAIR = {"black": "#1d1620", "brown": "#5a3520", "auburn": "#8e3b1f", "blond": "#d9b35c"}


class Sketch:
    """A canvas addressed in fractions of its width and height, so motifs fit any size."""

    def __init__(self, size, background, seed):
        self.width, self.height = size[0] * SCALE, size[1] * SCALE
        self.image = Canvas.new("RGB", (self.width, self.height), background)
        self.draw = ImageDraw.Draw(self.image)
        self.random = random.Random(seed)

    def at(self, x, y):
        return (x * self.width, y * self.height)

    def box(self, x0, y0, x1, y1):
        return [*self.at(x0, y0), *self.at(x1, y1)]

    def circle(self, x, y, r, fill, outline=None):
        # r is a fraction of the height, so circles stay round on a wide canvas.
        cx, cy = self.at(x, y)
        radius = r * self.height
        width = round(0.012 * self.height) if outline else 0
        self.draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius],
            fill=fill,
            outline=outline,
            width=width,
        )

    def rect(self, x0, y0, x1, y1, fill, radius=0.0):
        self.draw.rounded_rectangle(self.box(x0, y0, x1, y1), radius * self.height, fill=fill)

    def polygon(self, points, fill):
        self.draw.polygon([self.at(x, y) for x, y in points], fill=fill)

    def line(self, points, fill, width=0.02):
        self.draw.line(
            [self.at(x, y) for x, y in points], fill=fill, width=round(width * self.height)
        )

    def blobs(self, colours, count=6):
        """Soft round shapes behind the motif, different for each picture."""
        for _ in range(count):
            x, y = self.random.uniform(0, 1), self.random.uniform(0, 1)
            self.circle(x, y, self.random.uniform(0.08, 0.3), self.random.choice(colours))

    def png(self, size):
        small = self.image.resize(size, Canvas.Resampling.LANCZOS)
        out = io.BytesIO()
        small.save(out, "PNG")
        return out.getvalue()


def _mix(colour, other, share):
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


# Topic motifs: one object in the middle of a wide card.


def _school(s, p):
    s.polygon([(0.3, 0.35), (0.5, 0.42), (0.5, 0.8), (0.3, 0.73)], "#ffffff")
    s.polygon([(0.7, 0.35), (0.5, 0.42), (0.5, 0.8), (0.7, 0.73)], _mix(p[0], "#ffffff", 0.4))
    s.line([(0.5, 0.42), (0.5, 0.8)], p[1], 0.015)
    for step in (0.5, 0.57, 0.64):
        s.line([(0.33, step - 0.03), (0.47, step + 0.02)], p[1], 0.012)
    s.line([(0.66, 0.2), (0.78, 0.62)], p[3], 0.07)
    s.polygon([(0.757, 0.63), (0.803, 0.61), (0.79, 0.7)], INK)


def _work(s, p):
    s.rect(0.44, 0.25, 0.56, 0.42, p[1], 0.04)
    s.rect(0.46, 0.3, 0.54, 0.42, p[0])
    s.rect(0.32, 0.36, 0.68, 0.78, p[1], 0.06)
    s.rect(0.32, 0.5, 0.68, 0.54, _mix(p[1], INK, 0.3))
    s.rect(0.47, 0.47, 0.53, 0.58, p[3], 0.015)


def _money(s, p):
    s.polygon([(0.24, 0.42), (0.56, 0.3), (0.62, 0.55), (0.3, 0.67)], p[1])
    s.circle(0.43, 0.48, 0.08, _mix(p[1], "#ffffff", 0.4))
    for level in range(4):
        y = 0.75 - level * 0.07
        s.draw.ellipse(s.box(0.55, y - 0.05, 0.75, y + 0.05), fill=p[3], outline=INK, width=4)


def _health(s, p):
    s.circle(0.43, 0.42, 0.14, p[1])
    s.circle(0.57, 0.42, 0.14, p[1])
    s.polygon([(0.36, 0.48), (0.64, 0.48), (0.5, 0.82)], p[1])
    s.rect(0.655, 0.2, 0.695, 0.4, p[2], 0.01)
    s.rect(0.6, 0.28, 0.75, 0.32, p[2], 0.01)


def _rights(s, p):
    s.polygon(
        [(0.5, 0.16), (0.66, 0.26), (0.63, 0.6), (0.5, 0.84), (0.37, 0.6), (0.34, 0.26)], p[1]
    )
    s.line([(0.43, 0.5), (0.49, 0.6), (0.59, 0.38)], "#ffffff", 0.05)


def _fun(s, p):
    s.circle(0.5, 0.52, 0.26, p[1])
    s.line([(0.36, 0.52), (0.64, 0.52)], INK, 0.02)
    s.line([(0.5, 0.26), (0.5, 0.78)], INK, 0.02)
    s.draw.arc(s.box(0.3, 0.3, 0.44, 0.74), -70, 70, fill=INK, width=round(0.02 * s.height))
    s.draw.arc(s.box(0.56, 0.3, 0.7, 0.74), 110, 250, fill=INK, width=round(0.02 * s.height))
    for x, y in ((0.25, 0.25), (0.76, 0.3), (0.22, 0.72), (0.8, 0.75)):
        _star_shape(s, x, y, 0.06, s.random.choice(p[2:]))


def _pride(s, p):
    colours = ("#e53935", "#fb8c00", "#fdd835", "#43a047", "#1e88e5", "#8e24aa")
    for ring, colour in enumerate(colours):
        r = 0.46 - ring * 0.055
        s.draw.pieslice(
            s.box(0.5 - r * 0.5625, 0.85 - r, 0.5 + r * 0.5625, 0.85 + r), 180, 360, colour
        )
    s.draw.pieslice(s.box(0.5 - 0.13 * 0.5625, 0.72, 0.5 + 0.13 * 0.5625, 0.98), 180, 360, p[0])
    s.rect(0, 0.85, 1, 1, p[0])


def _home(s, p):
    s.polygon([(0.28, 0.48), (0.5, 0.2), (0.72, 0.48)], p[1])
    s.rect(0.32, 0.46, 0.68, 0.82, "#ffffff")
    s.rect(0.45, 0.6, 0.55, 0.82, p[2], 0.01)
    s.rect(0.36, 0.54, 0.42, 0.64, p[3])
    s.rect(0.58, 0.54, 0.64, 0.64, p[3])


def _star_shape(s, x, y, r, fill):
    points = []
    for corner in range(10):
        angle = -math.pi / 2 + corner * math.pi / 5
        reach = r if corner % 2 == 0 else r * 0.45
        points.append((x + reach * math.cos(angle) * 0.5625, y + reach * math.sin(angle)))
    s.polygon(points, fill)


def _star(s, p):
    _star_shape(s, 0.5, 0.52, 0.34, p[1])


# Trip scenes: a landscape across the whole card.


def _sky(s, p, horizon, sun=True):
    s.rect(0, horizon, 1, 1, _mix(p[0], p[1], 0.25))
    if sun:
        s.circle(0.82, 0.2, 0.1, p[3])


def _waves(s, top, colour):
    s.rect(0, top, 1, 1, colour)
    light = _mix(colour, "#ffffff", 0.35)
    for row in range(3):
        y = top + 0.06 + row * 0.1
        for step in range(8):
            x = step / 7 + (row % 2) * 0.06
            s.draw.arc(s.box(x - 0.04, y - 0.03, x + 0.04, y + 0.03), 200, 340, fill=light, width=5)


def _ferry(s, p):
    _sky(s, p, 0.6)
    _waves(s, 0.6, "#2f6fd6")
    s.polygon([(0.25, 0.55), (0.7, 0.55), (0.64, 0.68), (0.3, 0.68)], p[3])
    s.rect(0.34, 0.44, 0.6, 0.55, "#ffffff")
    for x in (0.37, 0.44, 0.51):
        s.rect(x, 0.47, x + 0.05, 0.51, p[1])
    s.rect(0.53, 0.36, 0.57, 0.44, INK)


def _tree(s, x, base, size, leaf):
    s.rect(x - 0.01, base - size, x + 0.01, base, "#6b4226")
    s.circle(x, base - size, size * 0.9, leaf)


def _park(s, p):
    _sky(s, p, 0.55)
    s.draw.ellipse(s.box(-0.3, 0.5, 0.7, 1.4), fill="#5cc972")
    s.draw.ellipse(s.box(0.3, 0.55, 1.3, 1.5), fill="#3d9a4a")
    for x in (0.15, 0.3, 0.62, 0.85):
        _tree(s, x, 0.75 + s.random.uniform(-0.05, 0.05), s.random.uniform(0.12, 0.18), "#2e7d32")
    s.circle(0.47, 0.82, 0.04, p[2])


def _beach(s, p):
    _sky(s, p, 0.5)
    _waves(s, 0.5, "#2f9bd6")
    s.polygon([(0, 0.72), (1, 0.62), (1, 1), (0, 1)], "#f4d58d")
    s.line([(0.35, 0.86), (0.42, 0.5)], INK, 0.015)
    s.draw.pieslice(s.box(0.26, 0.36, 0.6, 0.66), 190, 350, fill=p[1])
    s.rect(0.62, 0.8, 0.8, 0.86, p[2], 0.02)


def _museum(s, p):
    _sky(s, p, 0.85)
    s.polygon([(0.2, 0.34), (0.5, 0.14), (0.8, 0.34)], p[1])
    s.rect(0.22, 0.34, 0.78, 0.4, "#ffffff")
    for step in range(6):
        x = 0.26 + step * 0.095
        s.rect(x, 0.42, x + 0.04, 0.76, "#ffffff")
    s.rect(0.2, 0.76, 0.8, 0.8, "#ffffff")
    s.rect(0.16, 0.8, 0.84, 0.85, _mix(p[0], INK, 0.2))
    s.circle(0.5, 0.26, 0.04, p[3])


def _garden(s, p):
    _sky(s, p, 0.6)
    s.rect(0, 0.7, 1, 1, "#5cc972")
    for _ in range(14):
        x, y = s.random.uniform(0.05, 0.95), s.random.uniform(0.62, 0.92)
        s.line([(x, y), (x, y + 0.08)], "#2e7d32", 0.012)
        petal = s.random.choice((p[1], p[2], p[3], "#ff8fb1"))
        for angle in range(0, 360, 72):
            dx = 0.018 * math.cos(math.radians(angle))
            dy = 0.032 * math.sin(math.radians(angle))
            s.circle(x + dx, y + dy, 0.025, petal)
        s.circle(x, y, 0.018, INK)


def _bridge(s, p):
    _sky(s, p, 0.62)
    _waves(s, 0.66, "#2f6fd6")
    for x in (0.25, 0.75):
        s.rect(x - 0.03, 0.18, x + 0.03, 0.66, _mix(p[1], INK, 0.2))
    s.rect(0, 0.52, 1, 0.56, INK)
    width = round(0.012 * s.height)
    s.draw.arc(s.box(0.25, -0.3, 0.75, 0.66), 0, 180, fill=INK, width=width)
    s.draw.arc(s.box(-0.25, -0.3, 0.25, 0.66), 0, 90, fill=INK, width=width)
    s.draw.arc(s.box(0.75, -0.3, 1.25, 0.66), 90, 180, fill=INK, width=width)


def _sculpture(s, p):
    _sky(s, p, 0.55)
    s.rect(0, 0.72, 1, 1, "#5cc972")
    s.rect(0.16, 0.42, 0.34, 0.78, p[1])
    s.polygon([(0.42, 0.78), (0.52, 0.3), (0.62, 0.78)], p[2])
    s.circle(0.76, 0.62, 0.16, p[3])


def _city(s, p):
    _sky(s, p, 0.9)
    x = 0.0
    while x < 1:
        width = s.random.uniform(0.07, 0.13)
        top = s.random.uniform(0.2, 0.55)
        colour = s.random.choice((p[1], _mix(p[1], INK, 0.3), _mix(p[1], "#ffffff", 0.3)))
        s.rect(x, top, x + width - 0.01, 0.9, colour)
        for wy in range(int((0.85 - top) / 0.08)):
            s.rect(x + 0.02, top + 0.04 + wy * 0.08, x + width - 0.03, top + 0.07 + wy * 0.08, p[3])
        x += width
    s.rect(0, 0.78, 1, 0.84, "#2e7d32")
    for tx in (0.1, 0.35, 0.6, 0.85):
        s.circle(tx, 0.76, 0.05, "#5cc972")


def _wheel(s, p):
    _sky(s, p, 0.75)
    s.rect(0, 0.8, 1, 1, "#f4d58d")
    cx, cy, r = 0.42, 0.42, 0.3
    s.circle(cx, cy, r, None, outline=p[1])
    for spoke in range(8):
        angle = spoke * math.pi / 4
        s.line(
            [(cx, cy), (cx + r * 0.5625 * math.cos(angle), cy + r * math.sin(angle))], p[1], 0.01
        )
        s.circle(cx + r * 0.5625 * math.cos(angle), cy + r * math.sin(angle), 0.035, p[2])
    s.line([(cx, cy), (cx - 0.1, 0.82)], INK, 0.02)
    s.line([(cx, cy), (cx + 0.1, 0.82)], INK, 0.02)
    s.draw.pieslice(s.box(0.68, 0.5, 0.9, 0.9), 180, 360, fill=p[2])


def _globe(s, p):
    _park(s, p)
    s.circle(0.5, 0.4, 0.24, "#9fb3c8")
    width = round(0.01 * s.height)
    for inset in (0.0, 0.05, 0.09):
        box = s.box(0.5 - 0.135 + inset, 0.16, 0.5 + 0.135 - inset, 0.64)
        s.draw.ellipse(box, outline="#5b6b7a", width=width)
    for y in (0.28, 0.4, 0.52):
        s.line([(0.37, y), (0.63, y)], "#5b6b7a", 0.01)
    s.rect(0.49, 0.64, 0.51, 0.8, "#5b6b7a")


# People, for sample profiles: a friendly, simple portrait of nobody in particular.


def _portrait(s, p, hair="black", skin=2, style="short"):
    skin_colour, hair_colour = SKIN[skin % len(SKIN)], HAIR[hair]
    s.draw.ellipse(s.box(0.18, 0.72, 0.82, 1.3), fill=p[1])
    s.rect(0.45, 0.6, 0.55, 0.76, skin_colour)
    if style == "long":
        s.rect(0.3, 0.3, 0.7, 0.74, hair_colour, 0.1)
    if style == "curly":
        for angle in range(0, 360, 30):
            s.circle(
                0.5 + 0.2 * math.cos(math.radians(angle)),
                0.42 + 0.2 * math.sin(math.radians(angle)) - 0.02,
                0.08,
                hair_colour,
            )
    s.circle(0.5, 0.45, 0.19, skin_colour)
    if style in ("short", "long"):
        s.draw.chord(s.box(0.3, 0.24, 0.7, 0.6), 180, 360, fill=hair_colour)
    if style == "bun":
        s.circle(0.5, 0.2, 0.08, hair_colour)
        s.draw.chord(s.box(0.3, 0.25, 0.7, 0.58), 180, 360, fill=hair_colour)
    s.circle(0.43, 0.46, 0.018, INK)
    s.circle(0.57, 0.46, 0.018, INK)
    width = round(0.015 * s.height)
    s.draw.arc(s.box(0.43, 0.46, 0.57, 0.56), 20, 160, fill=INK, width=width)


# Families, for Growing Up NYC's age guides: a parent and a child of the guide's age.

GROUND = 0.9


def _figure(s, x, height, shirt, skin, hair):
    """A standing person, `height` a fraction of the canvas, feet on the ground. Returns where
    the head is (x, y, radius) for what the person wears or holds."""
    head = height * 0.14
    top = GROUND - height
    half = height * 0.16 * 0.5625
    s.rect(x - half * 0.8, GROUND - height * 0.42, x - half * 0.15, GROUND, INK, 0.01)
    s.rect(x + half * 0.15, GROUND - height * 0.42, x + half * 0.8, GROUND, INK, 0.01)
    s.rect(x - half, top + head * 2, x + half, GROUND - height * 0.35, shirt, head * 0.6)
    s.circle(x, top + head, head, skin)
    s.draw.chord(
        s.box(x - head * 0.5625, top, x + head * 0.5625, top + head * 1.6), 180, 360, fill=hair
    )
    return x, top + head, head


def _family(s, p, child=0.4, prop="ball", skin=(1, 3), hair=("black", "brown")):
    parent_x, child_x = 0.36, 0.6
    _sky(s, p, GROUND, sun=True)
    s.rect(0, GROUND, 1, 1, _mix(p[0], INK, 0.15))
    _figure(s, parent_x, 0.7, p[1], SKIN[skin[0]], HAIR[hair[0]])
    hand = GROUND - 0.7 * 0.42
    if prop == "belly":
        s.circle(parent_x + 0.04, GROUND - 0.36, 0.1, p[1])
        _heart(s, 0.62, 0.4, 0.08, p[2])
        return
    if prop == "baby":
        s.draw.ellipse(s.box(parent_x - 0.02, hand - 0.1, parent_x + 0.12, hand), fill="#ffffff")
        s.circle(parent_x + 0.1, hand - 0.06, 0.045, SKIN[skin[1]])
        return
    x, y, head = _figure(s, child_x, child, p[2], SKIN[skin[1]], HAIR[hair[1]])
    s.line([(parent_x + 0.04, hand), (child_x - 0.03, GROUND - child * 0.45)], SKIN[skin[0]], 0.015)
    if prop == "ball":
        s.circle(0.74, GROUND - 0.05, 0.05, p[3])
    elif prop == "blocks":
        for row, colour in enumerate((p[1], p[3], p[2])):
            s.rect(0.72, GROUND - 0.08 * (row + 1), 0.76, GROUND - 0.08 * row - 0.005, colour)
    elif prop == "backpack":
        s.rect(x + 0.02, y + head * 1.3, x + 0.06, y + head * 3.2, p[3], 0.02)
    elif prop == "book":
        s.rect(x + 0.02, y + head * 2.2, x + 0.07, y + head * 3.2, p[3], 0.005)
    elif prop == "headphones":
        width = round(0.015 * s.height)
        s.draw.arc(
            s.box(x - head * 0.65, y - head * 1.15, x + head * 0.65, y + head * 0.6),
            180,
            360,
            fill=INK,
            width=width,
        )
        s.circle(x - head * 0.58, y, head * 0.35, p[3])
        s.circle(x + head * 0.58, y, head * 0.35, p[3])
    elif prop == "cap":
        s.polygon(
            [
                (x - 0.07, y - head * 0.9),
                (x, y - head * 1.4),
                (x + 0.07, y - head * 0.9),
                (x, y - head * 0.5),
            ],
            INK,
        )
        s.line([(x + 0.05, y - head * 0.9), (x + 0.05, y - head * 0.2)], p[3], 0.01)


def _heart(s, x, y, r, fill):
    s.circle(x - r * 0.55 * 0.5625, y, r * 0.6, fill)
    s.circle(x + r * 0.55 * 0.5625, y, r * 0.6, fill)
    s.polygon(
        [
            (x - r * 0.95 * 0.5625, y + r * 0.2),
            (x + r * 0.95 * 0.5625, y + r * 0.2),
            (x, y + r * 1.3),
        ],
        fill,
    )


# The name of each motif in demo data, its drawing and its shape.
MOTIFS = {
    "school": (_school, WIDE),
    "work": (_work, WIDE),
    "money": (_money, WIDE),
    "health": (_health, WIDE),
    "rights": (_rights, WIDE),
    "fun": (_fun, WIDE),
    "pride": (_pride, WIDE),
    "home": (_home, WIDE),
    "star": (_star, WIDE),
    "ferry": (_ferry, WIDE),
    "park": (_park, WIDE),
    "beach": (_beach, WIDE),
    "museum": (_museum, WIDE),
    "garden": (_garden, WIDE),
    "bridge": (_bridge, WIDE),
    "sculpture": (_sculpture, WIDE),
    "city": (_city, WIDE),
    "wheel": (_wheel, WIDE),
    "globe": (_globe, WIDE),
    "portrait": (_portrait, SQUARE),
    "family": (_family, WIDE),
}


def draw(name, motif, palette="purple", **options):
    """PNG bytes of one illustration. `options` go to the motif (a portrait's hair, skin and
    style)."""
    drawing, size = MOTIFS[motif]
    colours = PALETTES[palette]
    sketch = Sketch(size, colours[0], seed=name)
    sketch.blobs([_mix(colours[0], colour, 0.18) for colour in colours[1:]])
    drawing(sketch, colours, **options)
    return sketch.png(size)


def ensure_illustration(name, illustration):
    """The Wagtail image called `name`, drawn from a demo data table of `motif`, `alt` (what
    it shows, which becomes its description) and optionally `palette` and the motif's options.
    Made on the first load only."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=name).first()
    if existing is not None:
        return existing
    options = dict(illustration)
    alt = options.pop("alt")
    content = draw(name, **options)
    return image_model.objects.create(
        title=name,
        description=alt,
        file=ImageFile(io.BytesIO(content), name=f"demo-{slugify(name)}.png"),
    )
