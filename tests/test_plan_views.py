"""The plan page: full page and htmx fragment from one address, bad input, its share card and
its place in the page cache."""

import html
import io
import re

import pytest
from django.core.cache import cache
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from careers import read_model, social_cards
from careers.forms import WholeNumberField
from careers.plan import PlanForm, PlanState, SkillState, plan_for

URL = "/plan/infrastructure-engineer/"
STATE = "years=10&background=sysadmin&have=linux,networking&learning=bash"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def seed(seed_once, db):
    """The plan only reads the data, so the module loads it once."""


def test_the_plan_is_a_whole_page_with_every_part(client, seed):
    response = client.get(f"{URL}?{STATE}")
    assert response.status_code == 200
    assertContains(response, "<html", count=1)
    for heading in ("Progress", "The path, dated", "The checklist", "The same skills, every role"):
        assertContains(response, heading)
    assertContains(response, "Core skills: <strong>2 of 4</strong>")
    assertContains(response, "your next step")
    assertContains(response, "Python or Bash: <span>learning</span>")
    assertContains(response, 'name="skill-linux" value="have" checked', html=False)
    assertContains(response, '<meta name="robots" content="noindex">')
    assertContains(response, 'src="/static/js/plan.js"')


def test_the_checklist_offers_exactly_the_states_the_plan_reads(client, seed):
    """The radios are written out in the template for speed; they must stay SkillState's."""
    response = client.get(f"{URL}?{STATE}")
    radios = "".join(
        f'<td><label><input type="radio" name="skill-linux" value="{value}"'
        f"{' checked' if value == SkillState.HAVE else ''}>"
        f'<span class="visually-hidden">Linux: {label.lower()}</span></label></td>'
        for value, label in SkillState.CHOICES
    )
    assertContains(response, radios, html=True)
    header = "".join(f'<th scope="col">{label}</th>' for _, label in SkillState.CHOICES)
    assertContains(response, f'<tr><th scope="col">Skill</th>{header}</tr>', html=True)


def test_each_step_lists_only_what_it_still_needs(client, seed):
    """Issue 24: every dated step repeated the same list, had skills included."""
    plan = client.get(f"{URL}?{STATE}").context["plan"]
    now = next(step for step in plan.steps if step.status == "now")
    assert {item.need.name for item in now.still_needed} == {
        "Python or Bash",
        "Infrastructure as Code",
        "Cloud (AWS, Azure or GCP)",
    }
    assert all(item.state != SkillState.HAVE for step in plan.steps for item in step.still_needed)
    content = client.get(f"{URL}?{STATE}").content.decode()
    listed = content[
        content.index('aria-label="What Infrastructure or Cloud Engineer still needs"') :
    ]
    assert "Linux" not in listed[: listed.index("</ul>")]


def test_htmx_gets_the_plan_fragment_and_the_short_address(client, seed):
    response = client.get(f"{URL}?{STATE}&skill-terraform=have", headers=HTMX)
    assertNotContains(response, "<html")
    assertNotContains(response, "<h1>")
    assertContains(response, "<title>My plan: Infrastructure Engineer")
    assert response["HX-Push-Url"] == (
        f"{URL}?years=10&background=sysadmin&have=linux,networking,terraform&learning=bash"
    )


def test_a_plain_form_submission_is_redirected_to_the_short_address(client, seed):
    response = client.get(f"{URL}?have=linux&learning=&skill-linux=have&skill-git=learning&years=3")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?years=3&have=linux&learning=git"


def test_unknown_and_repeated_skills_get_a_visible_notice_not_an_error(client, seed):
    response = client.get(f"{URL}?have=linux,lockpicking,linux")
    assert response.status_code == 200
    assertContains(response, "We do not know these skills: lockpicking.")
    assertContains(response, "each counts once: linux")
    canonical = "http://127.0.0.1:8000/plan/infrastructure-engineer/?have=linux"
    assertContains(response, f'<link rel="canonical" href="{canonical}">')


