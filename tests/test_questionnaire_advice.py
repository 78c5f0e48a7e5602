"""The next-episode advice against the article: people of every background, each expectation
citing the passage of the article it follows, the rules the advice follows (each with the failure
it prevents), and invariants checked with Hypothesis. The blind judges' casebooks are in
tests/test_advice_casebook.py."""

import random
from dataclasses import replace
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careers.models import Background, Importance, SkillKind
from careers.plan import PlanState, plan_for
from careers.questionnaire.advice import (
    MATCH_FLOOR,
    ROLES_SHOWN,
    Label,
    Pull,
    interest_skill_share,
    pay_level,
    position_on,
    readiness,
    stage_pay,
    storyline_for,
    tier_for_years,
)
from careers.questionnaire.answers import Answers, Interest, Priority
from careers.read_model import Pay, Role, RoleSkill, Skill

# The pure advice needs no database per test; the marker only makes pytest-django create one
# for the module's data.
pytestmark = pytest.mark.django_db


def answers(years=0, background=Background.SWITCHER, have="", likes="", priority="time", pay=None):
    return Answers(
        years=years,
        background=background,
        have=frozenset(slug for slug in have.split(",") if slug),
        likes=tuple(like for like in likes.split(",") if like),
        priority=priority,
        pay=pay,
    )


def role(data, slug) -> Role:
    return data.role_by_slug[slug]


class Persona(NamedTuple):
    who: Answers
    next_role: str
    next_stage: str
    ready: bool
    first_skill: str | None
    passage: str  # the article's words the expectation follows


BACKEND_BASICS = "python,sql,git,linux,rest-grpc-apis,testing,docker"
DEVOPS_BASICS = "linux,git,ci-cd,docker,cloud"
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
        answers(years=1, background=Background.SELF_TAUGHT, have="python,git", likes="platforms"),
        "platform-engineer",
        "DevOps or backend engineer",
        False,
        "linux",
        "getting comfortable with Git, Linux, Docker, CI/CD, and at least one major cloud",
    ),
    "frontend developer moving to backend": Persona(
        answers(
            years=5, background=Background.FRONTEND, have="javascript-node,git", likes="backend"
        ),
        "staff-backend-engineer",
        "Junior Backend Developer",
        False,
        "sql",  # JavaScript/Node is already a backend language: never "learn Python" first
        "0-2 years as a backend developer in a more common language (often Python,"
        " JavaScript/Node, or Java)",
    ),
    "junior backend developer": Persona(
        answers(years=1, background=Background.BACKEND, have=BACKEND_BASICS, likes="backend"),
        "staff-backend-engineer",
        "Backend Engineer",
        False,
        "cloud",
        "get comfortable with Git, Linux, Docker, and a major cloud provider",
    ),
    "six-year backend developer drawn to performance": Persona(
        answers(years=6, background=Background.BACKEND, have=BACKEND_BASICS, likes="performance"),
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
            have=f"{BACKEND_BASICS},cloud,microservices,event-driven-design",
            priority="pay",
        ),
        "staff-backend-engineer",
        "Staff Backend Engineer",
        True,
        "caching",  # expected of a staff engineer; PostgreSQL is not suggested to an SQL user
        "SQL databases like PostgreSQL or MySQL, caching layers, and queues",
    ),
    "systems administrator drawn to cloud": Persona(
        answers(years=10, background=Background.SYSADMIN, have="linux,networking", likes="cloud"),
        "infrastructure-engineer",
        "Infrastructure or Cloud Engineer",
        False,
        "python",
        "0-2 years as a systems administrator, junior DevOps, or network engineer; 3-5 years as"
        " an Infrastructure or Cloud Engineer",
    ),
    "mid-level DevOps engineer drawn to security": Persona(
        answers(years=4, background=Background.DEVOPS, have=DEVOPS_BASICS, likes="security"),
        "devsecops-engineer",
        "Engineer taking on security (or security engineer moving into CI/CD)",
        False,
        "security-fundamentals",
        "3-5 years taking on more security responsibilities",
    ),
    "principal-ready DevOps engineer": Persona(
        answers(
            years=11,
            background=Background.DEVOPS,
            have="python,sql,ci-cd,docker,cloud,linux,git,kubernetes,terraform,observability",
            priority="pay",
        ),
        "principal-devops-engineer",
        "Principal DevOps Engineer / DevOps Architect",
        True,
        "iam",
        "comfortable with security and compliance (IAM, secrets management, policies as code)",
    ),
    "site reliability engineer one year from staff": Persona(
        answers(
            years=7,
            background=Background.SRE,
            have="linux,networking,python,docker,kubernetes,observability,ci-cd,cloud,git",
            likes="reliability",
        ),
        "site-reliability-engineer",
        "Staff/Principal SRE",
        False,
        "slos-incident-management",
        "8-12+ years before you're operating at staff/principal scope across multiple teams",
    ),
    "data engineer drawn to AI": Persona(
        answers(years=5, background=Background.DATA, have="python,sql,scikit-learn", likes="ai"),
        "mlops-engineer",
        "ML Engineer or MLOps Engineer",
        False,
        "ci-cd",
        "3-5 years moving into a dedicated ML Engineer or MLOps Engineer role",
    ),
    "security engineer moving into pipelines": Persona(
        answers(years=4, background=Background.SECURITY, have="linux,security-fundamentals"),
        "devsecops-engineer",
        "Engineer taking on security (or security engineer moving into CI/CD)",
        False,
        "git",
        "moving from a security engineer role into CI/CD and infrastructure",
    ),
    "QA engineer drawn to platforms": Persona(
        answers(
            years=4,
            background=Background.QA,
            have="python,testing,git,linux,ci-cd,docker",
            likes="platforms",
        ),
        "platform-engineer",
        "DevOps or backend engineer",
        False,
        "cloud",
        "0-2 years as a DevOps or backend engineer who enjoys building pipelines and deployment"
        " scripts",
    ),
}


