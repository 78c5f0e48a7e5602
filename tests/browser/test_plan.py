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
    return page.get_by_role("radio", name=f"{name}: {state.lower()}", exact=True)


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
            # Issue 24: the update returned to the top of the page, far from the checklist.
            expect(page).to_have_url(gate_site + WITH_TERRAFORM + "#checklist-heading")
            expect(page.get_by_role("heading", name="The checklist")).to_be_in_viewport()
        expect(page).to_have_url(re.compile(re.escape(gate_site + WITH_TERRAFORM)))
        expect(core_progress(page)).to_contain_text("4 of 4")  # Terraform is IaC work too
        expect(skill(page, "Terraform", "Have")).to_be_checked()
        if scripted:
            expect(skill(page, "Terraform", "Have")).to_be_focused()  # focus survives the swap

        skill(page, "Terraform", "Not yet").check()
        if not scripted:
            page.get_by_role("button", name="Update my plan").click()
        end = "#checklist-heading" if not scripted else ""
        expect(page).to_have_url(gate_site + PLAN + end)
        expect(core_progress(page)).to_contain_text("2 of 4")

        page.go_back()
        expect(page).to_have_url(gate_site + WITH_TERRAFORM + end)
        expect(core_progress(page)).to_contain_text("4 of 4")  # Terraform is IaC work too
        page.go_forward()
        expect(page).to_have_url(gate_site + PLAN + end)
        expect(core_progress(page)).to_contain_text("2 of 4")
    finally:
        context.close()


def test_switching_the_target_keeps_every_mark(page: Page, gate_site):
    page.goto(gate_site + PLAN)
    page.get_by_role("link", name="Switch my plan to Site Reliability Engineer").click()
    expect(page).to_have_url(re.compile(r"/plan/site-reliability-engineer/\?years=10"))
    expect(skill(page, "Linux", "Have")).to_be_checked()
    expect(skill(page, "Networking basics", "Have")).to_be_checked()


def test_the_printed_plan_shows_each_state_in_words_without_controls(page: Page, gate_site):
    page.goto(gate_site + PLAN)
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Update my plan")).to_be_hidden()
    expect(page.get_by_role("button", name="Save in this browser")).to_be_hidden()
    linux = page.get_by_role("row", name=re.compile("^Linux"))
    # Only the checked state is printed in words; the others stay visually hidden (1 px).
    assert linux.get_by_text("Linux: have").bounding_box()["width"] > 20
    assert linux.get_by_text("Linux: not yet").bounding_box()["width"] <= 1
    expect(skill(page, "Linux", "Have")).to_be_hidden()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_plan_from_a_role_page_asks_about_the_person_first(page: Page, gate_site, width):
    """Issue 24: the fields that fix a beginner's plan were five phone screens down."""
    page.set_viewport_size({"width": width, "height": 667 if width == 375 else 800})
    page.goto(gate_site + "/roles/devsecops-engineer/")
    page.get_by_role("link", name="Plan my way to DevSecOps Engineer").click()
    expect(page.get_by_text("This plan assumes you are starting out")).to_be_in_viewport()
    expect(page.get_by_label("Years of professional experience")).to_be_in_viewport()
    page.get_by_label("Years of professional experience").fill("4")
    page.get_by_label("Your job right now").select_option("devops")
    expect(page).to_have_url(re.compile(r"\?years=4&background=devops$"))
    expect(page.get_by_text("This plan assumes you are starting out")).to_have_count(0)
    expect(page.get_by_label("Years of professional experience")).to_have_value("4")


@pytest.mark.parametrize("width", [375, 1280])
def test_the_checklist_states_line_up_from_row_to_row(page: Page, gate_site, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(gate_site + "/plan/principal-devops-engineer/")
    for state in ("have", "learning", "not yet"):
        radios = page.get_by_role("radio", name=re.compile(f": {state}$"))
        lefts = {round(radios.nth(i).bounding_box()["x"]) for i in range(radios.count())}
        assert len(lefts) == 1, (state, lefts)
    header = page.get_by_role("columnheader", name="Have")
    have = page.get_by_role("radio", name=re.compile(": have$")).first
    middle = header.bounding_box()["x"] + header.bounding_box()["width"] / 2
    assert abs(have.bounding_box()["x"] + have.bounding_box()["width"] / 2 - middle) < 4
