import re
from types import SimpleNamespace

from django.template.loader import render_to_string

from careers.charts import (
    BandInput,
    axis_top,
    band_chart,
    band_input,
    ranking_chart,
    role_and_tiers_chart,
    short_dollars,
    tier_label,
)
from careers.read_model.records import Pay


def band(**overrides) -> BandInput:
    fields = {
        "label": "Role",
        "base_min": 100_000,
        "base_max": 200_000,
        "total_min": 200_000,
        "total_max": 400_000,
    }
    return BandInput(**(fields | overrides))


def test_axis_ends_at_the_highest_figure_rounded_up_to_a_tick():
    assert axis_top(amount=750_000) == 800_000
    assert axis_top(amount=600_000) == 600_000
    assert axis_top(amount=140_000) == 150_000
    assert axis_top(amount=0) == 50_000


def test_axis_labels_are_short_dollar_amounts():
    assert [short_dollars(n) for n in (0, 50_000, 800_000, 1_200_000)] == [
        "$0",
        "$50k",
        "$800k",
        "$1.2M",
    ]


def test_bars_sit_on_one_shared_axis_from_zero_as_percentages_of_the_plot():
    chart = band_chart(items=[band(total_max=400_000), band(base_min=0, base_max=100_000)])
    first, second = chart.rows
    assert first.total.end == 100
    assert second.base.start == 0
    assert first.base.start == second.base.end == 25


def test_ticks_run_from_zero_to_the_axis_top_with_the_ends_aligned_inwards():
    chart = band_chart(items=[band(total_max=750_000)])
    assert [tick.label for tick in chart.ticks][0] == "$0"
    assert chart.ticks[-1].label == "$800k"
    assert chart.ticks[-1].percent == 100
    assert len(chart.ticks) == 9
    assert [tick.anchor for tick in chart.ticks[:2]] == ["start", "middle"]
    assert chart.ticks[-1].anchor == "end"


def test_narrow_screens_label_every_other_tick_counting_back_from_the_axis_end():
    nine = band_chart(items=[band(total_max=750_000)]).ticks
    assert [tick.label for tick in nine if tick.major] == ["$0", "$200k", "$400k", "$600k", "$800k"]
    six = band_chart(items=[band(base_max=150_000, total_min=150_000, total_max=250_000)]).ticks
    assert [tick.label for tick in six if tick.major] == ["$50k", "$150k", "$250k"]


def test_a_reported_peak_is_marked_and_widens_the_axis():
    chart = band_chart(items=[band(total_max=600_000, peak=750_000), band()])
    assert chart.has_peak
    assert chart.rows[0].peak == 93.75
    assert chart.rows[1].peak is None


def test_open_ended_tops_are_flagged_for_an_arrowhead():
    chart = band_chart(items=[band(total_open_ended=True)])
    row = chart.rows[0]
    assert chart.has_open_ended
    assert row.total.open_ended and not row.base.open_ended


def test_each_row_carries_its_figures_for_the_table_beside_the_chart():
    chart = band_chart(items=[band(total_open_ended=True, peak=500_000), band()])
    first, second = chart.rows
    assert first.base_text == "$100,000 – $200,000"
    assert first.total_text == "$200,000 – $400,000+"
    assert first.peak_text == "$500,000"
    assert second.peak_text == "Not given"


def test_rows_keep_the_order_they_were_given():
    chart = band_chart(items=[band(label="a"), band(label="b"), band(label="c")])
    assert [row.label for row in chart.rows] == ["a", "b", "c"]


def test_an_empty_chart_still_has_an_axis():
    chart = band_chart(items=[])
    assert chart.rows == []
    assert chart.ticks[0].label == "$0"


PAY_FIELDS = {
    "base_min": 135_000,
    "base_max": 180_000,
    "base_max_open_ended": False,
    "total_min": 220_000,
    "total_max": 350_000,
    "total_max_open_ended": False,
}


def pay_item(**fields) -> SimpleNamespace:
    """A stand-in for a role or a tier: its pay, and any other fields given."""
    pay = Pay(**{name: fields.pop(name, value) for name, value in PAY_FIELDS.items()})
    return SimpleNamespace(pay=pay, **fields)


def test_ranking_chart_labels_rows_with_rank_and_marks_the_peak():
    role = pay_item(rank=1, title="Principal", total_max=600_000, total_peak=750_000)
    chart = ranking_chart(roles=[role])
    assert chart.rows[0].label == "1. Principal"
    assert chart.rows[0].peak is not None


def test_ranking_chart_draws_only_the_top_ten_of_a_longer_ranking_on_their_own_axis():
    roles = [
        pay_item(
            rank=rank,
            title=f"Role {rank}",
            total_max=900_000 if rank == 11 else 350_000,
            total_peak=None,
        )
        for rank in range(1, 13)
    ]
    chart = ranking_chart(roles=roles)
    assert [row.label for row in chart.rows] == [f"{rank}. Role {rank}" for rank in range(1, 11)]
    # Rank 11's $900,000 is not drawn, so it does not stretch the axis either.
    assert chart.ticks[-1].label == "$400k"


def test_role_chart_puts_the_role_with_its_years_first_and_highlighted_then_the_tiers():
    role = pay_item(
        title="Cloud Architect",
        total_peak=None,
        experience_min_years=8,
        experience_max_years=10,
        experience_open_ended=True,
        experience_approximate=False,
    )
    tier = pay_item(name="Senior", years_min=6, years_max=10)
    chart = role_and_tiers_chart(role=role, tiers=[tier])
    assert [row.label for row in chart.rows] == [
        "Cloud Architect, 8–10+ years",
        "Senior tier, 6–10 years",
    ]
    assert [row.highlight for row in chart.rows] == [True, False]
    assert chart.rows[1].peak is None


def test_band_input_reads_the_open_ended_flags():
    item = band_input(pay_item(total_max_open_ended=True).pay, label="Tier")
    assert item.total_open_ended and not item.base_open_ended
    assert item.peak is None


def test_the_open_ended_top_tier_reads_as_years_and_more():
    tier = SimpleNamespace(name="Staff/Principal", years_min=10, years_max=None)
    assert tier_label(tier) == "Staff/Principal tier, 10+ years"


def test_a_rows_bars_are_drawn_with_their_arrowheads_and_peak():
    chart = band_chart(
        items=[band(base_open_ended=True, total_open_ended=True, peak=500_000), band()]
    )
    drawn = render_to_string("careers/_band_chart.html", {"chart": chart, "chart_id": "c"})
    first_bars, second_bars = re.findall(r'<svg class="chart__bars".*?</div>', drawn, re.S)
    first, second = chart.rows
    assert first_bars.count("<polygon") == 3
    assert f'<svg x="{first.base.end}%" y="4" overflow="visible">' in first_bars
    assert f'<svg x="{first.total.end}%" y="17" overflow="visible">' in first_bars
    assert f'<svg x="{first.peak}%" y="17" overflow="visible"><polygon class="chart__peak"' in (
        first_bars
    )
    assert "<polygon" not in second_bars
    assert second_bars.count("<line ") == len(chart.ticks)
    assert f'<rect class="chart__total" x="{second.total.start}%" y="17"' in second_bars
