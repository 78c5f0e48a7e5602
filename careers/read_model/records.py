"""The records the public site shows: plain, frozen copies of the careers data.

Every public page, the questionnaire, plans, cards, open data and the sitemap read these, never
the ORM: one shape for each kind of record, one rule for each derived value. Whatever is
derived from the data alone (a role's needs, its years per step) is worked out on first use and
kept with the record, which lives as long as its data version.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cached_property

from careers import formatting
from careers.models import Importance


def midpoint(low: int, high: int) -> int:
    """The middle of a range in whole dollars, half a dollar rounded up."""
    return (low + high + 1) // 2


@dataclass(frozen=True)
class Pay:
    """Base and total-compensation bands, in whole US dollars a year."""

    base_min: int
    base_max: int
    base_max_open_ended: bool
    total_min: int
    total_max: int
    total_max_open_ended: bool

    @cached_property
    def base_midpoint(self) -> int:
        return midpoint(self.base_min, self.base_max)

    @cached_property
    def total_midpoint(self) -> int:
        return midpoint(self.total_min, self.total_max)

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
    order: int
    years_min: int
    years_max: int | None
    pay: Pay
    summary: str = ""

    def contains_years(self, years: int) -> bool:
        return self.years_min <= years and (self.years_max is None or years <= self.years_max)


@dataclass(frozen=True)
class LearningLink:
    """An official place to learn a skill (careers.models.LearningResource)."""

    title: str
    publisher: str
    url: str
    kind_label: str


@dataclass(frozen=True)
class Skill:
    slug: str
    name: str
    kind: str
    kind_label: str
    is_fundamental: bool
    url: str
    description: str = ""
    either_group: int = 0  # fundamentals sharing a number above 0 are one choice
    counts_as: str | None = None  # the broader skill this tool shows (Terraform: IaC)
    role_count: int = 0  # how many roles ask for it
    learn: tuple[LearningLink, ...] = ()  # where to learn it, in the editors' order


def joined_with_or(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


@dataclass(frozen=True)
class Need:
    """One thing a step or a role asks for: a skill, or alternatives of which any one will do."""

    skills: tuple[Skill, ...]

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
    """One step of a role's path, as the article tells it."""

    order: int
    title: str
    years_min: int | None  # as the article gives them; None where it gives none
    years_max: int | None
    years_open_ended: bool
    entries: frozenset[str]  # the backgrounds the article names as this step's job
    assumes: tuple[Need, ...]
    builds: tuple[Need, ...]
    description: str = ""
    start: int = 0  # years into a career the step starts: the article's, else estimated

    @property
    def years_estimated(self) -> bool:
        return self.years_min is None


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


def stage_needs(stage: Stage) -> tuple[Need, ...]:
    return (*stage.assumes, *stage.builds)


def unique_needs(needs) -> tuple[Need, ...]:
    return tuple({need.slugs: need for need in needs}.values())


@dataclass(frozen=True)
class RoleSkill:
    """A skill a role asks for, and how much. Rows sharing an `either_group` above 0 are
    alternatives; their need is as important as its most important row."""

    skill: Skill
    importance: int
    either_group: int = 0

    @property
    def importance_label(self) -> str:
        return Importance(self.importance).label


@dataclass(frozen=True)
class RoleNeed:
    need: Need
    importance: int

    @property
    def is_core(self) -> bool:
        return self.importance == Importance.CORE


@dataclass(frozen=True)
class PayRow:
    """A row of a role's pay table: the role itself or a neighbouring job. Some rows give no range
    ("Varies by level"), so every figure may be missing and a note stands in."""

    label: str
    base_min: int | None
    base_max: int | None
    base_max_open_ended: bool
    base_note: str
    total_min: int | None
    total_max: int | None
    total_max_open_ended: bool
    total_average: int | None
    total_note: str
    focus: str


@dataclass(frozen=True)
class Source:
    slug: str
    name: str
    title: str
    kind: str
    kind_label: str
    description: str
    url: str = ""
    read_on: date | None = None


@dataclass(frozen=True)
class FigureSource:
    """Where one of a role's figures now comes from, when an edit changed it since the article:
    the report (None if the edit recorded none), the editor's reason and the day."""

    figure: str
    value: str
    source: Source | None
    reason: str
    changed_on: date


@dataclass(frozen=True)
class RoleSource:
    source: Source
    backs: str
    backs_label: str


@dataclass(frozen=True)
class Statistic:
    slug: str
    label: str
    low: Decimal
    high: Decimal | None
    unit: str
    explanation: str
    source: Source


@dataclass(frozen=True)
class FaqEntry:
    slug: str
    order: int
    question: str
    answer: str
    offers_questionnaire: bool


@dataclass(frozen=True)
class ImportanceGroup:
    """A role's skills of one importance (core, expected, bonus), as its page lists them."""

    label: str
    links: tuple[RoleSkill, ...]


@dataclass(frozen=True)
class Role:
    slug: str
    title: str
    rank: int
    track: str
    track_label: str
    url: str
    plan_url: str
    pay: Pay
    stages: tuple[Stage, ...]
    skills: tuple[RoleSkill, ...]  # in the role page's order
    aliases: tuple[str, ...] = ()
    focus: str = ""
    summary: str = ""
    what_they_do: str = ""
    salary_context: str = ""
    skills_and_ai: str = ""
    how_to_get_there: str = ""
    total_peak: int | None = None
    total_peak_note: str = ""
    experience_min_years: int = 0
    experience_max_years: int | None = None
    experience_open_ended: bool = False
    experience_approximate: bool = False
    season: str = ""
    pay_as_of: date | None = None
    is_leadership: bool = False
    comparisons: tuple[PayRow, ...] = ()
    sources: tuple[RoleSource, ...] = ()
    figure_sources: tuple[FigureSource, ...] = ()  # figures edited since the article, by field

    def pay_is_old(self, today: date) -> bool:
        """Whether its figures were last checked more than a year before `today`."""
        return self.pay_as_of is not None and (today - self.pay_as_of).days > 365

    def __str__(self) -> str:
        return self.title

    @cached_property
    def skills_by_importance(self) -> tuple[ImportanceGroup, ...]:
        """Core, expected and bonus skills, each group in the role's own order."""
        return tuple(
            ImportanceGroup(Importance(importance).label, links)
            for importance in Importance
            if (links := tuple(link for link in self.skills if link.importance == importance))
        )

    @cached_property
    def needs(self) -> tuple[RoleNeed, ...]:
        """The role's skills with alternatives folded into one need each, in the page's order."""
        grouped: dict[object, list[RoleSkill]] = {}
        for link in self.skills:
            grouped.setdefault(link.either_group or link.skill.slug, []).append(link)
        return tuple(
            RoleNeed(Need(tuple(link.skill for link in links)), min(x.importance for x in links))
            for links in grouped.values()
        )

    @cached_property
    def core_needs(self) -> tuple[Need, ...]:
        return tuple(need.need for need in self.needs if need.is_core)

    @cached_property
    def expected_needs(self) -> tuple[Need, ...]:
        return tuple(need.need for need in self.needs if need.importance == Importance.EXPECTED)

    @cached_property
    def core_slugs(self) -> frozenset[str]:
        return frozenset(slug for need in self.core_needs for slug in need.slugs)

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
