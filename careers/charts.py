"""Geometry for the pay charts, drawn as inline SVG: each row's bars here, the rest by
templates/careers/_band_chart.html.

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
from functools import cached_property

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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


# An open-ended range's arrowhead, and a reported peak's diamond, at a position along the axis.
ARROW = (
    '\n        <svg x="{}%" y="{}" overflow="visible"><polygon class="{}" points="0,0 6,5 0,10">'
    "</polygon></svg>"
)
PEAK = (
    '\n        <svg x="{}%" y="17" overflow="visible"><polygon class="chart__peak"'
    ' points="0,-2 7,5 0,12 -7,5"></polygon></svg>'
)


@dataclass(frozen=True)
class BandChart:
    rows: list[Row]
    ticks: list[Tick]

    @cached_property
    def drawn_rows(self) -> list[tuple[Row, str]]:
        """Each row with the SVG of its bars. Drawn here rather than in the template: a chart
        on the comparison page is drawn on every request, and this is most of its nodes."""
        return [(row, self.bars(row)) for row in self.rows]

    def bars(self, row: Row) -> str:
        base, total = row.base, row.total
        parts = [
            '<svg class="chart__bars" focusable="false">\n        ',
            format_html('<g class="chart__grid">{}</g>\n        ', self.grid),
            format_html(
                '<rect class="chart__base" x="{}%" y="4" width="{}%" height="10" rx="2"></rect>',
                base.start,
                base.width,
            ),
        ]
        if base.open_ended:
            parts.append(format_html(ARROW, base.end, 4, "chart__base"))
        parts.append(
            format_html(
                '\n        <rect class="chart__total" x="{}%" y="17" width="{}%" height="10"'
                ' rx="2"></rect>',
                total.start,
                total.width,
            )
        )
        if total.open_ended:
            parts.append(format_html(ARROW, total.end, 17, "chart__total"))
        if row.peak is not None:
            parts.append(format_html(PEAK, row.peak))
        parts.append("\n      </svg>")
        return mark_safe("".join(parts))

    @cached_property
    def grid(self) -> str:
        """The vertical grid lines, the same in every row: drawn once a chart, not once a row."""
        return format_html_join(
            "",
            '<line x1="{}%" x2="{}%" y1="0" y2="30"></line>',
            ((t.percent, t.percent) for t in self.ticks),
        )

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


# The listing's chart stops at the article's Top 10: a thousand rows would be megabytes of SVG
# that nobody could read.
RANKING_CHART_ROWS = 10


def ranking_chart(*, roles: Sequence) -> BandChart:
    """The bands of the first RANKING_CHART_ROWS of `roles` (in rank order), labelled by rank."""
    return band_chart(
        items=[
            band_input(role, label=f"{role.rank}. {role.title}")
            for role in roles[:RANKING_CHART_ROWS]
        ]
    )


def role_and_tiers_chart(*, role, tiers: Sequence) -> BandChart:
    """One role's bands first, then the experience tiers to measure it against."""
    # A comma, not parentheses: titles such as "… (Go/Rust Specialist)" have their own.
    label = f"{role.title}, {formatting.role_experience(role)}"
    items = [band_input(role, label=label, highlight=True)]
    items += [band_input(tier, label=tier_label(tier)) for tier in tiers]
    return band_chart(items=items)


def tier_label(tier) -> str:
    span = formatting.year_span(tier.years_min, tier.years_max)
    return f"{tier.name} tier, {span}"