@pytest.mark.parametrize("name", list(PERSONAS))
def test_each_person_gets_the_next_step_the_articles_paths_describe(data, name):
    persona = PERSONAS[name]
    step = storyline_for(data=data, answers=persona.who).next_step
    assert (step.role.slug, step.stage.title) == (persona.next_role, persona.next_stage)
    assert step.readiness.ready is persona.ready


@pytest.mark.parametrize("name", list(PERSONAS))
def test_each_person_is_told_first_the_skill_their_next_step_is_about(data, name):
    persona = PERSONAS[name]
    storyline = storyline_for(data=data, answers=persona.who)
    assert storyline.skills_to_build[0].slug == persona.first_skill
    assert all(skill.why for skill in storyline.skills_to_build)


# --------------------------------------------------------------------------- the rules


def test_a_job_title_alone_never_moves_anyone_past_a_step_whose_work_is_not_done(data):
    """Issue 20's first failures. "3-5 years taking on more security responsibilities" is the
    step a DevOps engineer without security has not done; "3-5 years moving into a dedicated ML
    Engineer or MLOps Engineer role" the one a data engineer without ML pipelines has not."""
    devops = answers(years=7, background=Background.DEVOPS, have="linux,git,ci-cd,docker,terraform")
    position = position_on(role=role(data, "devsecops-engineer"), answers=devops)
    assert position.next.order == 2
    person = answers(years=4, background=Background.DATA, have="python,sql,docker")
    assert position_on(role=role(data, "mlops-engineer"), answers=person).next.order == 2
    done = replace(person, have=person.have | {"ml-pipelines", "pytorch"})
    assert position_on(role=role(data, "mlops-engineer"), answers=done).next.order == 3


def test_a_step_naming_the_persons_job_is_never_put_behind_them(data):
    """ "moving from a security engineer role into CI/CD and infrastructure": a security
    engineer steps onto the DevSecOps path at its second step, not back at its first."""
    security = answers(years=4, background=Background.SECURITY, have="security-fundamentals")
    position = position_on(role=role(data, "devsecops-engineer"), answers=security)
    assert (position.held, position.next.order, position.on_path) == (None, 2, True)


def test_a_step_starting_at_the_persons_years_is_their_next_one(data):
    """At exactly three years a DevOps engineer steps into "3-5 years as a mid-level DevOps or
    SRE"; they have not done it yet."""
    three = answers(years=3, background=Background.DEVOPS, have=DEVOPS_BASICS)
    position = position_on(role=role(data, "principal-devops-engineer"), answers=three)
    assert (position.held.order, position.next.order) == (1, 2)
    assert readiness(position=position, answers=three).years_to_reach == 0


def test_undated_steps_take_their_years_from_the_dated_steps_around_them(data):
    """Backend Architects start as backend developers and reach the role "close to a decade"
    in: the three steps between get 0, 3 and 7 years, spread evenly."""
    architect = role(data, "backend-architect")
    assert [stage.start for stage in architect.stages] == [0, 3, 7, 10]
    assert [stage.years_estimated for stage in architect.stages] == [True, True, True, False]


