from django.db.models import Count, Max, Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careers import charts, premium, ranking
from careers.forms import listing_options
from careers.models import (
    ExperienceTier,
    FaqEntry,
    Role,
    RoleSkill,
    RoleSource,
    Skill,
    Source,
    Statistic,
)
from careers.page_cache import public_page
from careers.skill_index import skills_by_kind
from careers.structured_data import faq_page_data, occupation_data
from careers.views import HtmxHttpRequest


@require_safe
@public_page(query=("sort", "track", "years", "page"))
@vary_on_headers("HX-Request")
def role_list(request: HtmxHttpRequest) -> HttpResponse:
    options, form = listing_options(query=request.GET)
    ranked = list(ranking.ranked_roles())
    roles = ranking.roles_for_listing(
        roles=ranked, sort=options.sort, track=options.track, years=options.years
    )
    htmx = request.htmx and not request.htmx.history_restore_request
    # Only "Show more roles" asks htmx for a page: it appends that page's roles alone.
    appending = htmx and "page" in request.GET
    listing = ranking.listing_page(
        roles=roles,
        page=request.GET.get("page"),
        appending=appending,
        sort=options.sort,
        track=options.track,
        years=options.years,
    )
    context = {
        "roles": listing.roles,
        "listing": listing,
        "appending": appending,
        "role_count": len(ranked),
        "options": options,
        "form": form,
    }
    if not roles:
        # Nothing within reach yet: a beginner sees where each path starts, for one more query.
        prefetch_related_objects(ranked, "stages")
        context["entry_steps"] = ranking.entry_steps(roles=ranked, track=options.track)
    if appending:
        return render(request, "careers/role_list.html#more", context)
    if htmx:
        return render(request, "careers/role_list.html#results", context)
    context |= {
        "pay_as_of": max((role.pay_as_of for role in ranked), default=None),
        "chart": charts.ranking_chart(roles=ranked),
        "ranked": ranked,
        "tiers": ExperienceTier.objects.all(),
        "fundamentals": Skill.objects.filter(is_fundamental=True),
    }
    return render(request, "careers/role_list.html", context)


@require_safe
@public_page()
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(
        Role.objects.with_key_skills().prefetch_related(
            "stages",
            "comparisons",
            Prefetch("role_sources", queryset=RoleSource.objects.select_related("source")),
        ),
        slug=slug,
    )
    tiers = list(ExperienceTier.objects.all())
    statistic = premium.specialization_premium() if premium.role_gets_premium(role=role) else None
    return render(
        request,
        "careers/role_detail.html",
        {
            "role": role,
            "place": ranking.role_place(role=role),
            "tiers": tiers,
            "chart": charts.role_and_tiers_chart(role=role, tiers=tiers),
            "premium": premium.role_premium(role=role, statistic=statistic),
            "statistic": statistic,
            "structured_data": occupation_data(role=role),
        },
    )


@require_safe
@public_page()
def skill_detail(request: HttpRequest, slug: str) -> HttpResponse:
    skill = get_object_or_404(
        Skill.objects.prefetch_related(
            Prefetch(
                "role_skills",
                queryset=RoleSkill.objects.select_related("role").order_by(
                    "importance", "role__title"
                ),
            )
        ),
        slug=slug,
    )
    links = skill.role_skills.all()
    statistic = (
        premium.specialization_premium() if premium.skill_gets_premium(skill=skill) else None
    )
    return render(
        request,
        "careers/skill_detail.html",
        {
            "skill": skill,
            "rows": premium.skill_premium_rows(skill=skill, links=links, statistic=statistic),
            "statistic": statistic,
            "role_count": Role.objects.count(),
        },
    )


@require_safe
@public_page()
def skill_list(request: HttpRequest) -> HttpResponse:
    skills = Skill.objects.annotate(role_count=Count("role_skills"))
    return render(
        request,
        "careers/skill_list.html",
        {"groups": skills_by_kind(skills=skills), "role_count": Role.objects.count()},
    )


@require_safe
@public_page()
def faq(request: HttpRequest) -> HttpResponse:
    entries = list(FaqEntry.objects.all())
    return render(
        request,
        "careers/faq.html",
        {"entries": entries, "structured_data": faq_page_data(entries=entries)},
    )


@require_safe
@public_page()
def about(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "careers/about.html",
        {
            "sources": Source.objects.prefetch_related("role_sources__role"),
            "statistics": Statistic.objects.select_related("source"),
            "pay_as_of": Role.objects.aggregate(latest=Max("pay_as_of"))["latest"],
        },
    )
