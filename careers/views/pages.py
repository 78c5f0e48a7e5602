from django.db.models import Max, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from careers import ranking
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
from careers.structured_data import faq_page_data, occupation_data


@require_GET
def role_list(request: HttpRequest) -> HttpResponse:
    roles = list(ranking.ranked_roles())
    return render(
        request,
        "careers/role_list.html",
        {
            "roles": roles,
            "pay_as_of": max((role.pay_as_of for role in roles), default=None),
            "tiers": ExperienceTier.objects.all(),
            "fundamentals": Skill.objects.filter(is_fundamental=True),
        },
    )


@require_GET
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(
        Role.objects.with_key_skills().prefetch_related(
            "stages",
            "comparisons",
            Prefetch("role_sources", queryset=RoleSource.objects.select_related("source")),
        ),
        slug=slug,
    )
    return render(
        request,
        "careers/role_detail.html",
        {
            "role": role,
            "place": ranking.role_place(role=role),
            "structured_data": occupation_data(role=role),
        },
    )


@require_GET
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
    return render(request, "careers/skill_detail.html", {"skill": skill})


@require_GET
def faq(request: HttpRequest) -> HttpResponse:
    entries = list(FaqEntry.objects.all())
    return render(
        request,
        "careers/faq.html",
        {"entries": entries, "structured_data": faq_page_data(entries=entries)},
    )


@require_GET
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