def test_years_in_another_job_never_count_on_a_path_with_undated_steps(data):
    """Issue 20: people who were never backend developers saw Backend Architect "within reach,
    your years are enough". A twelve-year sysadmin starts that path at its first step."""
    sysadmin = answers(
        years=12, background=Background.SYSADMIN, have="linux,networking", likes="leadership"
    )
    storyline = storyline_for(data=data, answers=sysadmin)
    architect = next(f for f in storyline.fits if f.role.slug == "backend-architect")
    assert (architect.position.next.order, architect.years_to_reach) == (1, 10)
    assert architect.label == Label.DESTINATION


@pytest.mark.parametrize(
    ("person", "extra"),
    [
        (
            answers(years=5, background=Background.BACKEND, have=BACKEND_BASICS, likes="backend"),
            "cloud",
        ),
        (
            answers(
                years=8,
                background=Background.SYSADMIN,
                have="linux,networking,bash,git,ansible",
                likes="cloud",
            ),
            "reliability",
        ),
    ],
)
def test_one_more_interest_never_makes_the_next_step_more_junior(data, person, extra):
    """Issue 20: a second interest sent a backend developer to a sysadmin entry step, and a
    senior sysadmin from the mid-level infrastructure step to a 0-2 year one."""
    before = storyline_for(data=data, answers=person).next_step
    after = storyline_for(
        data=data, answers=replace(person, likes=(*person.likes, extra))
    ).next_step
    assert after.stage.start >= before.stage.start
    assert pay_level(after.pay, tiers=data.tiers) >= pay_level(before.pay, tiers=data.tiers)


def test_higher_pay_orders_fits_of_similar_strength_and_never_lifts_a_weak_one(data):
    """Issue 20: a mid-level engineer drawn to one specialty saw Principal DevOps above that
    specialty's role, and switchers saw it first with a match of about 1 out of 10."""
    devops = answers(
        years=4, background=Background.DEVOPS, have=DEVOPS_BASICS, likes="security", priority="pay"
    )
    fits = storyline_for(data=data, answers=devops).fits
    assert fits[0].role.slug == "devsecops-engineer"
    assert fits[0].score - fits[1].score >= 2
    switcher = storyline_for(data=data, answers=answers(priority="pay"))
    assert switcher.fits[0].role.slug != "principal-devops-engineer"
    assert [f.years_to_reach for f in switcher.fits] == sorted(
        f.years_to_reach for f in switcher.fits
    )


def test_within_reach_counts_skills_as_well_as_years(data):
    """Issue 20: 169 of 200 random answer sets had "Within reach" cards with no core skill."""
    newcomer = answers(years=8, background=Background.DEVOPS, likes="platforms")
    for fit in storyline_for(data=data, answers=newcomer).fits:
        assert fit.label == Label.DESTINATION
        assert fit.core_skills_known == 0


def test_each_step_pays_its_own_pay_and_a_drop_is_shown(data):
    """Issue 20: the plan toward Staff Backend priced a fifteen-year developer's "Junior Backend
    Developer" step at $220,000-$350,000. Steps are priced at the tier their years fall in, the
    role's own step at the role's band."""
    staff = role(data, "staff-backend-engineer")
    state = PlanState(
        years=15, background=Background.BACKEND, have=tuple(BACKEND_BASICS.split(","))
    )
    plan = plan_for(role=staff, state=state, data=data, this_year=2026)
    tiers = {tier.name: tier for tier in data.tiers}
    # A plan names the level whose usual pay a step gets; None is the role's own band.
    assert [step.level and step.level.name for step in plan.steps] == [
        "Entry",
        "Mid",
        "Senior",
        None,
    ]
    assert plan.steps[0].pay == tiers["Entry"].pay
    # A sysadmin changing track to backend steps down to entry pay, and the result says so.
    sysadmin = answers(
        years=9, background=Background.SYSADMIN, have="linux", likes="backend", pay=150_000
    )
    step = storyline_for(data=data, answers=sysadmin).next_step
    assert (step.paid_as, step.pay_change) == (
        "the Entry tier",
        tiers["Entry"].pay.total_midpoint - 150_000,
    )
    assert step.pay_change < 0


