"""A career plan toward one role (careers/plan.py), kept in its address: the page, its htmx
fragment and its share card (never a `public_page`: each address is one person's), and the
plans saved in this browser."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django_htmx.http import push_url

from careers import read_model, social_cards
from careers.learning import BOOTCAMP_EFFORT
from careers.models import Background
from careers.page_cache import public_page
from careers.plan import PlanForm, SkillState, plan_for, plan_state_from
from careers.views import HtmxHttpRequest, found_or_404
from careers.views.social_cards import card_response


@require_safe
def plan(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    data = read_model.current()
    role = found_or_404(data.role_by_slug, slug, missing="No such role.")
    state, notices = plan_state_from(request.GET, data=data)
    url = f"{request.path}?{state.query}" if state.query else request.path
    if not request.htmx and not notices and request.META.get("QUERY_STRING", "") != state.query:
        return redirect(url)  # one short address per plan, whatever the form sent
    swapping = request.htmx and not request.htmx.history_restore_request
    template_name = "careers/plan.html" + ("#plan" if swapping else "")
    context = {
        "plan": plan_for(role=role, state=state, data=data, this_year=timezone.localdate().year),
        "notices": notices,
        "canonical_url": settings.SITE_URL + url,
        "backgrounds": Background.choices,
        "skill_states": SkillState.CHOICES,
        "effort": BOOTCAMP_EFFORT,
        "years_field": PlanForm.base_fields["years"],  # its limits, for the field the page draws
    }
    response = render(request, template_name, context)
    # One person's plan: never a public page (the shared page cache does not even look it up),
    # so plans cannot fill the cache however many people make one.
    patch_cache_control(response, private=True)
    return push_url(response, url) if swapping else response


@require_safe
@public_page()
def my_plans(request: HttpRequest) -> HttpResponse:
    """The plans saved in this browser: the page is the same for everyone, its script lists
    them from localStorage and asks the change log what moved since each was saved."""
    return render(request, "careers/my_plans.html")


@require_safe
def plan_card(request: HttpRequest, slug: str) -> HttpResponse:
    """The plan's share image: the target and progress, never the person's pay. An address
    the plan page would show with a notice is refused, as the result card refuses bad answers
    (the page's own card address is always its clean state)."""
    data = read_model.current()
    role = found_or_404(data.role_by_slug, slug, missing="No such role.")
    state, notices = plan_state_from(request.GET, data=data)
    if notices:
        raise BadRequest(" ".join(notices))
    plan = plan_for(role=role, state=state, data=data, this_year=timezone.localdate().year)
    return card_response(request, social_cards.plan_card(plan=plan))
