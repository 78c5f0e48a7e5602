"""What a request to the questionnaire shows: a step (re-checking earlier answers) or the
result, as the page's context or as JSON. The one place that turns a query into a response body.
"""

from django.http import QueryDict

from careers import formatting
from careers.decide import MAX_ROLES as DECIDE_MAX_ROLES
from careers.models import Background
from careers.questionnaire import advice
from careers.questionnaire.answers import (
    STEP_FORMS,
    Answers,
    Interest,
    Priority,
    answer_pairs,
    answers_from,
    answers_or_invalid_step,
    canonical_query,
    step_form,
)
from careers.read_model import ReadModel

RESULT_TITLE = "Your next step"
TOO_LONG = "That link is too long to hold a set of answers, so we started again from step 1."

# The score's parts as the page explains them, read from the code so they cannot drift.
SCORING = {
    "interest_track": advice.POINTS_INTEREST_TRACK,
    "interest_skills": advice.POINTS_INTEREST_SKILLS,
    "background": advice.POINTS_BACKGROUND,
    "known": advice.POINTS_KNOWN,
    "within_reach_years": advice.WITHIN_REACH_YEARS,
    "interest_share_percent": round(advice.INTEREST_SKILLS_FOR_A_FIT * 100),
    "floor": advice.MATCH_FLOOR,
    "band": advice.MATCH_BAND,
    "roles_shown": advice.ROLES_SHOWN,
}


def requested_step(query: QueryDict) -> int | None:
    """1 to 3 for a step, None for the result: answers given without a step."""
    raw = query.get("step")
    if raw in {"1", "2", "3"}:
        return int(raw)
    return None if raw is None and answer_pairs(query) else 1


def answered_step(query: QueryDict) -> int | None:
    """The step whose form sent this query: the one before the step asked for, or the last one
    for a result; None for the first step, which nothing came before."""
    step = requested_step(query)
    return len(STEP_FORMS) if step is None else (step - 1 or None)


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


def answer_summary(answers: Answers, *, data: ReadModel) -> list[tuple[str, str]]:
    known = [s.name for s in data.skills_in_questionnaire_order if s.slug in answers.have]
    summary = [
        ("Experience", f"{answers.years} year{'' if answers.years == 1 else 's'}"),
        ("Background", Background(answers.background).label),
    ]
    if answers.pay is not None:
        summary.append(("Total pay now", f"${answers.pay:,}"))
    return [
        *summary,
        ("Skills you have", ", ".join(known) or "None yet"),
        (
            "Work that interests you",
            ", ".join(Interest(like).label for like in answers.likes) or "Open to anything",
        ),
        ("What matters more", Priority(answers.priority).label),
    ]


def step_pay_basis(step: advice.NextStep, *, data: ReadModel) -> str:
    """Where the next step's pay comes from, in words a person uses."""
    if step.pay == step.role.pay:
        return f"the article's pay for {step.role.title}"
    tier = next((tier for tier in data.tiers if tier.pay == step.pay), None)
    if tier is None:
        return "typical pay at this level"
    span = formatting.year_span(tier.years_min, tier.years_max)
    return f"typical pay with {span} of experience"


def fit_groups(fits: tuple[advice.Fit, ...]) -> list[tuple[str, list[advice.Fit]]]:
    """The fits under the result's two headings, each group in the advice's own order."""
    near = [fit for fit in fits if fit.label != advice.Label.DESTINATION]
    far = [fit for fit in fits if fit.label == advice.Label.DESTINATION]
    return [(name, group) for name, group in (("Within reach", near), ("Long-term", far)) if group]


def roles_to_weigh(storyline: advice.Storyline) -> list[str]:
    """The roles a result offers to decide between: the next step's, then the best fits."""
    slugs = [storyline.next_step.role.slug] if storyline.next_step else []
    for fit in storyline.fits:
        if fit.role.slug not in slugs:
            slugs.append(fit.role.slug)
    return slugs[:DECIDE_MAX_ROLES]


