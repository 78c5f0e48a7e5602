"""Social cards: the 1200x630 PNG shown when a page is shared in a chat or a post.

A card is described by the figures it shows (`Card`); the PNG is drawn once per distinct card and
kept in Django's cache under a hash of those figures, so an edited salary gives a new hash and a
fresh drawing with no explicit invalidation.
"""

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

from careers import formatting
from careers.read_model import Pay, Role, Stage, Tier

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# Bump when the drawing changes, so every cached card is redrawn.
DESIGN_VERSION = "1"
CACHE_SECONDS = 60 * 60 * 24 * 30
# Debian's fonts-dejavu-core (installed by `make`); Pillow's own font stands in without it.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
COLOURS = {
    "background": "#0f131b",
    "band": "#1d4ed8",
    "eyebrow": "#93b4ff",
    "text": "#e8ecf4",
    "muted": "#aab3c5",
    "rule": "#2f3a4f",
}


@dataclass(frozen=True)
class Card:
    eyebrow: str
    title: str
    rows: tuple[tuple[str, str], ...]
    footer: str

    @property
    def digest(self) -> str:
        """Changes whenever anything drawn changes: the figures, the design or the font."""
        fingerprint = repr((self, DESIGN_VERSION, font_name(bold=True)))
        return hashlib.sha256(fingerprint.encode()).hexdigest()[:32]


def credit() -> str:
    source = settings.DATA_SOURCE
    return f"Next Episode · Data: {source['publisher']}, {source['updated']:%B %Y}"


def role_card(*, role: Role, ranked: int) -> Card:
    """A role's rank among the `ranked` roles, its pay and its years."""
    return Card(
        eyebrow=f"#{role.rank} of the Top {ranked:,} · {role.track_label}",
        title=role.title,
        rows=(
            ("Base salary (US)", role.pay.base_range),
            ("Total compensation", role.pay.total_range),
            ("Typical experience", formatting.role_experience(role)),
        ),
        footer=credit(),
    )


def listing_card(*, ranked: Sequence[Role]) -> Card:
    """The ranking's top five by total compensation; there is no room for more."""
    return Card(
        eyebrow=f"Top {len(ranked):,} · 2026 · US total compensation",
        title="The best-paid backend and DevOps roles",
        rows=tuple((f"#{role.rank} {role.title}", role.pay.total_range) for role in ranked[:5]),
        footer=credit(),
    )


def result_card(*, role: Role, stage: Stage, pay: Pay, tier: Tier | None) -> Card:
    """The questionnaire result's card: the next step and its own pay, the role it leads to, and
    the reader's current tier; never the role's pay as if it were the step's."""
    rows = [("On the path to", role.title), ("Pay at this step", pay.total_range)]
    if tier is not None:
        rows.append((f"Where I am: {tier.name} level", tier.pay.total_range))
    return Card(eyebrow="My next episode", title=stage.title, rows=tuple(rows), footer=credit())


def plan_card(*, plan) -> Card:
    """A plan's card: where it leads and how far along it is. The person's pay is never drawn."""
    next_step = next((step for step in plan.steps if step.status == "now"), None)
    rows = [
        ("Core skills", f"{plan.core.have} of {plan.core.total}"),
        ("All skills it asks for", f"{plan.overall.have} of {plan.overall.total}"),
    ]
    if next_step is not None:
        if next_step.ready:
            when = "ready now"
        elif next_step.year <= plan.this_year:
            when = "skills first"
        else:
            when = f"from {next_step.year}"
        rows.append(("Next step on the path", when))
    return Card(
        eyebrow="My plan · Next Episode",
        title=plan.role.title,
        rows=tuple(rows),
        footer=credit(),
    )


def card_png(card: Card) -> bytes:
    """The card as PNG bytes, drawn at most once per distinct card while it stays cached."""
    key = f"social-card:{card.digest}"
    png = cache.get(key)
    if png is None:
        png = draw_card(card)
        cache.set(key, png, CACHE_SECONDS)
    return png


@memoize
def font_name(*, bold: bool) -> str:
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    return str(path) if path.exists() else "pillow-default"


@memoize
def font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = font_name(bold=bold)
    if name == "pillow-default":
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(name, size)


def draw_card(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), COLOURS["background"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 14), fill=COLOURS["band"])
    draw.text((MARGIN, 64), card.eyebrow.upper(), font=font(28, bold=True), fill=COLOURS["eyebrow"])
    bottom = draw_title(draw, card.title, top=112)
    draw_rows(draw, card.rows, top=bottom + 36)
    draw.line((MARGIN, HEIGHT - 84, WIDTH - MARGIN, HEIGHT - 84), fill=COLOURS["rule"], width=2)
    draw.text((MARGIN, HEIGHT - 64), card.footer, font=font(24), fill=COLOURS["muted"])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_title(draw: ImageDraw.ImageDraw, title: str, *, top: int) -> int:
    """Draw the title in the largest size that fits two lines; return where it ends."""
    for size in (72, 64, 56, 48, 40):
        lines = wrap(title, font(size, bold=True), width=WIDTH - 2 * MARGIN)
        if len(lines) <= 2:
            break
    for line in lines[:2]:
        draw.text((MARGIN, top), line, font=font(size, bold=True), fill=COLOURS["text"])
        top += int(size * 1.2)
    return top


def draw_rows(draw: ImageDraw.ImageDraw, rows: tuple[tuple[str, str], ...], *, top: int) -> None:
    """Label on the left, figure right-aligned, smaller when there are many rows."""
    size = 34 if len(rows) <= 3 else 26
    step = int(size * 1.6)
    for label, value in rows:
        draw.text((MARGIN, top), label, font=font(size), fill=COLOURS["muted"])
        value_font = font(size, bold=True)
        left = WIDTH - MARGIN - draw.textlength(value, font=value_font)
        draw.text((left, top), value, font=value_font, fill=COLOURS["text"])
        top += step


def wrap(text: str, text_font: ImageFont.FreeTypeFont, *, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
