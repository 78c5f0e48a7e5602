"""Issue 23's editor journey: a pay edit with its source and reason, previewed, published, and
then the same figure on every public place that shows it, the old one on none of them."""

import csv
import datetime
import io

from django.utils import timezone
from playwright.sync_api import Page, expect

from careers import data_version
from careers.models import Role, Source
from tests.browser.test_admin_editing import sign_in

SHOTS = "/work/shots/issue23"
PERSON = (
    "years=6&background=devops&have=docker,ci-cd,kubernetes,terraform,python,linux,git,sql,"
    "cloud,infrastructure-as-code,developer-experience&likes=platforms&priority=pay"
)
SURVEY = "Example Research: 2026 platform pay survey"


def shoot(page: Page, name: str) -> None:
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def test_an_editor_publishes_a_sourced_figure_and_it_reads_the_same_everywhere(page: Page, site):
    Source.objects.create(
        slug="example-survey",
        name="Example Research",
        title="2026 platform pay survey",
        kind="report",
        url="https://example.org/platform-pay-2026",
    )
    sign_in(page, site)
    page.goto(site + "/admin/careers/role/")
    page.get_by_role("link", name="Platform Engineer", exact=True).click()
    page.locator("#id_base_max").fill("185000")
    page.get_by_label("Source of the new figures").select_option(label=SURVEY)
    page.get_by_label("Reason for the change").fill("The 2026 survey is out")
    page.get_by_role("button", name="Save", exact=True).click()

    preview = page.locator(".public-preview")
    expect(preview.get_by_role("heading", name="What the public will see change")).to_be_visible()
    row = preview.get_by_role("row", name="Base salary, highest")
    expect(row).to_contain_text("$180,000")
    expect(row).to_contain_text("$185,000")
    expect(preview).to_contain_text("Platform Engineer: “Pay in 2026”")
    expect(preview).to_contain_text("pay table row “Senior Platform Engineer”")
    expect(preview).to_contain_text(
        "Platform Engineer: Base salary, highest, $180,000 → $185,000. Source: " + SURVEY
    )
    expect(preview.get_by_role("link", name="open its public page")).to_have_attribute(
        "href", "/roles/platform-engineer/"
    )
    shoot(page, "admin-preview")
    page.get_by_role("button", name="Save", exact=True).click()

    message = page.locator(".messagelist").get_by_text("The new figures are public")
    expect(message).to_be_visible()
    shoot(page, "admin-published")
    message.get_by_role("link", name="on the site").click()

    expect(page.get_by_role("heading", name="Platform Engineer", level=1)).to_be_visible()
    facts = page.get_by_role("complementary", name="Quick facts")
    expect(facts).to_contain_text("$135,000 – $185,000")
    pay = page.locator("#salary")
    expect(pay.get_by_role("paragraph").first).to_contain_text("a base of $135,000 – $185,000")
    expect(pay.get_by_role("row", name="Senior Platform Engineer")).to_contain_text("$185,000")
    sources = page.locator("#sources")
    expect(
        sources.get_by_role("link", name="Example Research, 2026 platform pay survey")
    ).to_be_visible()
    expect(sources).to_contain_text("Why: The 2026 survey is out")
    alt = page.locator('meta[property="og:image:alt"]')
    expect(alt).to_have_attribute("content", "Platform Engineer: base salary $135,000 – $185,000, "
                                  "total compensation $220,000 – $350,000")  # fmt: skip
    expect(page.locator("#salary")).not_to_contain_text("$135,000 – $180,000 and")
    shoot(page, "role-page")

    page.goto(site + "/changes/")
    edit = page.get_by_role("article").filter(has_text="Platform Engineer").first
    change = edit.get_by_role("row", name="Base salary, highest")
    expect(change).to_contain_text("$180,000")
    expect(change).to_contain_text("$185,000")
    expect(
        edit.get_by_role("link", name="Example Research, 2026 platform pay survey")
    ).to_be_visible()
    expect(edit).to_contain_text("Why: The 2026 survey is out")
    shoot(page, "changes")

    card = page.request.get(site + "/roles/platform-engineer/card.png")
    assert card.ok and card.headers["content-type"] == "image/png"

    roles = page.request.get(site + "/data/roles.json").json()["roles"]
    (platform,) = [role for role in roles if role["slug"] == "platform-engineer"]
    assert platform["base_max"] == 185_000
    rows = {row["label"]: row["base_max"] for row in platform["pay_table"]}
    assert rows == {"Senior DevOps Engineer": 180_000, "Senior Platform Engineer": 185_000}
    table = csv.DictReader(io.StringIO(page.request.get(site + "/data/roles.csv").text()))
    (line,) = [line for line in table if line["slug"] == "platform-engineer"]
    assert line["base_max"] == "185000"

    page.goto(f"{site}/next-episode/?{PERSON}")
    pay = page.locator(".next-step__pay")
    expect(pay).to_contain_text("$135,000 – $185,000 of it salary")
    expect(pay).not_to_contain_text("$180,000")
    shoot(page, "questionnaire")


def test_a_role_checked_over_a_year_ago_says_so_and_home_and_about_give_the_dates(page: Page, site):
    checked = timezone.localdate() - datetime.timedelta(days=400)
    Role.objects.filter(slug="cloud-architect").update(pay_as_of=checked)
    data_version.bump()  # a bulk update sends no signal

    page.goto(site + "/roles/cloud-architect/")
    facts = page.get_by_role("complementary", name="Quick facts")
    expect(facts.get_by_text("These figures are more than a year old.")).to_be_visible()
    shoot(page, "role-page-old-figures")

    page.goto(site + "/")
    expect(page.get_by_text("the most recent on January 15, 2026")).to_be_visible()
    shoot(page, "home")
    page.goto(site + "/about/")
    oldest = f"the oldest {checked:%B} {checked.day}, {checked.year}"
    expect(page.get_by_text(oldest)).to_be_visible()
    shoot(page, "about")
