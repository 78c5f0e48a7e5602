from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils.encoding import escape_uri_path

from careers import database_faults

# Fixed addresses the templates rendered for a request link to: the header and footer
# (templates/base.html) and the questionnaire's.
SITE_LINKS = (
    "role_list",
    "next_episode",
    "next_episode_json",
    "result_card",
    "skill_list",
    "faq",
    "about",
    "change_list",
    "role_changes_json",
    "my_plans",
    "decide",
)


def data_source(request):
    """The article credited as the data source in every page's footer."""
    return {"data_source": settings.DATA_SOURCE}


def canonical_url(request):
    """The page's address on the public origin; a view may pass its own `canonical_url`."""
    path = escape_uri_path(request.path)
    return {"site_url": settings.SITE_URL, "canonical_url": settings.SITE_URL + path}


@cache
def site_links() -> dict[str, str]:
    """The addresses of SITE_LINKS, reversed once: they are fixed while the process runs."""
    return {name: reverse(f"careers:{name}") for name in SITE_LINKS}


# The header's links, in order; the one for the page being shown is marked as current.
MAIN_NAVIGATION = ("role_list", "next_episode", "skill_list", "my_plans", "faq", "about")


def navigation(request):
    links = site_links()
    current = next((name for name in MAIN_NAVIGATION if links[name] == request.path), None)
    return {"links": links, "current": current}


def database_notice(request):
    """Whether the page is drawn from the read model while the database does not answer."""
    return {"database_away": database_faults.serving_stale()}
