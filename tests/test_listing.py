"""The listing's sort and filters (careers.ranking.roles_for_listing), its GET form and its
pages (careers.ranking.listing_page)."""

from types import SimpleNamespace

import pytest
from django.http import QueryDict

from careers.forms import DEFAULT_LISTING, listing_form, listing_options
from careers.models import Role
from careers.ranking import (
    LISTING_PAGE_SIZE,
    ListingSort,
    entry_steps,
    is_canonical_listing,
    listing_page,
    listing_query,
    roles_for_listing,
)


def role(rank, *, base, years, track="backend") -> SimpleNamespace:
    pay = SimpleNamespace(base_midpoint=base)
    return SimpleNamespace(rank=rank, pay=pay, experience_min_years=years, track=track)


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
    shown = roles_for_listing(roles=list(Role.objects.ranked()), sort=ListingSort.FASTEST, years=5)
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
    options = listing_options(query=QueryDict(query))
    assert (options.sort, options.track, options.years) == expected


def test_the_form_shows_the_values_in_use_without_errors():
    form = listing_form(listing_options(query=QueryDict("sort=bogus&track=cloud")))
    assert not form.is_bound
    assert form["sort"].value() == "total"
    assert form["track"].value() == "cloud"


def test_options_describe_themselves_in_words():
    options = listing_options(query=QueryDict("sort=base&track=ml&years=8"))
    assert (
        options.description
        == "Machine learning track, within reach with 8 years, sorted by base salary"
    )
    assert DEFAULT_LISTING.is_default
    assert not options.is_default


def with_stages(rank, *, track, stages) -> SimpleNamespace:
    listed = [SimpleNamespace(title=title) for title in stages]
    return SimpleNamespace(rank=rank, track=track, stages=tuple(listed))


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


# Paging only slices the list it is given, so plain numbers stand in for roles.
FORTY_FIVE = list(range(1, 46))


def test_the_page_size_leaves_the_articles_ten_on_one_page():
    assert LISTING_PAGE_SIZE == 20
    page = listing_page(roles=FORTY_FIVE[:10], page=None)
    assert page.roles == FORTY_FIVE[:10]
    assert (page.number, page.shown, page.total, page.new_from) == (1, 10, 10, 0)
    assert page.next_query == ""
    assert not page.is_paged


def test_the_first_page_shows_one_page_and_links_the_next():
    page = listing_page(roles=FORTY_FIVE, page=None)
    assert page.roles == FORTY_FIVE[:20]
    assert (page.shown, page.total, page.new_from) == (20, 45, 0)
    assert page.next_query == "page=2"
    assert page.is_paged


def test_a_full_page_shows_every_role_up_to_it_and_marks_where_its_own_start():
    page = listing_page(roles=FORTY_FIVE, page="2")
    assert page.roles == FORTY_FIVE[:40]
    assert page.roles[page.new_from - 1] == 21
    assert (page.number, page.shown) == (2, 40)
    assert page.next_query == "page=3"


def test_appending_a_page_gives_only_its_own_roles():
    page = listing_page(roles=FORTY_FIVE, page="2", appending=True)
    assert page.roles == FORTY_FIVE[20:40]
    assert (page.shown, page.new_from) == (40, 1)


def test_the_last_page_has_the_remainder_and_no_next():
    page = listing_page(roles=FORTY_FIVE, page="3", appending=True)
    assert page.roles == FORTY_FIVE[40:]
    assert (page.shown, page.total) == (45, 45)
    assert page.next_query == ""


@pytest.mark.parametrize(
    ("value", "number"),
    [
        (None, 1),
        ("", 1),
        ("abc", 1),
        ("2.5", 1),
        ("1e3", 1),
        ("0", 3),
        ("-1", 3),
        ("4", 3),
        ("9" * 60, 3),
    ],
)
def test_a_page_that_is_not_there_follows_djangos_get_page(value, number):
    """Not a number: the first page. Below 1 or past the end: the last (Paginator.get_page)."""
    page = listing_page(roles=FORTY_FIVE, page=value)
    assert page.number == number
    assert page.roles == FORTY_FIVE[: min(number * 20, 45)]


def test_no_matching_role_is_one_empty_page():
    page = listing_page(roles=[], page="3")
    assert (page.roles, page.number, page.shown, page.total) == ([], 1, 0, 0)
    assert page.next_query == ""


def test_the_next_page_keeps_the_sort_and_filters_in_its_query():
    page = listing_page(roles=FORTY_FIVE, page=None, sort="base", track="cloud", years=0)
    assert page.next_query == "sort=base&track=cloud&years=0&page=2"


def test_the_page_query_leaves_out_choices_at_their_default():
    assert listing_query(sort=ListingSort.TOTAL, track="", years=None, page=2) == "page=2"
    assert listing_query(sort=ListingSort.FASTEST, track="ml", page=5) == (
        "sort=fastest&track=ml&page=5"
    )


def test_the_listing_query_names_no_page_unless_given_one():
    assert listing_query() == ""
    assert listing_query(years=0) == "years=0"


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("", ""),
        ("sort=base&track=cloud&years=0&page=2", "sort=base&track=cloud&years=0&page=2"),
        ("page=2&years=0&track=cloud&sort=base", "sort=base&track=cloud&years=0&page=2"),
        ("utm_source=newsletter", ""),
        ("sort=fastest&utm_source=a&utm_source=b", "sort=fastest"),
    ],
)
def test_the_listing_query_is_canonical_when_it_names_what_it_shows_once(query, canonical):
    assert is_canonical_listing(query=QueryDict(query), canonical=canonical)


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("sort=total", ""),
        ("track=&years=", ""),
        ("sort=junk", ""),
        ("sort=base&sort=base", "sort=base"),
        ("page=02", "page=2"),
        ("page=abc", "page=1"),
        ("sort=base", "sort=base&page=1"),
    ],
)
def test_defaults_repeats_and_junk_are_not_canonical(query, canonical):
    assert not is_canonical_listing(query=QueryDict(query), canonical=canonical)


def test_the_sort_choices_are_the_listings_sorts_in_order():
    form = listing_form(DEFAULT_LISTING)
    assert [value for value, _ in form.fields["sort"].choices] == ["total", "base", "fastest"]
