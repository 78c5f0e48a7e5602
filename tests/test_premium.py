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
from tests.factories import RoleFactory, RoleSkillFactory, SkillFactory, StatisticFactory


def statistic(low="20.0", high="30.0") -> SimpleNamespace:
    return SimpleNamespace(low=Decimal(low), high=None if high is None else Decimal(high))


def test_the_premium_is_the_percentages_of_the_basis_in_whole_dollars():
    premium = premium_in_dollars(basis=167_500, statistic=statistic())
    assert (premium.basis, premium.low, premium.high) == (167_500, 33_500, 50_250)
    assert (premium.low_percent, premium.high_percent) == (20, 30)


def test_a_half_dollar_basis_rounds_up_before_the_percentages():
    premium = premium_in_dollars(basis=163_500.5, statistic=statistic())
    assert premium.basis == 163_501
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
    figure = StatisticFactory(slug="specialization-premium")
    cloud = RoleFactory(track=Track.CLOUD, base_min=140_000, base_max=195_000)
    backend = RoleFactory(track=Track.BACKEND)
    premium = role_premium(role=cloud, statistic=read_model.build().specialization_premium)
    assert (premium.low, premium.high) == (33_500, 50_250)
    assert role_premium(role=backend, statistic=figure) is None
    assert role_premium(role=cloud, statistic=None) is None


@pytest.mark.django_db
def test_without_the_statistic_there_is_no_premium():
    assert read_model.build().specialization_premium is None


@pytest.mark.django_db
def test_skill_rows_carry_a_premium_only_for_specialist_skills():
    figure = StatisticFactory(slug="specialization-premium")
    link = RoleSkillFactory(skill=SkillFactory(kind=SkillKind.SECURITY))
    plain = RoleSkillFactory(skill=SkillFactory(kind=SkillKind.LANGUAGE))
    [(_, premium)] = skill_premium_rows(skill=link.skill, links=[link], statistic=figure)
    assert premium.low == 32_000
    assert skill_premium_rows(skill=plain.skill, links=[plain], statistic=figure) == [(plain, None)]
