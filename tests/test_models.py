import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import (
    CareerStageFactory,
    ExperienceTierFactory,
    PayComparisonFactory,
    RoleFactory,
    RoleSkillFactory,
    StatisticFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "fields",
    [
        {"base_min": 200_000, "base_max": 150_000},
        {"total_min": 500_000, "total_max": 400_000},
        {"experience_min_years": 10, "experience_max_years": 8},
        {"base_min": 0},
        {"total_peak": 100_000},
    ],
    ids=["base", "total", "years", "zero-base", "peak-below-range"],
)
def test_database_rejects_a_role_that_breaks_an_invariant(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(**fields)


def test_role_slugs_are_unique():
    RoleFactory(slug="cloud-architect")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(slug="cloud-architect")


def test_tier_rejects_reversed_total_range():
    with pytest.raises(IntegrityError), transaction.atomic():
        ExperienceTierFactory(total_min=300_000, total_max=200_000)


def test_comparison_rows_may_leave_figures_out_but_not_reverse_them():
    PayComparisonFactory(base_min=None, base_max=None, base_note="Varies by level")
    with pytest.raises(IntegrityError), transaction.atomic():
        PayComparisonFactory(base_min=190_000, base_max=180_000)


def test_stage_years_must_be_ordered():
    with pytest.raises(IntegrityError), transaction.atomic():
        CareerStageFactory(years_min=6, years_max=3)


def test_a_skill_is_linked_to_a_role_once():
    link = RoleSkillFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleSkillFactory(role=link.role, skill=link.skill)


def test_statistic_low_must_not_exceed_high():
    with pytest.raises(IntegrityError), transaction.atomic():
        StatisticFactory(low=30, high=20)


def test_model_validation_explains_a_reversed_range_in_words():
    role = RoleFactory.build(base_min=200_000, base_max=150_000)
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "The lowest base salary must not be above the highest base salary." in str(error.value)


def test_role_natural_key_round_trips():
    role = RoleFactory(slug="platform-engineer")
    assert type(role).objects.get_by_natural_key(*role.natural_key()) == role


def test_stage_natural_key_names_its_role_and_position():
    stage = CareerStageFactory(role__slug="sre", order=2)
    assert stage.natural_key() == ("sre", 2)
    assert type(stage).objects.get_by_natural_key("sre", 2) == stage


def test_alias_list_splits_on_commas():
    role = RoleFactory.build(aliases="DevOps Architect, Principal DevOps")
    assert role.alias_list == ["DevOps Architect", "Principal DevOps"]


def test_role_url_is_its_slug():
    assert RoleFactory.build(slug="cloud-architect").get_absolute_url() == "/roles/cloud-architect/"


def test_tier_contains_years_handles_the_open_top_tier():
    tier = ExperienceTierFactory.build(years_min=10, years_max=None)
    assert tier.contains_years(25)
    assert not tier.contains_years(9)
