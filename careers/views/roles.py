"""A role's page: what the job is, its pay beside the tiers, skills, path and sources."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from careers import charts, compare, premium, ranking, read_model
from careers.page_cache import public_page
from careers.structured_data import occupation_data
from careers.views import found_or_404


@require_safe
@public_page()
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    data = read_model.current()
    role = found_or_404(data.role_by_slug, slug, missing="No such role.")
    statistic = data.specialization_premium if premium.role_gets_premium(role=role) else None
    place = ranking.role_place(role=role, ranking=data.roles)
    context = {
        "role": role,
        "place": place,
        "compare_with": compare.compare_with(role=role, others=place.others),
        "chart": charts.role_and_tiers_chart(role=role, tiers=data.tiers),
        "premium": premium.role_premium(role=role, statistic=statistic),
        "statistic": statistic,
        "pay_is_old": role.pay_is_old(timezone.localdate()),
        "structured_data": occupation_data(role=role),
    }
    return render(request, "careers/role_detail.html", context)
