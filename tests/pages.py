"""Every page and htmx fragment the quality gate checks, against the seed data.

Adding a page to the site means adding one line here: the browser checks (axe, console and
CSP, layout) and the HTML validator all run over these lists.
"""

from typing import NamedTuple


class SitePage(NamedTuple):
    name: str
    path: str
    status: int = 200


class Fragment(NamedTuple):
    """What htmx swaps in: fetched with `HX-Request: true`, validated wrapped as a document."""

    name: str
    path: str
    headers: dict[str, str] = {}


PAGES = (
    SitePage("listing", "/"),
    SitePage("role", "/roles/principal-devops-engineer/"),
    SitePage("role-last", "/roles/platform-engineer/"),
    SitePage("skill", "/skills/python/"),
    SitePage("faq", "/faq/"),
    SitePage("about", "/about/"),
    SitePage("not-found", "/roles/no-such-role/", status=404),
)

FRAGMENTS: tuple[Fragment, ...] = ()

# Lighthouse takes about 11 s a page, so it audits one page of each main kind.
LIGHTHOUSE_PAGES = tuple(page for page in PAGES if page.name in {"listing", "role"})


def page_ids(pages) -> list[str]:
    return [page.name for page in pages]
