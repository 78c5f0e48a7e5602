"""The Top 10, computed from the pay data rather than stored."""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

from django.core.paginator import Paginator
from django.db import models
from django.http import QueryDict

from careers.read_model import Role, Stage


@dataclass(frozen=True)
class RankedPlace:
    rank: int
    total: int  # how many roles are ranked
    previous: Role | None
    next: Role | None
    others: tuple[Role, ...] = ()


def role_place(*, role: Role, ranking: Sequence[Role]) -> RankedPlace:
    """The role's rank, its neighbours and the other roles, from `ranking` (in rank order)."""
    index = role.rank - 1
    return RankedPlace(
        rank=role.rank,
        total=len(ranking),
        previous=ranking[index - 1] if index > 0 else None,
        next=ranking[index + 1] if index + 1 < len(ranking) else None,
        others=tuple(ranked for ranked in ranking if ranked.slug != role.slug),
    )


class ListingSort(models.TextChoices):
    TOTAL = "total", "Total compensation (the ranking)"
    BASE = "base", "Base salary"
    FASTEST = "fastest", "Fastest to reach (fewest years)"


SORT_KEYS = {
    ListingSort.BASE: lambda role: -role.pay.base_midpoint,
    ListingSort.FASTEST: lambda role: role.experience_min_years,
}


def roles_for_listing(
    *,
    roles: Sequence[Role],
    sort: str = ListingSort.TOTAL,
    track: str = "",
    years: int | None = None,
) -> list[Role]:
    """The ranked roles filtered and re-sorted for the listing; each keeps its article rank.

    `roles` must be in rank order: the sorts are stable, so ties stay in rank order. `years`
    keeps the roles whose typical experience starts at or below the years someone has.
    """
    shown = [
        role
        for role in roles
        if (not track or role.track == track)
        and (years is None or role.experience_min_years <= years)
    ]
    key = SORT_KEYS.get(sort)
    return sorted(shown, key=key) if key else shown


# Roles per "Show more roles" step: the article's ten and then some, and 1,000 roles' first page
# stays small (tests/test_browse_views.py pins it under 100 KB).
LISTING_PAGE_SIZE = 20


@dataclass(frozen=True)
class ListingPage:
    """What one response of the listing draws, and the step that follows it.

    A full page at `page=N` draws every matching role up to page N (what someone who pressed
    "Show more roles" N-1 times sees); an appended htmx step draws page N's roles only.
    """

    roles: list[Role]
    number: int
    shown: int  # matching roles the reader has once this response is drawn
    total: int  # matching roles in all
    new_from: int  # the position in `roles` (from 1) of the first role page N adds; 0 on page 1
    next_query: str  # the query string of the next step, "" on the last page

    @property
    def is_paged(self) -> bool:
        return self.total > LISTING_PAGE_SIZE


# The query parameters the listing reads (an address with any of them is never stored by the
# page cache).
LISTING_PARAMETERS = ("sort", "track", "years", "page")


def listing_query(
    *,
    sort: str = ListingSort.TOTAL,
    track: str = "",
    years: int | None = None,
    page: int | None = None,
) -> str:
    """The listing's query string; choices left at their default, and no page, are not named."""
    query = {"sort": sort} if sort != ListingSort.TOTAL else {}
    if track:
        query["track"] = track
    if years is not None:
        query["years"] = years
    if page is not None:
        query["page"] = page
    return urlencode(query)


def listing_parameters(query: QueryDict) -> dict[str, list[str]]:
    return {name: query.getlist(name) for name in LISTING_PARAMETERS if name in query}


def is_canonical_listing(*, query: QueryDict, canonical: str) -> bool:
    """Whether `query` names the listing's parameters exactly as `canonical` (listing_query's
    string for what it shows) does: each once, none at its default. Parameters the listing does
    not read (`utm_source`) do not count: the page cache never stores a page with them."""
    return listing_parameters(query) == parse_qs(canonical)


def listing_page(
    *,
    roles: list[Role],
    page: int | str | None,
    appending: bool = False,
    sort: str = ListingSort.TOTAL,
    track: str = "",
    years: int | None = None,
) -> ListingPage:
    """Page `page` of the matching `roles` (see ListingPage), with Django's `get_page` rules
    (`page` as careers.forms.PageField reads it).

    A page that is not a number is the first; one past the end, or below 1, is the last.
    """
    current = Paginator(roles, LISTING_PAGE_SIZE).get_page(page)
    start = (current.number - 1) * LISTING_PAGE_SIZE
    end = start + len(current.object_list)
    next_query = ""
    if current.has_next():
        next_query = listing_query(sort=sort, track=track, years=years, page=current.number + 1)
    return ListingPage(
        roles=roles[start:end] if appending else roles[:end],
        number=current.number,
        shown=end,
        total=len(roles),
        new_from=0 if current.number == 1 else 1 if appending else start + 1,
        next_query=next_query,
    )


@dataclass(frozen=True)
class EntryStep:
    """The first stage on a role's path: where someone starts who can reach no role yet."""

    role: Role
    stage: Stage


def entry_steps(*, roles: Sequence[Role], track: str = "") -> list[EntryStep]:
    """Each role's first career stage, in rank order, within the track if one is chosen.

    `roles` must be in rank order; a role without stages is left out.
    """
    return [
        EntryStep(role=role, stage=role.stages[0])
        for role in roles
        if role.stages and (not track or role.track == track)
    ]
