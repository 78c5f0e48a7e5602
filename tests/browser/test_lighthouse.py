"""Lighthouse scores at least 95 for accessibility, best practices and SEO on the key pages.

Lighthouse takes about 11 s a page, so it runs on tests/pages.py's LIGHTHOUSE_PAGES only;
`make audit` prints all four scores for the same pages.
"""

import pytest

from tests.browser.lighthouse import category_scores, failed_audits, lighthouse_report
from tests.pages import LIGHTHOUSE_PAGES, page_ids

MINIMUM = {"accessibility": 95, "best-practices": 95, "seo": 95}


@pytest.mark.parametrize("site_page", LIGHTHOUSE_PAGES, ids=page_ids(LIGHTHOUSE_PAGES))
def test_lighthouse_scores_at_least_95_apart_from_performance(gate_site, site_page):
    report = lighthouse_report(gate_site + site_page.path)
    scores = category_scores(report)
    below = {name: scores[name] for name, minimum in MINIMUM.items() if scores[name] < minimum}
    assert below == {}, [failed_audits(report, category=name) for name in below]
