"""The next-episode advice: where a person stands on each of the article's paths, the next step
that suits them, whether they are ready for it, and what to learn first.

Pure functions over the frozen records of `careers.read_model`. The rules in plain words
are in docs/advice.md; tests/test_questionnaire_advice.py cites the article behind each, and
tests/test_advice_casebook.py holds people judged from the article alone.

- A person stands on a step when its work is done: they have its years, the article names their
  job there (or they stand on the step before and know everything this one builds), they know
  at least half of what it builds, and at least half of what the steps before it assume and
  build. The role itself (the last step) is never stood on.
- Years count along a path only up to the start of the step a person has not done yet: years
  in another job never carry anyone past a step.
- The next step comes from the paths that pull the person (their interests), else every real
  fit: one they already stand on first, then the most senior tier, the nearest, one they are
  ready for. An extra interest can add paths, so it can only keep or raise that step.
- A step pays its own pay: the role's band on its last step, the tier its years fall in before.
"""

import heapq
from dataclasses import dataclass, replace
from functools import cached_property

from careers import formatting
from careers.models import Background, SkillKind, Track
from careers.questionnaire.answers import Answers, Interest, Priority
from careers.read_model import Need, Pay, ReadModel, Role, Stage, Tier

# The tracks a background's own work continues on. Sysadmins appear on the infrastructure and
# reliability paths, DevOps people on most operations paths, data people on the MLOps path.
# Jobs the article does not name (QA, IT management, others) continue on none of them.
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
    Background.QA: (),
    Background.IT_MANAGEMENT: (),
    Background.OTHER_TECH: (),
}

