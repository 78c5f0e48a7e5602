import re
from types import SimpleNamespace

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from careers import read_model
from careers.questionnaire import advice, result
from careers.questionnaire.answers import MAX_QUERY_LENGTH, WhatYouKnowForm

URL = "/next-episode/"
HTMX = {"HX-Request": "true"}
RESULT = "years=4&background=devops&have=linux,git&likes=security&priority=pay"


@pytest.fixture
def seed(seed_once, db):
    """The questionnaire only reads the data, so the module loads it once."""


def test_first_visit_shows_step_one_as_a_whole_page(client, seed):
    response = client.get(URL)
    assert response.status_code == 200
    assertContains(response, "<html", count=1)
    assertContains(response, "Find your next step")
    assertContains(response, "Step 1 of 3")
    assertContains(response, '<a href="/next-episode/" aria-current="page">Your next step</a>')
    assertContains(response, 'src="/static/js/questionnaire.js"')
    assertContains(response, '<input type="hidden" name="step" value="2">', html=True)


def test_htmx_gets_only_the_step_fragment_and_the_address_to_push(client, seed):
    response = client.get(f"{URL}?step=2&years=4&background=devops", headers=HTMX)
    assert response.status_code == 200
    assertNotContains(response, "<html")
    assertNotContains(response, "<body")
    assertContains(response, "<title>Step 2 of 3: What you already know")
    assertContains(response, "Step 2 of 3")
    assertContains(response, 'value="kubernetes"')
    assert response["HX-Push-Url"] == f"{URL}?step=2&years=4&background=devops"


def test_htmx_history_restore_gets_the_whole_page(client, seed):
    headers = HTMX | {"HX-History-Restore-Request": "true"}
    response = client.get(f"{URL}?step=2&years=4&background=devops", headers=headers)
    assertContains(response, "<html", count=1)
    assert "HX-Push-Url" not in response


@pytest.mark.parametrize(
    ("asked", "answered"),
    [
        ("step=2&years=4&background=devops", "step=1&years=4&background=devops"),
        ("step=3&years=4&background=devops&have=", "step=2&years=4&background=devops&have="),
        (RESULT, f"step=3&{RESULT}"),
    ],
)
def test_htmx_step_names_the_address_of_the_step_just_answered(client, seed, asked, answered):
    """static/js/questionnaire.js writes it into the history entry the browser's Back returns to."""
    response = client.get(f"{URL}?{asked}", headers=HTMX)
    assert response["X-Answered-Step-Url"] == f"{URL}?{answered}"


def test_the_first_step_and_a_history_restore_name_no_answered_step(client, seed):
    assert "X-Answered-Step-Url" not in client.get(URL, headers=HTMX)
    restore = HTMX | {"HX-History-Restore-Request": "true"}
    assert "X-Answered-Step-Url" not in client.get(f"{URL}?{RESULT}", headers=restore)


def test_a_plain_form_submission_is_redirected_to_the_short_address(client, seed):
    response = client.get(
        f"{URL}?step=3&years=4&background=devops&have=linux&have=git&likes=&priority="
    )
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?step=3&years=4&background=devops&have=linux,git"


def test_htmx_form_submission_pushes_the_short_address(client, seed):
    response = client.get(f"{URL}?years=4&background=devops&have=linux&have=git", headers=HTMX)
    assert response["HX-Push-Url"] == f"{URL}?years=4&background=devops&have=linux,git"


