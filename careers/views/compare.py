from dataclasses import replace

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from careers import charts, compare, premium, read_model
from careers.models import Role
from careers.page_cache import public_page
from careers.premium import PremiumInDollars
from careers.read_model import ReadModel
from careers.views import HtmxHttpRequest


@require_safe
@public_page(query=("roles", "find"))
@vary_on_headers("HX-Request")
def role_comparison(request: HtmxHttpRequest) -> HttpResponse:
    data = read_model.current()
    selection, find = compare.comparison_from(query=request.GET, known=data.role_by_slug)
    picker = compare.role_picker(ranked=data.ranked, chosen=selection.roles, find=find)
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
        # Not kept with derived(): the possible selections are too many to hold.
        context = comparison_context(roles=selection.roles, data=data)
        context |= {"problems": selection.problems, "canonical_url": canonical, "picker": picker}
        if partial:
            # htmx swaps only successful responses, so problems show as an inline notice.
            response = render(request, "careers/compare.html#comparison", context)
            push_url(response, canonical)
        else:
            status = 400 if selection.problems else 200
            response = render(request, "careers/compare.html", context, status=status)
    if picker.find:
        # Free text would make every search a page-cache entry.
        patch_cache_control(response, private=True)
    return response


def comparison_context(*, roles: list[Role], data: ReadModel) -> dict:
    needs_premium = any(premium.role_gets_premium(role=role) for role in roles)
    statistic = data.specialization_premium if needs_premium else None
    premiums = [premium.role_premium(role=role, statistic=statistic) for role in roles]
    columns = [
        replace(column, cells=column_cells(data, column))
        for column in compare.compare_roles(roles=roles, premiums=premiums)
    ]
    return {
        "columns": columns,
        "shared": compare.shared_skills(roles=roles),
        "can_add": len(roles) < compare.MAX_ROLES,
        "slugs": [role.slug for role in roles],
        "chart": charts.ranking_chart(roles=roles) if roles else None,
        "statistic": statistic,
        "min_roles": compare.MIN_ROLES,
        "max_roles": compare.MAX_ROLES,
    }


CELLS = ("base", "total", "premium", "experience", "stages", "prose")


def column_cells(data: ReadModel, column: compare.ComparedRole) -> dict[str, str]:
    """A column's cells: its role's own, and its skills as they stand beside the others."""
    skills = (skill_entry(data, skill, "skill-tag", shared) for skill, shared in column.skills)
    distinct = (skill_entry(data, skill, "distinct-skill") for skill in column.distinct)
    return {
        **role_cells(data, column.role, premium_in_dollars=column.premium),
        "skills": mark_safe("".join(skills)),
        "distinct": mark_safe("".join(distinct)),
    }


def skill_entry(data: ReadModel, skill, partial: str, shared: bool = False) -> str:
    return data.derived(
        (partial, skill.slug, shared),
        lambda: render_to_string(
            f"careers/compare.html#{partial}", {"skill": skill, "is_shared": shared}
        ),
    )


def role_cells(
    data: ReadModel, role: Role, *, premium_in_dollars: PremiumInDollars | None
) -> dict[str, str]:
    """A role's cells that do not depend on the roles beside it, drawn once per data version."""

    def draw() -> dict[str, str]:
        context = {"role": role, "premium": premium_in_dollars}
        return {
            name: render_to_string(f"careers/compare.html#cell-{name}", context) for name in CELLS
        }

    return data.derived(("comparison cells", role.slug), draw)
