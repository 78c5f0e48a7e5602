"""axe-core finds no WCAG 2.2 AA or best-practice problem on any page, phone or desktop,
light or dark.

Both colour schemes are checked on one page load: switching `prefers-color-scheme` restyles the
page in place, which halves the loads without checking any less.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.factories import build_catalogue
from tests.pages import PAGES, page_ids

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")


def axe_reports(page: Page) -> dict[str, str]:
    """What axe reports on the loaded page, by colour scheme; empty when it finds nothing."""
    reports = {}
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        results = AXE.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports[scheme] = f"{page.url}, {scheme} scheme: {results.generate_report()}"
    return reports


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("site_page", PAGES, ids=page_ids(PAGES))
def test_axe_finds_no_violations_in_light_or_dark(page: Page, gate_site, site_page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(gate_site + site_page.path)
    reports = axe_reports(page)
    assert not reports, "\n".join(reports.values())


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations_in_the_role_pickers_of_a_long_catalogue(
    page: Page, live_server, transactional_db, viewport
):
    """The gate's pages hold the article's ten roles: too few for the shortlist and the search."""
    roles = build_catalogue(roles=45)
    page.set_viewport_size(VIEWPORTS[viewport])
    reports = {}
    for path in (
        roles[3].get_absolute_url(),
        f"/compare/?roles={roles[0].slug}&find=engineer",
        "/compare/?find=zebra",
    ):
        page.goto(live_server.url + path)
        reports |= {(path, scheme): text for scheme, text in axe_reports(page).items()}
    assert not reports, "\n".join(reports.values())