def test_result_shows_tier_next_episode_skill_gaps_fits_and_permalink(client, seed):
    response = client.get(f"{URL}?{RESULT}")
    assert response.status_code == 200
    content = response.content.decode()
    # One heading answers, the next step itself, before anything else the result says.
    assertContains(response, "<h1", count=1)
    assertContains(
        response,
        '<h1 id="step-heading" class="next-step__title" tabindex="-1">'
        '<span class="next-step__kicker">Your next step</span>'
        " Engineer taking on security (or security engineer moving into CI/CD)</h1>",
        html=True,
    )
    headings = re.findall(r"<h2>(.*?)</h2>", content)
    assert headings[:3] == [
        "Skills to build first",
        "Roles that fit you",
        "Where your experience puts you",
    ]
    assert content.index("<h1") < content.index("<h2")
    assert "$95,000 – $135,000" in content  # the Mid tier's base pay
    # The next step's own pay: the Mid tier its years fall in, not the DevSecOps role's band.
    card = " ".join(re.sub(r"<[^>]+>", " ", content.split('class="next-step"')[1]).split())
    card = card.split("Skills to build first")[0].replace(" ,", ",").replace(" .", ".")
    assert (
        "$140,000 – $220,000 a year in total, $95,000 – $135,000 of it salary"
        " (typical pay with 3–5 years of experience)"
    ) in card
    assert "Make this my plan" in card
    assert "Not ready yet: you have the years; 4 skills to learn." in card
    assert "Skills this step assumes that you do not have yet CI/CD, Docker and containers," in card
    # The first fit card, the path the person is on: DevSecOps, against the Mid tier.
    assertInHTML("<dd>about 2 years</dd>", content)
    assertInHTML("<dd>$200,000 – $350,000</dd>", content)
    assert "<dt>Salary</dt><dd>$165,000 – $204,000+</dd>" in content  # the fit's base range
    assertInHTML("<dd>+$95,000 a year at the midpoint</dd>", content)
    assert 'href="/roles/devsecops-engineer/"' in content
    assert "Your next step assumes it" in content
    assert "Match: 5.1 out of 10" in content
    assertContains(response, "Start over")


def test_result_is_its_own_canonical_address_with_its_own_preview_card(client, seed):
    content = client.get(f"{URL}?{RESULT}").content.decode()
    permalink = f"http://127.0.0.1:8000{URL}?{RESULT}".replace("&", "&amp;")
    assertInHTML(f'<link rel="canonical" href="{permalink}">', content)
    assert f'Link to this page: <a href="{permalink}">' in content
    card = (
        "http://127.0.0.1:8000/next-episode/card.png?role=devsecops-engineer&amp;step=2&amp;years=3"
    )
    assertInHTML(f'<meta property="og:image" content="{card}">', content)
    assert '<meta property="og:title" content="My next step: ' in content


def test_a_step_keeps_the_questionnaires_plain_canonical_address(client, seed):
    response = client.get(f"{URL}?step=2&years=4&background=devops")
    assertContains(response, '<link rel="canonical" href="http://127.0.0.1:8000/next-episode/">')


def test_the_permalink_reproduces_exactly_the_same_result(client, seed):
    first = client.get(f"{URL}?{RESULT}").content
    second = client.get(f"{URL}?{RESULT}")
    assert "X-Cache" not in second or second["X-Cache"] != "hit"
    assert second.context is not None  # rendered by the view: a cached page has no context
    assert second.content == first


def test_going_back_from_the_result_keeps_every_answer(client, seed):
    response = client.get(f"{URL}?step=3&{RESULT}")
    assertContains(response, "Step 3 of 3")
    assertContains(response, 'value="security" id="id_likes_2" checked')
    assertContains(response, 'value="pay" required id="id_priority_0" checked')
    for hidden in (
        '<input type="hidden" name="years" value="4">',
        '<input type="hidden" name="background" value="devops">',
        '<input type="hidden" name="have" value="linux,git">',
    ):
        assertContains(response, hidden, html=True)
    assertNotContains(response, 'name="step"')  # step 3 submits to the result


