"""Every page reads whole from a small phone to a desktop: no word split across lines, no chart
text under 12 CSS px, and every region that scrolls sideways can be focused and is labelled.

The layout gate (test_layout.py) only proves that nothing pushes the page wider than the screen;
a table that squeezes "compensation" into "compensatio / n" passes it. These checks measure what
the reader sees: each word's rendered rectangles, each chart label's rendered size.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.pages import PAGES, page_ids

PROBES = Path(__file__).parent
WORD_BREAK_PROBE = (PROBES / "word_break_probe.js").read_text()
CHART_TEXT_PROBE = (PROBES / "chart_text_probe.js").read_text()
SCROLL_REGION_PROBE = (PROBES / "scroll_region_probe.js").read_text()
SMALLEST_CHART_TEXT_PX = 12
VIEWPORTS = {
    "320px": {"width": 320, "height": 640},
    "375px": {"width": 375, "height": 812},
    "1280px": {"width": 1280, "height": 800},
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("site_page", PAGES, ids=page_ids(PAGES))
def test_words_stay_whole_chart_text_is_legible_and_scrolling_regions_are_reachable(
    browser: Browser, gate_site, site_page, viewport
):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        page = context.new_page()
        page.goto(gate_site + site_page.path)
        problems = {
            "words broken inside themselves": page.evaluate(WORD_BREAK_PROBE),
            "chart text under 12px": page.evaluate(CHART_TEXT_PROBE, SMALLEST_CHART_TEXT_PX),
            "sideways scrolling regions": page.evaluate(SCROLL_REGION_PROBE),
        }
    finally:
        context.close()
    report = {check: found for check, found in problems.items() if found}
    assert not report, "\n".join(
        f"{check}:\n  " + "\n  ".join(found) for check, found in report.items()
    )
