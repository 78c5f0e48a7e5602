"""The Top 10, computed from the pay data rather than stored."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.db.models import QuerySet

from careers.models import CareerStage, Role


def ranked_roles() -> QuerySet[Role]:
    """Every role with its `rank`, highest total-comp midpoint first, and its key skills."""
    return Role.objects.ranked().with_key_skills()


@dataclass(frozen=True)
class RankedPlace:
    rank: int
    previous: Role | None
    next: Role | None
    others: tuple[Role, ...] = ()


def role_place(*, role: Role, ranking: Sequence[Role]) -> RankedPlace:
    """The role's rank, its neighbours and the other roles, from `ranking` (in rank order)."""
    index = next(i for i, ranked in enumerate(ranking) if ranked.pk == role.pk)
    return RankedPlace(
        rank=index + 1,
        previous=ranking[index - 1] if index > 0 else None,
        next=ranking[index + 1] if index + 1 < len(ranking) else None,
        others=tuple(ranked for ranked in ranking if ranked.pk != role.pk),
    )


class ListingSort(models.TextChoices):
    TOTAL = "total", "Total compensation (the ranking)"
    BASE = "base", "Base salary"
    FASTEST = "fastest", "Fastest to reach (fewest years)"


SORT_KEYS = {
    ListingSort.BASE: lambda role: -role.base_midpoint,
    ListingSort.FASTEST: lambda role: role.experience_min_years,
}


def roles_for_listing(
    *, roles: list[Role], sort: str = ListingSort.TOTAL, track: str = "", years: int | None = None
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


@dataclass(frozen=True)
class EntryStep:
    """The first stage on a role's path: where someone starts who can reach no role yet."""

    role: Role
    stage: CareerStage


def entry_steps(*, roles: list[Role], track: str = "") -> list[EntryStep]:
    """Each role's first career stage, in rank order, within the track if one is chosen.

    `roles` must be in rank order with `stages` prefetched; a role without stages is left out.
    """
    steps = []
    for role in roles:
        stages = list(role.stages.all())
        if stages and (not track or role.track == track):
            steps.append(EntryStep(role=role, stage=stages[0]))
    return steps
