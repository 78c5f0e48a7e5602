"""The query forms (careers/forms.py): one field for each shared value, with one limit and one
message, read alike by every address that takes it; and no bad value ever a 500."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from pytest_django.asserts import assertContains

from careers.forms import MAX_PAY, MAX_YEARS, PageForm, listed, page_number
from careers.views.social_cards import ResultCardForm

YEARS_MESSAGE = "Enter a whole number from 0 to 50."
PAY_MESSAGE = "Enter a whole number from 0 to 5,000,000."
PLAN = "/plan/infrastructure-engineer/"
QUESTIONNAIRE = "/next-episode/"
RESULT_JSON = "/next-episode/result.json?background=devops&priority=pay"
RESULT_CARD = "/next-episode/card.png?role=mlops-engineer"


def address(path: str, **query) -> str:
    """The address as our pages write it, commas unescaped (the test client's `data` would
    escape them, and the canonical redirect would then never settle)."""
    return f"{path}?{urlencode(query, safe=',')}"


@pytest.fixture
def seed(seed_once, db, settings):
    """The article's data, read only; no page cache, so every request reaches its form."""
    settings.PAGE_CACHE_SECONDS = 0


def test_the_limits_are_the_articles():
    assert (MAX_YEARS, MAX_PAY) == (50, 5_000_000)


@pytest.mark.parametrize(("years", "kept"), [("0", True), ("50", True), ("51", False)])
def test_every_address_taking_years_keeps_the_same_range(client, seed, years, kept):
    """The questionnaire, its JSON, the result card and the plan: 0 to 50, each of them."""
    step = client.get(address(QUESTIONNAIRE, step=2, years=years, background="devops"))
    assert ("Step 2 of 3" in step.content.decode()) is kept
    assert (client.get(f"{RESULT_JSON}&years={years}").status_code == 200) is kept
    assert (client.get(f"{RESULT_CARD}&years={years}").status_code == 200) is kept
    plan = client.get(PLAN, {"years": years, "background": "devops"}, follow=True)
    assert (plan.status_code == 200 and plan.context["plan"].state.years == int(years)) is kept


@pytest.mark.parametrize("years", ["abc", "-1", "51", "²", "4,5", "1e3", "9" * 60])
def test_a_bad_years_value_reads_the_same_on_every_address(client, seed, years):
    step = client.get(address(QUESTIONNAIRE, step=2, years=years, background="devops"))
    assertContains(step, f'<ul class="errorlist" id="id_years_error"><li>{YEARS_MESSAGE}</li></ul>')
    json = client.get(f"{RESULT_JSON}&years={years}")
    assert (json.status_code, json.json()) == (400, {"errors": {"years": [YEARS_MESSAGE]}})
    assert client.get(f"{RESULT_CARD}&years={years}").status_code == 400
    card_form = ResultCardForm(QueryDict(f"role=mlops-engineer&years={years}"))
    assert card_form.errors == {"years": [YEARS_MESSAGE]}
    plan = client.get(address(PLAN, years=years))
    assert plan.context["notices"] == [f"We ignored years={years[:40]!r}. {YEARS_MESSAGE}"]
    assert plan.context["plan"].state.years == 0
    assert client.get(f"{PLAN}card.png?years={years}").status_code == 400


@pytest.mark.parametrize("pay", ["abc", "-5", "5000001", "1,000", "²"])
def test_a_bad_pay_reads_the_same_on_the_questionnaire_and_the_plan(client, seed, pay):
    step = client.get(address(QUESTIONNAIRE, step=2, years=4, background="devops", pay=pay))
    assertContains(step, f'<ul class="errorlist" id="id_pay_error"><li>{PAY_MESSAGE}</li></ul>')
    json = client.get(f"{RESULT_JSON}&years=4&pay={pay}")
    assert json.json() == {"errors": {"pay": [PAY_MESSAGE]}}
    plan = client.get(address(PLAN, pay=pay))
    assert plan.context["notices"] == [f"We ignored pay={pay!r}. {PAY_MESSAGE}"]
    assert plan.context["plan"].state.pay is None
    assert client.get(f"{PLAN}card.png?pay={pay}").status_code == 400


def test_an_unknown_background_or_skill_reads_the_same_on_the_questionnaire_and_the_plan(
    client, seed
):
    step = client.get(f"{QUESTIONNAIRE}?step=2&years=4&background=astronaut")
    assertContains(step, "<li>Pick one of the backgrounds listed.</li>")
    plan = client.get(f"{PLAN}?background=astronaut")
    assert plan.context["notices"] == [
        "We ignored background='astronaut'. Pick one of the backgrounds listed."
    ]
    step = client.get(f"{QUESTIONNAIRE}?step=3&years=4&background=devops&have=linux,zz,knitting")
    assertContains(step, "<li>We do not know these skills: knitting, zz.</li>")
    plan = client.get(f"{PLAN}?have=linux,zz&learning=knitting")
    assert plan.context["notices"] == ["We do not know these skills: knitting, zz."]


JUNK = ["²", "abc", "-1", "99999999999999999999", "1e3", "%ff", "<b>", ",,,", "%20", ""]
ADDRESSES = [
    "/?years={}",
    "/?page={}",
    "/?sort={}&track={}",
    "/changes/?page={}",
    "/compare/?roles={}&find={}",
    "/next-episode/?step={}&years={}&background={}",
    "/next-episode/?years={}&background=devops&have={}&likes={}&priority={}&pay={}",
    "/next-episode/result.json?years={}&background={}&pay={}",
    "/next-episode/card.png?role=mlops-engineer&step={}&years={}",
    "/plan/cloud-architect/?years={}&pay={}&background={}&have={}&learning={}&skill-linux={}",
    "/plan/cloud-architect/card.png?years={}&pay={}&background={}&have={}&skill-git={}",
]


@pytest.mark.parametrize("pattern", ADDRESSES)
@pytest.mark.parametrize("junk", JUNK)
def test_no_junk_value_is_a_server_error(client, seed, pattern, junk):
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(pattern.replace("{}", junk), headers=headers)
        assert response.status_code < 500, (pattern, junk)


@pytest.mark.parametrize(
    ("value", "page"),
    [
        (None, None),
        ("", None),
        ("abc", None),
        ("²", None),
        ("2.5", None),
        ("9" * 5000, None),  # more digits than Python turns into a number
        ("3", 3),
        (" 3 ", 3),
        ("03", 3),
        ("0", 0),  # below 1 and past the end are the paginator's to place: the last page
        ("-1", -1),
    ],
)
def test_a_page_is_any_whole_number_and_anything_else_the_first(value, page):
    query = QueryDict(mutable=True)
    if value is not None:
        query["page"] = value
    assert page_number(query) == page
    assert list(PageForm.base_fields) == ["page"]


def test_a_list_reads_commas_and_repeated_parameters_alike_keeping_repeats():
    query = QueryDict("have=a,b&have=+c+,,&have=a&other=x")
    assert listed(query, "have") == ["a", "b", "c", "a"]
    assert listed(query, "learning") == []
