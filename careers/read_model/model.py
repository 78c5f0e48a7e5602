"""One data version of everything public, with the lookups the pages, the advice and the plan
need. Each lookup is worked out on first use and kept for the version (cached_property writes to
the frozen instance's __dict__); it holds records, never HTML."""

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from careers.models import Importance
from careers.pay_changes import PayEdit
from careers.read_model.records import (
    FaqEntry,
    Need,
    Role,
    Skill,
    Source,
    Statistic,
    Tier,
)

# The statistic the article gives for specializing in cloud, security or AI (careers/premium.py).
SPECIALIZATION_PREMIUM = "specialization-premium"


@dataclass(frozen=True)
class SkillUse:
    """A role asking for a skill, as the skill's page lists it."""

    role: Role
    importance: int

    @property
    def importance_label(self) -> str:
        return Importance(self.importance).label


@dataclass(frozen=True)
class SourceUse:
    """A report and the roles whose figures it backs, as About lists it."""

    source: Source
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class ReadModel:
    version: str
    roles: tuple[Role, ...]  # in rank order
    tiers: tuple[Tier, ...]
    skills: tuple[Skill, ...]  # by name
    faq: tuple[FaqEntry, ...]
    sources: tuple[SourceUse, ...]
    statistics: tuple[Statistic, ...]
    pay_edits: tuple[PayEdit, ...] = ()  # the public change log, newest first
    background_skills: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For each background, the skills its people use after a year or two (step 2 ticks them)."""

    @cached_property
    def role_by_slug(self) -> dict[str, Role]:
        return {role.slug: role for role in self.roles}

    @cached_property
    def skill_by_slug(self) -> dict[str, Skill]:
        return {skill.slug: skill for skill in self.skills}

    @cached_property
    def skill_uses(self) -> dict[str, tuple[SkillUse, ...]]:
        """For each skill's slug, the roles that ask for it: by importance, then role title."""
        uses: dict[str, list[SkillUse]] = {}
        for role in self.roles:
            for link in role.skills:
                uses.setdefault(link.skill.slug, []).append(SkillUse(role, link.importance))
        return {
            slug: tuple(sorted(found, key=lambda use: (use.importance, use.role.title)))
            for slug, found in uses.items()
        }

    @cached_property
    def pay_as_of(self) -> date | None:
        """The latest date any role's pay figures were checked."""
        return max((role.pay_as_of for role in self.roles if role.pay_as_of), default=None)

    @cached_property
    def oldest_pay_check(self) -> date | None:
        """The earliest date on which some role's pay figures were last checked."""
        return min((role.pay_as_of for role in self.roles if role.pay_as_of), default=None)

    @cached_property
    def specialization_premium(self) -> Statistic | None:
        """The article's premium figure, or None before the statistics are loaded."""
        return next((s for s in self.statistics if s.slug == SPECIALIZATION_PREMIUM), None)

    # ----------------------------------------------------------------- the fundamentals

    @cached_property
    def fundamentals(self) -> tuple[tuple[Skill, ...], ...]:
        """The shared fundamentals, each a skill or a choice of skills (a backend language)."""
        choices: dict[object, list[Skill]] = {}
        for skill in self.skills:
            if skill.is_fundamental:
                choices.setdefault(skill.either_group or skill.slug, []).append(skill)
        return tuple(tuple(choice) for choice in choices.values())

    @cached_property
    def fundamental_needs(self) -> tuple[Need, ...]:
        """The fundamentals as needs, fundamentals first by name within each choice."""
        return tuple(Need(choice) for choice in self.fundamentals)

    def fundamental_choice(self, skill: Skill) -> tuple[Skill, ...]:
        """The fundamental `skill` is one choice of, itself included; empty if it is none."""
        return next((choice for choice in self.fundamentals if skill in choice), ())

    # ----------------------------------------------------------------- the questionnaire

    @cached_property
    def skills_in_questionnaire_order(self) -> tuple[Skill, ...]:
        """Every skill, fundamentals first, then by name: step 2's boxes and the plan's order."""
        return tuple(sorted(self.skills, key=lambda skill: (not skill.is_fundamental, skill.name)))

    @cached_property
    def common_skills(self) -> tuple[Skill, ...]:
        """The fundamentals, then the skills at least half the roles ask for, most-needed first
        (step 2 shows these before the rest)."""
        threshold = math.ceil(len(self.roles) / 2)
        chosen = [s for s in self.skills if s.is_fundamental or s.role_count >= threshold]
        return tuple(sorted(chosen, key=lambda s: (not s.is_fundamental, -s.role_count, s.name)))

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
        return frozenset(bg for role in self.roles for bg in role.named_backgrounds)

    def roles_naming(self, background: str) -> tuple[Role, ...]:
        """The roles whose path names the job at some step, in rank order."""
        return self._roles_naming.get(background, ())

    @cached_property
    def _roles_naming(self) -> dict[str, tuple[Role, ...]]:
        naming: dict[str, list[Role]] = {}
        for role in self.roles:
            for background in role.named_backgrounds:
                naming.setdefault(background, []).append(role)
        return {background: tuple(roles) for background, roles in naming.items()}

    @cached_property
    def first_jobs(self) -> tuple[Role, ...]:
        """The roles whose path starts with the job building the most shared fundamentals: where
        the article sends a beginner with no direction yet."""
        most = max((role.fundamentals_at_start for role in self.roles), default=0)
        return tuple(r for r in self.roles if r.stages and r.fundamentals_at_start == most)

    # ----------------------------------------------------------------- the plan

    def roles_with_core_skill(self, slugs: frozenset[str]) -> list[Role]:
        """The roles with any of `slugs` among their core skills, in rank order."""
        found = {id(role) for slug in slugs for role in self._roles_by_core_skill.get(slug, ())}
        return [role for role in self.roles if id(role) in found] if found else []

    @cached_property
    def _roles_by_core_skill(self) -> dict[str, tuple[Role, ...]]:
        by_skill: dict[str, list[Role]] = {}
        for role in self.roles:
            for slug in role.core_slugs:
                by_skill.setdefault(slug, []).append(role)
        return {slug: tuple(roles) for slug, roles in by_skill.items()}

    @cached_property
    def roles_by_title(self) -> tuple[Role, ...]:
        return tuple(sorted(self.roles, key=lambda role: role.title))
