"""The next-episode advice against the article: people of every background, each expectation
citing the passage of the article's paths it follows, and invariants checked with Hypothesis."""

import random
from dataclasses import replace
from typing import NamedTuple

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careers.models import Background, Importance, SkillKind
from careers.questionnaire.advice import (
    Label,
    interest_skill_share,
    position_on,
    readiness,
    storyline_for,
)
from careers.questionnaire.answers import Answers, Interest, Priority
from careers.questionnaire.catalogue import (
    Catalogue,
    Pay,
    RoleData,
    RoleSkillNeed,
    SkillInfo,
    catalogue_from_database,
)
from careers.seed import SEED_FIXTURES

# The pure advice needs no database per test; the marker only makes pytest-django create one
# for the module's catalogue.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker) -> Catalogue:
    """The article's data as the advice sees it: plain frozen objects, read once."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", *SEED_FIXTURES, verbosity=0)
        loaded = catalogue_from_database()
        transaction.set_rollback(True)
    return loaded


def answers(years=0, background=Background.SWITCHER, knows="", likes="", priority="time", pay=None):
    return Answers(
        years=years,
        background=background,
        knows=frozenset(slug for slug in knows.split(",") if slug),
        likes=tuple(like for like in likes.split(",") if like),
        priority=priority,
        pay=pay,
    )


class Persona(NamedTuple):
    who: Answers
    next_role: str
    next_stage: str
    ready: bool
    first_skill: str | None
    passage: str  # the article's words the expectation follows


BACKEND_BASICS = "python,sql,git,linux,rest-grpc-apis,testing,docker"
PERSONAS = {
    "switcher with nothing yet": Persona(
        answers(priority="pay"),
        "principal-devops-engineer",
        "Junior DevOps/Cloud/Backend engineer",
        False,
        "python",
        "For beginners and career-switchers, the next episode isn't 'Principal DevOps' - it's"
        " landing that first hands-on DevOps or backend role, building solid Python, SQL",
    ),
    "switcher drawn to security": Persona(
        answers(years=3, likes="security"),
        "devsecops-engineer",
        "DevOps or backend engineer",
        False,
        "linux",
        "For beginners, the next step isn't memorizing every CVE - it's getting comfortable with"
        " Linux, Git, CI/CD, Docker, and a major cloud provider",
    ),
    "student who already ships Python": Persona(
        answers(years=1, background=Background.SELF_TAUGHT, knows="python,git", likes="platforms"),
        "platform-engineer",
        "DevOps or backend engineer",
        False,
        "linux",
        "getting comfortable with Git, Linux, Docker, CI/CD, and at least one major cloud",
    ),
    "frontend developer moving to backend": Persona(
        answers(
            years=5, background=Background.FRONTEND, knows="javascript-node,git", likes="backend"
        ),
        "staff-backend-engineer",
        "Junior Backend Developer",
        False,
        "python",
        "0-2 years as a Junior Backend Developer learning to ship features and fix bugs",
    ),
    "junior backend developer": Persona(
        answers(years=1, background=Background.BACKEND, knows=BACKEND_BASICS, likes="backend"),
        "staff-backend-engineer",
        "Backend Engineer",
        False,
        "cloud",
        "get comfortable with Git, Linux, Docker, and a major cloud provider",
    ),
    "six-year backend developer drawn to performance": Persona(
        answers(years=6, background=Background.BACKEND, knows=BACKEND_BASICS, likes="performance"),
        "senior-backend-go-rust",
        "Go or Rust specialist on performance-critical services",
        True,
        "go",
        "3-5 years gradually specializing in Go or Rust on specific services",
    ),
    "senior backend developer ready for staff": Persona(
        answers(
            years=12,
            background=Background.BACKEND,
            knows=f"{BACKEND_BASICS},cloud,microservices,event-driven-design",
            priority="pay",
        ),
        "staff-backend-engineer",
        "Staff Backend Engineer",
        True,
        "ai-assisted-development",
        "8-12+ years before you're fully operating at staff scope across multiple teams",
    ),
    "systems administrator drawn to cloud": Persona(
        answers(years=10, background=Background.SYSADMIN, knows="linux,networking", likes="cloud"),
        "infrastructure-engineer",
        "Infrastructure or Cloud Engineer",
        False,
        "python",
        "0-2 years as a systems administrator, junior DevOps, or network engineer; 3-5 years as"
        " an Infrastructure or Cloud Engineer",
    ),
    "mid-level DevOps engineer drawn to security": Persona(
        answers(years=4, background=Background.DEVOPS, knows="git,linux", likes="security"),
        "devsecops-engineer",
        "Owner of pipeline security for many teams",
        False,
        "ci-cd",
        "3-5 years taking on more security responsibilities",
    ),
    "principal-ready DevOps engineer": Persona(
        answers(
            years=10,
            background=Background.DEVOPS,
            knows="python,sql,ci-cd,docker,cloud,linux,git,kubernetes,terraform,observability",
            priority="pay",
        ),
        "principal-devops-engineer",
        "Principal DevOps Engineer / DevOps Architect",
        True,
        "ai-assisted-development",
        "10+ years before you're truly operating at Principal/Architect scope",
    ),
    "site reliability engineer one year from staff": Persona(
        answers(
            years=7,
            background=Background.SRE,
            knows="linux,networking,python,docker,kubernetes,observability,ci-cd,cloud,git",
            likes="reliability",
        ),
        "site-reliability-engineer",
        "Staff/Principal SRE",
        False,
        "slos-incident-management",
        "8-12+ years before you're operating at staff/principal scope across multiple teams",
    ),
    "data engineer drawn to AI": Persona(
        answers(years=5, background=Background.DATA, knows="python,sql,scikit-learn", likes="ai"),
        "mlops-engineer",
        "ML platform lead",
        False,
        "ci-cd",
        "5-8+ years before you're leading ML platform efforts for multiple products",
    ),
    "security engineer moving into pipelines": Persona(
        answers(years=4, background=Background.SECURITY, knows="linux,security-fundamentals"),
        "devsecops-engineer",
        "Owner of pipeline security for many teams",
        False,
        "git",
        "moving from a security engineer role into CI/CD and infrastructure",
    ),
}


@pytest.mark.parametrize("name", list(PERSONAS))
def test_each_person_gets_the_next_step_the_articles_paths_describe(catalogue, name):
    persona = PERSONAS[name]
    step = storyline_for(catalogue=catalogue, answers=persona.who).next_step
    assert (step.role.slug, step.stage.title) == (persona.next_role, persona.next_stage)
    assert step.readiness.ready is persona.ready


@pytest.mark.parametrize("name", list(PERSONAS))
def test_each_person_is_told_first_the_skill_their_next_step_is_about(catalogue, name):
    persona = PERSONAS[name]
    storyline = storyline_for(catalogue=catalogue, answers=persona.who)
    assert storyline.skills_to_build[0].slug == persona.first_skill
    assert all(skill.why for skill in storyline.skills_to_build)


def test_a_sysadmin_is_told_plainly_what_is_missing_not_that_no_years_are_needed(catalogue):
    step = storyline_for(
        catalogue=catalogue, answers=PERSONAS["systems administrator drawn to cloud"].who
    ).next_step
    assert step.readiness.years_to_reach == 0
    assert [need.name for need in step.readiness.missing] == [
        "Python or Bash",
        "Infrastructure as Code",
        "Cloud (AWS, Azure or GCP)",
    ]


def test_a_track_change_does_not_carry_years_to_the_top_of_another_path(catalogue):
    """Ten years as a sysadmin count up to the start of the Infrastructure or Cloud Engineer
    step ("3-5 years"), so the staff-level step ("5-9+ years") is still two years away."""
    sysadmin = answers(years=10, background=Background.SYSADMIN)
    infrastructure = next(r for r in catalogue.roles if r.slug == "infrastructure-engineer")
    position = position_on(role=infrastructure, answers=sysadmin)
    assert position.years_to(infrastructure.stages[-1]) == 2


def test_beginners_see_senior_roles_only_as_long_term_destinations(catalogue):
    """ "your first step isn't chasing a $400,000+ compensation package"."""
    storyline = storyline_for(catalogue=catalogue, answers=answers(priority="pay"))
    assert storyline.open_to_anything
    assert {fit.label for fit in storyline.fits} == {Label.DESTINATION}
    assert all(fit.years_to_reach >= 5 for fit in storyline.fits)
    assert storyline.season.slug == "entry"


def test_higher_pay_puts_the_biggest_raise_first_and_sooner_the_nearest(catalogue):
    devops = {
        "years": 4,
        "background": Background.DEVOPS,
        "knows": "git,linux",
        "likes": "security,platforms",
    }
    by_pay = storyline_for(catalogue=catalogue, answers=answers(**devops, priority="pay")).fits
    by_time = storyline_for(catalogue=catalogue, answers=answers(**devops, priority="time")).fits
    assert [fit.raise_ for fit in by_pay] == sorted((fit.raise_ for fit in by_pay), reverse=True)
    assert [fit.years_to_reach for fit in by_time] == sorted(fit.years_to_reach for fit in by_time)
    assert by_pay[0].role.slug != by_time[0].role.slug


def test_a_given_pay_replaces_the_season_in_raises_and_says_where_it_stands(catalogue):
    who = answers(years=4, background=Background.DEVOPS, likes="security", pay=100_000)
    storyline = storyline_for(catalogue=catalogue, answers=who)
    assert storyline.standing.against_season == "below"  # Mid: $140,000 - $220,000 in total
    assert all(fit.raise_ == fit.role.pay.total_midpoint - 100_000 for fit in storyline.fits)
    assert storyline.standing.to_next_step == storyline.next_step.pay.total_midpoint - 100_000


@pytest.fixture
def fit(catalogue):
    who = answers(years=4, background=Background.DEVOPS, likes="security")
    return storyline_for(catalogue=catalogue, answers=who).fits[0]


def test_a_fit_says_in_words_how_far_its_role_is(fit):
    def time_to_role(**changes):
        return replace(fit, **changes).time_to_role

    assert time_to_role(years_to_reach=None) == "Not given in the article"
    assert time_to_role(label=Label.READY, years_to_reach=0) == "Ready now"
    assert time_to_role(label=Label.WITHIN_REACH, years_to_reach=1) == "about 1 year"
    assert time_to_role(label=Label.DESTINATION, years_to_reach=7) == "about 7 years"
    enough = f"Your years are enough; {fit.position.next.title} comes first"
    assert time_to_role(label=Label.WITHIN_REACH, years_to_reach=0) == enough


def test_a_fit_states_its_raise_at_the_midpoint_or_that_there_is_none(fit):
    assert replace(fit, raise_=12_345).raise_at_midpoint == "+$12,345 a year at the midpoint"
    assert replace(fit, raise_=0).raise_at_midpoint == "none at the midpoint"
    assert replace(fit, raise_=-8_000).raise_at_midpoint == "none at the midpoint"


def test_the_interest_share_counts_a_roles_own_kind_of_work_not_the_shared_fundamentals():
    """The article's fundamentals (Linux, Git, networking...) are what every role shares, so they
    say nothing about the kind of work that pulls someone toward one role."""

    def core(slug, kind, *, fundamental=False):
        skill = SkillInfo(slug, slug, kind, fundamental, f"/skills/{slug}/")
        return RoleSkillNeed(skill, Importance.CORE)

    role = RoleData(
        slug="security-role",
        title="Security role",
        track="security",
        url="/roles/security-role/",
        plan_url="/plan/security-role/",
        pay=Pay(1, 2, False, 1, 2, False),
        stages=(),
        skills=(
            core("linux", SkillKind.SYSTEMS, fundamental=True),
            core("git", SkillKind.DELIVERY, fundamental=True),
            core("iam", SkillKind.SECURITY),
            core("kubernetes", SkillKind.CONTAINERS),
        ),
    )
    assert interest_skill_share(role=role, likes=("security",)) == 0.5
    assert interest_skill_share(role=role, likes=("performance",)) == 0.0


def test_only_real_fits_are_shown(catalogue):
    storyline = storyline_for(
        catalogue=catalogue, answers=PERSONAS["data engineer drawn to AI"].who
    )
    assert [fit.role.slug for fit in storyline.fits] == ["mlops-engineer"]


# --------------------------------------------------------------------------- invariants

SKILL_SLUGS = st.sampled_from(
    [
        "python",
        "go",
        "rust",
        "java",
        "sql",
        "linux",
        "networking",
        "git",
        "ci-cd",
        "docker",
        "kubernetes",
        "cloud",
        "terraform",
        "infrastructure-as-code",
        "observability",
        "slos-incident-management",
        "sast-dast",
        "iam",
        "security-fundamentals",
        "ml-pipelines",
        "mlflow",
        "pytorch",
        "concurrency-performance",
        "rest-grpc-apis",
        "testing",
        "bash",
        "microservices",
        "event-driven-design",
        "system-design-patterns",
        "developer-experience",
    ]
)
ANSWERS = st.builds(
    Answers,
    years=st.integers(min_value=0, max_value=50),
    background=st.sampled_from(Background.values),
    knows=st.frozensets(SKILL_SLUGS, max_size=20),
    likes=st.lists(st.sampled_from(Interest.values), unique=True, max_size=4).map(tuple),
    priority=st.sampled_from(Priority.values),
    pay=st.none() | st.integers(min_value=0, max_value=2_000_000),
)
# The function-scoped fixtures around each test (the page cache, the test transaction) are
# not used by these pure functions, so sharing them across examples is harmless.
EXAMPLES = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def years_or_never(years):
    return 1_000 if years is None else years


@EXAMPLES
@given(who=ANSWERS, extra=SKILL_SLUGS)
def test_knowing_one_more_skill_never_moves_any_role_further_away(catalogue, who, extra):
    more = replace(who, knows=who.knows | {extra})
    for role in catalogue.roles:
        before, after = position_on(role=role, answers=who), position_on(role=role, answers=more)
        last = role.stages[-1]
        assert years_or_never(after.years_to(last)) <= years_or_never(before.years_to(last))
        assert after.next_index >= before.next_index
        missing_before = readiness(position=before, answers=who).missing
        if after.next == before.next:
            assert len(readiness(position=after, answers=more).missing) <= len(missing_before)


@EXAMPLES
@given(who=ANSWERS, more_years=st.integers(min_value=1, max_value=10))
def test_more_years_never_move_the_next_step_back(catalogue, who, more_years):
    older = replace(who, years=who.years + more_years)
    for role in catalogue.roles:
        before, after = position_on(role=role, answers=who), position_on(role=role, answers=older)
        assert after.next_index >= before.next_index
        last = role.stages[-1]
        assert years_or_never(after.years_to(last)) <= years_or_never(before.years_to(last))


@EXAMPLES
@given(who=ANSWERS)
def test_a_skill_the_person_uses_is_never_suggested(catalogue, who):
    storyline = storyline_for(catalogue=catalogue, answers=who)
    assert not {skill.slug for skill in storyline.skills_to_build} & who.knows


@EXAMPLES
@given(who=ANSWERS)
def test_ready_means_the_years_are_there_and_no_skill_is_missing(catalogue, who):
    step = storyline_for(catalogue=catalogue, answers=who).next_step
    if step.readiness.ready:
        assert step.readiness.years_to_reach == 0
        assert not step.readiness.missing
    assert all(not need.met_by(who.knows) for need in step.readiness.missing)


@EXAMPLES
@given(who=ANSWERS, seed=st.integers())
def test_the_same_answers_in_any_data_order_give_the_same_result(catalogue, who, seed):
    shuffled_roles, shuffled_tiers = list(catalogue.roles), list(catalogue.tiers)
    random.Random(seed).shuffle(shuffled_roles)
    shuffled = replace(catalogue, roles=tuple(shuffled_roles))
    assert storyline_for(catalogue=shuffled, answers=who) == storyline_for(
        catalogue=catalogue, answers=who
    )
    assert shuffled_tiers == list(catalogue.tiers)


@pytest.mark.parametrize(
    ("years", "stands_on", "next_title"),
    [
        (3, "Backend developer", "Service owner and project lead"),
        (12, "Cross-team technical lead", "Backend Architect"),
    ],
)
def test_a_step_without_years_is_not_stood_on_before_the_dated_step_after_it(
    catalogue, years, stands_on, next_title
):
    """Backend Architects "start out as backend developers, then spend several years owning
    entire services ... close to a decade": a junior developer is not yet a cross-team lead."""
    architect = next(r for r in catalogue.roles if r.slug == "backend-architect")
    position = position_on(
        role=architect, answers=answers(years=years, background=Background.BACKEND)
    )
    assert (position.held.title, position.next.title) == (stands_on, next_title)
