"""The questionnaire in a real browser, with and without JavaScript, on the gate's shared
read-only server (it changes no data)."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

STEP_2 = "/next-episode/?step=2&years=4&background=devops"
STEP_3 = STEP_2.replace("step=2", "step=3") + "&have=git,linux"
RESULT = "/next-episode/?years=4&background=devops&have=git,linux&likes=security&priority=pay"


def heading(page: Page, name: str):
    return page.get_by_role("heading", level=2, name=re.compile(name))


def result_heading(page: Page):
    """The result's one heading: the next step, boxed first."""
    return page.get_by_role("heading", level=1, name=re.compile("^Your next step"))


def answer_every_step_going_back_once(page: Page, site: str, *, scripted: bool) -> None:
    expect(heading(page, "Step 1 of 3")).to_be_visible()
    page.get_by_label("Years of professional experience").fill("4")
    page.get_by_role("radio", name="DevOps or cloud").check()
    page.get_by_role("button", name="Next: step 2").click()

    expect(page).to_have_url(site + STEP_2)
    expect(heading(page, "Step 2 of 3")).to_be_visible()
    if scripted:
        expect(heading(page, "Step 2 of 3")).to_be_focused()
    # A DevOps engineer's usual skills start ticked; this one has not used three of them.
    credited = page.get_by_role("group", name=re.compile("Likely from your work"))
    for name in ("Linux", "Git", "CI/CD", "Docker and containers", "Cloud (AWS, Azure or GCP)"):
        expect(credited.get_by_role("checkbox", name=name, exact=True)).to_be_checked()
    for name in ("CI/CD", "Docker and containers", "Cloud (AWS, Azure or GCP)"):
        credited.get_by_role("checkbox", name=name, exact=True).uncheck()
    page.get_by_role("button", name="Next: step 3").click()

    expect(page).to_have_url(site + STEP_3)
    page.get_by_role("link", name="Back to step 2").click()
    expect(page).to_have_url(site + STEP_3.replace("step=3", "step=2"))
    expect(page.get_by_role("checkbox", name="Linux")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Git", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name="CI/CD", exact=True)).not_to_be_checked()  # not again
    page.get_by_role("button", name="Next: step 3").click()

    expect(page).to_have_url(site + STEP_3)
    page.get_by_role("checkbox", name="Security").check()
    page.get_by_role("radio", name=re.compile("Higher pay")).check()
    page.get_by_role("button", name="Show my next step").click()
    expect(page).to_have_url(site + RESULT)
    expect(result_heading(page)).to_be_visible()


def expect_the_permalink_to_give_the_same_result(page: Page, site: str) -> None:
    result = page.locator("#questionnaire")
    expect(result.get_by_role("link", name="DevSecOps Engineer").first).to_be_visible()
    shown = result.inner_text()
    permalink = result.get_by_role("link", name=re.compile(r"^http")).get_attribute("href")
    assert permalink.endswith(RESULT)  # on SITE_URL, which the test server does not share
    page.reload()
    expect(page).to_have_url(site + RESULT)
    assert page.locator("#questionnaire").inner_text() == shown


def test_reader_clicks_through_every_step_goes_back_and_shares_the_result(page: Page, gate_site):
    page.goto(gate_site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Your next step").click()
    expect(page).to_have_url(gate_site + "/next-episode/")
    page.evaluate("window.sameDocument = true")
    answer_every_step_going_back_once(page, gate_site, scripted=True)
    # htmx swapped every step into the same document: no full page load happened.
    assert page.evaluate("window.sameDocument") is True
    expect(page).to_have_title(re.compile("^Your next step"))
    expect(result_heading(page)).to_be_focused()
    expect(page.get_by_role("button", name="Share this result")).to_be_visible()
    expect_the_permalink_to_give_the_same_result(page, gate_site)


def test_browser_back_button_returns_to_the_previous_step(page: Page, gate_site):
    page.goto(gate_site + STEP_3)
    page.get_by_role("radio", name=re.compile("Getting there sooner")).check()
    page.get_by_role("button", name="Show my next step").click()
    expect(result_heading(page)).to_be_visible()
    page.go_back()
    expect(page).to_have_url(gate_site + STEP_3 + "&priority=time")  # with what was answered
    expect(heading(page, "Step 3 of 3")).to_be_visible()
    expect(page.get_by_role("radio", name=re.compile("Getting there sooner"))).to_be_checked()


def test_the_whole_questionnaire_works_with_javascript_off(browser: Browser, gate_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(gate_site + "/next-episode/")
        answer_every_step_going_back_once(page, gate_site, scripted=False)
        expect_the_permalink_to_give_the_same_result(page, gate_site)
    finally:
        context.close()


@pytest.mark.parametrize("scripted", [True, False])
def test_a_missing_answer_is_pointed_out_on_the_same_step(browser: Browser, gate_site, scripted):
    context = browser.new_context(java_script_enabled=scripted)
    page = context.new_page()
    try:
        page.goto(gate_site + "/next-episode/")
        page.get_by_role("radio", name="Security").check()
        page.get_by_role("button", name="Next: step 2").click()
        expect(heading(page, "Step 1 of 3")).to_be_visible()
        years = page.get_by_label("Years of professional experience")
        expect(years).to_have_attribute("aria-invalid", "true")
        expect(page.get_by_text("This field is required.")).to_be_visible()
        expect(page.get_by_role("radio", name="Security")).to_be_checked()
    finally:
        context.close()


def answer_with_pay_and_a_specialist_skill(page: Page, site: str) -> None:
    page.get_by_label("Years of professional experience").fill("6")
    page.get_by_role("radio", name="Backend developer").check()
    page.get_by_label(re.compile("Your total pay a year")).fill("180000")
    page.get_by_role("button", name="Next: step 2").click()
    expect(heading(page, "Step 2 of 3")).to_be_visible()
    rust = page.get_by_role("checkbox", name="Rust", exact=True)
    expect(rust).to_be_hidden()  # behind the disclosure until asked for
    page.get_by_text(re.compile("Every other skill the roles ask for")).click()
    rust.check()
    page.get_by_role("checkbox", name="Python", exact=True).check()
    for credited in ("Git", "REST and gRPC APIs", "SQL and data modeling", "Testing"):
        page.get_by_role("checkbox", name=credited, exact=True).uncheck()
    page.get_by_role("button", name="Next: step 3").click()
    expect(heading(page, "Step 3 of 3")).to_be_visible()
    page.get_by_role("checkbox", name=re.compile("Performance")).check()
    page.get_by_role("radio", name=re.compile("Getting there sooner")).check()
    page.get_by_role("button", name="Show my next step").click()
    expect(result_heading(page)).to_be_visible()
    expect(page).to_have_url(
        site + "/next-episode/?years=6&background=backend&pay=180000&have=python,rust"
        "&likes=performance&priority=time"
    )
    result = page.locator("#questionnaire")
    expect(result.get_by_text(re.compile(r"Your \$180,000 a year is below"))).to_be_visible()
    expect(result.get_by_text("More than your pay now").first).to_be_visible()
    gaps = result.locator(".questionnaire__gaps a").all_inner_texts()
    assert not [gap for gap in gaps if "Rust" in gap]  # a known skill is never suggested
    assert "Concurrency and performance" in gaps


@pytest.mark.parametrize("scripted", [True, False])
def test_pay_and_a_skill_from_the_full_list_reach_the_result(browser: Browser, gate_site, scripted):
    context = browser.new_context(java_script_enabled=scripted)
    page = context.new_page()
    try:
        page.goto(gate_site + "/next-episode/")
        answer_with_pay_and_a_specialist_skill(page, gate_site)
    finally:
        context.close()
