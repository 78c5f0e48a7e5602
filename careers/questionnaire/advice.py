"""The next-episode advice: where a person stands on each of the article's paths, the next step
that suits them, whether they are ready for it, and what to learn first.

Pure functions over the frozen data of `careers.questionnaire.catalogue`. The rules, each
traceable to the article (tests/test_questionnaire_advice.py cites the passage behind each):

- A path's steps are the article's "how to get there" stages. A person stands on a step when the
  article names their job there ("0-2 years as a systems administrator...") and their years in
  tech reach it, or when they stand on the step before and already know what this one builds.
  The role itself (the last step) is never stood on by job title alone.
- The next step is the first one after the highest step they stand on. Years carry over only
  along their own job: moving onto a step that does not name their job counts at most that
  step's starting years, so a track change does not lift anyone to the top of another path.
- A step's needs are what the article says earlier steps teach plus what this one assumes.
  Ready means the years and every need are there; otherwise the result says what is missing.
"""

from dataclasses import dataclass
from functools import cached_property

from careers import formatting
from careers.models import Background, SkillKind, Track
from careers.questionnaire.answers import Answers, Interest, Priority
from careers.questionnaire.catalogue import Catalogue, Need, Pay, RoleData, Stage, Tier

# The tracks a background's own work continues on. Sysadmins appear on the infrastructure and
# reliability paths, DevOps people on most operations paths, data people on the MLOps path.
BACKGROUND_TRACKS: dict[str, tuple[str, ...]] = {
    Background.SWITCHER: (),
    Background.SELF_TAUGHT: (),
    Background.BACKEND: (Track.BACKEND,),
    Background.FRONTEND: (Track.BACKEND,),
    Background.SYSADMIN: (Track.INFRASTRUCTURE, Track.RELIABILITY),
    Background.DEVOPS: (Track.DEVOPS, Track.CLOUD, Track.PLATFORM, Track.INFRASTRUCTURE),
    Background.SRE: (Track.RELIABILITY, Track.DEVOPS),
    Background.DATA: (Track.ML,),
    Background.SECURITY: (Track.SECURITY,),
}

# What each interest points at: role tracks, and the kinds of specialist skill it enjoys.
INTEREST_TRACKS: dict[str, tuple[str, ...]] = {
    Interest.BACKEND: (Track.BACKEND,),
    Interest.RELIABILITY: (Track.RELIABILITY,),
    Interest.SECURITY: (Track.SECURITY,),
    Interest.AI: (Track.ML,),
    Interest.CLOUD: (Track.CLOUD, Track.INFRASTRUCTURE),
    Interest.PERFORMANCE: (),
    Interest.PLATFORMS: (Track.PLATFORM, Track.DEVOPS),
    Interest.DATA: (Track.BACKEND, Track.ML),
    Interest.LEADERSHIP: (),
}
INTEREST_SKILL_KINDS: dict[str, tuple[str, ...]] = {
    Interest.BACKEND: (SkillKind.DATA,),
    Interest.RELIABILITY: (SkillKind.OBSERVABILITY,),
    Interest.SECURITY: (SkillKind.SECURITY,),
    Interest.AI: (SkillKind.ML,),
    Interest.CLOUD: (SkillKind.CLOUD, SkillKind.IAC),
    Interest.PERFORMANCE: (SkillKind.LANGUAGE, SkillKind.SYSTEMS),
    Interest.PLATFORMS: (SkillKind.DELIVERY, SkillKind.CONTAINERS),
    Interest.DATA: (SkillKind.DATA,),
    Interest.LEADERSHIP: (SkillKind.PRACTICE,),
}

# The most points each part of a fit's score can add; they sum to 10. The page shows them.
POINTS_INTEREST_TRACK = 3
POINTS_INTEREST_SKILLS = 2
POINTS_BACKGROUND = 2
POINTS_KNOWN = 3
# A role is a real fit when what pulls you or your background points at it: its track, or at
# least half of its specialist core skills being the kind of work you chose.
INTEREST_SKILLS_FOR_A_FIT = 0.5
# Within this many years a destination is "within reach"; beyond, a long-term destination.
WITHIN_REACH_YEARS = 3
ROLES_SHOWN = 5
SKILLS_SHOWN = 8


class Label:
    READY = "Ready now"
    WITHIN_REACH = "Within reach"
    DESTINATION = "Long-term destination"


