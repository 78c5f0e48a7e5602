"""The browser's own Back, Forward and reload keep every questionnaire answer, at a phone's width
and a desktop's (issue 24, item 1).

With JavaScript each step's address is rewritten to hold what was answered on it, so a reload
anywhere keeps everything. Without it, the browser itself restores a step's fields on Back and
Forward; an address cannot learn answers it never sent, so a reload keeps what was sent.
"""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.watch import watch_for_errors

STEP_1 = "/next-episode/?step=1&years=4&background=devops"
STEP_2 = "/next-episode/?step=2&years=4&background=devops&have=git,linux"
STEP_3 = (
    "/next-episode/?step=3&years=4&background=devops&have=git,linux&likes=security&priority=pay"
)
RESULT = "/next-episode/?years=4&background=devops&have=git,linux&likes=security&priority=pay"
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}


def heading(page: Page, name: str):
    return page.get_by_role("heading", level=2, name=re.compile(name))


def result_heading(page: Page):
    """The result's one heading: the next step, boxed first."""
    return page.get_by_role("heading", level=1, name=re.compile("^Your next step"))


def answer_all_three_steps(page: Page) -> None:
    page.get_by_label("Years of professional experience").fill("4")
    page.get_by_role("radio", name="DevOps or cloud").check()
    page.get_by_role("button", name="Next: step 2").click()
    expect(heading(page, "Step 2 of 3")).to_be_visible()
    for name in ("CI/CD", "Docker and containers", "Cloud (AWS, Azure or GCP)"):
        page.get_by_role("checkbox", name=name, exact=True).uncheck()
    page.get_by_role("button", name="Next: step 3").click()
    expect(heading(page, "Step 3 of 3")).to_be_visible()
    page.get_by_role("checkbox", name="Security").check()
    page.get_by_role("radio", name=re.compile("Higher pay")).check()
    page.get_by_role("button", name="Show my next step").click()
    expect(result_heading(page)).to_be_visible()


def expect_step_1(page: Page) -> None:
    expect(heading(page, "Step 1 of 3")).to_be_visible()
    expect(page.get_by_label("Years of professional experience")).to_have_value("4")
    expect(page.get_by_role("radio", name="DevOps or cloud")).to_be_checked()


def expect_step_2(page: Page) -> None:
    expect(heading(page, "Step 2 of 3")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Linux", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name="CI/CD", exact=True)).not_to_be_checked()


def expect_step_3(page: Page) -> None:
    expect(heading(page, "Step 3 of 3")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Security")).to_be_checked()
    expect(page.get_by_role("radio", name=re.compile("Higher pay"))).to_be_checked()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scripted", [True, False], ids=["javascript", "no-javascript"])
def test_back_forward_and_reload_keep_every_answer(browser: Browser, gate_site, scripted, width):
    context = browser.new_context(java_script_enabled=scripted, viewport=WIDTHS[width])
    page = context.new_page()
    errors = watch_for_errors(page)
    try:
        page.goto(gate_site + "/next-episode/")
        answer_all_three_steps(page)
        expect(page).to_have_url(gate_site + RESULT)

        page.reload()
        expect(result_heading(page)).to_be_visible()  # the result is its address
        page.go_back()
        expect_step_3(page)
        if scripted:  # without it, the browser keeps what was typed on a page until reload
            page.reload()
            expect_step_3(page)
        page.go_back()
        expect_step_2(page)
        page.go_back()
        expect_step_1(page)
        if scripted:
            page.reload()
            expect_step_1(page)

        page.go_forward()
        expect_step_2(page)
        page.go_forward()
        expect_step_3(page)
        page.go_forward()
        expect(page).to_have_url(gate_site + RESULT)
        expect(result_heading(page)).to_be_visible()
        if scripted:  # each step's address holds the answers given on it
            page.go_back()
            expect(page).to_have_url(gate_site + STEP_3)
            page.go_back()
            expect(page).to_have_url(gate_site + STEP_2)
            page.go_back()
            expect(page).to_have_url(gate_site + STEP_1)
        assert errors == []
    finally:
        context.close()
