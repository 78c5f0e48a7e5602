from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from careers import charts, compare, premium, ranking, read_model
from careers.forms import (
    EXPERIENCE_CHOICES,
    ListingOptions,
    listing_form,
    listing_options,
    page_number,
)
from careers.models import Importance, Role, RoleSkill, Track
from careers.page_cache import public_page
from careers.read_model import ReadModel
from careers.skill_index import skills_by_kind
from careers.structured_data import faq_page_data, occupation_data
from careers.views import HtmxHttpRequest, found_or_404


@require_safe
@public_page(query=ranking.LISTING_PARAMETERS)
@vary_on_headers("HX-Request")
def role_list(request: HtmxHttpRequest) -> HttpResponse:
    data = read_model.current()
    options = listing_options(query=request.GET)
    ranked = data.ranked
    roles = ranking.roles_for_listing(
        roles=ranked, sort=options.sort, track=options.track, years=options.years
    )
    htmx = request.htmx and not request.htmx.history_restore_request
    # Only "Show more roles" asks htmx for a page: it appends that page's roles alone.
    appending = htmx and "page" in request.GET
    listing = ranking.listing_page(
        roles=roles,
        page=page_number(request.GET),
        appending=appending,
        sort=options.sort,
        track=options.track,
        years=options.years,
    )
    canonical = ranking.listing_query(
        sort=options.sort,
        track=options.track,
        years=options.years,
        page=listing.number if "page" in request.GET else None,
    )
    canonical_url = f"{request.path}?{canonical}" if canonical else request.path
    if not request.htmx and not ranking.is_canonical_listing(
        query=request.GET, canonical=canonical
    ):
        # One address a view of the list, so odd spellings cannot add page-cache entries:
        # "?page=abc", "?sort=junk", "?sort=a&sort=b" and the form's "?sort=total&track=&years="
        # (without JavaScript) are sent to the address of what they show.
        return redirect(canonical_url)
    # "Show more roles" with htmx puts focus on the first role it adds.
    focused = listing.new_from - 1 if appending else -1
    context = {
        "roles": listing.roles,
        "cards": [
            role_card(data, role, autofocus=index == focused)
            for index, role in enumerate(listing.roles)
        ],
        "listing": listing,
        "appending": appending,
        "role_count": len(ranked),
        "options": options,
        "listing_fields": listing_fields(options),
    }
    if not roles:
        # Nothing within reach yet: a beginner sees where each path starts.
        context["entry_steps"] = ranking.entry_steps(roles=ranked, track=options.track)
    if appending:
        response = render(request, "careers/role_list.html#more", context)
    elif htmx:
        response = render(request, "careers/role_list.html#results", context)
    else:
        context |= {
            "pay_as_of": data.pay_as_of,
            "pay_sections": data.derived(("listing pay sections",), lambda: pay_sections(data)),
        }
        response = render(request, "careers/role_list.html", context)
    if htmx:
        push_url(response, canonical_url)  # the form's "?sort=base&track=&years=" as "?sort=base"
    if not ranking.is_form_spelling(query=request.GET, canonical=canonical):
        # htmx is never redirected (it swaps the 200), but only what our form and links send
        # is stored, so junk cannot fill the page cache this way either.
        patch_cache_control(response, private=True)
    return response


# The form's fields depend on the options shown alone, and there are a few hundred of those.
@lru_cache(maxsize=len(ranking.ListingSort) * (len(Track) + 1) * len(EXPERIENCE_CHOICES))
def listing_fields(options: ListingOptions) -> str:
    """The listing's sort and filter fields showing `options`, drawn once per combination."""
    return render_to_string(
        "careers/role_list.html#listing-fields", {"form": listing_form(options)}
    )


def role_card(data: ReadModel, role: Role, *, autofocus: bool) -> str:
    """A role's card in the listing, drawn once per version of the data."""
    return data.derived(
        ("listing card", role.slug, autofocus),
        lambda: render_to_string(
            "careers/role_list.html#card-body", {"role": role, "autofocus": autofocus}
        ),
    )


