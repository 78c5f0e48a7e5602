"""Deciding between roles in a real browser, from a questionnaire result, with and without
JavaScript, at a phone's width and a desktop's (issue 24, item 8). The page is plain links and
GET forms, so both runs take the same steps."""

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.watch import watch_for_errors

PERSON = "years=4&background=devops&have=ci-cd,docker,git,linux,terraform"
RESULT = f"/next-episode/?{PERSON}&likes=security&priority=pay"
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scripted", [True, False], ids=["javascript", "no-javascript"])
def test_a_result_leads_to_weighing_two_roles_and_a_plan_for_each(
    browser: Browser, gate_site, scripted, width
):
    context = browser.new_context(java_script_enabled=scripted, viewport=WIDTHS[width])
    page = context.new_page()
    errors = watch_for_errors(page)
    try:
        page.goto(gate_site + RESULT)
        page.get_by_role("link", name="Weigh it against other roles").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Decide between roles, with your skills"
        )
        # The result offers its next step's role and the best fits; keep only the first.
        expect(page).to_have_url(re.compile(r"\?roles=devsecops-engineer,[a-z,-]+&"))
        for title in ("Principal DevOps Engineer", "Cloud Architect"):
            page.get_by_role("link", name=f"Remove {title}").click()
        expect(page.get_by_text("Add at least one more role to weigh against")).to_be_visible()
        page.get_by_label("Add a role").select_option(label="#7 Platform Engineer")
        page.get_by_role("button", name="Add").click()
        expect(page).to_have_url(
            f"{gate_site}/decide/?roles=devsecops-engineer,platform-engineer&{PERSON}"
        )

        table = page.get_by_role("table", name=re.compile("The roles you are weighing"))
        expect(table.get_by_text("Python or Go")).to_be_visible()  # Platform still needs it
        expect(table.get_by_text("Secrets management")).to_be_visible()  # DevSecOps too
        expect(page.get_by_role("img", name="Pay along each path")).to_be_visible()

        page.get_by_role("link", name="Plan for Platform Engineer").click()
        expect(page).to_have_url(gate_site + f"/plan/platform-engineer/?{PERSON}")
        page.go_back()
        expect(page.get_by_role("link", name="Plan for DevSecOps Engineer")).to_be_visible()
        assert errors == []
    finally:
        context.close()
