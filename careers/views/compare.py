from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from careers import charts, compare, decide, premium, read_model
from careers.page_cache import public_page
from careers.read_model import ReadModel, Role
from careers.views import HtmxHttpRequest


@require_safe
@public_page(query=("roles", "find"))
@vary_on_headers("HX-Request")
def role_comparison(request: HtmxHttpRequest) -> HttpResponse:
    data = read_model.current()
    selection, find = compare.comparison_from(query=request.GET, known=data.role_by_slug)
    picker = compare.role_picker(ranked=data.roles, chosen=selection.roles, find=find)
    canonical = compare.comparison_url(slugs=selection.slugs)
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    is_short = compare.is_canonical(query=request.GET, slugs=selection.slugs, find=picker.find)
    if not partial and not selection.problems and not is_short:
        # A form of checkboxes sends roles=a&roles=b; share the short form instead. A search
        # keeps its text; one the page does not run (or an empty one) is dropped.
        return redirect(compare.comparison_url(slugs=selection.slugs, find=picker.find))
    if partial and "find" in request.GET:
        # Active search: only the roles found and their count are swapped, so the comparison
        # itself is not worked out on each keystroke.
        context = {"picker": picker, "slugs": selection.slugs}
        response = render(request, "careers/compare.html#found", context)
    else:
        context = comparison_context(roles=selection.roles, data=data)
        context |= {"problems": selection.problems, "canonical_url": canonical, "picker": picker}
        if partial:
            # htmx swaps only successful responses, so problems show as an inline notice.
            response = render(request, "careers/compare.html#comparison", context)
            push_url(response, canonical)
        else:
            status = 400 if selection.problems else 200
            response = render(request, "careers/compare.html", context, status=status)
    return response


def comparison_context(*, roles: list[Role], data: ReadModel) -> dict:
    needs_premium = any(premium.role_gets_premium(role=role) for role in roles)
    statistic = data.specialization_premium if needs_premium else None
    premiums = [premium.role_premium(role=role, statistic=statistic) for role in roles]
    return {
        "columns": compare.compare_roles(roles=roles, premiums=premiums),
        "shared": compare.shared_skills(roles=roles),
        "can_add": len(roles) < compare.MAX_ROLES,
        "slugs": [role.slug for role in roles],
        "chart": charts.ranking_chart(roles=roles) if roles else None,
        "statistic": statistic,
        "min_roles": compare.MIN_ROLES,
        "max_roles": compare.MAX_ROLES,
        "decide_max": decide.MAX_ROLES,
    }
