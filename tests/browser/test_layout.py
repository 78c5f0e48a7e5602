"""Nothing needs sideways scrolling or gets cut off on a phone, at 200% zoom, or at 400% zoom.

Browser zoom in Chromium shrinks the CSS viewport and raises the device pixel ratio by the zoom
factor, so "a 1280 x 800 desktop window zoomed to 200%" is rendered exactly as a 640 x 400
viewport at deviceScaleFactor 2, and 400% (WCAG 1.4.10 Reflow) as 320 x 200 at 4. Text sizes in
CSS pixels stay the same, so the page's own breakpoints and wrapping are what is tested.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.pages import PAGES, page_ids

OVERFLOW_PROBE = Path(__file__).with_name("overflow_probe.js").read_text()
LAYOUTS = {
    "phone-375px": {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 3},
    "zoom-200pc": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
    "zoom-400pc": {"viewport": {"width": 320, "height": 200}, "device_scale_factor": 4},
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("site_page", PAGES, ids=page_ids(PAGES))
def test_page_fits_the_width_without_sideways_scrolling(
    browser: Browser, gate_site, site_page, layout
):
    context = browser.new_context(**LAYOUTS[layout])
    try:
        page = context.new_page()
        page.goto(gate_site + site_page.path)
        problems = page.evaluate(OVERFLOW_PROBE)
        assert not problems, "\n".join(problems)
    finally:
        context.close()