# What each interest points at: role tracks, and the kinds of specialist skill it enjoys.
# "Architecture and leadership" points at the roles whose path ends in an architect, staff or
# principal step (`Role.is_leadership`) rather than at a track.
INTEREST_TRACKS: dict[str, tuple[str, ...]] = {
    Interest.BACKEND: (Track.BACKEND,),
    Interest.RELIABILITY: (Track.RELIABILITY,),
    Interest.SECURITY: (Track.SECURITY,),
    Interest.AI: (Track.ML,),
    Interest.CLOUD: (Track.CLOUD,),
    Interest.PERFORMANCE: (),
    Interest.PLATFORMS: (Track.PLATFORM,),
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

# The most points each part of a fit's match can add; they sum to 10. The page shows them.
POINTS_INTEREST_TRACK = 3
POINTS_INTEREST_SKILLS = 2
POINTS_BACKGROUND = 2
POINTS_KNOWN = 3
# A role is a real fit when what pulls you or your background points at it (its track, or more
# than half of its specialist core skills being the kind of work you chose) and its match
# reaches the floor.
INTEREST_SKILLS_FOR_A_FIT = 0.5
MATCH_FLOOR = 3.0
# Fits whose matches fall in the same band of this many points are of similar strength: the
# person's priority orders them.
MATCH_BAND = 2
# Within this many years, with at least half its core skills, a role is "within reach".
WITHIN_REACH_YEARS = 3
ROLES_SHOWN = 5
SKILLS_SHOWN = 8


class Label:
    READY = "Ready now"
    WITHIN_REACH = "Within reach"
    DESTINATION = "Long-term destination"


def half_met(needs: tuple[Need, ...], known: frozenset[str]) -> bool:
    """At least half of `needs` met (true of none): enough evidence of a step's work."""
    return 2 * sum(1 for need in needs if need.met_by(known)) >= len(needs)


def all_met(needs: tuple[Need, ...], known: frozenset[str]) -> bool:
    return all(need.met_by(known) for need in needs)


@dataclass(frozen=True)
class Position:
    """Where a person stands on one role's path."""

    role: Role
    held: Stage | None  # the highest step whose work they have done
    next: Stage  # the step after it, or a later one the article names their job at
    relevant_years: int  # their years as this path counts them
    on_path: bool  # they stand on a step, or their job is named at the next one

    def years_to(self, stage: Stage) -> int:
        """Years until `stage` can start."""
        return max(0, stage.start - self.relevant_years)

    @property
    def next_index(self) -> int:
        return self.role.stages.index(self.next)

    @property
    def is_destination(self) -> bool:
        return self.next == self.role.stages[-1]

    # Cached: readiness and the skills to build each read them.
    @cached_property
    def needs(self) -> tuple[Need, ...]:
        """What the next step asks for: all earlier steps teach, plus what it assumes."""
        return self.role.needs_for(self.next_index)

    @cached_property
    def destination_needs(self) -> tuple[Need, ...]:
        return self.role.needs_for(len(self.role.stages) - 1)


def has_done(*, role: Role, index: int, answers: Answers, previous_held: bool) -> bool:
    """Whether the work of step `index` is done (its years are checked by the caller)."""
    stage, known = role.stages[index], answers.have
    if answers.background in stage.entries:
        own_work = half_met(stage.builds, known)
    else:
        # Never held by title: only knowing all it builds, after the step before, shows its
        # work was done.
        own_work = previous_held and bool(stage.builds) and all_met(stage.builds, known)
    return own_work and half_met(role.needs_through(index - 1), known)


def position_on(*, role: Role, answers: Answers) -> Position:
    """A step is stood on after some time in it (a step starting at your years is your next),
    and a step that names your job is where you can step onto the path, never behind you."""
    years, background = answers.years_in_tech, answers.background
    if background not in role.named_backgrounds:  # the path starts at its first step for them
        first = role.stages[0]
        return Position(role, None, first, min(years, first.start), on_path=False)
    held = -1
    for index, stage in enumerate(role.stages[:-1]):
        if stage.start >= years:
            break
        previous_held = index > 0 and held == index - 1
        if has_done(role=role, index=index, answers=answers, previous_held=previous_held):
            held = index
    entry = max(
        (
            index
            for index, stage in enumerate(role.stages[:-1])
            if background in stage.entries and stage.start <= years
        ),
        default=-1,
    )
    following = role.stages[max(held + 1, entry)]
    return Position(
        role=role,
        held=role.stages[held] if held >= 0 else None,
        next=following,
        relevant_years=min(years, following.start),
        on_path=held >= 0 or background in following.entries,
    )


@dataclass(frozen=True)
class Readiness:
    years_to_reach: int
    missing: tuple[Need, ...]

    @property
    def ready(self) -> bool:
        return self.years_to_reach == 0 and not self.missing


def readiness(*, position: Position, answers: Answers) -> Readiness:
    return Readiness(
        years_to_reach=position.years_to(position.next),
        missing=tuple(need for need in position.needs if not need.met_by(answers.have)),
    )


def tier_for_years(*, tiers: tuple[Tier, ...], years: int) -> Tier:
    return next((tier for tier in tiers if tier.contains_years(years)), tiers[-1])


def tier_for(*, positions: list[Position], tiers: tuple[Tier, ...]) -> Tier:
    """The tier of the person's years as their own paths count them: up to the start of the
    first step they have not done (years alone, or a title alone, do not promote)."""
    years = [p.relevant_years for p in positions if p.on_path]
    return tier_for_years(tiers=tiers, years=max(years, default=0))


def pay_level(pay: Pay, *, tiers: tuple[Tier, ...]) -> int:
    """How senior a pay is: the tier whose typical total pay is nearest its midpoint."""
    gaps = [abs(tier.pay.total_midpoint - pay.total_midpoint) for tier in tiers]
    return gaps.index(min(gaps))


def stage_pay(*, stage: Stage, role: Role, tiers: tuple[Tier, ...]) -> tuple[Pay, str]:
    """What a step pays, and as what: the role's band for its own step, else the tier the step's
    years fall in (or a lower one, so a step never pays more than its role)."""
    if stage == role.stages[-1]:
        return role.pay, role.title
    tier = tier_for_years(tiers=tiers, years=stage.start)
    affordable = [t for t in tiers if t.pay.total_midpoint <= role.pay.total_midpoint]
    if tier.pay.total_midpoint > role.pay.total_midpoint and affordable:
        tier = max(affordable, key=lambda t: t.pay.total_midpoint)
    return tier.pay, f"the {tier.name} tier"


@dataclass(frozen=True)
class Pull:
    """What a person's interests point at, worked out once per result: every role is then
    checked against it with a few set tests."""

    likes: tuple[str, ...]

    @cached_property
    def tracks(self) -> frozenset[str]:
        return frozenset(track for like in self.likes for track in INTEREST_TRACKS[like])

    @cached_property
    def kinds(self) -> frozenset[str]:
        return frozenset(kind for like in self.likes for kind in INTEREST_SKILL_KINDS[like])

    def tracks_named(self, role: Role) -> int:
        """How many of the chosen kinds of work point at the role's track."""
        return sum(1 for like in self.likes if role.track in INTEREST_TRACKS[like])


def interest_skill_share(*, role: Role, pull: Pull) -> float:
    """How much of the role's specialist core work is the kind you enjoy."""
    kinds = role.specialist_kinds
    if pull.kinds.isdisjoint(kinds):  # most roles, answered without counting
        return 0.0
    return sum(1 for kind in kinds if kind in pull.kinds) / len(kinds)


def on_chosen_track(*, role: Role, pull: Pull) -> bool:
    leads = role.is_leadership and Interest.LEADERSHIP in pull.likes
    return leads or role.track in pull.tracks


def pulls_toward(*, role: Role, pull: Pull) -> bool:
    return (
        on_chosen_track(role=role, pull=pull)
        or interest_skill_share(role=role, pull=pull) > INTEREST_SKILLS_FOR_A_FIT
    )


def own_kind_of_work(*, role: Role, answers: Answers) -> bool:
    return role.track in BACKGROUND_TRACKS[answers.background]


def share_met(needs: tuple[Need, ...], known: frozenset[str]) -> float:
    return sum(1 for need in needs if need.met_by(known)) / len(needs) if needs else 1.0


def match_score(*, position: Position, answers: Answers, pull: Pull) -> float:
    role = position.role
    needs = role.needs_for(len(role.stages) - 1)  # everything its path asks for
    score = (
        POINTS_INTEREST_TRACK * on_chosen_track(role=role, pull=pull)
        + POINTS_INTEREST_SKILLS * interest_skill_share(role=role, pull=pull)
        + POINTS_BACKGROUND * own_kind_of_work(role=role, answers=answers)
        + POINTS_KNOWN * share_met(needs, answers.have)
    )
    return round(score, 1)


@dataclass(frozen=True)
class Fit:
    role: Role
    position: Position
    readiness: Readiness  # for the next step on this path
    score: float
    label: str
    years_to_reach: int  # until the role itself
    core_skills_known: int  # core needs met; alternatives count once
    core_skills_total: int
    raise_: int  # the role's total-pay midpoint over the person's own pay, else their tier's
    answers: Answers
    pull: Pull

    @cached_property
    def why(self) -> str:
        """The reasons in a sentence, written only for the fits a page shows."""
        return fit_reasons(
            role=self.role, answers=self.answers, pull=self.pull, known=self.core_skills_known
        )

    @property
    def time_to_role(self) -> str:
        """How far the role is from where the person stands, as the fit's card says it."""
        if self.label == Label.READY:
            return Label.READY
        if self.years_to_reach:
            return f"about {self.years_to_reach} year{'' if self.years_to_reach == 1 else 's'}"
        if self.position.is_destination:
            return "Your years are enough; the skills it asks for come next"
        return f"Your years are enough; {self.position.next.title} comes first"

    @property
    def raise_at_midpoint(self) -> str:
        if self.raise_ > 0:
            return f"+{formatting.usd(self.raise_)} a year at the midpoint"
        return "none at the midpoint"


def fit_label(
    *, position: Position, ready: bool, years_to_reach: int, known: int, total: int
) -> str:
    """Ready now and within reach count skills as well as years: at least half the role's core
    needs must be met."""
    if 2 * known < total:
        return Label.DESTINATION
    if ready and position.is_destination:
        return Label.READY
    return Label.WITHIN_REACH if years_to_reach <= WITHIN_REACH_YEARS else Label.DESTINATION


def fit_reasons(*, role: Role, answers: Answers, pull: Pull, known: int) -> str:
    reasons = []
    liked = [Interest(like).label for like in answers.likes if role.track in INTEREST_TRACKS[like]]
    if Interest.LEADERSHIP in answers.likes and role.is_leadership:
        liked.append(Interest.LEADERSHIP.label)
    if liked:
        reasons.append(f"on the track of what pulls you ({', '.join(liked)})")
    elif interest_skill_share(role=role, pull=pull) > INTEREST_SKILLS_FOR_A_FIT:
        reasons.append("much of its specialist work is the kind you chose")
    if own_kind_of_work(role=role, answers=answers):
        reasons.append(f"builds on your background ({Background(answers.background).label})")
    reasons.append(f"you already use {known} of its {len(role.core_needs)} core skills")
    sentence = "; ".join(reasons)
    return sentence[0].upper() + sentence[1:] + "."


def role_fit(*, position: Position, answers: Answers, pull: Pull, baseline: int) -> Fit:
    role = position.role
    years_to_reach = position.years_to(role.stages[-1])
    known = sum(1 for need in role.core_needs if need.met_by(answers.have))
    ready_or_not = readiness(position=position, answers=answers)
    return Fit(
        role=role,
        position=position,
        readiness=ready_or_not,
        score=match_score(position=position, answers=answers, pull=pull),
        label=fit_label(
            position=position,
            ready=ready_or_not.ready,
            years_to_reach=years_to_reach,
            known=known,
            total=len(role.core_needs),
        ),
        years_to_reach=years_to_reach,
        core_skills_known=known,
        core_skills_total=len(role.core_needs),
        raise_=role.pay.total_midpoint - baseline,
        answers=answers,
        pull=pull,
    )


def next_step_key(fit: Fit, *, tiers: tuple[Tier, ...], answers: Answers) -> tuple:
    """Which fit's next step to put forward, smallest first: on a path the person is already on;
    the most senior pay (a step up, never back to an entry job another path lets them skip);
    the nearest; on the track most of their chosen kinds of work point at (leadership is not a
    kind of work); one they are ready for; for a first step, the one building most of the
    shared fundamentals; the best match; their priority."""
    position = fit.position
    pay, _ = stage_pay(stage=position.next, role=position.role, tiers=tiers)
    return (
        not position.on_path,
        -pay_level(pay, tiers=tiers),
        position.years_to(position.next),
        -fit.pull.tracks_named(fit.role),
        not fit.readiness.ready,
        -fundamentals_built(position),
        -fit.score,
        priority_key(fit, priority=answers.priority),
    )


def fundamentals_built(position: Position) -> int:
    """For a path's first step, how many shared fundamentals it asks for or builds: the article
    sends beginners to the first job that builds the fundamentals."""
    return 0 if position.next_index else position.role.fundamentals_at_start


def priority_key(fit: Fit, *, priority: str) -> tuple:
    if priority == Priority.PAY:
        return (-fit.raise_, fit.years_to_reach, fit.role.slug)
    return (fit.years_to_reach, -fit.raise_, fit.role.slug)


def fits_order_key(fit: Fit, *, own_path: str | None, priority: str, by_reach: bool) -> tuple:
    """The person's own path first, then by strength: matches in the same band are of similar
    strength, and the priority orders those. With nothing pulling the person (`by_reach`),
    every match is as weak as the next, so the nearest destinations come first."""
    strength = fit.years_to_reach if by_reach else -int(fit.score // MATCH_BAND)
    return (fit.role.slug != own_path, strength, priority_key(fit, priority=priority))


@dataclass(frozen=True)
class NextStep:
    position: Position
    readiness: Readiness
    pay: Pay
    paid_as: str
    pay_change: int  # the step's total-pay midpoint over the person's own pay, else their tier's

    @property
    def role(self) -> Role:
        return self.position.role

    @property
    def stage(self) -> Stage:
        return self.position.next

    @property
    def is_destination(self) -> bool:
        return self.position.is_destination

    @property
    def pay_change_size(self) -> int:
        return abs(self.pay_change)


def next_step_for(*, fit: Fit, tiers: tuple[Tier, ...], baseline: int) -> NextStep:
    position = fit.position
    pay, paid_as = stage_pay(stage=position.next, role=position.role, tiers=tiers)
    return NextStep(
        position=position,
        readiness=fit.readiness,
        pay=pay,
        paid_as=paid_as,
        pay_change=pay.total_midpoint - baseline,
    )


@dataclass(frozen=True)
class SkillToBuild:
    slug: str
    name: str
    url: str
    why: str


def skills_to_build(
    *, next_step: NextStep, fundamentals: tuple[Need, ...], answers: Answers, beginner: bool
) -> tuple[SkillToBuild, ...]:
    """The next step's missing needs, what that step builds, what the role itself asks for, and
    the shared fundamentals; a beginner builds the fundamentals before anything specialist.
    Never a skill the person already uses."""
    position = next_step.position
    stage, role = position.next, position.role
    steps = (
        (next_step.readiness.missing, "Your next step assumes it"),
        (stage.builds, "Your next step is where you build it"),
    )
    destination = (
        (position.destination_needs, f"A core skill of {role.title}"),
        (role.core_needs, f"A core skill of {role.title}"),
        (role.expected_needs, f"Expected of a {role.title}"),
    )
    shared = ((fundamentals, "A fundamental every role in the guide shares"),)
    if beginner:
        groups = (steps[0], *shared, steps[1], *destination)
    else:
        groups = (*steps, *destination, *shared)
    chosen: dict[str, SkillToBuild] = {}
    for needs, reason in groups:
        for need in needs:
            if need.met_by(answers.have) or any(slug in chosen for slug in need.slugs):
                continue
            if reason.startswith("Expected") and shown_by_broader_skill(need, answers.have):
                continue  # a tool of a practice they have is picked up on the job
            first = need.skills[0]
            why = reason if len(need.skills) == 1 else f"{reason}; any one of them will do"
            chosen[first.slug] = SkillToBuild(first.slug, need.name, first.url, why)
    return tuple(chosen.values())[:SKILLS_SHOWN]


def shown_by_broader_skill(need: Need, known: frozenset[str]) -> bool:
    """Every alternative is a tool of a broader skill the person has (PostgreSQL: SQL)."""
    return all(skill.counts_as in known for skill in need.skills)


@dataclass(frozen=True)
class Standing:
    """Where the person's own pay sits against their experience tier and the next step."""

    pay: int
    against_tier: str  # "below", "within" or "above" the tier's total-pay range
    to_next_step: int  # dollars from their pay to the next step's midpoint

    @property
    def next_step_gap(self) -> int:
        return abs(self.to_next_step)


@dataclass(frozen=True)
class Storyline:
    tier: Tier
    years_counted: bool  # False when years outside the article's paths were left out
    next_step: NextStep | None
    skills_to_build: tuple[SkillToBuild, ...]
    fits: tuple[Fit, ...]
    open_to_anything: bool  # nothing pointed at particular roles, so every path is shown
    standing: Standing | None


def standing_for(*, answers: Answers, tier: Tier, next_step: NextStep | None) -> Standing | None:
    if answers.pay is None or next_step is None:
        return None
    pay = tier.pay
    against = "below" if answers.pay < pay.total_min else "within"
    if answers.pay > pay.total_max and not pay.total_max_open_ended:
        against = "above"
    return Standing(
        pay=answers.pay,
        against_tier=against,
        to_next_step=next_step.pay.total_midpoint - answers.pay,
    )


def real_fits(*, roles: list[Role], answers: Answers, pull: Pull, baseline: int) -> list[Fit]:
    """Roles that pull the person or continue their own kind of work, at or above the floor (the
    match is worked out first, so a weak one costs no more)."""
    own_tracks = BACKGROUND_TRACKS[answers.background]
    fits = []
    for role in roles:
        if role.track not in own_tracks and not pulls_toward(role=role, pull=pull):
            continue
        position = position_on(role=role, answers=answers)
        if match_score(position=position, answers=answers, pull=pull) >= MATCH_FLOOR:
            fits.append(role_fit(position=position, answers=answers, pull=pull, baseline=baseline))
    return fits


def nearest_destinations(
    *, roles: list[Role], answers: Answers, pull: Pull, baseline: int
) -> list[Fit]:
    """With nothing pulling the person, every match is as weak as the next: the roles they could
    reach soonest, the better paid first among equals. Only those few are worked out in full."""

    def reach(role: Role) -> tuple:
        position = position_on(role=role, answers=answers)
        return (position.years_to(role.stages[-1]), -role.pay.total_midpoint, role.slug)

    return [
        role_fit(
            position=position_on(role=r, answers=answers),
            answers=answers,
            pull=pull,
            baseline=baseline,
        )
        for r in heapq.nsmallest(ROLES_SHOWN, roles, key=reach)
    ]


def starting_points(
    *, data: ReadModel, roles: list[Role], answers: Answers, pull: Pull, baseline: int
) -> list[Fit]:
    """Where someone with no real fit starts: what pulls them a little, else a path naming their
    job or the first job building the most shared fundamentals (the article's advice to
    beginners)."""
    weak = [r for r in roles if pulls_toward(role=r, pull=pull)]
    starts = weak or [*data.roles_naming(answers.background), *data.first_jobs]
    return [
        role_fit(
            position=position_on(role=r, answers=answers),
            answers=answers,
            pull=pull,
            baseline=baseline,
        )
        for r in dict.fromkeys(starts)
    ]


def storyline_for(*, data: ReadModel, answers: Answers) -> Storyline:
    """The whole result; the data must hold at least one tier."""
    answers = replace(answers, have=data.with_broader_skills(answers.have))
    tiers, pull = data.tiers, Pull(answers.likes)
    roles = [role for role in data.roles if role.stages]
    # Only a path naming the person's job can have them on it, and so set their experience tier.
    named = [position_on(role=r, answers=answers) for r in data.roles_naming(answers.background)]
    tier = tier_for(positions=named, tiers=tiers)
    baseline = answers.pay if answers.pay is not None else tier.pay.total_midpoint
    role_facts = {"roles": roles, "answers": answers, "pull": pull, "baseline": baseline}
    fits = real_fits(**role_facts)
    open_to_anything = not fits
    if open_to_anything:
        fits = nearest_destinations(**role_facts)
        options = starting_points(data=data, **role_facts)
    else:
        options = [fit for fit in fits if pulls_toward(role=fit.role, pull=pull)] or fits
    next_step = None
    if options:
        chosen = min(options, key=lambda f: next_step_key(f, tiers=tiers, answers=answers))
        next_step = next_step_for(fit=chosen, tiers=tiers, baseline=baseline)
    own_path = next_step.role.slug if next_step and next_step.position.held else None
    if own_path and own_path not in {fit.role.slug for fit in fits}:
        fits.append(chosen)  # their own path leads the list even when nothing else fits
    fits.sort(
        key=lambda f: fits_order_key(
            f, own_path=own_path, priority=answers.priority, by_reach=open_to_anything
        )
    )
    return Storyline(
        tier=tier,
        years_counted=answers.background in data.named_backgrounds,
        next_step=next_step,
        skills_to_build=(
            skills_to_build(
                next_step=next_step,
                fundamentals=data.fundamental_needs,
                answers=answers,
                beginner=tier == tiers[0],
            )
            if next_step
            else ()
        ),
        fits=tuple(fits[:ROLES_SHOWN]),
        open_to_anything=open_to_anything,
        standing=standing_for(answers=answers, tier=tier, next_step=next_step),
    )
