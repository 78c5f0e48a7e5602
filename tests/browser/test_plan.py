"""The plan in a real browser: marking skills with and without JavaScript, the address and the
back button, saving in this browser, and the print layout. The plan changes no data, so these
run on the gate's shared read-only server."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

PLAN = "/plan/infrastructure-engineer/?years=10&background=sysadmin&have=linux,networking"
WITH_TERRAFORM = (
    "/plan/infrastructure-engineer/?years=10&background=sysadmin&have=linux,networking,terraform"
)


def skill(page: Page, name: str, state: str):
    return page.get_by_role("group", name=name, exact=True).get_by_role("radio", name=state)


def core_progress(page: Page):
    return page.locator("#core-progress-label")


@pytest.mark.parametrize("scripted", [True, False])
def test_marking_a_skill_updates_progress_and_the_address(browser: Browser, gate_site, scripted):
    context = browser.new_context(java_script_enabled=scripted)
    page = context.new_page()
    try:
        page.goto(gate_site + PLAN)
        expect(core_progress(page)).to_contain_text("2 of 4")
        skill(page, "Terraform", "Have").check()
        if not scripted:
            page.get_by_role("button", name="Update my plan").click()
        expect(page).to_have_url(gate_site + WITH_TERRAFORM)
        expect(core_progress(page)).to_contain_text("4 of 4")  # Terraform is IaC work too
        expect(skill(page, "Terraform", "Have")).to_be_checked()
        if scripted:
            expect(skill(page, "Terraform", "Have")).to_be_focused()  # focus survives the swap

        skill(page, "Terraform", "Not yet").check()
        if not scripted:
            page.get_by_role("button", name="Update my plan").click()
        expect(page).to_have_url(gate_site + PLAN)
        expect(core_progress(page)).to_contain_text("2 of 4")

        page.go_back()
        expect(page).to_have_url(gate_site + WITH_TERRAFORM)
        expect(core_progress(page)).to_contain_text("4 of 4")  # Terraform is IaC work too
        page.go_forward()
        expect(page).to_have_url(gate_site + PLAN)
        expect(core_progress(page)).to_contain_text("2 of 4")
    finally:
        context.close()


def test_switching_the_target_keeps_every_mark(page: Page, gate_site):
    page.goto(gate_site + PLAN)
    page.get_by_role("link", name="Switch my plan to Site Reliability Engineer").click()
    expect(page).to_have_url(re.compile(r"/plan/site-reliability-engineer/\?years=10"))
    expect(skill(page, "Linux", "Have")).to_be_checked()
    expect(skill(page, "Networking basics", "Have")).to_be_checked()


def test_a_plan_saved_in_this_browser_is_there_after_a_reload(page: Page, gate_site):
    page.goto(gate_site + PLAN)
    saved = page.locator("[data-saved-list]")
    expect(page.get_by_text("None yet.")).to_be_visible()
    page.get_by_role("button", name="Save in this browser").click()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_have_text(
        "Saved in this browser."
    )
    page.goto(gate_site + "/plan/cloud-architect/")
    expect(
        saved.get_by_role("link", name=re.compile("^Infrastructure Engineer"))
    ).to_have_attribute("href", PLAN)
    page.get_by_role("button", name="Save in this browser").click()
    page.reload()
    expect(saved.get_by_role("listitem")).to_have_count(2)
    page.get_by_role("button", name="Remove Cloud Architect").click()
    page.reload()
    expect(saved.get_by_role("listitem")).to_have_count(1)
    assert "next-episode:plans" in page.evaluate("Object.keys(localStorage)")


def test_the_printed_plan_shows_each_state_in_words_without_controls(page: Page, gate_site):
    page.goto(gate_site + PLAN)
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Update my plan")).to_be_hidden()
    expect(page.get_by_role("button", name="Save in this browser")).to_be_hidden()
    linux = page.get_by_role("group", name="Linux", exact=True)
    expect(linux.get_by_text("Have")).to_be_visible()
    expect(linux.get_by_text("Not yet")).to_be_hidden()
    expect(linux.get_by_role("radio", name="Have")).to_be_hidden()
