"""The Top 10, computed from the pay data rather than stored."""

from dataclasses import dataclass

from django.db.models import QuerySet

from careers.models import Role


def ranked_roles() -> QuerySet[Role]:
    """Every role with its `rank`, highest total-comp midpoint first, and its key skills."""
    return Role.objects.ranked().with_key_skills()


@dataclass(frozen=True)
class RankedPlace:
    rank: int
    previous: Role | None
    next: Role | None


def role_place(*, role: Role) -> RankedPlace:
    """The role's rank and its neighbours in the ranking, from one query."""
    ranking = list(Role.objects.ranked().only("slug", "title"))
    index = next(i for i, ranked in enumerate(ranking) if ranked.pk == role.pk)
    return RankedPlace(
        rank=index + 1,
        previous=ranking[index - 1] if index > 0 else None,
        next=ranking[index + 1] if index + 1 < len(ranking) else None,
    )
