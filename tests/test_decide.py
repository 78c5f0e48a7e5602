"""Deciding between roles (careers/decide.py and its page) on the article's data: what each role
still needs of one person, the years to it, the pay paths on one chart, and the address."""

import re

import pytest
from django.core.exceptions import BadRequest
from django.http import QueryDict
from pytest_django.asserts import assertContains

from careers import decide, read_model

URL = "/decide/"
THIS_YEAR = 2026
# A DevOps engineer of four years choosing between DevSecOps and Platform (issue 24's persona).
PERSON = "years=4&background=devops&have=ci-cd,docker,git,linux,terraform"
BOTH = f"roles=platform-engineer,devsecops-engineer&{PERSON}"


@pytest.fixture
def seed(seed_once, db):
    """Deciding only reads the data, so the module loads it once."""


def decision(query: str) -> decide.Decision:
    return decide.decision_from(
        query=QueryDict(query), data=read_model.current(), this_year=THIS_YEAR
    )


def needed(choice: decide.Choice) -> list[str]:
    return [item.need.name for item in choice.still_needed]


def test_each_role_lists_only_what_this_person_still_needs(seed):
    platform, devsecops = decision(BOTH).choices
    assert needed(platform) == ["Cloud (AWS, Azure or GCP)", "Kubernetes", "Python or Go"]
    assert len(needed(devsecops)) > len(needed(platform))
    for gap in ("SAST/DAST and dependency scanning", "Secrets management", "Kubernetes"):
        assert gap in needed(devsecops)
    assert not [name for name in needed(devsecops) + needed(platform) if "Terraform" in name]


def test_years_to_each_role_and_its_steps_come_from_the_plan(seed):
    platform, devsecops = decision(BOTH).choices
    assert (platform.years_to_role, devsecops.years_to_role) == (2, 2)
    assert [step.year for step in platform.steps_ahead] == [2026, 2028]
    assert platform.steps_ahead[-1].stage.title == "Platform lead"


def test_at_most_three_roles_are_weighed_and_the_rest_are_named(seed):
    four = "roles=platform-engineer,devsecops-engineer,cloud-architect,mlops-engineer"
    chosen = decision(four)
    assert chosen.slugs == ["platform-engineer", "devsecops-engineer", "cloud-architect"]
    assert chosen.problems == ("At most 3 roles fit side by side; MLOps Engineer left out.",)


def test_an_address_too_long_to_be_a_decision_is_refused(seed):
    with pytest.raises(BadRequest):
        decision("roles=" + "x" * 3000)


def test_each_pay_path_starts_at_todays_pay_and_climbs_at_each_step(seed):
    chosen = decision(BOTH)
    chart = decide.pay_path_chart(chosen)
    platform = chart.lines[0]
    start_y = decide.y_of(chosen.start_pay, top=chart_top(chart))
    assert chosen.start_pay == 180_000  # the Mid tier's total-pay midpoint
    assert platform.segments[0][:2] == (decide.PLOT_LEFT, start_y)
    assert platform.segments[-1][2] == decide.PLOT_RIGHT  # runs on to the last year
    for x1, y1, x2, y2 in platform.segments:
        assert x1 == x2 or y1 == y2  # a staircase: along, then up
    last = platform.points[-1]
    assert (last.x, last.year, last.pay) == (decide.PLOT_RIGHT, 2028, "$220,000 – $350,000")
    assert last.y == decide.y_of(285_000, top=chart_top(chart))
    assert [label for _, label, _ in chart.year_ticks] == ["2026", "2028"]


def chart_top(chart: decide.PathChart) -> int:
    """The axis end, read back from its highest tick label ("$300k")."""
    return int(chart.pay_ticks[-1][1].strip("$k")) * 1_000


def test_the_person_given_pay_starts_every_path(seed):
    chosen = decision(f"{BOTH}&pay=150000")
    chart = decide.pay_path_chart(chosen)
    assert chosen.start_pay == 150_000
    top = chart_top(chart)
    assert {line.segments[0][1] for line in chart.lines} == {decide.y_of(150_000, top=top)}


def test_a_form_sent_address_is_redirected_to_the_short_one(client, seed):
    response = client.get(f"{URL}?roles=platform-engineer&roles=devsecops-engineer&{PERSON}")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?{BOTH}"


def test_the_page_puts_the_roles_side_by_side_with_a_plan_link_each(client, seed):
    response = client.get(f"{URL}?{BOTH}")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    for slug, title in (("platform-engineer", "Platform"), ("devsecops-engineer", "DevSecOps")):
        assertContains(
            response,
            f'<a class="button" href="/plan/{slug}/?{PERSON}">Plan for {title} Engineer</a>',
            html=True,
        )
    assertContains(response, '<th scope="row">Still needed</th>', html=True)
    content = response.content.decode()
    assert len(re.findall(r'<g class="decide-chart__line decide-chart__line--\d">', content)) == 2
    assertContains(
        response,
        '<td><span class="cell-label" aria-hidden="true">Step</span>Platform lead</td>',
        html=True,
    )


def test_one_role_asks_for_another_and_offers_the_rest(client, seed):
    response = client.get(f"{URL}?roles=platform-engineer&{PERSON}")
    assertContains(response, "Add at least one more role to weigh against Platform Engineer.")
    assertContains(
        response, '<option value="devsecops-engineer">#8 DevSecOps Engineer</option>', html=True
    )
    assert b"decide-chart" not in response.content


def test_an_unknown_role_is_a_clear_bad_request(client, seed):
    response = client.get(f"{URL}?roles=platform-engineer,no-such-role")
    assertContains(
        response, "There is no role called “no-such-role” in the Top 10.", status_code=400
    )


def test_with_no_answers_the_page_says_what_it_assumed(client, seed):
    response = client.get(f"{URL}?roles=platform-engineer,devsecops-engineer")
    assertContains(response, "We assumed you are starting out, with no skills yet.")


def test_result_compare_and_plan_pages_lead_to_decide(client, seed):
    result = client.get(
        "/next-episode/?years=4&background=devops&have=git,linux&likes=platforms&priority=time"
    )
    assert re.search(rb'href="/decide/\?roles=[a-z-]+,[a-z-]+', result.content)
    compare = client.get("/compare/?roles=cloud-architect,mlops-engineer")
    assertContains(compare, 'href="/decide/?roles=cloud-architect,mlops-engineer"')
    assertContains(
        compare, '<a href="/plan/mlops-engineer/">Plan for MLOps Engineer</a>', html=True
    )
    plan = client.get(f"/plan/platform-engineer/?{PERSON}")
    escaped = PERSON.replace("&", "&amp;")
    assertContains(plan, f'href="/decide/?roles=platform-engineer&amp;{escaped}"')


def test_a_shorter_path_runs_on_at_its_last_pay_to_the_longest_ones_end(seed):
    chart = decide.pay_path_chart(
        decision(f"roles=platform-engineer,principal-devops-engineer&{PERSON}")
    )
    platform, principal = chart.lines
    assert platform.points[-1].x < decide.PLOT_RIGHT
    assert platform.segments[-1] == (
        platform.points[-1].x,
        platform.points[-1].y,
        decide.PLOT_RIGHT,
        platform.points[-1].y,
    )
    assert principal.points[-1].x == decide.PLOT_RIGHT
