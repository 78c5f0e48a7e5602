"""No page logs a console error, throws, or breaks the Content-Security-Policy."""

import pytest
from playwright.sync_api import Page

from tests.pages import PAGES, page_ids


@pytest.mark.parametrize("site_page", PAGES, ids=page_ids(PAGES))
def test_page_loads_without_console_errors_or_csp_violations(
    page: Page, browser_errors, gate_site, site_page
):
    response = page.goto(gate_site + site_page.path)
    assert response.status == site_page.status
    page.wait_for_load_state("networkidle")
    assert not browser_errors, "\n".join(browser_errors)