def test_an_unknown_role_is_a_404_and_an_oversized_state_a_400(client, seed):
    assert client.get("/plan/no-such-role/").status_code == 404
    for length in (2030, 5000):  # the plan's own limit, then the site's request guard
        assert client.get(f"{URL}?have={'x' * length}").status_code == 400


def test_hostile_values_are_escaped(client, seed):
    response = client.get(f"{URL}?have=<script>alert(1)</script>")
    assertNotContains(response, "<script>alert(1)")


def test_every_role_page_and_questionnaire_result_leads_to_a_plan(client, seed):
    assertContains(client.get("/roles/cloud-architect/"), 'href="/plan/cloud-architect/"')
    result = client.get(
        "/next-episode/?years=4&background=devops&have=git,linux&likes=security&priority=pay"
    )
    assertContains(
        result, 'href="/plan/devsecops-engineer/?years=4&amp;background=devops&amp;have=git,linux"'
    )


def test_switching_the_target_keeps_the_state(client, seed):
    response = client.get(f"{URL}?{STATE}")
    state = STATE.replace("&", "&amp;")
    assertContains(response, f'href="/plan/site-reliability-engineer/?{state}"')


def test_the_share_card_shows_progress_and_never_the_pay(client, seed):
    response = client.get(f"{URL}card.png?{STATE}&pay=123456")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    plan_page = client.get(f"{URL}?years=10&background=sysadmin&pay=123456").content.decode()
    card = "/plan/infrastructure-engineer/card.png?years=10&amp;background=sysadmin"
    assert f'content="http://127.0.0.1:8000{card}"' in plan_page  # the pay stays out


def test_the_card_figures_leave_the_pay_out(seed):
    data = read_model.current()
    plan = plan_for(
        role=data.role_by_slug["infrastructure-engineer"],
        state=PlanState(pay=123_456, have=("linux",)),
        data=data,
        this_year=2026,
    )
    card = social_cards.plan_card(plan=plan)
    assert "123" not in repr(card)
    assert ("Core skills", "1 of 4") in card.rows


def test_no_plan_is_kept_in_the_page_cache(client, seed, settings, monkeypatch):
    """Each plan is one person's state, so the shared cache never holds one."""
    settings.PAGE_CACHE_SECONDS = 600
    stored = []
    monkeypatch.setattr(cache, "set", lambda key, *args, **kwargs: stored.append(key))
    for query in ("", f"?{STATE}", f"?{STATE}"):
        response = client.get(f"{URL}{query}", headers=HTMX if query else {})
        assert "private" in response["Cache-Control"]
    assert not [key for key in stored if key.startswith("page-cache:")]
    client.get("/faq/")
    assert [key for key in stored if key.startswith("page-cache:")]  # the test can see one


@pytest.mark.parametrize(
    "query",
    ["have=lockpicking", "have=linux,linux", "skill-linux=mastered", "background=x", "years=51"],
)
def test_the_share_card_refuses_what_the_plan_shows_with_a_notice(client, seed, query):
    """Cards answer 400 to bad values, as the result card does; the plan drops them and says so.
    The card the plan page names is its clean state, so that one always draws."""
    assert client.get(f"{URL}card.png?{query}").status_code == 400
    page = client.get(f"{URL}?{query}")
    assert page.status_code == 200 and page.context["notices"]
    card = re.search(r'<meta property="og:image" content="http://127.0.0.1:8000([^"]+)"', page.text)
    assert client.get(html.unescape(card[1])).status_code == 200


def test_the_years_input_takes_its_limits_from_the_form(client, seed, monkeypatch):
    """The page does not re-type the plan's limit: a form with another draws another."""
    assertContains(
        client.get(URL), 'name="years" type="number" inputmode="numeric" min="0" max="50"'
    )
    monkeypatch.setitem(PlanForm.base_fields, "years", WholeNumberField(most=40, required=False))
    assertContains(
        client.get(URL), 'name="years" type="number" inputmode="numeric" min="0" max="40"'
    )


