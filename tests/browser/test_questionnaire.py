import re

import pytest
from playwright.sync_api import Browser, Page, expect

STEP_2 = "/next-episode/?step=2&years=4&background=devops"
STEP_3 = STEP_2.replace("step=2", "step=3") + "&knows=git,linux"
RESULT = "/next-episode/?years=4&background=devops&knows=git,linux&likes=security&priority=pay"


def heading(page: Page, name: str):
    return page.get_by_role("heading", level=2, name=re.compile(name))


def answer_every_step_going_back_once(page: Page, site: str, *, scripted: bool) -> None:
    expect(heading(page, "Step 1 of 3")).to_be_visible()
    page.get_by_label("Years of professional experience").fill("4")
    page.get_by_role("radio", name="DevOps or cloud").check()
    page.get_by_role("button", name="Next: step 2").click()

    expect(page).to_have_url(site + STEP_2)
    expect(heading(page, "Step 2 of 3")).to_be_visible()
    if scripted:
        expect(heading(page, "Step 2 of 3")).to_be_focused()
    page.get_by_role("checkbox", name="Linux").check()
    page.get_by_role("checkbox", name="Git", exact=True).check()
    page.get_by_role("button", name="Next: step 3").click()

    expect(page).to_have_url(site + STEP_3)
    page.get_by_role("link", name="Back to step 2").click()
    expect(page).to_have_url(site + STEP_3.replace("step=3", "step=2"))
    expect(page.get_by_role("checkbox", name="Linux")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Git", exact=True)).to_be_checked()
    page.get_by_role("button", name="Next: step 3").click()

    expect(page).to_have_url(site + STEP_3)
    page.get_by_role("checkbox", name="Security").check()
    page.get_by_role("radio", name=re.compile("Higher pay")).check()
    page.get_by_role("button", name="Show my next episode").click()
    expect(page).to_have_url(site + RESULT)
    expect(heading(page, "Your storyline")).to_be_visible()


def expect_the_permalink_to_give_the_same_result(page: Page, site: str) -> None:
    result = page.locator("#questionnaire")
    expect(result.get_by_role("link", name="DevSecOps Engineer").first).to_be_visible()
    shown = result.inner_text()
    permalink = result.get_by_role("link", name=re.compile(r"^http")).get_attribute("href")
    assert permalink.endswith(RESULT)  # on SITE_URL, which the test server does not share
    page.reload()
    expect(page).to_have_url(site + RESULT)
    assert page.locator("#questionnaire").inner_text() == shown


def test_reader_clicks_through_every_step_goes_back_and_shares_the_result(page: Page, site):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Next episode").click()
    expect(page).to_have_url(site + "/next-episode/")
    page.evaluate("window.sameDocument = true")
    answer_every_step_going_back_once(page, site, scripted=True)
    # htmx swapped every step into the same document: no full page load happened.
    assert page.evaluate("window.sameDocument") is True
    expect(page).to_have_title(re.compile("^Your next episode"))
    expect(heading(page, "Your storyline")).to_be_focused()
    expect(page.get_by_role("button", name="Share this result")).to_be_visible()
    expect_the_permalink_to_give_the_same_result(page, site)


def test_browser_back_button_returns_to_the_previous_step(page: Page, site):
    page.goto(site + STEP_3)
    page.get_by_role("radio", name=re.compile("Getting there sooner")).check()
    page.get_by_role("button", name="Show my next episode").click()
    expect(heading(page, "Your storyline")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(site + STEP_3)
    expect(heading(page, "Step 3 of 3")).to_be_visible()


def test_the_whole_questionnaire_works_with_javascript_off(browser: Browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "/next-episode/")
        answer_every_step_going_back_once(page, site, scripted=False)
        expect_the_permalink_to_give_the_same_result(page, site)
    finally:
        context.close()


@pytest.mark.parametrize("scripted", [True, False])
def test_a_missing_answer_is_pointed_out_on_the_same_step(browser: Browser, site, scripted):
    context = browser.new_context(java_script_enabled=scripted)
    page = context.new_page()
    try:
        page.goto(site + "/next-episode/")
        page.get_by_role("radio", name="Security").check()
        page.get_by_role("button", name="Next: step 2").click()
        expect(heading(page, "Step 1 of 3")).to_be_visible()
        years = page.get_by_label("Years of professional experience")
        expect(years).to_have_attribute("aria-invalid", "true")
        expect(page.get_by_text("This field is required.")).to_be_visible()
        expect(page.get_by_role("radio", name="Security")).to_be_checked()
    finally:
        context.close()