def test_a_tool_counts_as_the_broader_skill_it_shows(data):
    """ "Infrastructure as Code tools like Terraform": Terraform users are not told to learn
    Infrastructure as Code."""
    person = answers(
        years=7,
        background=Background.DATA,
        have="python,sql,git,linux,docker,kubernetes,ci-cd,terraform,cloud,pytorch,mlflow,"
        "ml-pipelines",
        likes="ai",
    )
    storyline = storyline_for(data=data, answers=person)
    assert (storyline.next_step.stage.order, storyline.next_step.readiness.ready) == (3, True)
    assert "infrastructure-as-code" not in {skill.slug for skill in storyline.skills_to_build}


def test_any_backend_language_meets_the_language_need(data):
    """Issue 20: a Java developer was told to learn Python as a fundamental; the article's
    fundamental is "Python or another backend language"."""
    java = answers(
        years=6,
        background=Background.BACKEND,
        have="java,sql,git,linux,rest-grpc-apis,docker",
        likes="backend",
    )
    storyline = storyline_for(data=data, answers=java)
    suggested = {skill.slug for skill in storyline.skills_to_build}
    assert not suggested & {"python", "go", "rust", "javascript-node"}


def test_beginners_build_the_shared_fundamentals_before_anything_specialist(data):
    """Issue 20: beginners with no interests got Kubernetes, Terraform or ML frameworks among
    their first skills; the article sends them to "the backend and DevOps fundamentals"."""
    fundamentals = {slug for need in data.fundamental_needs for slug in need.slugs}
    for who in (answers(), answers(years=2, background=Background.SELF_TAUGHT, have="python")):
        storyline = storyline_for(data=data, answers=who)
        assert storyline.next_step.stage.order == 1
        skills = [skill.slug for skill in storyline.skills_to_build]
        first_specialist = next((i for i, s in enumerate(skills) if s not in fundamentals), None)
        step_skills = {s for need in storyline.next_step.stage.builds for s in need.slugs}
        assert all(slug in fundamentals | step_skills for slug in skills[:first_specialist])
        assert not set(skills) & {"kubernetes", "terraform", "pytorch", "mlflow"}


def test_leadership_points_at_the_architect_staff_and_principal_roles(data):
    """Issue 20: "Leadership" pointed at no track and no role."""
    devops = answers(
        years=10,
        background=Background.DEVOPS,
        have="linux,git,ci-cd,docker,kubernetes,terraform,cloud,observability,python,bash",
        likes="leadership",
    )
    storyline = storyline_for(data=data, answers=devops)
    assert storyline.next_step.role.slug == "principal-devops-engineer"
    assert storyline.next_step.is_destination
    leaders = {r.slug for r in data.roles if r.is_leadership}
    assert all(fit.role.slug in leaders for fit in storyline.fits if "Architecture" in fit.why)


def test_jobs_the_article_does_not_name_start_each_path_at_its_first_step(data):
    """QA, IT management and other tech jobs count as time in tech but not as a step of any
    path: their people start where each path starts."""
    for background in (Background.QA, Background.IT_MANAGEMENT, Background.OTHER_TECH):
        who = answers(years=12, background=background, have="linux,git", likes="reliability")
        storyline = storyline_for(data=data, answers=who)
        assert storyline.next_step.stage.order == 1
        assert not storyline.years_counted
        assert storyline.tier == data.tiers[0]


def test_the_second_interest_behind_more_of_the_persons_choices_wins_a_tie(data):
    """Backend and "data and APIs" both point at the backend track, once more than at ML."""
    switcher = answers(
        years=9,
        have="python,sql,linux,git,docker,ci-cd,cloud,ai-assisted-development",
        likes="backend,data",
    )
    step = storyline_for(data=data, answers=switcher).next_step
    assert step.role.track == "backend"


def test_a_person_starting_in_a_job_a_path_names_starts_on_that_path(data):
    """ "0-2 years as a data engineer, backend engineer, or DevOps engineer who occasionally
    supports ML": a data engineer in their first year is on the MLOps path's first step, not at
    the start of a path that does not name their job."""
    person = answers(years=0, background=Background.DATA, have="sql", likes="data")
    step = storyline_for(data=data, answers=person).next_step
    assert (step.role.slug, step.stage.order, step.position.on_path) == ("mlops-engineer", 1, True)


def test_a_weak_match_is_not_shown_as_a_fit(data):
    """A frontend developer drawn to performance work: the backend roles their background leads
    to match 2 out of 10 at best, under the floor; the Go/Rust role is what pulls them."""
    frontend = answers(
        years=2, background=Background.FRONTEND, have="javascript-node,git", likes="performance"
    )
    fits = storyline_for(data=data, answers=frontend).fits
    assert [fit.role.slug for fit in fits] == ["senior-backend-go-rust"]