@pytest.mark.parametrize(
    ("query", "step", "message"),
    [
        ("step=2&background=devops", 1, "This field is required."),
        ("step=2&years=abc&background=devops", 1, "Enter a whole number from 0 to 50."),
        ("step=2&years=-1&background=devops", 1, "Enter a whole number from 0 to 50."),
        ("step=2&years=999&background=devops", 1, "Enter a whole number from 0 to 50."),
        ("step=2&years=4&background=astronaut", 1, "Pick one of the backgrounds listed."),
        (
            "step=3&years=4&background=devops&have=linux,zz,lockpicking",
            2,
            "We do not know these skills: lockpicking, zz.",
        ),
        (f"{RESULT.replace('security', 'knitting')}", 3, "knitting is not one"),
        ("years=4&background=devops&likes=security", 3, "This field is required."),
        (f"{RESULT.replace('pay', 'fame')}", 3, "fame is not one"),
    ],
)
def test_bad_answers_get_an_inline_message_on_their_own_step(client, seed, query, step, message):
    response = client.get(f"{URL}?{query}", headers=HTMX)
    assert response.status_code == 200
    assertContains(response, f"Step {step} of 3")
    assertContains(response, 'class="errorlist"')
    assertContains(response, message)
    assertContains(response, 'aria-invalid="true"')


def test_hostile_values_are_shown_escaped_and_never_run(client, seed):
    hostile = "<script>alert(1)</script>"
    query = f"years=4&background=devops&have={hostile}&priority=pay"
    response = client.get(f"{URL}?{query}", follow=True)
    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "We do not know these skills: &lt;script&gt;alert(1)&lt;/script&gt;.")


def test_an_oversized_query_string_starts_over_with_a_message(client, seed):
    response = client.get(f"{URL}?years=4&have={'x' * MAX_QUERY_LENGTH}")
    assert response.status_code == 200
    assertContains(response, "too long")
    assertContains(response, "Step 1 of 3")
    assertNotContains(response, "xxxxxxxx")


def test_an_unknown_step_number_falls_back_to_step_one(client, seed):
    response = client.get(f"{URL}?step=99&years=4", follow=True)
    assertContains(response, "Step 1 of 3")
    assert response.redirect_chain == [(f"{URL}?step=1&years=4", 302)]


def test_the_questionnaire_refuses_post(client, seed):
    assert client.post(URL).status_code == 405


# --------------------------------------------------------------------------- the result as JSON

JSON_URL = "/next-episode/result.json"


def test_the_result_as_json_has_every_documented_field(client, seed):
    response = client.get(f"{JSON_URL}?{RESULT}&pay=150000")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["tier"] == {"slug": "mid", "years_counted": True}
    assert data["next_step"] == {
        "role": "devsecops-engineer",
        "stage": "Engineer taking on security (or security engineer moving into CI/CD)",
        "stage_order": 2,
        "stage_years_min": 3,
        "stage_years_max": 5,
        "stage_start_years": 3,
        "stage_years_estimated": False,
        "ready": False,
        "missing_skills": ["ci-cd", "docker", "cloud", "security-fundamentals"],
        "years_to_reach": 0,
        "paid_as": "the Mid tier",
        "total_min": 140_000,
        "total_max": 220_000,
        "total_midpoint": 180_000,
        "pay_change": 30_000,
    }
    assert {"slug": "ci-cd", "name": "CI/CD", "why": "Your next step assumes it"} in data[
        "skills_to_build"
    ]
    first = data["fits"][0]
    assert set(first) == {
        "role",
        "label",
        "score",
        "years_to_reach",
        "core_skills_known",
        "core_skills_total",
        "total_midpoint",
        "raise",
    }
    assert first["raise"] == first["total_midpoint"] - 150_000
    assert data["standing"] == {"pay": 150_000, "against_tier": "within", "to_next_step": 30_000}


def test_the_json_matches_the_page_for_the_same_answers(client, seed):
    data = client.get(f"{JSON_URL}?{RESULT}").json()
    page = client.get(f"{URL}?{RESULT}")
    storyline = page.context["storyline"]
    assert data["next_step"]["stage"] == storyline.next_step.stage.title
    assert [fit["role"] for fit in data["fits"]] == [fit.role.slug for fit in storyline.fits]


def test_invalid_answers_get_a_400_with_every_field_error_as_json(client, seed):
    response = client.get(f"{JSON_URL}?years=abc&background=astronaut&have=lockpicking")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"years", "background", "have", "priority"}
    assert errors["have"] == ["We do not know these skills: lockpicking."]