def pay_sections(data: ReadModel) -> str:
    """The listing's chart, tier table and fundamentals, which depend on the data alone."""
    context = {
        "chart": charts.ranking_chart(roles=data.ranked),
        "role_count": len(data.ranked),
        "tiers": data.tiers,
        "fundamentals": data.fundamentals,
    }
    return render_to_string("careers/role_list.html#pay-sections", context)


@require_safe
@public_page()
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    data = read_model.current()
    role = found_or_404(data.role_by_slug, slug, missing="No such role.")
    context = data.derived(("role page", slug), lambda: role_page_context(data, role))
    return render(request, "careers/role_detail.html", context)


def role_page_context(data: ReadModel, role: Role) -> dict:
    """Everything a role page shows, worked out once per version of the data: it depends on the
    data alone, so its body is drawn here once and the page around it on each request."""
    statistic = data.specialization_premium if premium.role_gets_premium(role=role) else None
    chart = charts.role_and_tiers_chart(role=role, tiers=data.tiers)
    place = ranking.role_place(role=role, ranking=data.ranked)
    body = {
        "role": role,
        "place": place,
        "compare_with": compare.compare_with(role=role, others=place.others),
        "comparisons": tuple(role.comparisons.all()),
        "stages": tuple(role.stages.all()),
        "sources": tuple(role.role_sources.all()),
        "skill_groups": skill_groups(role),
        "tiers_chart": render_to_string(
            "careers/role_detail.html#tiers-chart", {"role": role, "chart": chart}
        ),
        "premium": premium.role_premium(role=role, statistic=statistic),
        "statistic": statistic,
        # What the context processors give a request for this page's address.
        "data_source": settings.DATA_SOURCE,
        "canonical_url": settings.SITE_URL + role.get_absolute_url(),
    }
    return {
        "role": role,
        "place": place,
        "role_body": render_to_string("careers/role_detail.html#role-body", body),
        "structured_data": occupation_data(role=role),
    }


@dataclass(frozen=True)
class SkillGroup:
    label: str
    links: tuple[RoleSkill, ...]


def skill_groups(role: Role) -> list[SkillGroup]:
    """The role's skills under core, expected and bonus, each group in the role's own order."""
    links = sorted(role.role_skills.all(), key=lambda link: link.importance)
    return [
        SkillGroup(label=Importance(importance).label, links=tuple(group))
        for importance, group in groupby(links, key=lambda link: link.importance)
    ]


@require_safe
@public_page()
def skill_detail(request: HttpRequest, slug: str) -> HttpResponse:
    data = read_model.current()
    skill = found_or_404(data.skill_by_slug, slug, missing="No such skill.")
    context = data.derived(("skill page", slug), lambda: skill_page_context(data, skill))
    return render(request, "careers/skill_detail.html", context)


def skill_page_context(data: ReadModel, skill) -> dict:
    statistic = data.specialization_premium if premium.skill_gets_premium(skill=skill) else None
    links = data.role_links.get(skill.slug, ())
    return {
        "skill": skill,
        "alternatives": [other for other in data.fundamental_choice(skill) if other != skill],
        "rows": premium.skill_premium_rows(skill=skill, links=links, statistic=statistic),
        "statistic": statistic,
        "role_count": len(data.ranked),
    }


@require_safe
@public_page()
def skill_list(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    groups = data.derived(("skill groups",), lambda: skills_by_kind(skills=data.skills))
    return render(
        request, "careers/skill_list.html", {"groups": groups, "role_count": len(data.ranked)}
    )


@require_safe
@public_page()
def faq(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    structured_data = data.derived(("faq data",), lambda: faq_page_data(entries=data.faq))
    return render(
        request, "careers/faq.html", {"entries": data.faq, "structured_data": structured_data}
    )


@require_safe
@public_page()
def about(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    return render(
        request,
        "careers/about.html",
        {"sources": data.sources, "statistics": data.statistics, "pay_as_of": data.pay_as_of},
    )
