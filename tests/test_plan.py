"""The plan's logic on the article's data: its state and address, the dated path, progress and
how far the same skills go toward every other role."""

import pytest
from django.core.exceptions import BadRequest
from django.http import QueryDict
from pytest_django.asserts import assertContains

from careers import read_model
from careers.models import Background, CareerStage, StageEntry
from careers.plan import (
    OTHER_ROLES_SHOWN,
    PlanState,
    SkillState,
    plan_for,
    plan_state_for,
    plan_state_from,
)
from careers.questionnaire.answers import Answers
from tests.factories import ExperienceTierFactory, build_catalogue

pytestmark = pytest.mark.django_db
THIS_YEAR = 2026


def role(data, slug):
    return next(role for role in data.roles if role.slug == slug)


def state_from(data, query: str):
    return plan_state_from(QueryDict(query), data=data)


def test_the_address_holds_the_whole_state_in_catalogue_order(data):
    state, notices = state_from(
        data, "years=10&background=sysadmin&pay=90000&have=networking,linux&learning=bash"
    )
    assert notices == []
    assert state == PlanState(10, Background.SYSADMIN, 90_000, ("linux", "networking"), ("bash",))
    assert (
        state.query == "years=10&background=sysadmin&pay=90000&have=linux,networking&learning=bash"
    )


def test_a_fresh_plan_has_the_bare_address(data):
    state, _ = state_from(data, "")
    assert state.query == ""


def test_unknown_and_repeated_skills_are_dropped_with_a_notice(data):
    state, notices = state_from(data, "have=linux,lockpicking,linux&learning=linux")
    assert state.have == ("linux",) and state.learning == ()
    assert "lockpicking" in notices[0]
    assert "more than once" in notices[1]


def test_bad_years_pay_and_background_are_dropped_with_a_notice(data):
    state, notices = state_from(data, "years=abc&pay=-5&background=astronaut")
    assert (state.years, state.pay, state.background) == (0, None, Background.SWITCHER)
    assert len(notices) == 3


def test_the_checklist_radios_win_over_the_lists(data):
    state, _ = state_from(
        data, "have=linux,git&skill-linux=todo&skill-docker=learning&skill-git=have"
    )
    assert (state.have, state.learning) == (("git",), ("docker",))
    assert state.state_of("linux") == SkillState.TODO


def test_an_oversized_state_is_refused(data):
    with pytest.raises(BadRequest):
        state_from(data, "have=" + "x" * 2100)


def test_the_path_is_dated_from_this_year_by_the_advice_rules(data):
    """A ten-year sysadmin can step into "Infrastructure or Cloud Engineer" this year; the
    staff-level step ("5-9+ years") starts two years after that step's "3-5 years"."""
    state = PlanState(10, Background.SYSADMIN, None, ("linux", "networking"), ())
    plan = plan_for(
        role=role(data, "infrastructure-engineer"),
        state=state,
        data=data,
        this_year=THIS_YEAR,
    )
    assert [(step.status, step.year) for step in plan.steps] == [
        ("behind", THIS_YEAR),
        ("now", THIS_YEAR),
        ("ahead", THIS_YEAR + 2),
    ]
    now = plan.steps[1]
    assert not now.ready
    assert [(item.need.name, item.state) for item in now.needs] == [
        ("Linux", "have"),
        ("Networking basics", "have"),
        ("Python or Bash", "todo"),
        ("Infrastructure as Code", "todo"),
        ("Cloud (AWS, Azure or GCP)", "todo"),
    ]
    assert now.pay.total_min == 140_000  # the Mid tier, where "3-5 years" falls


def test_a_step_is_ready_once_its_years_and_skills_are_there(data):
    state = PlanState(
        10,
        Background.SYSADMIN,
        None,
        ("bash", "cloud", "infrastructure-as-code", "linux", "networking"),
        (),
    )
    plan = plan_for(
        role=role(data, "infrastructure-engineer"),
        state=state,
        data=data,
        this_year=THIS_YEAR,
    )
    assert plan.steps[1].ready


def test_a_skill_being_learned_counts_as_progress_but_not_as_had(data):
    state = PlanState(have=("linux",), learning=("terraform",))
    plan = plan_for(
        role=role(data, "infrastructure-engineer"),
        state=state,
        data=data,
        this_year=THIS_YEAR,
    )
    assert (plan.core.have, plan.core.learning, plan.core.total) == (1, 1, 4)
    assert (plan.overall.have, plan.overall.total) == (1, 15)  # alternatives count once
    assert plan.core.percent == 25
    groups = {group.name: [item.skill.slug for item in group.items] for group in plan.checklist}
    assert groups["Core skills"] == ["networking", "linux", "infrastructure-as-code", "terraform"]
    assert "aiops" in groups["Bonus skills"]


