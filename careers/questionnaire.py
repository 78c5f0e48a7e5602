"""The "What's my next episode" questionnaire: answers in, a storyline out.

Everything here is a pure function over the plain, frozen data of `careers.questionnaire_data`.
The scoring knows tracks, skill kinds and year spans, never a role's name. The README
("How the next-episode scoring works") explains each number.
"""

import math
from dataclasses import dataclass

from django.db import models

from careers.models import Importance, SkillKind, Track
from careers.questionnaire_data import Catalogue, Pay, RoleData, SkillNeed, Stage, Tier


class Background(models.TextChoices):
    SWITCHER = "switcher", "Switching from a non-tech job"
    SELF_TAUGHT = "self-taught", "Self-taught or student"
    BACKEND = "backend", "Backend developer"
    FRONTEND = "frontend", "Frontend developer"
    SYSADMIN = "sysadmin", "Systems administrator or IT support"
    DEVOPS = "devops", "DevOps or cloud"
    DATA = "data", "Data or machine learning"
    SECURITY = "security", "Security"


class Interest(models.TextChoices):
    RELIABILITY = "reliability", "Reliability and keeping systems up"
    SECURITY = "security", "Security"
    AI = "ai", "AI and machine learning"
    CLOUD = "cloud", "Cloud architecture"
    PERFORMANCE = "performance", "Performance and systems programming"
    PLATFORMS = "platforms", "Developer platforms"
    DATA = "data", "Data and APIs"
    LEADERSHIP = "leadership", "Architecture and leadership"


class Priority(models.TextChoices):
    PAY = "pay", "Higher pay, even if it takes longer"
    TIME = "time", "Getting there sooner, even for less pay"


# Your years count toward a tech career only when they were spent in one.
BACKGROUNDS_STARTING_AT_ENTRY = frozenset({Background.SWITCHER, Background.SELF_TAUGHT})

# The tracks a background already walks on, so its years carry straight over.
BACKGROUND_TRACKS: dict[str, tuple[str, ...]] = {
    Background.SWITCHER: (),
    Background.SELF_TAUGHT: (),
    Background.BACKEND: (Track.BACKEND,),
    Background.FRONTEND: (Track.BACKEND,),
    Background.SYSADMIN: (Track.INFRASTRUCTURE, Track.RELIABILITY),
    Background.DEVOPS: (Track.DEVOPS, Track.CLOUD, Track.PLATFORM, Track.RELIABILITY),
    Background.DATA: (Track.ML,),
    Background.SECURITY: (Track.SECURITY,),
}

# What each interest points at: role tracks, and the kinds of specialist skill it enjoys.
INTEREST_TRACKS: dict[str, tuple[str, ...]] = {
    Interest.RELIABILITY: (Track.RELIABILITY, Track.DEVOPS),
    Interest.SECURITY: (Track.SECURITY,),
    Interest.AI: (Track.ML,),
    Interest.CLOUD: (Track.CLOUD,),
    Interest.PERFORMANCE: (Track.BACKEND,),
    Interest.PLATFORMS: (Track.PLATFORM, Track.DEVOPS),
    Interest.DATA: (Track.BACKEND,),
    Interest.LEADERSHIP: (),
}
INTEREST_SKILL_KINDS: dict[str, tuple[str, ...]] = {
    Interest.RELIABILITY: (SkillKind.OBSERVABILITY,),
    Interest.SECURITY: (SkillKind.SECURITY,),
    Interest.AI: (SkillKind.ML,),
    Interest.CLOUD: (SkillKind.CLOUD, SkillKind.IAC),
    Interest.PERFORMANCE: (SkillKind.LANGUAGE, SkillKind.SYSTEMS),
    Interest.PLATFORMS: (SkillKind.DELIVERY, SkillKind.CONTAINERS),
    Interest.DATA: (SkillKind.DATA,),
    Interest.LEADERSHIP: (SkillKind.PRACTICE,),
}

IMPORTANCE_WEIGHT = {Importance.CORE: 3, Importance.EXPECTED: 2, Importance.BONUS: 1}

# The most points each part of the score can add; they sum to 10.
POINTS_INTEREST_TRACK = 3.0
POINTS_BACKGROUND_TRACK = 2.0
POINTS_INTEREST_SKILLS = 2.0
POINTS_KNOWN_SKILLS = 2.0
POINTS_PRIORITY = 1.0