def test_a_plan_opened_without_answers_asks_about_the_person_before_anything_else(client, seed):
    """Issue 24: "Plan my way" from a role page planned for a beginner, its fields screens down."""
    content = client.get("/plan/devsecops-engineer/").content.decode()
    about = content.index("<legend>About you</legend>")
    assert about < content.index('id="progress-heading"') < content.index('id="checklist-heading"')
    assert "This plan assumes you are starting out" in content[about : content.index("plan-years")]
    told = client.get("/plan/devsecops-engineer/?years=4&background=devops")
    assertNotContains(told, "This plan assumes you are starting out")


def test_each_gap_is_named_by_the_first_step_that_needs_it(client, seed):
    """Issue 24: every dated step repeated the same "not yet" list."""
    plan = client.get("/plan/principal-devops-engineer/").context["plan"]
    shown = [step for step in plan.steps if step.status != "behind"]
    named = [item.need.slugs for step in shown for item in step.new_needs]
    assert len(named) == len(set(named))
    for step in shown:
        assert {item.need.slugs for item in step.still_needed} <= set(named)
    later = next(step for step in shown[1:] if step.needs_listed_above)
    content = client.get("/plan/principal-devops-engineer/").content.decode()
    assert f"besides the {later.needs_listed_above} listed above" in content


def test_without_javascript_each_button_returns_to_the_part_it_changes(client, seed):
    response = client.get(f"{URL}?{STATE}")
    assertContains(response, f'action="{URL}#checklist-heading"')
    assertContains(response, f'formaction="{URL}#path-heading"')


def test_the_plan_labels_pay_in_plain_words(client, seed):
    """Issue 24: "paid as the Entry tier" and "your tier's typical pay" meant nothing to people."""
    response = client.get("/plan/devsecops-engineer/")
    assertNotContains(response, "tier")
    assertContains(response, "the usual pay at the Entry level (0–2 years)")


def test_make_this_my_plan_carries_every_answer_a_plan_reads(client, seed):
    answers = "years=4&background=devops&pay=150000&have=linux,git,ci-cd,docker,terraform"
    result = client.get(f"/next-episode/?{answers}&likes=security&priority=pay")
    link = re.search(r'href="([^"]+)">Make this my plan<', result.content.decode())
    plan = client.get(html.unescape(link.group(1))).context["plan"]
    assert (plan.state.years, plan.state.background, plan.state.pay) == (4, "devops", 150_000)
    assert set(plan.state.have) == {"linux", "git", "ci-cd", "docker", "terraform"}


@pytest.mark.parametrize(
    "path",
    ["/", "/roles/devsecops-engineer/", "/skills/docker/", "/compare/", "/next-episode/", URL],
)
def test_my_plans_is_in_the_header_of_every_page(client, seed, path):
    response = client.get(path)
    assertContains(response, '<li><a href="/my-plans/">My plans</a></li>', html=True)


def test_my_plans_explains_without_javascript_that_saved_plans_need_it(client, seed):
    response = client.get("/my-plans/")
    assertContains(
        response, '<li><a href="/my-plans/" aria-current="page">My plans</a></li>', html=True
    )
    assertContains(response, "This list needs JavaScript")
    assertContains(response, "bookmark a plan's address")
    assertContains(response, 'data-changes-url="/changes/roles.json" hidden', html=False)
    assertContains(response, '<meta name="robots" content="noindex">')


def test_a_devops_engineers_devsecops_plan_lists_only_the_gaps_the_article_names(client, seed):
    """The blind judge's persona B: Terraform (Infrastructure as Code) is had, so never missing."""
    address = "/plan/devsecops-engineer/?years=4&background=devops&have=linux,git,ci-cd,docker"
    redirect = client.get(f"{address},terraform")  # to the site's own skill order
    plan = client.get(redirect["Location"]).context["plan"]
    assert plan.tier.name == "Mid"
    missing = {slug for step in plan.steps for item in step.new_needs for slug in item.need.slugs}
    assert not missing & {"terraform", "infrastructure-as-code", "linux", "git", "docker"}
    assert {"sast-dast", "secrets-management", "kubernetes"} <= missing
