"""The "What's my next episode" questionnaire: three GET steps and a result at one URL.

The query string holds every answer, so each step and the result are bookmarkable and need no
session. Earlier steps are re-checked on every request: tampered answers send you back to the
step they belong to, with the message beside the field.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from careers.forms import (
    MAX_QUERY_LENGTH,
    STEP_FORMS,
    WhatYouKnowForm,
    answer_pairs,
    answers_from,
    canonical_query,
    listed_values,
)
from careers.questionnaire import (
    Answers,
    Background,
    Interest,
    Priority,
    common_skills,
    storyline_for,
)
from careers.questionnaire_data import Catalogue, catalogue_from_database

RESULT_TITLE = "Your next episode"
TOO_LONG = "That link is too long to hold a set of answers, so we started again from step 1."


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def requested_step(query: QueryDict) -> int | None:
    """1 to 3 for a step, None for the result: answers given without a step."""
    raw = query.get("step")
    if raw in {"1", "2", "3"}:
        return int(raw)
    return None if raw is None and answer_pairs(query) else 1


def step_form(number: int, *, catalogue: Catalogue, **form_kwargs):
    form_class = STEP_FORMS[number - 1]
    if form_class is WhatYouKnowForm:
        form_kwargs["skills"] = common_skills(catalogue=catalogue)
    return form_class(**form_kwargs)


def prefilled(query: QueryDict) -> dict:
    """What the query already says, shown in a step's fields without judging it yet."""
    return {
        "years": query.get("years"),
        "background": query.get("background"),
        "knows": listed_values(query, "knows"),
        "likes": listed_values(query, "likes"),
        "priority": query.get("priority"),
    }


def step_context(number: int, form, query: QueryDict) -> dict:
    return {
        "step": number,
        "step_count": len(STEP_FORMS),
        "form": form,
        "page_title": f"Step {number} of {len(STEP_FORMS)}: {form.title}",
        "next_step": number + 1 if number < len(STEP_FORMS) else None,
        "carried": answer_pairs(query, leave_out=tuple(form.fields)),
        "back_query": canonical_query(query, step=number - 1) if number > 1 else None,
    }


def answer_summary(answers: Answers, *, catalogue: Catalogue) -> list[tuple[str, str]]:
    names = {skill.slug: skill.name for skill in common_skills(catalogue=catalogue)}
    known = [names[slug] for slug in names if slug in answers.knows]
    return [
        ("Experience", f"{answers.years} year{'' if answers.years == 1 else 's'}"),
        ("Background", Background(answers.background).label),
        ("Already using", ", ".join(known) or "Nothing yet"),
        (
            "Pulled by",
            ", ".join(Interest(like).label for like in answers.likes) or "Open to anything",
        ),
        ("Matters more", Priority(answers.priority).label),
    ]


def questionnaire_context(*, query: QueryDict, catalogue: Catalogue) -> dict:
    """The step to show: the one asked for, unless an earlier step's answers do not hold."""
    target = requested_step(query) or len(STEP_FORMS) + 1
    answers = {}
    for number in range(1, len(STEP_FORMS) + 1):
        if number == target:
            form = step_form(number, catalogue=catalogue, initial=prefilled(query))
            return step_context(number, form, query)
        form = step_form(number, catalogue=catalogue, data=query)
        if not form.is_valid():
            return step_context(number, form, query)
        answers.update(form.cleaned_data)
    given = answers_from(answers)
    storyline = None
    if catalogue.roles and catalogue.tiers:
        storyline = storyline_for(catalogue=catalogue, answers=given)
    return {
        "step": None,
        "page_title": RESULT_TITLE,
        "answers": given,
        "answer_summary": answer_summary(given, catalogue=catalogue),
        "storyline": storyline,
        "back_query": canonical_query(query, step=len(STEP_FORMS)),
    }


@require_GET
def next_episode(request: HtmxHttpRequest) -> HttpResponse:
    raw_query = request.META.get("QUERY_STRING", "")
    query, notice = request.GET, ""
    if len(raw_query) > MAX_QUERY_LENGTH:
        query, notice = QueryDict(), TOO_LONG
    context = questionnaire_context(query=query, catalogue=catalogue_from_database())
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
    response = render(request, template_name, context)
    return push_url(response, url) if swapping else response
