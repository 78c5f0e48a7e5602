"""The questionnaire's view of the data: plain, frozen copies of tiers, roles, their paths and
skills, so the advice in `careers.questionnaire.advice` stays pure and testable with made-up data.

`catalogue_from_database()` is the one place here that reads the ORM.
"""

import math
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from django.db.models import Prefetch
from django.urls import reverse

from careers import formatting
from careers.forms import FixedChoices
from careers.models import (
    CareerStage,
    ExperienceTier,
    Importance,
    Role,
    RoleSkill,
    Skill,
    StagePurpose,
    StageSkill,
)


@dataclass(frozen=True)
class Pay:
    base_min: int
    base_max: int
    base_max_open_ended: bool
    total_min: int
    total_max: int
    total_max_open_ended: bool

    @property
    def total_midpoint(self) -> int:
        return round((self.total_min + self.total_max) / 2)

    # Formatted once: the catalogue is built once per data version and every result shows them.
    @cached_property
    def base_range(self) -> str:
        return formatting.base_pay(self)

    @cached_property
    def total_range(self) -> str:
        return formatting.total_pay(self)


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
class SkillInfo:
    slug: str
    name: str
    kind: str
    is_fundamental: bool
    url: str


@dataclass(frozen=True)
class Need:
    """One thing a step asks for: a single skill, or alternatives of which any one will do."""

    skills: tuple[SkillInfo, ...]

    # Cached: the catalogue is built once per data version and read by every request.
    @cached_property
    def name(self) -> str:
        return " or ".join(skill.name for skill in self.skills)

    @cached_property
    def slugs(self) -> tuple[str, ...]:
        return tuple(skill.slug for skill in self.skills)

    def met_by(self, known: frozenset[str]) -> bool:
        return not known.isdisjoint(self.slugs)


@dataclass(frozen=True)
class Stage:
    order: int
    title: str
    years_min: int | None
    years_max: int | None
    years_open_ended: bool
    entries: frozenset[str]  # the backgrounds the article names as this step's job
    assumes: tuple[Need, ...]
    builds: tuple[Need, ...]


@dataclass(frozen=True)
class RoleSkillNeed:
    skill: SkillInfo
    importance: int

    @property
    def is_core(self) -> bool:
        return self.importance == Importance.CORE


@dataclass(frozen=True)
class RoleData:
    slug: str
    title: str
    track: str
    url: str
    plan_url: str
    pay: Pay
    stages: tuple[Stage, ...]
    skills: tuple[RoleSkillNeed, ...]

    @cached_property
    def core_skills(self) -> tuple[SkillInfo, ...]:
        return tuple(need.skill for need in self.skills if need.is_core)

    @cached_property
    def specialist_core_skills(self) -> tuple[SkillInfo, ...]:
        """The core skills that are not fundamentals: the role's own kind of work."""
        return tuple(skill for skill in self.core_skills if not skill.is_fundamental)


@dataclass(frozen=True)
class Catalogue:
    tiers: tuple[Tier, ...]
    roles: tuple[RoleData, ...]
    skills: tuple[SkillInfo, ...]  # every skill, fundamentals first, then by name

    @cached_property
    def role_by_slug(self) -> dict[str, RoleData]:
        return {role.slug: role for role in self.roles}

    @cached_property
    def skill_choices(self) -> FixedChoices:
        """Every skill as a form choice for step 2, built once per data version."""
        return FixedChoices((skill.slug, skill.name) for skill in self.skills)

    @cached_property
    def fundamental_needs(self) -> tuple[Need, ...]:
        """Each fundamental as a need of its own, the last group of skills a result suggests."""
        return tuple(Need((skill,)) for skill in self.skills if skill.is_fundamental)

    @cached_property
    def common_skills(self) -> tuple[SkillInfo, ...]:
        """The fundamentals, then the skills at least half the roles ask for, most-needed first
        (step 2 shows these before the rest); counted once per data version."""
        counts: dict[str, int] = {}
        for role in self.roles:
            for need in role.skills:
                counts[need.skill.slug] = counts.get(need.skill.slug, 0) + 1
        threshold = math.ceil(len(self.roles) / 2)
        chosen = [
            skill
            for skill in self.skills
            if skill.is_fundamental or counts.get(skill.slug, 0) >= threshold
        ]
        return tuple(
            sorted(chosen, key=lambda s: (not s.is_fundamental, -counts.get(s.slug, 0), s.name))
        )


