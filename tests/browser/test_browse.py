"""Sorting, filtering, paging and comparing in a real browser, with htmx and without JavaScript."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from careers.models import Role
from tests.factories import build_catalogue


def mark_page(page: Page) -> None:
    """Leave a flag on the window: it survives htmx swaps but not a full page load."""
    page.evaluate("window.stillSamePage = true")


def expect_same_page(page: Page) -> None:
    assert page.evaluate("window.stillSamePage === true"), "the page reloaded instead of swapping"


def first_card_title(page: Page):
    return page.locator(".role-card__title").first


def test_sorting_swaps_the_list_in_place_and_pushes_the_url(page: Page, gate_site):
    page.goto(gate_site + "/")
    mark_page(page)
    page.get_by_label("Sort by").select_option("fastest")
    expect(page).to_have_url(re.compile(r"sort=fastest"))
    expect(first_card_title(page)).to_have_text("Rank 6: MLOps Engineer")
    expect(page.get_by_role("status")).to_contain_text("sorted by fastest to reach")
    expect_same_page(page)


def test_filtering_by_track_and_experience_swaps_in_place(page: Page, gate_site):
    page.goto(gate_site + "/")
    mark_page(page)
    page.get_by_label("Track").select_option("backend")
    # The form sends every field; htmx pushes the address naming only the choices made.
    expect(page).to_have_url(gate_site + "/?track=backend")
    expect(page.locator(".role-card")).to_have_count(3)
    page.get_by_label("Experience you have").select_option("8")
    expect(page).to_have_url(gate_site + "/?track=backend&years=8")
    expect(page.locator(".role-card")).to_have_count(2)
    expect(page.get_by_role("status")).to_contain_text("Showing 2 of 10 roles")
    expect_same_page(page)


def test_a_shared_sorted_address_reopens_the_same_view(page: Page, gate_site):
    page.goto(gate_site + "/?sort=base&track=backend")
    expect(page.locator(".role-card")).to_have_count(3)
    expect(first_card_title(page)).to_have_text("Rank 2: Staff Backend Engineer")
    expect(page.get_by_label("Sort by")).to_have_value("base")
    expect(page.get_by_label("Track")).to_have_value("backend")


def test_building_a_comparison_with_htmx_pushes_each_step(page: Page, gate_site):
    page.goto(gate_site + "/compare/")
    mark_page(page)
    page.get_by_label("First role").select_option("cloud-architect")
    page.get_by_role("button", name="Add").click()
    expect(page).to_have_url(gate_site + "/compare/?roles=cloud-architect")
    page.get_by_label("Add a role").select_option("mlops-engineer")
    page.get_by_role("button", name="Add").click()
    expect(page).to_have_url(gate_site + "/compare/?roles=cloud-architect,mlops-engineer")
    expect(page.get_by_role("columnheader", name=re.compile("MLOps Engineer"))).to_be_visible()
    expect(page.get_by_role("heading", name="Skills they all need")).to_be_visible()
    page.get_by_role("link", name="Remove Cloud Architect").click()
    expect(page).to_have_url(gate_site + "/compare/?roles=mlops-engineer")
    expect(page.get_by_text("Add at least one more role")).to_be_visible()
    expect_same_page(page)
    page.go_back()
    expect(page).to_have_url(gate_site + "/compare/?roles=cloud-architect,mlops-engineer")
    expect(page.get_by_role("columnheader", name=re.compile("Cloud Architect"))).to_be_visible()


def test_ticking_roles_on_the_listing_opens_their_comparison(page: Page, gate_site):
    page.goto(gate_site + "/")
    page.get_by_label("Compare Staff Backend Engineer").check()
    page.get_by_label("Compare Platform Engineer").check()
    page.get_by_role("button", name=re.compile(r"^Compare (selected|\d) roles?$")).click()
    expect(page).to_have_url(gate_site + "/compare/?roles=staff-backend-engineer,platform-engineer")
    expect(page.get_by_role("heading", name="Side by side", exact=True)).to_be_visible()


def test_the_role_page_compare_control_leads_to_the_comparison(page: Page, gate_site):
    page.goto(gate_site + "/roles/cloud-architect/")
    page.get_by_label("Compare with").select_option("devsecops-engineer")
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page).to_have_url(gate_site + "/compare/?roles=cloud-architect,devsecops-engineer")


@pytest.fixture
def no_js_page(browser: Browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_the_controls_are_a_plain_get_form(no_js_page: Page, gate_site):
    page = no_js_page
    page.goto(gate_site + "/")
    page.get_by_label("Sort by").select_option("fastest")
    page.get_by_label("Track").select_option("security")
    page.get_by_role("button", name="Show roles").click()
    # The form sends every field; the listing redirects to the address naming only the choices.
    expect(page).to_have_url(gate_site + "/?sort=fastest&track=security")
    expect(page.locator(".role-card")).to_have_count(1)
    expect(first_card_title(page)).to_have_text("Rank 8: DevSecOps Engineer")


def test_without_javascript_a_comparison_is_built_with_forms_and_links(no_js_page: Page, gate_site):
    page = no_js_page
    page.goto(gate_site + "/compare/")
    page.get_by_label("First role").select_option("site-reliability-engineer")
    page.get_by_role("button", name="Add").click()
    expect(page).to_have_url(gate_site + "/compare/?roles=site-reliability-engineer")
    page.get_by_label("Add a role").select_option("platform-engineer")
    page.get_by_role("button", name="Add").click()
    expect(page).to_have_url(
        gate_site + "/compare/?roles=site-reliability-engineer,platform-engineer"
    )
    page.get_by_role("link", name="Remove Site Reliability Engineer").click()
    expect(page).to_have_url(gate_site + "/compare/?roles=platform-engineer")


@pytest.fixture
def long_listing(live_server, transactional_db) -> tuple[str, list]:
    """A live site with 45 roles (pages of 20, 20 and 5) and them in rank order."""
    built = build_catalogue(roles=45)
    return live_server.url, built[::-1]  # the last built pays most


def test_show_more_on_a_long_listing_appends_in_place_and_back_returns_to_it(
    page: Page, long_listing, browser_errors
):
    site, ranked = long_listing
    page.goto(site + "/")
    mark_page(page)
    cards = page.locator(".role-card")
    expect(cards).to_have_count(20)
    page.get_by_label(f"Compare {ranked[0].title}", exact=True).check()
    page.get_by_role("link", name="Show more roles").click()
    expect(cards).to_have_count(40)
    expect(page).to_have_url(site + "/?page=2")
    expect(page.get_by_role("status")).to_contain_text("Showing 40 of 45 roles")
    expect(page.get_by_role("link", name=f"Rank 21: {ranked[20].title}")).to_be_focused()
    page.get_by_role("link", name="Show more roles").click()
    expect(cards).to_have_count(45)
    expect(page.get_by_role("link", name="Show more roles")).to_have_count(0)
    expect_same_page(page)
    # A role appended from the last page is compared with one ticked on the first.
    page.get_by_label(f"Compare {ranked[44].title}", exact=True).check()
    page.get_by_role("button", name=re.compile(r"^Compare (selected|\d) roles?$")).click()
    expect(page).to_have_url(f"{site}/compare/?roles={ranked[0].slug},{ranked[44].slug}")
    page.go_back()
    expect(page).to_have_url(site + "/?page=3")
    expect(cards).to_have_count(45)
    assert browser_errors == []


def test_without_javascript_show_more_on_a_long_listing_is_a_link(no_js_page: Page, long_listing):
    page = no_js_page
    site, ranked = long_listing
    page.goto(site + "/?sort=fastest")
    expect(page.locator(".role-card")).to_have_count(20)
    page.get_by_role("link", name="Show more roles").click()
    expect(page).to_have_url(site + "/?sort=fastest&page=2#more-roles")
    expect(page.locator(".role-card")).to_have_count(40)
    expect(page.get_by_role("status")).to_contain_text("Showing 40 of 45 roles")
    expect(page.get_by_label("Sort by")).to_have_value("fastest")
    expect(page.locator("#more-roles")).to_contain_text(f"Rank 21: {ranked[20].title}")
    expect(page.locator("#more-roles")).to_be_in_viewport()
    page.get_by_role("link", name="Show more roles").click()
    expect(page.locator(".role-card")).to_have_count(45)
    expect(page.get_by_role("link", name="Show more roles")).to_have_count(0)


def rename(role: Role, title: str) -> None:
    role = Role.objects.get(pk=role.pk)
    role.title = title
    role.save()  # the save's signal bumps the data version: the next page shows it


def test_past_twenty_roles_the_compare_page_searches_as_you_type(
    page: Page, long_listing, browser_errors
):
    site, ranked = long_listing
    rename(ranked[30], "Principal Site Reliability Engineer")
    page.goto(f"{site}/compare/?roles={ranked[0].slug}")
    mark_page(page)
    choices = page.locator("#add-role option")
    expect(choices).to_have_count(20)
    search = page.get_by_label("Find a role by title")
    search.press_sequentially("reliab", delay=50)
    expect(choices).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("1 role matches “reliab”.")
    # Only the picker was swapped: typing goes on where it was, and the address stays.
    expect(search).to_be_focused()
    expect(search).to_have_value("reliab")
    expect(page).to_have_url(f"{site}/compare/?roles={ranked[0].slug}")
    search.press_sequentially("zz")
    expect(page.get_by_role("status")).to_contain_text("No role's title contains “reliabzz”")
    expect(choices).to_have_count(0)
    search.fill("")
    expect(choices).to_have_count(20)
    search.fill("RELIABILITY")
    expect(choices).to_have_count(1)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page).to_have_url(f"{site}/compare/?roles={ranked[0].slug},{ranked[30].slug}")
    expect(
        page.get_by_role("columnheader", name=re.compile("Principal Site Reliability Engineer"))
    ).to_be_visible()
    expect(page.get_by_label("Find a role by title")).to_be_focused()
    expect_same_page(page)
    assert browser_errors == []


def test_without_javascript_the_compare_pages_search_is_a_form(no_js_page: Page, long_listing):
    page = no_js_page
    site, ranked = long_listing
    rename(ranked[30], "Principal Site Reliability Engineer")
    page.goto(f"{site}/compare/")
    page.get_by_label("Find a role by title").fill("  Reliability ")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(f"{site}/compare/?find=Reliability")
    expect(page.locator("#add-role option")).to_have_count(1)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page).to_have_url(f"{site}/compare/?roles={ranked[30].slug}")
    expect(page.get_by_text("Add at least one more role")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/roles/principal-devops-engineer/",
        "/compare/?roles=cloud-architect,mlops-engineer,devsecops-engineer,backend-architect",
    ],
)
def test_charts_fit_a_phone_screen_without_sideways_scrolling(page: Page, gate_site, path):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(gate_site + path)
    chart = page.get_by_role("img", name=re.compile("pay"))
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
