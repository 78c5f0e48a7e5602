"""Every interactive flow completes with the keyboard alone, and focus is always visible."""

import re

from playwright.sync_api import Page, expect

from tests.browser.keyboard import arrow_to, choose_option, tab_to
from tests.pages import QUESTIONNAIRE_RESULT


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(
    page: Page, browser_errors, gate_site
):
    page.goto(gate_site + "/about/")
    skip_link = page.get_by_role("link", name="Skip to content")
    tab_to(page, skip_link, max_presses=1)
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    assert not browser_errors, "\n".join(browser_errors)


def test_main_navigation_reaches_every_section_by_keyboard(page: Page, browser_errors, gate_site):
    page.goto(gate_site + "/")
    navigation = page.get_by_role("navigation", name="Main")
    for name, path in (
        ("FAQ", "/faq/"),
        ("My plans", "/my-plans/"),
        ("About the data", "/about/"),
        ("Top 10", "/"),
    ):
        link = navigation.get_by_role("link", name=name)
        tab_to(page, link)
        page.keyboard.press("Enter")
        expect(page).to_have_url(gate_site + path)
        expect(navigation.get_by_role("link", name=name)).to_have_attribute("aria-current", "page")
    assert not browser_errors, "\n".join(browser_errors)


def test_reader_opens_a_role_and_reads_its_pay_table_on_a_phone_without_scrolling_sideways(
    page: Page, browser_errors, gate_site
):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(gate_site + "/")
    tab_to(page, page.get_by_role("link", name="Rank 1: Principal DevOps Engineer"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Principal DevOps Engineer")
    pay_table = page.get_by_role("region", name="pay beside related jobs")
    tab_to(page, pay_table)
    # Stacked into cards, the table holds nothing beyond the screen's right edge.
    assert pay_table.evaluate("region => region.scrollWidth <= region.clientWidth")
    expect(pay_table.locator(".cell-label").first).to_have_text("Base salary")
    expect(pay_table.locator(".cell-label").first).to_be_visible()
    assert not browser_errors, "\n".join(browser_errors)


def test_share_control_copies_the_link_by_keyboard(page: Page, browser_errors, gate_site):
    # Without a share sheet the button copies the link; the clipboard needs permission.
    page.add_init_script("delete Navigator.prototype.share;")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=gate_site)
    page.goto(gate_site + "/roles/site-reliability-engineer/")
    tab_to(page, page.get_by_role("button", name="Share this role"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(
        "Link copied. Paste it wherever you want to share it."
    )
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_have_text(
        "Link copied. Paste it wherever you want to share it."
    )
    assert not browser_errors, "\n".join(browser_errors)


def test_questionnaire_is_answered_with_the_keyboard_alone(page: Page, browser_errors, gate_site):
    page.goto(gate_site + "/")
    tab_to(
        page, page.get_by_role("navigation", name="Main").get_by_role("link", name="Your next step")
    )
    page.keyboard.press("Enter")
    expect(page).to_have_url(gate_site + "/next-episode/")
    tab_to(page, page.get_by_label("Years of professional experience"))
    page.keyboard.type("4")
    tab_to(page, page.get_by_role("radio").first)
    arrow_to(page, page.get_by_role("radio", name="DevOps or cloud"))
    tab_to(page, page.get_by_role("button", name="Next: step 2"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=re.compile("Step 2 of 3"))).to_be_focused()
    # A DevOps engineer's usual skills start ticked: untick the three this person has not used.
    for skill in ("CI/CD", "Cloud (AWS, Azure or GCP)", "Docker and containers"):
        tab_to(page, page.get_by_role("checkbox", name=skill, exact=True))
        page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Next: step 3"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=re.compile("Step 3 of 3"))).to_be_focused()
    tab_to(page, page.get_by_role("checkbox", name="Security"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("radio").first)
    arrow_to(page, page.get_by_role("radio", name=re.compile("Higher pay")))
    tab_to(page, page.get_by_role("button", name="Show my next step"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=re.compile("^Your next step"))).to_be_focused()
    expect(page).to_have_url(gate_site + QUESTIONNAIRE_RESULT)
    assert not browser_errors, "\n".join(browser_errors)


def test_listing_is_sorted_filtered_and_compared_with_the_keyboard_alone(
    page: Page, browser_errors, gate_site
):
    page.goto(gate_site + "/")
    sort = page.get_by_label("Sort by")
    tab_to(page, sort)
    choose_option(page, sort, "fastest")
    expect(page).to_have_url(re.compile(r"sort=fastest"))
    expect(page.locator(".role-card__title").first).to_have_text("Rank 6: MLOps Engineer")
    track = page.get_by_label("Track")
    tab_to(page, track)
    choose_option(page, track, "backend")
    expect(page.locator(".role-card")).to_have_count(3)

    for title in ("Staff Backend Engineer", "Backend Architect"):
        tab_to(page, page.get_by_label(f"Compare {title}"))
        page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name=re.compile(r"^Compare (selected|\d) roles?$")))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/compare/\?roles="))
    expect(page.get_by_role("columnheader", name=re.compile("Backend Architect"))).to_be_visible()
    assert not browser_errors, "\n".join(browser_errors)


def test_comparison_is_built_and_trimmed_with_the_keyboard_alone(
    page: Page, browser_errors, gate_site
):
    page.goto(gate_site + "/compare/")
    for label, slug in (("First role", "cloud-architect"), ("Add a role", "mlops-engineer")):
        select = page.get_by_label(label)
        tab_to(page, select)
        choose_option(page, select, slug)
        tab_to(page, page.get_by_role("button", name="Add"))
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(slug))
        # Focus stays in the comparison instead of falling back to the top of the page.
        expect(page.get_by_label("Add a role")).to_be_focused()
    expect(page.get_by_role("heading", name="Skills they all need")).to_be_visible()
    tab_to(page, page.get_by_role("link", name="Remove Cloud Architect"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(gate_site + "/compare/?roles=mlops-engineer")
    expect(page.get_by_label("Add a role")).to_be_focused()
    assert not browser_errors, "\n".join(browser_errors)


def test_a_plan_is_marked_and_saved_with_the_keyboard_alone(page: Page, browser_errors, gate_site):
    page.goto(gate_site + "/plan/infrastructure-engineer/?have=linux")
    tab_to(page, page.get_by_role("radio", name="Terraform: not yet"), max_presses=80)
    arrow_to(page, page.get_by_role("radio", name="Terraform: have"))
    expect(page).to_have_url(gate_site + "/plan/infrastructure-engineer/?have=linux,terraform")
    expect(page.locator("#core-progress-label")).to_contain_text(
        "3 of 4"
    )  # Terraform is IaC work too
    expect(page.get_by_role("radio", name="Terraform: have")).to_be_focused()
    save = page.get_by_role("button", name="Save in this browser")
    tab_to(page, save, max_presses=160)  # past every "where to learn" link
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved in this browser.")).to_be_visible()
    tab_to(page, page.get_by_role("link", name="See my plans"))
    page.keyboard.press("Enter")
    page.wait_for_url(gate_site + "/my-plans/")
    expect(page.get_by_role("button", name="Remove Infrastructure Engineer")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Remove Infrastructure Engineer"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Undo")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Infrastructure Engineer")).to_be_focused()
    assert not browser_errors, "\n".join(browser_errors)