def test_an_oversized_json_query_is_a_400_not_a_guess(client, seed):
    response = client.get(f"{JSON_URL}?years=4&have={'x' * MAX_QUERY_LENGTH}")
    assert response.status_code == 400
    assert "longer than" in response.json()["errors"]["__all__"][0]


def test_every_skill_can_be_ticked_and_uncommon_ones_wait_behind_a_disclosure(client, seed):
    response = client.get(f"{URL}?step=2&years=6&background=backend&have=rust")
    assertContains(response, 'value="rust"')
    assertContains(response, 'value="mlflow"')
    assertContains(response, '<details class="questionnaire__more" open>')
    assertContains(response, "1 ticked")


def test_step_one_asks_for_optional_pay_and_offers_the_new_backgrounds(client, seed):
    response = client.get(URL)
    assertContains(response, 'name="pay"')
    assertContains(response, 'value="sre"')
    response = client.get(f"{URL}?years=4&background=sre&pay=abc&priority=pay", headers=HTMX)
    assertContains(response, "Step 1 of 3")
    assertContains(response, "Enter a whole number from 0 to 5,000,000.")


def test_addresses_shared_before_the_rework_still_give_a_result(client, seed):
    for query in (
        RESULT,
        "years=0&background=switcher&priority=time",
        "years=6&background=backend&have=python,sql,go&likes=performance,data&priority=pay",
    ):
        response = client.get(f"{URL}?{query}")
        assert response.status_code == 200
        assert response.context["storyline"].next_step is not None


def test_the_page_shows_the_scoring_weights_the_code_uses(client, seed, monkeypatch):
    monkeypatch.setitem(result.SCORING, "interest_track", 7)
    assertContains(client.get(f"{URL}?{RESULT}"), "7 for the track you chose")


@pytest.mark.parametrize(
    "query",
    ["have=git,linux,rust", "have=git,no-such-skill", ""],
    ids=["ticked", "one-refused", "none"],
)
def test_the_skill_boxes_have_the_markup_djangos_widget_gives_them(seed, query):
    """Step 2 draws its boxes with a partial, grouped; Django's own rendering is the reference
    for the box and its label, which ours follow with the skill's one-line explanation."""
    data = read_model.build()
    form = WhatYouKnowForm(QueryDict(query), model=data)
    form.is_valid()
    django_drawn = [" ".join(str(option).split()) for option in form["have"]]
    ours = [
        render_to_string("careers/questionnaire.html#checkbox", {"box": box})
        for group in form.option_groups.values()
        for box in group
    ]
    hint = re.compile(
        r' aria-describedby="[^"]+"|<span class="choice-hint" id="[^"]+">[^<]+</span>'
    )
    assert sorted(hint.sub("", box) for box in ours) == sorted(django_drawn)
    assert len(ours) == len(data.skills) > 50


def checked_boxes(response) -> set[str]:
    groups = response.context["form"].option_groups.values()
    return {box.value for group in groups for box in group if box.checked}


def test_step_two_ticks_what_the_persons_background_makes_likely_and_shows_it_first(client, seed):
    """Issue 20: experienced backend developers were told to learn REST/gRPC APIs first, because
    that box sat behind "show all" and was never ticked."""
    response = client.get(f"{URL}?step=2&years=6&background=backend")
    likely = response.context["form"].option_groups["likely"]
    assert [box.value for box in likely] == ["git", "sql", "rest-grpc-apis", "testing"]
    assert checked_boxes(response) == {"git", "rest-grpc-apis", "sql", "testing"}
    content = response.content.decode()
    assert content.index("Likely from your work (Backend developer)") < content.index(
        "The fundamentals every role shares"
    )
    assertContains(response, "Untick any you do not use.")


