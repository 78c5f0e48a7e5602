"""The "What's my next episode" questionnaire (careers/questionnaire/): three GET steps and a
result at one address, and the same result as JSON.

The query string holds every answer, so each step and result is bookmarkable and needs no
session. Tampered answers send the reader back to the step they belong to.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe
from django_htmx.http import push_url

from careers import read_model
from careers.decide import decision_query
from careers.page_cache import public_page
from careers.plan import plan_state_for
from careers.questionnaire.answers import (
    ANSWER_FIELDS,
    MAX_QUERY_LENGTH,
    canonical_query,
    with_current_names,
)
from careers.questionnaire.result import (
    TOO_LONG,
    answered_step,
    questionnaire_context,
    requested_step,
    result_json,
    roles_to_weigh,
)
from careers.views import HtmxHttpRequest

ANSWERED_STEP_HEADER = "X-Answered-Step-Url"


@require_safe
@public_page(query=("step", *ANSWER_FIELDS))
def next_episode(request: HtmxHttpRequest) -> HttpResponse:
    raw_query = request.META.get("QUERY_STRING", "")
    query, notice = with_current_names(request.GET), ""
    if len(raw_query) > MAX_QUERY_LENGTH:
        query, notice = QueryDict(), TOO_LONG
    data = read_model.current()
    context = questionnaire_context(query=query, data=data)
    canonical = canonical_query(query, step=requested_step(query))
    url = f"{request.path}?{canonical}" if canonical else request.path
    if not request.htmx and not notice and raw_query != canonical:
        return redirect(url)  # one short, readable address per step and result
    template_name = "careers/questionnaire.html"
    swapping = request.htmx and not request.htmx.history_restore_request
    if swapping:
        template_name += "#step"
    context["notice"] = notice
    if context["step"] is None:
        context["canonical_url"] = settings.SITE_URL + url  # the result is its answers
        state = plan_state_for(context["answers"], data=data)
        context["plan_query"] = state.query
        if context["storyline"]:
            weigh = roles_to_weigh(context["storyline"])
            context["decide_query"] = decision_query(weigh, state=state)
    response = render(request, template_name, context)
    if not swapping:
        return response
    answered = answered_step(query)
    if answered:
        # static/js/questionnaire.js writes this into the history entry being left, so the
        # browser's Back re-renders that step from its address with what was answered on it.
        response[ANSWERED_STEP_HEADER] = f"{request.path}?{canonical_query(query, step=answered)}"
    return push_url(response, url)


@require_safe
@public_page(query=ANSWER_FIELDS)
def next_episode_json(request: HttpRequest) -> JsonResponse:
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        errors = {"__all__": [f"The query string is longer than {MAX_QUERY_LENGTH} characters."]}
        return JsonResponse({"errors": errors}, status=400)
    query = with_current_names(request.GET)
    body, status = result_json(query=query, data=read_model.current())
    return JsonResponse(body, status=status)
