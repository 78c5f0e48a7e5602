"""The skills index (careers/skill_index.py) and each skill's page: the roles that ask for it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from careers import premium, read_model
from careers.page_cache import public_page
from careers.skill_index import skills_by_kind
from careers.views import found_or_404


@require_safe
@public_page()
def skill_list(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    context = {"groups": skills_by_kind(skills=data.skills), "role_count": len(data.roles)}
    return render(request, "careers/skill_list.html", context)


@require_safe
@public_page()
def skill_detail(request: HttpRequest, slug: str) -> HttpResponse:
    data = read_model.current()
    skill = found_or_404(data.skill_by_slug, slug, missing="No such skill.")
    statistic = data.specialization_premium if premium.skill_gets_premium(skill=skill) else None
    uses = data.skill_uses.get(skill.slug, ())
    context = {
        "skill": skill,
        "alternatives": [other for other in data.fundamental_choice(skill) if other != skill],
        "rows": premium.skill_premium_rows(skill=skill, uses=uses, statistic=statistic),
        "statistic": statistic,
        "role_count": len(data.roles),
    }
    return render(request, "careers/skill_detail.html", context)