FIT_LABELS = ((6.0, "Best fit"), (4.0, "Good fit"), (0.0, "Worth a look"))
ROLES_SHOWN = 5
GAPS_SHOWN = 6
ROLES_FOR_GAPS = 3


@dataclass(frozen=True)
class Answers:
    years: int
    background: str
    knows: frozenset[str]
    likes: tuple[str, ...]
    priority: str

    @property
    def years_in_tech(self) -> int:
        return 0 if self.background in BACKGROUNDS_STARTING_AT_ENTRY else self.years


@dataclass(frozen=True)
class RoleFit:
    role: RoleData
    score: float
    label: str
    why: str
    years_to_reach: int
    raise_over_tier: int


@dataclass(frozen=True)
class NextEpisode:
    role: RoleData
    stage: Stage
    pay: Pay
    paid_as: str
    years_to_reach: int


@dataclass(frozen=True)
class Storyline:
    season: Tier
    next_episode: NextEpisode
    gaps: tuple[SkillNeed, ...]
    fits: tuple[RoleFit, ...]


def common_skills(*, catalogue: Catalogue) -> tuple[SkillNeed, ...]:
    """The fundamentals, then the skills at least half the roles ask for, most-needed first."""
    counts: dict[str, int] = {}
    skills: dict[str, SkillNeed] = {}
    for role in catalogue.roles:
        for skill in role.skills:
            counts[skill.slug] = counts.get(skill.slug, 0) + 1
            skills[skill.slug] = skill
    threshold = math.ceil(len(catalogue.roles) / 2)
    chosen = [s for s in skills.values() if s.is_fundamental or counts[s.slug] >= threshold]
    return tuple(sorted(chosen, key=lambda s: (not s.is_fundamental, -counts[s.slug], s.name)))


def tier_for_years(*, tiers: tuple[Tier, ...], years: int) -> Tier:
    return next((tier for tier in tiers if tier.contains_years(years)), tiers[-1])


def years_to_reach(*, role: RoleData, answers: Answers) -> int:
    return max(0, role.years_to_top - answers.years_in_tech)


def weighted_share(skills: tuple[SkillNeed, ...], *, matches) -> float:
    total = sum(IMPORTANCE_WEIGHT[skill.importance] for skill in skills)
    matched = sum(IMPORTANCE_WEIGHT[skill.importance] for skill in skills if matches(skill))
    return matched / total if total else 0.0


def interest_skill_share(*, role: RoleData, likes: tuple[str, ...]) -> float:
    """How much of the role's specialist (non-fundamental) work is the kind you enjoy."""
    kinds = {kind for like in likes for kind in INTEREST_SKILL_KINDS[like]}
    specialist = tuple(skill for skill in role.skills if not skill.is_fundamental)
    return weighted_share(specialist, matches=lambda skill: skill.kind in kinds)


def fit_label(score: float) -> str:
    return next(label for floor, label in FIT_LABELS if score >= floor)


def fit_reasons(*, role: RoleData, answers: Answers) -> str:
    reasons = []
    liked = [Interest(like).label for like in answers.likes if role.track in INTEREST_TRACKS[like]]
    if liked:
        reasons.append(f"on the track of what pulls you ({', '.join(liked)})")
    if role.track in BACKGROUND_TRACKS[answers.background]:
        reasons.append(f"builds on your background ({Background(answers.background).label})")
    known = sum(1 for skill in role.skills if skill.slug in answers.knows)
    reasons.append(f"you already know {known} of the {len(role.skills)} skills it asks for")
    sentence = "; ".join(reasons)
    return sentence[0].upper() + sentence[1:] + "."


def role_fit(*, role: RoleData, answers: Answers, season: Tier, priority_share: float) -> RoleFit:
    liked_tracks = {track for like in answers.likes for track in INTEREST_TRACKS[like]}
    score = (
        POINTS_INTEREST_TRACK * (role.track in liked_tracks)
        + POINTS_BACKGROUND_TRACK * (role.track in BACKGROUND_TRACKS[answers.background])
        + POINTS_INTEREST_SKILLS * interest_skill_share(role=role, likes=answers.likes)
        + POINTS_KNOWN_SKILLS
        * weighted_share(role.skills, matches=lambda s: s.slug in answers.knows)
        + POINTS_PRIORITY * priority_share
    )
    score = round(score, 1)
    return RoleFit(
        role=role,
        score=score,
        label=fit_label(score),
        why=fit_reasons(role=role, answers=answers),
        years_to_reach=years_to_reach(role=role, answers=answers),
        raise_over_tier=round(role.pay.total_midpoint - season.pay.total_midpoint),
    )