def pay_from(item) -> Pay:
    return Pay(
        base_min=item.base_min,
        base_max=item.base_max,
        base_max_open_ended=item.base_max_open_ended,
        total_min=item.total_min,
        total_max=item.total_max,
        total_max_open_ended=item.total_max_open_ended,
    )


def needs_from(rows: list[StageSkill], *, infos: dict[int, SkillInfo]) -> tuple[Need, ...]:
    """Rows in order; rows sharing an either-group above 0 become one need of alternatives."""
    needs, groups = [], {}
    for row in rows:
        skill = infos[row.skill_id]
        if row.either_group == 0:
            needs.append([skill])
        elif row.either_group in groups:
            groups[row.either_group].append(skill)
        else:
            groups[row.either_group] = [skill]
            needs.append(groups[row.either_group])
    return tuple(Need(tuple(skills)) for skills in needs)


def stage_from(stage: CareerStage, *, infos: dict[int, SkillInfo]) -> Stage:
    rows = {
        purpose: list(rows)
        for purpose, rows in groupby(
            sorted(stage.stage_skills.all(), key=lambda row: (row.purpose, row.order)),
            key=lambda row: row.purpose,
        )
    }
    return Stage(
        order=stage.order,
        title=stage.title,
        years_min=stage.years_min,
        years_max=stage.years_max,
        years_open_ended=stage.years_open_ended,
        entries=frozenset(entry.background for entry in stage.entries.all()),
        assumes=needs_from(rows.get(StagePurpose.ASSUMES, []), infos=infos),
        builds=needs_from(rows.get(StagePurpose.BUILDS, []), infos=infos),
    )


def catalogue_from_database() -> Catalogue:
    """Tiers, skills, roles with their paths and skills, in a fixed number of queries."""
    skill_url = reverse("careers:skill_detail", kwargs={"slug": "-"})[: -len("-/")]
    infos = {
        skill.pk: SkillInfo(
            slug=skill.slug,
            name=skill.name,
            kind=skill.kind,
            is_fundamental=skill.is_fundamental,
            url=f"{skill_url}{skill.slug}/",
        )
        for skill in Skill.objects.all()
    }
    roles = Role.objects.order_by("slug").prefetch_related(
        Prefetch(
            "stages",
            queryset=CareerStage.objects.prefetch_related("entries", "stage_skills"),
        ),
        Prefetch("role_skills", queryset=RoleSkill.objects.order_by("order")),
    )
    role_url = reverse("careers:role_detail", kwargs={"slug": "-"})[: -len("-/")]
    plan_url = reverse("careers:plan", kwargs={"slug": "-"})[: -len("-/")]
    return Catalogue(
        tiers=tuple(
            Tier(tier.slug, tier.name, tier.years_min, tier.years_max, pay_from(tier))
            for tier in ExperienceTier.objects.all()
        ),
        roles=tuple(
            RoleData(
                slug=role.slug,
                title=role.title,
                track=role.track,
                url=f"{role_url}{role.slug}/",
                plan_url=f"{plan_url}{role.slug}/",
                pay=pay_from(role),
                stages=tuple(stage_from(stage, infos=infos) for stage in role.stages.all()),
                skills=tuple(
                    RoleSkillNeed(infos[need.skill_id], need.importance)
                    for need in role.role_skills.all()
                ),
            )
            for role in roles
        ),
        skills=tuple(
            sorted(infos.values(), key=lambda skill: (not skill.is_fundamental, skill.name))
        ),
    )