def test_a_step_never_pays_more_than_its_role(data):
    """A role whose band sits under the Senior tier pays its six-year step as the highest tier
    that does not pay more than the role itself (an edit could make such a role)."""
    modest = replace(
        role(data, "principal-devops-engineer"), pay=Pay(1, 2, False, 200_000, 260_000, False)
    )
    senior_step = modest.stages[2]  # starts at six years: the Senior tier
    pay, paid_as = stage_pay(stage=senior_step, role=modest, tiers=data.tiers)
    assert paid_as == "the Mid tier"
    assert pay.total_midpoint <= modest.pay.total_midpoint


def test_only_real_fits_are_shown(data):
    storyline = storyline_for(data=data, answers=PERSONAS["data engineer drawn to AI"].who)
    assert [fit.role.slug for fit in storyline.fits] == ["mlops-engineer"]


@pytest.fixture
def fit(data):
    who = answers(years=4, background=Background.DEVOPS, likes="security")
    return storyline_for(data=data, answers=who).fits[0]


def test_a_fit_says_in_words_how_far_its_role_is(fit):
    def time_to_role(**changes):
        return replace(fit, **changes).time_to_role

    assert time_to_role(label=Label.READY, years_to_reach=0) == "Ready now"
    assert time_to_role(label=Label.WITHIN_REACH, years_to_reach=1) == "about 1 year"
    assert time_to_role(label=Label.DESTINATION, years_to_reach=7) == "about 7 years"
    enough = f"Your years are enough; {fit.position.next.title} comes first"
    assert time_to_role(label=Label.WITHIN_REACH, years_to_reach=0) == enough
    at_the_role = replace(fit.position, next=fit.role.stages[-1])
    assert (
        replace(fit, position=at_the_role, label=Label.WITHIN_REACH, years_to_reach=0).time_to_role
        == "Your years are enough; the skills it asks for come next"
    )


def test_a_fit_states_its_raise_at_the_midpoint_or_that_there_is_none(fit):
    assert replace(fit, raise_=12_345).raise_at_midpoint == "+$12,345 a year at the midpoint"
    assert replace(fit, raise_=0).raise_at_midpoint == "none at the midpoint"
    assert replace(fit, raise_=-8_000).raise_at_midpoint == "none at the midpoint"


