"""Geometry for the pay charts, drawn by templates as inline SVG.

Everything here is plain arithmetic on numbers, so the charts are tested without a browser and
the pages need no charting JavaScript. Every chart starts its dollar axis at zero so bar lengths
compare honestly.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from careers import formatting

WIDTH = 400
PLOT_LEFT = 8
PLOT_RIGHT = WIDTH - 20
TOP = 6
ROW_HEIGHT = 50
AXIS_HEIGHT = 28
BAR_HEIGHT = 10
ARROW_LENGTH = 6


@dataclass(frozen=True)
class BandInput:
    """One row to draw: a base-salary band and a total-compensation band, in dollars."""

    label: str
    base_min: int
    base_max: int
    total_min: int
    total_max: int
    base_open_ended: bool = False
    total_open_ended: bool = False
    peak: int | None = None
    highlight: bool = False


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    open_ended: bool

    @property
    def end(self) -> float:
        return self.x + self.width

    @property
    def arrow_points(self) -> str:
        """A small arrowhead past the bar's end, for tops the article gives as "and more"."""
        middle = self.y + BAR_HEIGHT / 2
        tip = self.end + ARROW_LENGTH
        return f"{self.end:g},{self.y:g} {tip:g},{middle:g} {self.end:g},{self.y + BAR_HEIGHT:g}"


@dataclass(frozen=True)
class Row:
    label: str
    label_y: float
    base: Bar
    total: Bar
    peak_x: float | None
    highlight: bool

    @property
    def peak_points(self) -> str:
        """A diamond centred on the total bar at the reported peak."""
        x, middle, half = self.peak_x, self.total.y + BAR_HEIGHT / 2, BAR_HEIGHT * 0.7
        corners = [(x, middle - half), (x + half, middle), (x, middle + half), (x - half, middle)]
        return " ".join(f"{px:g},{py:g}" for px, py in corners)


@dataclass(frozen=True)
class BandChart:
    width: int
    height: int
    rows: list[Row]
    ticks: list[Tick]
    axis_y: float
    label_x: float = PLOT_LEFT

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def has_peak(self) -> bool:
        return any(row.peak_x is not None for row in self.rows)

    @property
    def has_open_ended(self) -> bool:
        return any(row.base.open_ended or row.total.open_ended for row in self.rows)


def axis_top(*, amount: int) -> int:
    """The axis end: the highest figure rounded up to a whole tick step."""
    step = tick_step(amount=amount)
    return max(step, math.ceil(amount / step) * step)


def tick_step(*, amount: int) -> int:
    return 100_000 if amount > 300_000 else 50_000


def short_dollars(amount: int) -> str:
    """Axis labels: "$0", "$50k", "$1.2M"."""
    if amount >= 1_000_000:
        return f"${amount / 1_000_000:g}M"
    if amount >= 1_000:
        return f"${amount / 1_000:g}k"
    return f"${amount}"


def x_for(amount: int, *, top: int) -> float:
    return round(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * amount / top, 2)


def chart_ticks(*, top: int) -> list[Tick]:
    step = tick_step(amount=top)
    return [
        Tick(x=x_for(amount, top=top), label=short_dollars(amount))
        for amount in range(0, top + 1, step)
    ]


def chart_row(item: BandInput, *, index: int, top: int) -> Row:
    label_y = TOP + index * ROW_HEIGHT + 14
    base_y, total_y = label_y + 5, label_y + 5 + BAR_HEIGHT + 3

    def bar(low: int, high: int, y: float, open_ended: bool) -> Bar:
        start = x_for(low, top=top)
        return Bar(
            x=start, y=y, width=round(x_for(high, top=top) - start, 2), open_ended=open_ended
        )

    return Row(
        label=item.label,
        label_y=label_y,
        base=bar(item.base_min, item.base_max, base_y, item.base_open_ended),
        total=bar(item.total_min, item.total_max, total_y, item.total_open_ended),
        peak_x=None if item.peak is None else x_for(item.peak, top=top),
        highlight=item.highlight,
    )


def band_chart(*, items: Sequence[BandInput]) -> BandChart:
    """Rows of base and total bands on one shared dollar axis, zero to the highest figure."""
    highest = max((max(item.total_max, item.base_max, item.peak or 0) for item in items), default=0)
    top = axis_top(amount=highest)
    axis_y = TOP + len(items) * ROW_HEIGHT
    return BandChart(
        width=WIDTH,
        height=axis_y + AXIS_HEIGHT,
        rows=[chart_row(item, index=index, top=top) for index, item in enumerate(items)],
        ticks=chart_ticks(top=top),
        axis_y=axis_y,
    )


def band_input(item, *, label: str, highlight: bool = False) -> BandInput:
    """A row from anything with the pay-range fields (a role, an experience tier)."""
    return BandInput(
        label=label,
        base_min=item.base_min,
        base_max=item.base_max,
        total_min=item.total_min,
        total_max=item.total_max,
        base_open_ended=item.base_max_open_ended,
        total_open_ended=item.total_max_open_ended,
        peak=getattr(item, "total_peak", None),
        highlight=highlight,
    )


def ranking_chart(*, roles: Sequence) -> BandChart:
    """Every ranked role's bands, labelled with its rank."""
    return band_chart(
        items=[band_input(role, label=f"{role.rank}. {role.title}") for role in roles]
    )


def role_and_tiers_chart(*, role, tiers: Sequence) -> BandChart:
    """One role's bands first, then the experience tiers to measure it against."""
    items = [band_input(role, label=role.title, highlight=True)]
    items += [band_input(tier, label=tier_label(tier)) for tier in tiers]
    return band_chart(items=items)


def tier_label(tier) -> str:
    span = formatting.year_span(tier.years_min, tier.years_max)
    return f"{tier.name} tier ({span})"