def questionnaire_context(*, query: QueryDict, data: ReadModel) -> dict:
    """The step to show: the one asked for, unless an earlier step's answers do not hold."""
    target = requested_step(query)
    if target is not None:
        _, invalid = answers_or_invalid_step(query, data=data, up_to=target - 1)
        if invalid is not None:
            return step_context(STEP_FORMS.index(type(invalid)) + 1, invalid, query)
        form = step_form(target, data=data, query=query, shown=True)
        return step_context(target, form, query)
    answers, invalid = answers_or_invalid_step(query, data=data)
    if invalid is not None:
        return step_context(STEP_FORMS.index(type(invalid)) + 1, invalid, query)
    storyline, presented = None, {}
    if data.roles and data.tiers:
        storyline = advice.storyline_for(data=data, answers=answers)
        presented["fit_groups"] = fit_groups(storyline.fits)
        if storyline.next_step:
            presented["pay_basis"] = step_pay_basis(storyline.next_step, data=data)
    return presented | {
        "step": None,
        "page_title": RESULT_TITLE,
        "answers": answers,
        "answer_summary": answer_summary(answers, data=data),
        "storyline": storyline,
        "scoring": SCORING,
        "back_query": canonical_query(query, step=len(STEP_FORMS)),
        "result_query": canonical_query(query, step=None),
    }


def result_json(*, query: QueryDict, data: ReadModel) -> tuple[dict, int]:
    """The result as data, and its HTTP status: 400 with each field's errors when answers fail."""
    forms = [step_form(n, data=data, query=query) for n in range(1, len(STEP_FORMS) + 1)]
    errors = {name: list(messages) for form in forms for name, messages in form.errors.items()}
    if errors:
        return {"errors": errors}, 400
    answers = answers_from(
        {name: value for form in forms for name, value in form.cleaned_data.items()}
    )
    if not (data.roles and data.tiers):
        return {"errors": {"__all__": ["The role data has not been loaded yet."]}}, 503
    storyline = advice.storyline_for(data=data, answers=answers)
    return storyline_data(storyline), 200


def storyline_data(storyline: advice.Storyline) -> dict:
    step = storyline.next_step
    return {
        "tier": {"slug": storyline.tier.slug, "years_counted": storyline.years_counted},
        "next_step": step
        and {
            "role": step.role.slug,
            "stage": step.stage.title,
            "stage_order": step.stage.order,
            "stage_years_min": step.stage.years_min,
            "stage_years_max": step.stage.years_max,
            "stage_start_years": step.stage.start,
            "stage_years_estimated": step.stage.years_estimated,
            "ready": step.readiness.ready,
            "missing_skills": [slug for need in step.readiness.missing for slug in need.slugs],
            "years_to_reach": step.readiness.years_to_reach,
            "paid_as": step.paid_as,
            "total_min": step.pay.total_min,
            "total_max": step.pay.total_max,
            "total_midpoint": step.pay.total_midpoint,
            "pay_change": step.pay_change,
        },
        "skills_to_build": [
            {"slug": skill.slug, "name": skill.name, "why": skill.why}
            for skill in storyline.skills_to_build
        ],
        "fits": [
            {
                "role": fit.role.slug,
                "label": fit.label,
                "score": fit.score,
                "years_to_reach": fit.years_to_reach,
                "core_skills_known": fit.core_skills_known,
                "core_skills_total": fit.core_skills_total,
                "total_midpoint": fit.role.pay.total_midpoint,
                "raise": fit.raise_,
            }
            for fit in storyline.fits
        ],
        "open_to_anything": storyline.open_to_anything,
        "standing": storyline.standing
        and {
            "pay": storyline.standing.pay,
            "against_tier": storyline.standing.against_tier,
            "to_next_step": storyline.standing.to_next_step,
        },
    }