@dataclass(frozen=True)
class Position:
    """Where a person stands on one role's path."""

    role: RoleData
    held: Stage | None  # the highest step they already stand on
    next: Stage  # the step after it: the role itself once every earlier step is held
    relevant_years: int  # their years as this path counts them

    def years_to(self, stage: Stage) -> int | None:
        """Years until `stage` can start; None where the article gives the step no years."""
        if stage.years_min is None:
            return None
        return max(0, stage.years_min - self.relevant_years)

    @property
    def next_index(self) -> int:
        return self.role.stages.index(self.next)

    # Cached: readiness, the match score and the skills to build each read them.
    @cached_property
    def needs(self) -> tuple[Need, ...]:
        """What the next step asks for: all earlier steps teach, plus what it assumes."""
        return needs_before(self.role, index=self.next_index)

    @cached_property
    def destination_needs(self) -> tuple[Need, ...]:
        return needs_before(self.role, index=len(self.role.stages) - 1)


@dataclass(frozen=True)
class Readiness:
    years_to_reach: int | None
    missing: tuple[Need, ...]

    @property
    def ready(self) -> bool:
        return self.years_to_reach == 0 and not self.missing


@dataclass(frozen=True)
class Fit:
    role: RoleData
    position: Position
    readiness: Readiness  # for the next step on this path
    score: float
    label: str
    why: str
    years_to_reach: int | None  # until the role itself
    core_skills_known: int
    core_skills_total: int
    raise_: int  # the role's total-pay midpoint over the person's own pay or season

    @property
    def time_to_role(self) -> str:
        """How far the role is from where the person stands, as the fit's card says it."""
        if self.years_to_reach is None:
            return "Not given in the article"
        if self.label == Label.READY:
            return Label.READY
        if self.years_to_reach:
            return f"about {self.years_to_reach} year{'' if self.years_to_reach == 1 else 's'}"
        return f"Your years are enough; {self.position.next.title} comes first"

    @property
    def raise_at_midpoint(self) -> str:
        if self.raise_ > 0:
            return f"+{formatting.usd(self.raise_)} a year at the midpoint"
        return "none at the midpoint"


@dataclass(frozen=True)
class NextStep:
    position: Position
    readiness: Readiness
    pay: Pay | None  # the role's pay for its last step, else the tier its years fall in
    paid_as: str

    @property
    def role(self) -> RoleData:
        return self.position.role

    @property
    def stage(self) -> Stage:
        return self.position.next

    @property
    def is_destination(self) -> bool:
        return self.stage == self.role.stages[-1]


@dataclass(frozen=True)
class SkillToBuild:
    slug: str
    name: str
    url: str
    why: str


@dataclass(frozen=True)
class Standing:
    """Where the person's own pay sits against their season and the next step."""

    pay: int
    against_season: str  # "below", "within" or "above" the season's total-pay range
    to_next_step: int | None  # dollars from their pay to the next step's midpoint

    @property
    def next_step_gap(self) -> int | None:
        return None if self.to_next_step is None else abs(self.to_next_step)


@dataclass(frozen=True)
class Storyline:
    season: Tier
    years_counted: bool  # False when years outside these paths were left out
    next_step: NextStep | None
    skills_to_build: tuple[SkillToBuild, ...]
    fits: tuple[Fit, ...]
    open_to_anything: bool  # nothing pointed at particular roles, so every role is shown
    standing: Standing | None


def needs_before(role: RoleData, *, index: int) -> tuple[Need, ...]:
    needs: dict[tuple[str, ...], Need] = {}
    for stage in role.stages[:index]:
        for need in (*stage.assumes, *stage.builds):
            needs.setdefault(need.slugs, need)
    for need in role.stages[index].assumes:
        needs.setdefault(need.slugs, need)
    return tuple(needs.values())


def years_to_stand_on(role: RoleData, *, index: int) -> int:
    """The years a step asks before anyone stands on it. A path starts at 0; a later step the
    article gives no years ("then spend several years owning entire services") asks those of
    the next dated step, since the article only places it somewhere before that one."""
    if role.stages[index].years_min is not None:
        return role.stages[index].years_min
    if index == 0:
        return 0
    later = [stage.years_min for stage in role.stages[index:] if stage.years_min is not None]
    return later[0] if later else 0


def position_on(*, role: RoleData, answers: Answers) -> Position:
    years = answers.years_in_tech
    held = -1
    for index, stage in enumerate(role.stages[:-1]):
        if years_to_stand_on(role, index=index) > years:
            break
        named = answers.background in stage.entries
        built = held == index - 1 and stage.builds and all_met(stage.builds, answers.knows)
        if named or built:
            held = index
    following = role.stages[held + 1]
    relevant = years
    if following.years_min is not None and answers.background not in following.entries:
        relevant = min(years, following.years_min)
    return Position(
        role=role,
        held=role.stages[held] if held >= 0 else None,
        next=following,
        relevant_years=relevant,
    )


def all_met(needs: tuple[Need, ...], known: frozenset[str]) -> bool:
    return all(need.met_by(known) for need in needs)


def readiness(*, position: Position, answers: Answers) -> Readiness:
    return Readiness(
        years_to_reach=position.years_to(position.next),
        missing=tuple(need for need in position.needs if not need.met_by(answers.knows)),
    )