def test_a_skill_marked_once_counts_for_every_role(data):
    state = PlanState(have=("linux", "networking", "python", "docker", "kubernetes"))
    plan = plan_for(
        role=role(data, "infrastructure-engineer"),
        state=state,
        data=data,
        this_year=THIS_YEAR,
    )
    coverage = {c.role.slug: (c.progress.have, c.progress.total) for c in plan.other_roles}
    assert "infrastructure-engineer" not in coverage
    assert coverage["site-reliability-engineer"] == (5, 7)
    assert plan.other_roles[0].role.slug == "site-reliability-engineer"  # most covered first


def test_a_questionnaire_result_becomes_a_plan_with_its_answers(data):
    answers = Answers(4, Background.DEVOPS, frozenset({"linux", "git"}), (), "pay", 150_000)
    state = plan_state_for(answers, data=data)
    assert state.query == "years=4&background=devops&pay=150000&have=git,linux"


def test_a_checklist_state_that_is_not_offered_is_dropped_with_a_notice(data):
    state, notices = state_from(data, "have=linux&skill-linux=mastered")
    assert state.have == ("linux",)
    assert notices == ["We kept the earlier state of linux: have, learning or not yet only."]


@pytest.mark.django_db
def test_a_large_catalogue_lists_only_the_best_covered_other_roles():
    ExperienceTierFactory.create_batch(2)
    roles = build_catalogue(roles=30)
    data = read_model.build()
    target = next(role for role in data.roles if role.slug == roles[0].slug)
    state, _ = plan_state_from(QueryDict(""), data=data)
    plan = plan_for(role=target, state=state, data=data, this_year=2026)
    assert len(plan.other_roles) == OTHER_ROLES_SHOWN
    assert plan.other_role_count == 29


def test_a_large_catalogues_plan_says_how_many_roles_its_others_list_is_drawn_from(client, db):
    ExperienceTierFactory.create_batch(2)
    roles = build_catalogue(roles=30)
    response = client.get(f"/plan/{roles[0].slug}/?have={roles[1].role_skills.first().skill.slug}")
    assertContains(response, "(the 10 roles your marks cover best, of 29)")
    assertContains(response, "Switch my plan to", count=10)


# Issue 21: mutations the plan's tests once let through.


@pytest.mark.parametrize("years", ["51", "-1", "999", "²", "abc"])
def test_years_outside_0_to_50_are_dropped_with_a_notice(data, years):
    state, notices = state_from(data, f"years={years}&background=sysadmin")
    assert (state.years, state.background) == (0, Background.SYSADMIN)
    assert notices == [f"We ignored years={years!r}. Enter a whole number from 0 to 50."]


@pytest.mark.parametrize("years", [0, 1, 50])
def test_years_from_0_to_50_are_kept(data, years):
    assert state_from(data, f"years={years}") == (PlanState(years=years), [])


def test_a_step_is_not_ready_while_one_of_its_skills_is_only_being_learned(data):
    """The years are there and every skill but one is had; the last is being learned."""
    state = PlanState(
        10,
        Background.SYSADMIN,
        None,
        ("bash", "infrastructure-as-code", "linux", "networking"),
        ("cloud",),
    )
    plan = plan_for(
        role=role(data, "infrastructure-engineer"),
        state=state,
        data=data,
        this_year=THIS_YEAR,
    )
    now = plan.steps[1]
    assert (now.status, now.year) == ("now", THIS_YEAR)
    assert [(item.need.name, item.state) for item in now.still_needed] == [
        ("Cloud (AWS, Azure or GCP)", SkillState.LEARNING)
    ]
    assert not now.ready


@pytest.fixture
def switchers_named_at_a_step(seed):
    """The article's data, with switchers and the self-taught named at the infrastructure
    path's second step (three years in): the advice then reads their years on that path."""
    stage = CareerStage.objects.filter(role__slug="infrastructure-engineer").order_by("order")[1]
    for background in (Background.SWITCHER, Background.SELF_TAUGHT):
        StageEntry.objects.create(stage=stage, background=background)
    return read_model.build()


def dated(data, *, years: int, background: str) -> list[tuple[str, int]]:
    plan = plan_for(
        role=role(data, "infrastructure-engineer"),
        state=PlanState(years=years, background=background),
        data=data,
        this_year=THIS_YEAR,
    )
    return [(step.status, step.year) for step in plan.steps]


@pytest.mark.parametrize("background", [Background.SWITCHER, Background.SELF_TAUGHT])
def test_years_outside_a_tech_job_never_count_on_a_path(switchers_named_at_a_step, background):
    """Ten years at a non-tech job, or studying, date the path as no years at all."""
    data = switchers_named_at_a_step
    assert dated(data, years=10, background=background) == [
        ("now", THIS_YEAR),
        ("ahead", THIS_YEAR + 3),
        ("ahead", THIS_YEAR + 5),
    ]
    assert dated(data, years=10, background=background) == dated(
        data, years=0, background=background
    )
    # Years in a tech job do count: a sysadmin's ten put the same step within reach now.
    assert dated(data, years=10, background=Background.SYSADMIN)[1] == ("now", THIS_YEAR)
