from decimal import Decimal
from types import SimpleNamespace

import pytest

from careers import read_model
from careers.models import SkillKind, Track
from careers.premium import (
    premium_in_dollars,
    role_gets_premium,
    role_premium,
    skill_gets_premium,
    skill_premium_rows,
)
from careers.read_model.records import Pay
from tests.factories import RoleFactory, RoleSkillFactory, SkillFactory, StatisticFactory


def statistic(low="20.0", high="30.0") -> SimpleNamespace:
    return SimpleNamespace(low=Decimal(low), high=None if high is None else Decimal(high))


def test_the_premium_is_the_percentages_of_the_basis_in_whole_dollars():
    premium = premium_in_dollars(basis=167_500, statistic=statistic())
    assert (premium.basis, premium.low, premium.high) == (167_500, 33_500, 50_250)
    assert (premium.low_percent, premium.high_percent) == (20, 30)


def test_a_half_dollar_midpoint_rounds_up_before_the_percentages():
    pay = Pay(163_000, 164_001, False, 200_000, 300_000, False)
    assert pay.base_midpoint == 163_501
    premium = premium_in_dollars(basis=pay.base_midpoint, statistic=statistic())
    assert premium.low == 32_700


def test_a_single_value_statistic_gives_one_figure():
    premium = premium_in_dollars(basis=100_000, statistic=statistic(low="25.0", high=None))
    assert premium.low == premium.high == 25_000


@pytest.mark.parametrize(
    ("track", "applies"),
    [(Track.CLOUD, True), (Track.SECURITY, True), (Track.ML, True), (Track.BACKEND, False)],
)
def test_the_premium_applies_to_cloud_security_and_ml_tracks(track, applies):
    assert role_gets_premium(role=SimpleNamespace(track=track)) is applies


@pytest.mark.parametrize(
    ("kind", "applies"),
    [
        (SkillKind.CLOUD, True),
        (SkillKind.SECURITY, True),
        (SkillKind.ML, True),
        (SkillKind.LANGUAGE, False),
    ],
)
def test_the_premium_applies_to_cloud_security_and_ml_skills(kind, applies):
    assert skill_gets_premium(skill=SimpleNamespace(kind=kind)) is applies


@pytest.mark.django_db
def test_role_premium_is_on_the_base_midpoint_and_only_where_it_applies():
    StatisticFactory(slug="specialization-premium")
    cloud = RoleFactory(track=Track.CLOUD, base_min=140_000, base_max=195_000)
    backend = RoleFactory(track=Track.BACKEND)
    data = read_model.build()
    cloud, backend = data.role_by_slug[cloud.slug], data.role_by_slug[backend.slug]
    premium = role_premium(role=cloud, statistic=data.specialization_premium)
    assert (premium.low, premium.high) == (33_500, 50_250)
    assert role_premium(role=backend, statistic=data.specialization_premium) is None
    assert role_premium(role=cloud, statistic=None) is None


@pytest.mark.django_db
def test_without_the_statistic_there_is_no_premium():
    assert read_model.build().specialization_premium is None


@pytest.mark.django_db
def test_skill_rows_carry_a_premium_only_for_specialist_skills():
    StatisticFactory(slug="specialization-premium")
    security = RoleSkillFactory(skill=SkillFactory(kind=SkillKind.SECURITY)).skill
    language = RoleSkillFactory(skill=SkillFactory(kind=SkillKind.LANGUAGE)).skill
    data = read_model.build()
    figure = data.specialization_premium
    uses = data.skill_uses[security.slug]
    [(_, premium)] = skill_premium_rows(
        skill=data.skill_by_slug[security.slug], uses=uses, statistic=figure
    )
    assert premium.low == 32_000
    plain = data.skill_uses[language.slug]
    assert skill_premium_rows(
        skill=data.skill_by_slug[language.slug], uses=plain, statistic=figure
    ) == [(plain[0], None)]