def test_an_answered_step_two_is_never_ticked_again_for_the_person(client, seed):
    """Unticking everything sends `have=`; going back shows the boxes as the person left them."""
    response = client.get(f"{URL}?step=2&years=6&background=backend&have=")
    assert checked_boxes(response) == set()
    assertContains(response, '<input type="hidden" name="have" value="">', html=True)
    unticked = client.get(f"{URL}?step=3&years=6&background=backend&have=&have=sql")
    assert unticked["Location"] == f"{URL}?step=3&years=6&background=backend&have=sql"
    nothing = client.get(f"{URL}?step=3&years=6&background=backend&have=")
    assert nothing.status_code == 200
    assertContains(nothing, '<input type="hidden" name="have" value="">', html=True)


def test_a_background_with_nothing_to_credit_shows_no_likely_group(client, seed):
    response = client.get(f"{URL}?step=2&years=0&background=switcher")
    assert response.context["form"].option_groups["likely"] == []
    assert checked_boxes(response) == set()
    assertNotContains(response, "Likely from your work")


@pytest.mark.parametrize("path", [f"{URL}?{RESULT}", "/plan/devsecops-engineer/?have=git,linux"])
def test_commas_a_form_escapes_are_redirected_once_to_the_readable_address(client, seed, path):
    """A browser sends a form's commas as %2C; the short address spells them plainly, and a
    browser asks for exactly the address it is sent to."""
    response = client.get(path.replace(",", "%2C"))
    assert response["Location"] == path
    assert client.get(path).status_code == 200


def test_a_link_naming_skills_by_their_old_name_opens_at_the_address_naming_have(client, seed):
    response = client.get(f"{URL}?years=4&background=devops&knows=linux,git&priority=pay")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?years=4&background=devops&have=linux,git&priority=pay"
    old, new = (
        client.get(f"{URL}result.json?years=4&background=devops&{name}=linux,git&priority=pay")
        for name in ("knows", "have")
    )
    assert old.status_code == 200
    without = client.get(f"{URL}result.json?years=4&background=devops&priority=pay")
    assert old.json() == new.json() != without.json()


PLATFORM_PERSON = (
    "years=4&background=devops&have=linux,git,ci-cd,docker,cloud,kubernetes,terraform,"
    "infrastructure-as-code,observability&likes=platforms,security&priority=time"
)


def test_result_groups_the_fits_within_reach_then_long_term(client, seed):
    content = client.get(f"{URL}?{PLATFORM_PERSON}").content.decode()
    order = re.findall(r'fit-group__heading">([^<]+)|fit-card__title"><a href="([^"]+)', content)
    assert [heading or url for heading, url in order] == [
        "Within reach",
        "/roles/platform-engineer/",
        "/roles/infrastructure-engineer/",
        "Long-term",
        "/roles/devsecops-engineer/",
        "/roles/principal-devops-engineer/",
        "/roles/cloud-architect/",
    ]


def test_fit_groups_put_ready_roles_within_reach_and_drop_empty_groups():
    fits = [
        SimpleNamespace(label=advice.Label.DESTINATION, name="far"),
        SimpleNamespace(label=advice.Label.READY, name="ready"),
        SimpleNamespace(label=advice.Label.WITHIN_REACH, name="near"),
    ]
    groups = result.fit_groups(tuple(fits))
    assert [(name, [fit.name for fit in group]) for name, group in groups] == [
        ("Within reach", ["ready", "near"]),
        ("Long-term", ["far"]),
    ]
    assert [name for name, _ in result.fit_groups(tuple(fits[:1]))] == ["Long-term"]


def test_each_skill_box_is_explained_in_one_plain_line(client, seed):
    response = client.get(f"{URL}?step=2&years=0&background=switcher")
    assertContains(
        response,
        '<span class="choice-hint" id="id_have_42_hint">Writing security and compliance rules as'
        " code so pipelines and platforms enforce them automatically.</span>",
        html=True,
    )
    boxes = [box for group in response.context["form"].option_groups.values() for box in group]
    assert all(box.hint and box.hint.count(". ") == 0 for box in boxes)
    python = next(box for box in boxes if box.value == "python")
    assert python.hint == (
        "A general-purpose language used for backend services, automation scripts and machine"
        " learning."
    )  # the first sentence of its description, not all of it
