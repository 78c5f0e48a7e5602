"""The home page answers on its first screen (issue 24, item 6): the ranking and its pay chart
first, the entry pay soon after, and a compare bar that stays in view while roles are ticked."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

WIDTHS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}
ENTRY_PAY = "$75,000 – $95,000"


def on_first_screen(page: Page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_ranking_shows_on_the_first_screen_and_the_entry_pay_before_the_top_pay(
    browser: Browser, gate_site, width
):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    try:
        page.goto(gate_site + "/")
        chart = page.locator("#chart-heading ~ .chart")
        shown = 3 if width == "desktop" else 1
        for rank in range(1, shown + 1):
            label = chart.locator(".chart__label").nth(rank - 1)
            expect(label).to_have_text(re.compile(rf"^{rank}\. "))
            assert on_first_screen(page, label), f"rank {rank} is below the first screen"
        entry = page.locator(".home-entry-pay")
        expect(entry).to_contain_text(ENTRY_PAY)
        top_pay = page.get_by_text("$400,000 – $600,000+").locator("visible=true").first
        assert entry.bounding_box()["y"] < top_pay.bounding_box()["y"]
        assert entry.bounding_box()["y"] < 2 * page.viewport_size["height"]
    finally:
        context.close()


@pytest.mark.parametrize("scripted", [True, False], ids=["javascript", "no-javascript"])
def test_the_compare_bar_follows_the_ticked_roles(browser: Browser, gate_site, scripted):
    context = browser.new_context(java_script_enabled=scripted, viewport=WIDTHS["phone"])
    page = context.new_page()
    try:
        page.goto(gate_site + "/")
        for title in ("Platform Engineer", "DevSecOps Engineer"):
            box = page.get_by_role("checkbox", name=f"Compare {title}")
            box.scroll_into_view_if_needed()
            box.check()
        name = "Compare 2 roles" if scripted else "Compare selected roles"
        button = page.get_by_role("button", name=name)
        assert on_first_screen(page, button)  # in view where the ticking happened
        button.click()
        expect(page).to_have_url(gate_site + "/compare/?roles=platform-engineer,devsecops-engineer")
    finally:
        context.close()
