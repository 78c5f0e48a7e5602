"""The questionnaire's view of the data: plain, frozen copies of tiers, roles, stages and skills.

`catalogue_from_database()` is the one place that reads the ORM, so the scoring in
`careers.questionnaire` stays pure and can be tested with hand-made data.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from careers.models import ExperienceTier, Role, RoleSkill


@dataclass(frozen=True)
class Pay:
    base_min: int
    base_max: int
    base_max_open_ended: bool
    total_min: int
    total_max: int
    total_max_open_ended: bool

    @property
    def total_midpoint(self) -> float:
        return (self.total_min + self.total_max) / 2


@dataclass(frozen=True)
class Tier:
    slug: str
    name: str
    years_min: int
    years_max: int | None
    pay: Pay

    def contains_years(self, years: int) -> bool:
        return self.years_min <= years and (self.years_max is None or years <= self.years_max)


@dataclass(frozen=True)
class Stage:
    order: int
    title: str
    years_min: int | None
    years_max: int | None
    years_open_ended: bool


@dataclass(frozen=True)
class SkillNeed:
    slug: str
    name: str
    kind: str
    is_fundamental: bool
    importance: int
    url: str


@dataclass(frozen=True)
class RoleData:
    slug: str
    title: str
    track: str
    url: str
    pay: Pay
    stages: tuple[Stage, ...]
    skills: tuple[SkillNeed, ...]
    experience_min_years: int

    @property
    def years_to_top(self) -> int:
        """When the role's own (last) stage starts; the role's typical minimum if undated."""
        dated = [stage.years_min for stage in self.stages if stage.years_min is not None]
        return dated[-1] if dated else self.experience_min_years


@dataclass(frozen=True)
class Catalogue:
    tiers: tuple[Tier, ...]
    roles: tuple[RoleData, ...]


def pay_from(item) -> Pay:
    return Pay(
        base_min=item.base_min,
        base_max=item.base_max,
        base_max_open_ended=item.base_max_open_ended,
        total_min=item.total_min,
        total_max=item.total_max,
        total_max_open_ended=item.total_max_open_ended,
    )


def role_data_from(role: Role) -> RoleData:
    return RoleData(
        slug=role.slug,
        title=role.title,
        track=role.track,
        url=role.get_absolute_url(),
        pay=pay_from(role),
        stages=tuple(
            Stage(s.order, s.title, s.years_min, s.years_max, s.years_open_ended)
            for s in role.stages.all()
        ),
        skills=tuple(
            SkillNeed(
                slug=need.skill.slug,
                name=need.skill.name,
                kind=need.skill.kind,
                is_fundamental=need.skill.is_fundamental,
                importance=need.importance,
                url=need.skill.get_absolute_url(),
            )
            for need in role.role_skills.all()
        ),
        experience_min_years=role.experience_min_years,
    )


def catalogue_from_database() -> Catalogue:
    """Tiers, roles, stages and skills in four queries, whatever the data size."""
    roles = Role.objects.order_by("slug").prefetch_related(
        "stages",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
    )
    tiers = tuple(
        Tier(tier.slug, tier.name, tier.years_min, tier.years_max, pay_from(tier))
        for tier in ExperienceTier.objects.all()
    )
    return Catalogue(tiers=tiers, roles=tuple(role_data_from(role) for role in roles))
