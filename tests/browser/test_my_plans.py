"""My plans in a real browser: a saved plan follows its changes, is listed with its progress and
its role's pay edits, is removed without a question and put back with Undo; without JavaScript
the page says why it is empty."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from careers.models import Role

PLAN = "/plan/infrastructure-engineer/?years=10&background=sysadmin&have=linux,networking"
WITH_TERRAFORM = (
    "/plan/infrastructure-engineer/?years=10&background=sysadmin&have=linux,networking,terraform"
)
KEPT = "Saved in this browser. Each change you make here is kept in it."


def save_status(page: Page):
    return page.locator("[data-save-status]")


def saved_plans(page: Page):
    return page.locator("[data-my-plans-list] > li")


@pytest.mark.parametrize("width", [375, 1280])
def test_a_saved_plan_follows_each_change_and_is_listed_in_my_plans(
    page: Page, gate_site, browser_errors, width
):
    """Issue 24: a tick made after "Save in this browser" was not kept, and nothing said so."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(gate_site + PLAN)
    page.get_by_role("button", name="Save in this browser").click()
    expect(save_status(page)).to_have_text(KEPT)
    expect(page.locator("[data-save-plan]")).to_be_hidden()
    page.get_by_role("radio", name="Terraform: have", exact=True).check()
    expect(page).to_have_url(gate_site + WITH_TERRAFORM)
    expect(save_status(page)).to_have_text(KEPT)
    page.reload()
    expect(save_status(page)).to_have_text(KEPT)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="My plans").click()
    expect(saved_plans(page)).to_have_count(1)
    plan = saved_plans(page).first
    expect(plan.get_by_role("link", name="Infrastructure Engineer")).to_have_attribute(
        "href", WITH_TERRAFORM
    )
    expect(plan).to_contain_text("4 of 4 core skills.")
    expect(plan).to_contain_text("Last changed")
    expect(plan).to_contain_text("No pay changes for this role since you saved it")

    page.go_back()
    expect(page).to_have_url(gate_site + WITH_TERRAFORM)
    expect(save_status(page)).to_have_text(KEPT)
    page.go_forward()
    expect(saved_plans(page)).to_have_count(1)
    page.reload()
    expect(saved_plans(page)).to_have_count(1)
    assert not browser_errors, "\n".join(browser_errors)


def test_a_plan_page_says_when_it_is_not_the_saved_version(page: Page, gate_site):
    page.goto(gate_site + PLAN)
    page.get_by_role("button", name="Save in this browser").click()
    page.goto(gate_site + WITH_TERRAFORM)
    expect(save_status(page)).to_contain_text(
        "Not saved: your saved plan for Infrastructure Engineer has other marks"
    )
    page.get_by_role("button", name="Save this version instead").click()
    expect(save_status(page)).to_have_text(KEPT)
    page.goto(gate_site + "/my-plans/")
    expect(saved_plans(page)).to_have_count(1)


def test_removing_a_plan_asks_nothing_and_can_be_undone(page: Page, gate_site, browser_errors):
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog asked: {dialog.message}"))
    page.goto(gate_site + PLAN)
    page.get_by_role("button", name="Save in this browser").click()
    page.goto(gate_site + "/plan/cloud-architect/?years=4&background=devops")
    page.get_by_role("button", name="Save in this browser").click()
    page.goto(gate_site + "/my-plans/")
    titles = saved_plans(page).get_by_role("heading")
    expect(titles).to_have_text(["Cloud Architect", "Infrastructure Engineer"])
    expect(page.get_by_role("button", name="Undo")).to_be_hidden()

    page.get_by_role("button", name="Remove Cloud Architect").click()
    expect(titles).to_have_text(["Infrastructure Engineer"])
    expect(page.get_by_role("status")).to_have_text("Removed Cloud Architect.")
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    undo.press("Enter")
    expect(titles).to_have_text(["Cloud Architect", "Infrastructure Engineer"])
    expect(page.get_by_role("link", name="Cloud Architect")).to_have_attribute(
        "href", "/plan/cloud-architect/?years=4&background=devops"
    )
    page.reload()
    expect(titles).to_have_text(["Cloud Architect", "Infrastructure Engineer"])
    assert not browser_errors, "\n".join(browser_errors)


@pytest.mark.parametrize("width", [375, 1280])
def test_without_javascript_my_plans_says_saved_plans_need_it(browser: Browser, gate_site, width):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(gate_site + "/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="My plans").click()
        expect(page.get_by_text("This list needs JavaScript")).to_be_visible()
        expect(page.get_by_role("link", name="the questionnaire").first).to_be_visible()
        expect(page.get_by_role("button", name="Undo")).to_be_hidden()
    finally:
        context.close()


def test_a_saved_plan_shows_its_roles_pay_edits_since_it_was_saved(page: Page, site):
    page.goto(site + "/plan/platform-engineer/?years=4&background=devops")
    page.get_by_role("button", name="Save in this browser").click()
    page.goto(site + "/plan/devsecops-engineer/?years=4&background=devops")
    page.get_by_role("button", name="Save in this browser").click()
    expect(save_status(page)).to_have_text(KEPT)
    platform = Role.objects.get(slug="platform-engineer")
    platform.base_max = 185_000
    platform.save()

    page.goto(site + "/my-plans/")
    mine = saved_plans(page).filter(has=page.get_by_role("heading", name="Platform Engineer"))
    expect(mine).to_contain_text(re.compile("Pay changes since you saved it on"))
    expect(mine.get_by_role("listitem")).to_have_text(
        re.compile(r"^Platform Engineer, base salary, highest: \$180,000 → \$185,000 \(")
    )
    other = saved_plans(page).filter(has=page.get_by_role("heading", name="DevSecOps Engineer"))
    expect(other).to_contain_text("No pay changes for this role since you saved it")
