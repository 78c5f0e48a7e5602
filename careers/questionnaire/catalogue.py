"""The questionnaire's view of the data: plain, frozen copies of tiers, roles, their paths and
skills, so the advice in `careers.questionnaire.advice` stays pure and testable with made-up data.

`catalogue_from_database()` is the one place here that reads the ORM. Steps the article leaves
undated get years here, spread evenly between the dated steps around them, so every rule
downstream reads one number per step.
"""

import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import groupby

from django.db.models import Prefetch
from django.urls import reverse

from careers import formatting
from careers.forms import FixedChoices
from careers.models import (
    BackgroundSkill,
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

    # Worked out once: the catalogue is built once per data version and every result reads them.
    @cached_property
    def total_midpoint(self) -> int:
        return round((self.total_min + self.total_max) / 2)

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
    either_group: int = 0  # fundamentals sharing a number above 0 are one choice
    counts_as: str | None = None  # the broader skill this tool shows (Terraform: IaC)


def joined_with_or(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


@dataclass(frozen=True)
class Need:
    """One thing a step asks for: a single skill, or alternatives of which any one will do."""

    skills: tuple[SkillInfo, ...]

    # Cached: the catalogue is built once per data version and read by every request.
    @cached_property
    def name(self) -> str:
        return joined_with_or([skill.name for skill in self.skills])

    @cached_property
    def slugs(self) -> tuple[str, ...]:
        return tuple(skill.slug for skill in self.skills)

    def met_by(self, known: frozenset[str]) -> bool:
        return not known.isdisjoint(self.slugs)


@dataclass(frozen=True)
class Stage:
    order: int
    title: str
    years_min: int | None  # as the article gives them; None where it gives none
    years_max: int | None
    years_open_ended: bool
    entries: frozenset[str]  # the backgrounds the article names as this step's job
    assumes: tuple[Need, ...]
    builds: tuple[Need, ...]
    start: int = 0  # years into a career the step starts: the article's, else estimated

    @property
    def years_estimated(self) -> bool:
        return self.years_min is None


@dataclass(frozen=True)
class RoleSkillNeed:
    skill: SkillInfo
    importance: int
    either_group: int = 0


@dataclass(frozen=True)
class RoleNeed:
    """A skill a role asks for, or alternatives of which any one will do, and how much."""

    need: Need
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
    is_leadership: bool = False

    @cached_property
    def needs(self) -> tuple[RoleNeed, ...]:
        """The role's skills with alternatives folded into one need each, in the data's order."""
        grouped: dict[object, list[RoleSkillNeed]] = {}
        for row in self.skills:
            grouped.setdefault(row.either_group or row.skill.slug, []).append(row)
        return tuple(
            RoleNeed(Need(tuple(row.skill for row in rows)), min(row.importance for row in rows))
            for rows in grouped.values()
        )

    @cached_property
    def core_needs(self) -> tuple[Need, ...]:
        return tuple(need.need for need in self.needs if need.is_core)

    @cached_property
    def expected_needs(self) -> tuple[Need, ...]:
        return tuple(need.need for need in self.needs if need.importance == Importance.EXPECTED)

    @cached_property
    def core_skills(self) -> tuple[SkillInfo, ...]:
        return tuple(row.skill for row in self.skills if row.importance == Importance.CORE)

    @cached_property
    def specialist_core_needs(self) -> tuple[Need, ...]:
        """The core needs no fundamental meets: the role's own kind of work."""
        return tuple(
            need for need in self.core_needs if not any(s.is_fundamental for s in need.skills)
        )

    @cached_property
    def specialist_kinds(self) -> tuple[str, ...]:
        """The kind of skill of each specialist core need, in order."""
        return tuple(need.skills[0].kind for need in self.specialist_core_needs)

    @cached_property
    def named_backgrounds(self) -> frozenset[str]:
        """The jobs some step of its path names."""
        return frozenset(background for stage in self.stages for background in stage.entries)

    @cached_property
    def fundamentals_at_start(self) -> int:
        """How many shared fundamentals its first step asks for or builds."""
        needs = (*self.needs_for(0), *self.stages[0].builds) if self.stages else ()
        return sum(1 for need in needs if any(skill.is_fundamental for skill in need.skills))

    @cached_property
    def core_slugs(self) -> frozenset[str]:
        return frozenset(slug for need in self.core_needs for slug in need.slugs)

    def needs_through(self, index: int) -> tuple[Need, ...]:
        """What steps 0..index assume and build: the work done by standing on step `index`."""
        return self._needs_through[index] if index >= 0 else ()

    def needs_for(self, index: int) -> tuple[Need, ...]:
        """What step `index` asks of whoever steps in: what earlier steps teach, plus what it
        assumes."""
        return self._needs_for[index]

    @cached_property
    def _needs_through(self) -> tuple[tuple[Need, ...], ...]:
        return tuple(
            unique_needs(need for stage in self.stages[: index + 1] for need in stage_needs(stage))
            for index in range(len(self.stages))
        )

    @cached_property
    def _needs_for(self) -> tuple[tuple[Need, ...], ...]:
        return tuple(
            unique_needs((*self.needs_through(index - 1), *stage.assumes))
            for index, stage in enumerate(self.stages)
        )


def stage_needs(stage: Stage) -> tuple[Need, ...]:
    return (*stage.assumes, *stage.builds)


def unique_needs(needs) -> tuple[Need, ...]:
    return tuple({need.slugs: need for need in needs}.values())


@dataclass(frozen=True)
class Catalogue:
    tiers: tuple[Tier, ...]
    roles: tuple[RoleData, ...]
    skills: tuple[SkillInfo, ...]  # every skill, fundamentals first, then by name
    background_skills: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For each background, the skills its people use after a year or two (step 2 ticks them)."""

    @cached_property
    def role_by_slug(self) -> dict[str, RoleData]:
        return {role.slug: role for role in self.roles}

    @cached_property
    def broader_skills(self) -> dict[str, str]:
        return {skill.slug: skill.counts_as for skill in self.skills if skill.counts_as}

    def with_broader_skills(self, known: frozenset[str]) -> frozenset[str]:
        """`known` plus the broader skill each known tool shows: Terraform is IaC work."""
        broader = self.broader_skills
        return known | {broader[slug] for slug in known if slug in broader}

    @cached_property
    def named_backgrounds(self) -> frozenset[str]:
        """The backgrounds some step of some path names: only their years count on a path."""
        return frozenset(background for role in self.roles for background in role.named_backgrounds)

    def roles_naming(self, background: str) -> tuple[RoleData, ...]:
        """The roles whose path names the job at some step, in catalogue order."""
        return self._roles_naming.get(background, ())

    @cached_property
    def _roles_naming(self) -> dict[str, tuple[RoleData, ...]]:
        naming: dict[str, list[RoleData]] = {}
        for role in self.roles:
            for background in role.named_backgrounds:
                naming.setdefault(background, []).append(role)
        return {background: tuple(roles) for background, roles in naming.items()}

    @cached_property
    def first_jobs(self) -> tuple[RoleData, ...]:
        """The roles whose path starts with the job building the most shared fundamentals: where
        the article sends a beginner with no direction yet."""
        most = max((role.fundamentals_at_start for role in self.roles), default=0)
        return tuple(r for r in self.roles if r.stages and r.fundamentals_at_start == most)

    def roles_with_core_skill(self, slugs: frozenset[str]) -> list[RoleData]:
        """The roles with any of `slugs` among their core skills, in catalogue order."""
        found = {id(role) for slug in slugs for role in self._roles_by_core_skill.get(slug, ())}
        return [role for role in self.roles if id(role) in found] if found else []

    @cached_property
    def _roles_by_core_skill(self) -> dict[str, tuple[RoleData, ...]]:
        by_skill: dict[str, list[RoleData]] = {}
        for role in self.roles:
            for slug in role.core_slugs:
                by_skill.setdefault(slug, []).append(role)
        return {slug: tuple(roles) for slug, roles in by_skill.items()}

    @cached_property
    def roles_by_title(self) -> tuple[RoleData, ...]:
        return tuple(sorted(self.roles, key=lambda role: role.title))

    @cached_property
    def skill_choices(self) -> FixedChoices:
        """Every skill as a form choice for step 2, built once per data version."""
        return FixedChoices((skill.slug, skill.name) for skill in self.skills)

    @cached_property
    def fundamental_needs(self) -> tuple[Need, ...]:
        """The fundamentals as needs: one for each skill, or one for each choice of skills
        ("Python, Go or Java")."""
        grouped: dict[object, list[SkillInfo]] = {}
        for skill in self.skills:
            if skill.is_fundamental:
                grouped.setdefault(skill.either_group or skill.slug, []).append(skill)
        return tuple(Need(tuple(skills)) for skills in grouped.values())

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


def with_start_years(stages: list[Stage]) -> tuple[Stage, ...]:
    """Each step's start: the article's years, else spread evenly between the dated steps around
    it. A path starts at year 0; a step after the last dated one starts with that one."""
    anchors = {index: stage.years_min for index, stage in enumerate(stages)}
    anchors = {index: years for index, years in anchors.items() if years is not None}
    anchors.setdefault(0, 0)
    starts = []
    for index in range(len(stages)):
        if index in anchors:
            starts.append(anchors[index])
            continue
        before = max(i for i in anchors if i < index)
        after = min((i for i in anchors if i > index), default=None)
        if after is None:
            starts.append(anchors[before])
            continue
        share = (index - before) / (after - before)
        starts.append(round(anchors[before] + (anchors[after] - anchors[before]) * share))
    return tuple(replace(stage, start=start) for stage, start in zip(stages, starts, strict=True))


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
            either_group=skill.either_group,
            counts_as=skill.counts_as.slug if skill.counts_as else None,
        )
        for skill in Skill.objects.select_related("counts_as")
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
                stages=with_start_years([stage_from(s, infos=infos) for s in role.stages.all()]),
                skills=tuple(
                    RoleSkillNeed(infos[need.skill_id], need.importance, need.either_group)
                    for need in role.role_skills.all()
                ),
                is_leadership=role.is_leadership,
            )
            for role in roles
        ),
        skills=tuple(
            sorted(infos.values(), key=lambda skill: (not skill.is_fundamental, skill.name))
        ),
        background_skills=background_skills(infos),
    )


def background_skills(infos: dict[int, SkillInfo]) -> dict[str, tuple[str, ...]]:
    credited: dict[str, list[str]] = {}
    for row in BackgroundSkill.objects.order_by("background", "skill__name"):
        credited.setdefault(row.background, []).append(infos[row.skill_id].slug)
    return {background: tuple(slugs) for background, slugs in credited.items()}