def tier_for_years(*, tiers: tuple[Tier, ...], years: int) -> Tier:
    return next((tier for tier in tiers if tier.contains_years(years)), tiers[-1])


def season_for(*, positions: list[Position], tiers: tuple[Tier, ...]) -> Tier:
    """The tier of the most senior step the person stands on (years alone do not promote)."""
    starts = [p.held.years_min or 0 for p in positions if p.held is not None]
    return tier_for_years(tiers=tiers, years=max(starts, default=0))


def interest_skill_share(*, role: RoleData, likes: tuple[str, ...]) -> float:
    """How much of the role's specialist core work is the kind you enjoy."""
    kinds = {kind for like in likes for kind in INTEREST_SKILL_KINDS[like]}
    specialist = role.specialist_core_skills
    if not specialist:
        return 0.0
    return sum(1 for skill in specialist if skill.kind in kinds) / len(specialist)


def liked_tracks(answers: Answers) -> set[str]:
    return {track for like in answers.likes for track in INTEREST_TRACKS[like]}


def is_real_fit(*, role: RoleData, answers: Answers) -> bool:
    return pulls_toward(role=role, answers=answers) or (
        role.track in BACKGROUND_TRACKS[answers.background]
    )


def share_met(needs: tuple[Need, ...], known: frozenset[str]) -> float:
    return sum(1 for need in needs if need.met_by(known)) / len(needs) if needs else 1.0


def fit_score(*, position: Position, answers: Answers) -> float:
    role = position.role
    needs = tuple(
        {need.slugs: need for need in (*position.needs, *position.destination_needs)}.values()
    )
    score = (
        POINTS_INTEREST_TRACK * (role.track in liked_tracks(answers))
        + POINTS_INTEREST_SKILLS * interest_skill_share(role=role, likes=answers.likes)
        + POINTS_BACKGROUND * (role.track in BACKGROUND_TRACKS[answers.background])
        + POINTS_KNOWN * share_met(needs, answers.knows)
    )
    return round(score, 1)


def fit_label(*, position: Position, ready: bool, years_to_reach: int | None) -> str:
    if ready and position.next == position.role.stages[-1]:
        return Label.READY
    if years_to_reach is not None and years_to_reach <= WITHIN_REACH_YEARS:
        return Label.WITHIN_REACH
    return Label.DESTINATION


def fit_reasons(*, role: RoleData, answers: Answers, known: int) -> str:
    reasons = []
    liked = [Interest(like).label for like in answers.likes if role.track in INTEREST_TRACKS[like]]
    if liked:
        reasons.append(f"on the track of what pulls you ({', '.join(liked)})")
    elif interest_skill_share(role=role, likes=answers.likes) >= INTEREST_SKILLS_FOR_A_FIT:
        reasons.append("much of its specialist work is the kind you chose")
    if role.track in BACKGROUND_TRACKS[answers.background]:
        reasons.append(f"builds on your background ({Background(answers.background).label})")
    reasons.append(f"you already use {known} of its {len(role.core_skills)} core skills")
    sentence = "; ".join(reasons)
    return sentence[0].upper() + sentence[1:] + "."


def role_fit(*, position: Position, answers: Answers, baseline: int) -> Fit:
    role = position.role
    years_to_reach = position.years_to(role.stages[-1])
    known = sum(1 for skill in role.core_skills if skill.slug in answers.knows)
    ready_or_not = readiness(position=position, answers=answers)
    return Fit(
        role=role,
        position=position,
        readiness=ready_or_not,
        score=fit_score(position=position, answers=answers),
        label=fit_label(position=position, ready=ready_or_not.ready, years_to_reach=years_to_reach),
        why=fit_reasons(role=role, answers=answers, known=known),
        years_to_reach=years_to_reach,
        core_skills_known=known,
        core_skills_total=len(role.core_skills),
        raise_=role.pay.total_midpoint - baseline,
    )


NEVER = 1_000  # sorts a step the article gives no years after every dated one


def priority_key(fit: Fit, *, priority: str) -> tuple:
    years = NEVER if fit.years_to_reach is None else fit.years_to_reach
    if priority == Priority.PAY:
        return (-fit.raise_, years, -fit.score, fit.role.slug)
    return (years, -fit.score, -fit.raise_, fit.role.slug)


def chosen_fits(
    *, positions: list[Position], answers: Answers, baseline: int
) -> tuple[bool, list[Fit]]:
    """The roles to show, best first for the person's priority, and whether nothing narrowed
    them (a newcomer open to anything sees every path's destination)."""
    real = [p for p in positions if is_real_fit(role=p.role, answers=answers)]
    open_to_anything = not real
    fits = [role_fit(position=p, answers=answers, baseline=baseline) for p in (real or positions)]
    fits.sort(key=lambda fit: priority_key(fit, priority=answers.priority))
    return open_to_anything, fits[:ROLES_SHOWN]