def priority_shares(*, roles: tuple[RoleData, ...], answers: Answers) -> list[float]:
    """Per role, 0 to 1: its pay against the best-paid, or how soon you reach it."""
    if answers.priority == Priority.PAY:
        highest = max(role.pay.total_midpoint for role in roles)
        return [role.pay.total_midpoint / highest for role in roles]
    waits = [years_to_reach(role=role, answers=answers) for role in roles]
    longest = max(waits) or 1
    return [1 - wait / longest for wait in waits]


def ranked_fits(*, catalogue: Catalogue, answers: Answers, season: Tier) -> tuple[RoleFit, ...]:
    shares = priority_shares(roles=catalogue.roles, answers=answers)
    fits = [
        role_fit(role=role, answers=answers, season=season, priority_share=share)
        for role, share in zip(catalogue.roles, shares, strict=True)
    ]
    # Ties go to the role you reach sooner, then to the better paid one.
    return tuple(
        sorted(
            fits,
            key=lambda fit: (
                -fit.score,
                fit.years_to_reach,
                -fit.role.pay.total_midpoint,
                fit.role.title,
            ),
        )
    )


def next_stage(*, role: RoleData, answers: Answers) -> Stage:
    """Newcomers start on the path's first step. On your own track you move up to the next step
    ahead of your years; changing track is a sideways move onto the step your years earn."""
    if not role.stages:
        return Stage(1, role.title, role.years_to_top, None, False)
    if answers.background in BACKGROUNDS_STARTING_AT_ENTRY:
        return role.stages[0]
    years = answers.years_in_tech
    dated = [stage for stage in role.stages if stage.years_min is not None]
    if role.track in BACKGROUND_TRACKS[answers.background]:
        return next((stage for stage in dated if stage.years_min > years), role.stages[-1])
    earned = [stage for stage in dated if stage.years_min <= years]
    return earned[-1] if earned else role.stages[0]


def next_episode(*, fit: RoleFit, tiers: tuple[Tier, ...], answers: Answers) -> NextEpisode:
    """The next step on your best fit's path, paid as the role if it is the last step, else as
    the experience tier it starts in."""
    role = fit.role
    stage = next_stage(role=role, answers=answers)
    if not role.stages or stage == role.stages[-1]:
        return NextEpisode(
            role=role,
            stage=stage,
            pay=role.pay,
            paid_as=role.title,
            years_to_reach=fit.years_to_reach,
        )
    starts = stage.years_min or 0
    tier = tier_for_years(tiers=tiers, years=starts)
    return NextEpisode(
        role=role,
        stage=stage,
        pay=tier.pay,
        paid_as=f"the {tier.name} tier",
        years_to_reach=max(0, starts - answers.years_in_tech),
    )


def skill_gaps(*, fits: tuple[RoleFit, ...], answers: Answers) -> tuple[SkillNeed, ...]:
    """What your best fits need and you lack: fundamentals, then core, then the most shared."""
    needs: dict[str, list[SkillNeed]] = {}
    for fit in fits[:ROLES_FOR_GAPS]:
        for skill in fit.role.skills:
            if skill.slug not in answers.knows:
                needs.setdefault(skill.slug, []).append(skill)
    ordered = sorted(
        needs.values(),
        key=lambda group: (
            not group[0].is_fundamental,
            min(skill.importance for skill in group),
            -len(group),
            group[0].name,
        ),
    )
    return tuple(group[0] for group in ordered[:GAPS_SHOWN])


def storyline_for(*, catalogue: Catalogue, answers: Answers) -> Storyline:
    """The whole result; the catalogue must hold at least one tier and one role."""
    season = tier_for_years(tiers=catalogue.tiers, years=answers.years_in_tech)
    fits = ranked_fits(catalogue=catalogue, answers=answers, season=season)
    return Storyline(
        season=season,
        next_episode=next_episode(fit=fits[0], tiers=catalogue.tiers, answers=answers),
        gaps=skill_gaps(fits=fits, answers=answers),
        fits=fits[:ROLES_SHOWN],
    )
