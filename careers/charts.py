"""Geometry for the pay charts, drawn as inline SVG by templates/careers/_band_chart.html.

Everything here is plain arithmetic on numbers, so the charts are tested without a browser and
the pages need no charting JavaScript. Every chart starts its dollar axis at zero so bar lengths
compare honestly.

Positions along the dollar axis are percentages of the plot's width. The SVG has no viewBox, so
it stretches to its column while its text keeps its CSS size: a viewBox would shrink 12 px labels
to 10 px on a phone. Labels are HTML beside the bars, so long titles wrap instead of being cut.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from careers import formatting


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
    percent: float
    label: str
    anchor: str  # SVG text-anchor: the end ticks align inwards so they are never clipped
    # Narrow screens label every other tick, counted back from the top so the axis end keeps
    # its label; labelling all nine of "$0" to "$800k" in 300 px would make them touch.
    major: bool


@dataclass(frozen=True)
class Bar:
    start: float
    width: float
    open_ended: bool

    @property
    def end(self) -> float:
        return round(self.start + self.width, 2)


@dataclass(frozen=True)
class Row:
    label: str
    base: Bar
    total: Bar
    peak: float | None
    highlight: bool
    base_text: str
    total_text: str
    peak_text: str


@dataclass(frozen=True)
class BandChart:
    rows: list[Row]
    ticks: list[Tick]

    @property
    def has_peak(self) -> bool:
        return any(row.peak is not None for row in self.rows)

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


def percent_of(amount: int, *, top: int) -> float:
    return round(100 * amount / top, 2)


def chart_ticks(*, top: int) -> list[Tick]:
    amounts = range(0, top + 1, tick_step(amount=top))
    last = len(amounts) - 1
    return [
        Tick(
            percent=percent_of(amount, top=top),
            label=short_dollars(amount),
            anchor="start" if amount == 0 else "end" if amount == top else "middle",
            major=(last - index) % 2 == 0,
        )
        for index, amount in enumerate(amounts)
    ]


def chart_row(item: BandInput, *, top: int) -> Row:
    def bar(low: int, high: int, open_ended: bool) -> Bar:
        start = percent_of(low, top=top)
        return Bar(
            start=start, width=round(percent_of(high, top=top) - start, 2), open_ended=open_ended
        )

    return Row(
        label=item.label,
        base=bar(item.base_min, item.base_max, item.base_open_ended),
        total=bar(item.total_min, item.total_max, item.total_open_ended),
        peak=None if item.peak is None else percent_of(item.peak, top=top),
        highlight=item.highlight,
        base_text=formatting.pay_range(
            item.base_min, item.base_max, open_ended=item.base_open_ended
        ),
        total_text=formatting.pay_range(
            item.total_min, item.total_max, open_ended=item.total_open_ended
        ),
        peak_text=formatting.usd(item.peak) if item.peak else "Not given",
    )


def band_chart(*, items: Sequence[BandInput]) -> BandChart:
    """Rows of base and total bands on one shared dollar axis, zero to the highest figure."""
    highest = max((max(item.total_max, item.base_max, item.peak or 0) for item in items), default=0)
    top = axis_top(amount=highest)
    return BandChart(rows=[chart_row(item, top=top) for item in items], ticks=chart_ticks(top=top))


def band_input(pay, *, label: str, peak: int | None = None, highlight: bool = False) -> BandInput:
    """A row from a pay range (a role's, an experience tier's)."""
    return BandInput(
        label=label,
        base_min=pay.base_min,
        base_max=pay.base_max,
        total_min=pay.total_min,
        total_max=pay.total_max,
        base_open_ended=pay.base_max_open_ended,
        total_open_ended=pay.total_max_open_ended,
        peak=peak,
        highlight=highlight,
    )


# The listing's chart stops at the article's Top 10: a thousand rows would be megabytes of SVG
# that nobody could read.
RANKING_CHART_ROWS = 10


def ranking_chart(*, roles: Sequence) -> BandChart:
    """The bands of the first RANKING_CHART_ROWS of `roles` (in rank order), labelled by rank."""
    return band_chart(
        items=[
            band_input(role.pay, label=f"{role.rank}. {role.title}", peak=role.total_peak)
            for role in roles[:RANKING_CHART_ROWS]
        ]
    )


def role_and_tiers_chart(*, role, tiers: Sequence) -> BandChart:
    """One role's bands first, then the experience tiers to measure it against."""
    # A comma, not parentheses: titles such as "… (Go/Rust Specialist)" have their own.
    label = f"{role.title}, {formatting.role_experience(role)}"
    items = [band_input(role.pay, label=label, peak=role.total_peak, highlight=True)]
    items += [band_input(tier.pay, label=tier_label(tier)) for tier in tiers]
    return band_chart(items=items)


def tier_label(tier) -> str:
    span = formatting.year_span(tier.years_min, tier.years_max)
    return f"{tier.name} tier, {span}"