def test_the_interest_share_counts_a_roles_own_kind_of_work_not_the_shared_fundamentals():
    """The article's fundamentals (Linux, Git, networking...) are what every role shares, so they
    say nothing about the kind of work that pulls someone toward one role."""

    def core(slug, kind, *, fundamental=False):
        skill = Skill(slug, slug, kind, kind, fundamental, f"/skills/{slug}/")
        return RoleSkill(skill, Importance.CORE)

    security_role = Role(
        slug="security-role",
        title="Security role",
        rank=1,
        track="security",
        track_label="Security",
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
    assert interest_skill_share(role=security_role, pull=Pull(("security",))) == 0.5
    assert interest_skill_share(role=security_role, pull=Pull(("performance",))) == 0.0


# --------------------------------------------------------------------------- invariants

SKILL_SLUGS = st.sampled_from(
    [
        "python",
        "go",
        "rust",
        "java",
        "javascript-node",
        "sql",
        "postgresql",
        "linux",
        "networking",
        "git",
        "ci-cd",
        "github-actions",
        "docker",
        "kubernetes",
        "cloud",
        "terraform",
        "infrastructure-as-code",
        "observability",
        "slos-incident-management",
        "sast-dast",
        "owasp-top-10",
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
        "ai-assisted-development",
    ]
)
ANSWERS = st.builds(
    Answers,
    years=st.integers(min_value=0, max_value=50),
    background=st.sampled_from(Background.values),
    have=st.frozensets(SKILL_SLUGS, max_size=20),
    likes=st.lists(st.sampled_from(Interest.values), unique=True, max_size=4).map(tuple),
    priority=st.sampled_from(Priority.values),
    pay=st.none() | st.integers(min_value=0, max_value=2_000_000),
)
# The function-scoped fixtures around each test (the page cache, the test transaction) are
# not used by these pure functions, so sharing them across examples is harmless.
EXAMPLES = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@EXAMPLES
@given(who=ANSWERS, extra=SKILL_SLUGS)
def test_knowing_one_more_skill_never_moves_any_role_further_away(data, who, extra):
    more = replace(who, have=who.have | {extra})
    for each in data.roles:
        before, after = position_on(role=each, answers=who), position_on(role=each, answers=more)
        last = each.stages[-1]
        assert after.years_to(last) <= before.years_to(last)
        assert after.next_index >= before.next_index
        missing_before = readiness(position=before, answers=who).missing
        if after.next == before.next:
            assert len(readiness(position=after, answers=more).missing) <= len(missing_before)


@EXAMPLES
@given(who=ANSWERS, more_years=st.integers(min_value=1, max_value=10))
def test_more_years_never_move_the_next_step_back(data, who, more_years):
    older = replace(who, years=who.years + more_years)
    for each in data.roles:
        before, after = position_on(role=each, answers=who), position_on(role=each, answers=older)
        assert after.next_index >= before.next_index
        last = each.stages[-1]
        assert after.years_to(last) <= before.years_to(last)


@EXAMPLES
@given(who=ANSWERS, extra=st.sampled_from(Interest.values))
def test_one_more_interest_never_demotes_the_next_step_on_a_path_the_person_is_on(data, who, extra):
    if not who.likes or extra in who.likes:
        return
    before = storyline_for(data=data, answers=who).next_step
    after = storyline_for(data=data, answers=replace(who, likes=(*who.likes, extra))).next_step
    if before.position.on_path:
        assert after.position.on_path
        levels = (pay_level(step.pay, tiers=data.tiers) for step in (before, after))
        assert next(levels) <= next(levels)


@EXAMPLES
@given(who=ANSWERS)
def test_no_fit_is_ready_or_within_reach_with_fewer_than_half_its_core_skills(data, who):
    for each in storyline_for(data=data, answers=who).fits:
        if each.label in (Label.READY, Label.WITHIN_REACH):
            assert 2 * each.core_skills_known >= each.core_skills_total


@EXAMPLES
@given(who=ANSWERS)
def test_every_result_ends_in_an_action(data, who):
    """Never "not ready" with nothing missing and no years to wait."""
    storyline = storyline_for(data=data, answers=who)
    step = storyline.next_step
    assert step is not None
    if not step.readiness.ready:
        assert step.readiness.years_to_reach > 0 or step.readiness.missing
        assert storyline.skills_to_build or step.readiness.years_to_reach > 0


@EXAMPLES
@given(who=ANSWERS)
def test_a_step_pays_its_tiers_pay_and_never_more_than_its_role(data, who):
    step = storyline_for(data=data, answers=who).next_step
    if step.is_destination:
        assert step.pay == step.role.pay
    else:
        assert step.pay == tier_for_years(tiers=data.tiers, years=step.stage.start).pay
        assert step.pay.total_midpoint <= step.role.pay.total_max
    assert (step.pay, step.paid_as) == stage_pay(stage=step.stage, role=step.role, tiers=data.tiers)


@EXAMPLES
@given(who=ANSWERS)
def test_fits_are_at_most_five_real_ones_with_the_next_steps_role_first_when_on_its_path(data, who):
    storyline = storyline_for(data=data, answers=who)
    assert len(storyline.fits) <= ROLES_SHOWN
    if not storyline.open_to_anything:
        assert all(fit.score >= MATCH_FLOOR for fit in storyline.fits)
    if storyline.next_step.position.held is not None:
        assert storyline.fits[0].role == storyline.next_step.role


@EXAMPLES
@given(who=ANSWERS)
def test_a_skill_the_person_uses_is_never_suggested(data, who):
    storyline = storyline_for(data=data, answers=who)
    known = data.with_broader_skills(who.have)
    assert not {skill.slug for skill in storyline.skills_to_build} & known


@EXAMPLES
@given(who=ANSWERS)
def test_ready_means_the_years_are_there_and_no_skill_is_missing(data, who):
    step = storyline_for(data=data, answers=who).next_step
    if step.readiness.ready:
        assert step.readiness.years_to_reach == 0
        assert not step.readiness.missing
    known = data.with_broader_skills(who.have)
    assert all(not need.met_by(known) for need in step.readiness.missing)


@EXAMPLES
@given(who=ANSWERS, seed=st.integers())
def test_the_same_answers_in_any_role_order_give_the_same_result(data, who, seed):
    shuffled_roles = list(data.roles)
    random.Random(seed).shuffle(shuffled_roles)
    shuffled = replace(data, roles=tuple(shuffled_roles))
    assert storyline_for(data=shuffled, answers=who) == storyline_for(data=data, answers=who)