def pulls_toward(*, role: RoleData, answers: Answers) -> bool:
    return (
        role.track in liked_tracks(answers)
        or interest_skill_share(role=role, likes=answers.likes) >= INTEREST_SKILLS_FOR_A_FIT
    )


def next_step_key(fit: Fit, *, answers: Answers, season: Tier, order: int) -> tuple:
    """Which fit's next step to put forward: on a path the person chose by interest; a step up
    from the season they are in rather than sideways; the nearest; one they are ready for; the
    most advanced (never back to an entry job another path lets them skip); the best match;
    then their priority."""
    position = fit.position
    years = position.years_to(position.next)
    starts = position.next.years_min
    return (
        not pulls_toward(role=fit.role, answers=answers),
        starts is not None and starts <= season.years_min and season.years_min > 0,
        NEVER if years is None else years,
        not fit.readiness.ready,
        -(starts or 0),
        -fit.score,
        order,
    )


def stage_pay(
    *, stage: Stage, role: RoleData, season: Tier, tiers: tuple[Tier, ...]
) -> tuple[Pay | None, str]:
    """What a step pays, and as what: the role's range for its own step, else the tier the
    step's years fall in, never below the season the person is already in."""
    if stage == role.stages[-1]:
        return role.pay, role.title
    if stage.years_min is None:
        return None, ""
    tier = tier_for_years(tiers=tiers, years=max(stage.years_min, season.years_min))
    return tier.pay, f"the {tier.name} tier"


def next_step_for(*, fit: Fit, season: Tier, tiers: tuple[Tier, ...]) -> NextStep:
    position = fit.position
    pay, paid_as = stage_pay(stage=position.next, role=position.role, season=season, tiers=tiers)
    return NextStep(
        position=position,
        readiness=fit.readiness,
        pay=pay,
        paid_as=paid_as,
    )


def skills_to_build(
    *, next_step: NextStep, fundamentals: tuple[Need, ...], answers: Answers
) -> tuple[SkillToBuild, ...]:
    """The next step's missing needs, what that step builds, the destination's needs, then the
    shared fundamentals; never a skill the person already uses."""
    position = next_step.position
    stage, role = position.next, position.role
    groups = (
        (next_step.readiness.missing, "Your next step assumes it"),
        (stage.builds, "Your next step is where you build it"),
        (position.destination_needs, f"A core skill of {role.title}"),
        (fundamentals, "A fundamental all ten roles share"),
    )
    chosen: dict[str, SkillToBuild] = {}
    for needs, reason in groups:
        for need in needs:
            if need.met_by(answers.knows) or any(slug in chosen for slug in need.slugs):
                continue
            first = need.skills[0]
            why = reason if len(need.skills) == 1 else f"{reason}; any one of them will do"
            chosen[first.slug] = SkillToBuild(first.slug, need.name, first.url, why)
    return tuple(chosen.values())[:SKILLS_SHOWN]


def standing_for(*, answers: Answers, season: Tier, next_step: NextStep | None) -> Standing | None:
    if answers.pay is None:
        return None
    pay = season.pay
    against = "below" if answers.pay < pay.total_min else "within"
    if answers.pay > pay.total_max and not pay.total_max_open_ended:
        against = "above"
    to_next = None
    if next_step is not None and next_step.pay is not None:
        to_next = next_step.pay.total_midpoint - answers.pay
    return Standing(pay=answers.pay, against_season=against, to_next_step=to_next)


def storyline_for(*, catalogue: Catalogue, answers: Answers) -> Storyline:
    """The whole result; the catalogue must hold at least one tier."""
    positions = [position_on(role=role, answers=answers) for role in catalogue.roles if role.stages]
    season = season_for(positions=positions, tiers=catalogue.tiers)
    baseline = answers.pay if answers.pay is not None else season.pay.total_midpoint
    open_to_anything, fits = chosen_fits(positions=positions, answers=answers, baseline=baseline)
    next_step = None
    if fits:
        chosen = min(
            enumerate(fits),
            key=lambda pair: next_step_key(pair[1], answers=answers, season=season, order=pair[0]),
        )[1]
        next_step = next_step_for(fit=chosen, season=season, tiers=catalogue.tiers)
    return Storyline(
        season=season,
        years_counted=answers.years_in_tech == answers.years,
        next_step=next_step,
        skills_to_build=(
            skills_to_build(
                next_step=next_step, fundamentals=catalogue.fundamental_needs, answers=answers
            )
            if next_step
            else ()
        ),
        fits=tuple(fits),
        open_to_anything=open_to_anything,
        standing=standing_for(answers=answers, season=season, next_step=next_step),
    )
