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


COMPARE_FOUR = "/compare/?roles=cloud-architect,mlops-engineer,devsecops-engineer,backend-architect"
QUESTIONNAIRE_STEP_2 = "/next-episode/?step=2&years=4&background=devops"
QUESTIONNAIRE_STEP_3 = "/next-episode/?step=3&years=4&background=devops&have=git,linux"
QUESTIONNAIRE_RESULT = (
    "/next-episode/?years=4&background=devops&have=git,linux&likes=security&priority=pay"
)
# Every part of a result at once: a pay to compare, a ready step, a known specialist skill.
QUESTIONNAIRE_RESULT_READY = (
    "/next-episode/?years=6&background=backend&pay=180000"
    "&have=python,sql,git,linux,rest-grpc-apis,testing,docker,rust&likes=performance&priority=time"
)
QUESTIONNAIRE_STEP_2_MORE = "/next-episode/?step=2&years=6&background=backend&have=rust"
PLAN = (
    "/plan/infrastructure-engineer/?years=10&background=sysadmin&have=linux,networking"
    "&learning=bash"
)

DECIDE = (
    "/decide/?roles=platform-engineer,devsecops-engineer&years=4&background=devops"
    "&have=ci-cd,docker,git,linux,terraform"
)

PAGES = (
    SitePage("listing", "/"),
    SitePage("role", "/roles/principal-devops-engineer/"),
    SitePage("role-last", "/roles/platform-engineer/"),
    SitePage("role-longest-title", "/roles/senior-backend-go-rust/"),
    SitePage("skill", "/skills/python/"),
    SitePage("faq", "/faq/"),
    SitePage("about", "/about/"),
    SitePage("not-found", "/roles/no-such-role/", status=404),
    SitePage("bad-request", "/?sort=" + "x" * 3000, status=400),
    SitePage("listing-filtered", "/?sort=base&track=backend&years=8"),
    SitePage("listing-no-match", "/?track=security&years=0"),
    SitePage("listing-beginner", "/?years=0"),
    SitePage("compare-start", "/compare/"),
    SitePage("compare-one", "/compare/?roles=cloud-architect"),
    SitePage("compare-four", COMPARE_FOUR),
    SitePage("compare-unknown-role", "/compare/?roles=no-such-role", status=400),
    SitePage("skills", "/skills/"),
    SitePage("skill-with-premium", "/skills/iam/"),
    SitePage("changes", "/changes/"),
    SitePage("questionnaire", "/next-episode/"),
    SitePage("questionnaire-error", "/next-episode/?step=2&years=abc&background=devops"),
    SitePage("questionnaire-step-2", QUESTIONNAIRE_STEP_2),
    SitePage("questionnaire-step-3", QUESTIONNAIRE_STEP_3),
    SitePage("questionnaire-result", QUESTIONNAIRE_RESULT),
    SitePage("questionnaire-step-2-every-skill", QUESTIONNAIRE_STEP_2_MORE),
    SitePage("questionnaire-result-ready", QUESTIONNAIRE_RESULT_READY),
    SitePage("plan-fresh", "/plan/backend-architect/"),
    SitePage("plan", PLAN),
    SitePage("decide", DECIDE),
    SitePage(
        "decide-three-starting-out",
        "/decide/?roles=principal-devops-engineer,cloud-architect,site-reliability-engineer",
    ),
    SitePage("decide-one-role", "/decide/?roles=platform-engineer&years=4"),
    SitePage("plan-with-notices", "/plan/senior-backend-go-rust/?have=go,lockpicking,go"),
    SitePage("my-plans", "/my-plans/"),
)

FRAGMENTS = (
    Fragment("listing-sorted-fragment", "/?sort=fastest"),
    Fragment("listing-no-match-fragment", "/?track=security&years=0"),
    Fragment("compare-one-fragment", "/compare/?roles=cloud-architect"),
    Fragment("compare-four-fragment", COMPARE_FOUR),
    Fragment("compare-unknown-role-fragment", "/compare/?roles=no-such-role,cloud-architect"),
    Fragment("changes-fragment", "/changes/"),
    Fragment("questionnaire-step-2-fragment", QUESTIONNAIRE_STEP_2),
    Fragment("questionnaire-step-3-fragment", QUESTIONNAIRE_STEP_3),
    Fragment("questionnaire-error-fragment", QUESTIONNAIRE_STEP_3 + ",lockpicking"),
    Fragment("questionnaire-result-fragment", QUESTIONNAIRE_RESULT),
    Fragment("questionnaire-result-ready-fragment", QUESTIONNAIRE_RESULT_READY),
    Fragment("plan-fragment", PLAN + "&skill-terraform=have"),
)

# Lighthouse takes about 11 s a page, so it audits one page of each main kind.
LIGHTHOUSE_PAGES = tuple(
    page for page in PAGES if page.name in {"listing", "role", "questionnaire"}
)


def page_ids(pages) -> list[str]:
    return [page.name for page in pages]
