"""The article's specialization premium (cloud, security and AI) turned into dollars."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from careers.models import SkillKind, Track
from careers.read_model.records import Role, Skill, Statistic

PREMIUM_TRACKS = frozenset({Track.CLOUD, Track.SECURITY, Track.ML})
PREMIUM_SKILL_KINDS = frozenset({SkillKind.CLOUD, SkillKind.SECURITY, SkillKind.ML})


@dataclass(frozen=True)
class PremiumInDollars:
    """What a percentage premium adds to a yearly amount (the basis), as a low-high span."""

    low_percent: Decimal
    high_percent: Decimal
    basis: int
    low: int
    high: int


def percent_of(amount: int, percent: Decimal) -> int:
    return int((Decimal(amount) * percent / 100).to_integral_value(rounding=ROUND_HALF_UP))


def premium_in_dollars(*, basis: int, statistic: Statistic) -> PremiumInDollars:
    """The statistic's low and high percentages of `basis` (whole dollars), in whole dollars."""
    high_percent = statistic.high if statistic.high is not None else statistic.low
    return PremiumInDollars(
        low_percent=statistic.low,
        high_percent=high_percent,
        basis=basis,
        low=percent_of(basis, statistic.low),
        high=percent_of(basis, high_percent),
    )


def role_gets_premium(*, role: Role) -> bool:
    return role.track in PREMIUM_TRACKS


def skill_gets_premium(*, skill: Skill) -> bool:
    return skill.kind in PREMIUM_SKILL_KINDS


def role_premium(*, role: Role, statistic: Statistic | None) -> PremiumInDollars | None:
    """The premium on the role's base-salary midpoint, where the article says it applies."""
    if statistic is None or not role_gets_premium(role=role):
        return None
    return premium_in_dollars(basis=role.pay.base_midpoint, statistic=statistic)


def skill_premium_rows(*, skill: Skill, uses, statistic: Statistic | None) -> list[tuple]:
    """Each (role asking for the skill, premium on that role's base midpoint); None where it does
    not apply."""
    applies = statistic is not None and skill_gets_premium(skill=skill)
    return [
        (use, premium_in_dollars(basis=use.role.pay.base_midpoint, statistic=statistic))
        if applies
        else (use, None)
        for use in uses
    ]
