"""Deciding between two or three roles with one's own skills (careers/decide.py). Like a plan,
each address is one person's, so it is never a public page."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from careers import compare, decide, read_model
from careers.models import Background
from careers.plan import PlanForm


@require_safe
def decide_between(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    this_year = timezone.localdate().year
    decision = decide.decision_from(query=request.GET, data=data, this_year=this_year)
    url = f"{request.path}?{decision.query}" if decision.query else request.path
    # One short address per decision, whatever the forms sent (commas escaped or not).
    if not decision.problems and QueryDict(decision.query) != request.GET:
        return redirect(url)
    roles = [choice.plan.role for choice in decision.choices]
    enough = len(roles) >= decide.MIN_ROLES
    context = {
        "decision": decision,
        "chart": decide.pay_path_chart(decision) if enough else None,
        "addable": compare.role_picker(ranked=data.roles, chosen=roles).roles
        if len(roles) < decide.MAX_ROLES
        else (),
        "min_roles": decide.MIN_ROLES,
        "max_roles": decide.MAX_ROLES,
        "backgrounds": Background.choices,
        "years_field": PlanForm.base_fields["years"],
    }
    status = 400 if decision.problems else 200
    response = render(request, "careers/decide.html", context, status=status)
    patch_cache_control(response, private=True)
    return response
