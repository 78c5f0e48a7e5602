import re

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

PASSWORD = "a-long-pass-phrase"
GLASSDOOR = "Glassdoor: Principal DevOps salary reports"


def sign_in(page: Page, site: str) -> None:
    User.objects.create_superuser("pat.editor", "pat@example.com", PASSWORD)
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("pat.editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Salary and career data")).to_be_visible()


def save_total_range(page: Page, low: str, high: str) -> None:
    # The pay-table inlines have fields with the same labels, so these two go by id.
    page.locator("#id_total_min").fill(low)
    page.locator("#id_total_max").fill(high)
    page.get_by_label("Source of the new figures").select_option(label=GLASSDOOR)
    page.get_by_label("Reason for the change").fill("Newer figures")
    page.get_by_role("button", name="Save", exact=True).click()


def confirm_after_preview(page: Page) -> None:
    expect(page.get_by_role("heading", name="What the public will see change")).to_be_visible()
    page.get_by_role("button", name="Save", exact=True).click()


def test_staff_fixes_a_reversed_range_and_the_site_reranks(page: Page, site):
    sign_in(page, site)
    page.get_by_role("link", name="Roles").first.click()
    page.get_by_role("link", name="Platform Engineer", exact=True).click()

    save_total_range(page, "900000", "800000")
    expect(
        page.get_by_text(
            "The lowest total compensation must not be above the highest total compensation."
        )
    ).to_be_visible()

    save_total_range(page, "900000", "1000000")
    confirm_after_preview(page)
    expect(page.get_by_text(re.compile("was changed successfully"))).to_be_visible()

    page.goto(site + "/")
    first = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Rank 1:"))
    expect(first.get_by_role("link", name="Rank 1: Platform Engineer")).to_be_visible()
    expect(first).to_contain_text("$900,000 – $1,000,000")

    page.get_by_role("link", name="What changed in our pay data").click()
    edit = page.get_by_role("article").filter(has_text="Platform Engineer").first
    expect(edit.get_by_role("row", name="Total compensation, highest")).to_contain_text("$350,000")
    expect(edit.get_by_role("row", name="Total compensation, highest")).to_contain_text(
        "$1,000,000"
    )
    expect(page.get_by_text("pat.editor")).to_have_count(0)

    page.goto(site + "/admin/careers/role/")
    page.get_by_role("link", name="Platform Engineer", exact=True).click()
    page.get_by_role("link", name="History").click()
    history = page.locator("#change-history")
    expect(history).to_contain_text("pat.editor")
    expect(history).to_contain_text("1000000")
