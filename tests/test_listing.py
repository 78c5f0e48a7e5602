"""The listing's sort and filters (careers.ranking.roles_for_listing) and its GET form."""

from types import SimpleNamespace

import pytest
from django.http import QueryDict

from careers.forms import DEFAULT_LISTING, listing_options
from careers.ranking import ListingSort, entry_steps, ranked_roles, roles_for_listing


def role(rank, *, base, years, track="backend") -> SimpleNamespace:
    return SimpleNamespace(rank=rank, base_midpoint=base, experience_min_years=years, track=track)


RANKED = [
    role(1, base=240_000, years=10, track="devops"),
    role(2, base=200_000, years=8),
    role(3, base=175_000, years=10),
    role(4, base=167_500, years=8, track="cloud"),
    role(5, base=200_000, years=5, track="cloud"),
]


def ranks(roles) -> list[int]:
    return [r.rank for r in roles]


def test_the_default_is_the_ranking_itself():
    assert ranks(roles_for_listing(roles=RANKED)) == [1, 2, 3, 4, 5]


def test_base_sort_puts_the_highest_base_first_and_ties_stay_in_rank_order():
    assert ranks(roles_for_listing(roles=RANKED, sort=ListingSort.BASE)) == [1, 2, 5, 3, 4]


def test_fastest_sort_puts_the_fewest_years_first_and_ties_stay_in_rank_order():
    assert ranks(roles_for_listing(roles=RANKED, sort=ListingSort.FASTEST)) == [5, 2, 4, 1, 3]


def test_track_filter_keeps_only_that_track():
    assert ranks(roles_for_listing(roles=RANKED, track="cloud")) == [4, 5]


def test_experience_filter_keeps_roles_whose_typical_start_is_within_reach():
    assert ranks(roles_for_listing(roles=RANKED, years=8)) == [2, 4, 5]
    assert ranks(roles_for_listing(roles=RANKED, years=0)) == []


def test_filters_and_sort_combine():
    shown = roles_for_listing(roles=RANKED, sort=ListingSort.FASTEST, track="cloud", years=8)
    assert ranks(shown) == [5, 4]


def test_seed_data_sorted_fastest_keeps_each_roles_article_rank(seed):
    shown = roles_for_listing(roles=list(ranked_roles()), sort=ListingSort.FASTEST, years=5)
    assert shown[0].slug == "mlops-engineer"
    assert shown[0].rank == 6
    assert {r.experience_min_years for r in shown} == {5}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ("total", "", None)),
        ("sort=base&track=cloud&years=8", ("base", "cloud", 8)),
        ("years=0", ("total", "", 0)),
        ("sort=<script>&track=cloud", ("total", "cloud", None)),
        ("sort=fastest&track=nope&years=-3", ("fastest", "", None)),
        ("years=99999999999999999999&track=" + "x" * 5000, ("total", "", None)),
        ("years=abc&sort=base&sort=fastest", ("fastest", "", None)),
    ],
)
def test_each_invalid_value_falls_back_to_its_default_alone(query, expected):
    options, _ = listing_options(query=QueryDict(query))
    assert (options.sort, options.track, options.years) == expected


def test_the_form_shows_the_values_in_use_without_errors():
    _, form = listing_options(query=QueryDict("sort=bogus&track=cloud"))
    assert not form.is_bound
    assert form["sort"].value() == "total"
    assert form["track"].value() == "cloud"


def test_options_describe_themselves_in_words():
    options, _ = listing_options(query=QueryDict("sort=base&track=ml&years=8"))
    assert (
        options.description
        == "Machine learning track, within reach with 8 years, sorted by base salary"
    )
    assert DEFAULT_LISTING.is_default
    assert not options.is_default


def with_stages(rank, *, track, stages) -> SimpleNamespace:
    listed = [SimpleNamespace(title=title) for title in stages]
    return SimpleNamespace(rank=rank, track=track, stages=SimpleNamespace(all=lambda: listed))


def test_entry_steps_are_each_paths_first_stage_in_rank_order():
    roles = [
        with_stages(1, track="devops", stages=["Junior DevOps", "Senior DevOps", "Principal"]),
        with_stages(2, track="backend", stages=[]),
        with_stages(3, track="cloud", stages=["Cloud-aware engineer", "Cloud Architect"]),
    ]
    steps = entry_steps(roles=roles)
    assert [(step.role.rank, step.stage.title) for step in steps] == [
        (1, "Junior DevOps"),
        (3, "Cloud-aware engineer"),
    ]
    assert [step.role.rank for step in entry_steps(roles=roles, track="cloud")] == [3]
