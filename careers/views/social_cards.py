"""Social card images (see careers/social_cards.py), with ETags so unchanged cards answer 304."""

from django import forms
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from careers import read_model, social_cards
from careers.forms import YearsField
from careers.page_cache import public_page
from careers.questionnaire import advice
from careers.views import found_or_404


@require_safe
@public_page()
def listing_card(request: HttpRequest) -> HttpResponse:
    card = social_cards.listing_card(ranked=read_model.current().roles)
    return card_response(request, card)


@require_safe
@public_page()
def role_card(request: HttpRequest, slug: str) -> HttpResponse:
    data = read_model.current()
    role = found_or_404(data.role_by_slug, slug, missing="No such role.")
    return card_response(request, social_cards.role_card(role=role, ranked=len(data.roles)))


class ResultCardForm(forms.Form):
    """`?role=<slug>&step=<n>&years=<n>`: the result's next step (the role's own step when
    missing, as older links have it) and the reader's years so far."""

    role = forms.SlugField()
    step = forms.IntegerField(min_value=1, required=False)
    years = YearsField(required=False)


@require_safe
@public_page(query=tuple(ResultCardForm.base_fields))
def result_card(request: HttpRequest) -> HttpResponse:
    form = ResultCardForm(request.GET)
    if not form.is_valid():
        raise BadRequest(form.errors.as_text())
    data = read_model.current()
    role = found_or_404(data.role_by_slug, form.cleaned_data["role"], missing="No such role.")
    step = form.cleaned_data["step"] or len(role.stages)
    if not role.stages or step > len(role.stages):
        raise BadRequest(f"step must be a step of the role's path, from 1 to {len(role.stages)}.")
    stage = role.stages[step - 1]
    pay, _ = advice.stage_pay(stage=stage, role=role, tiers=data.tiers)
    years = form.cleaned_data["years"]
    tiers = data.tiers if years is not None else ()
    tier = advice.tier_for_years(tiers=tiers, years=years) if tiers else None
    return card_response(
        request, social_cards.result_card(role=role, stage=stage, pay=pay, tier=tier)
    )


def card_response(request: HttpRequest, card: social_cards.Card) -> HttpResponse:
    etag = f'"{card.digest}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(social_cards.card_png(card), content_type="image/png")
    response["ETag"] = etag
    # Short enough that a corrected salary reaches previews within the hour.
    patch_cache_control(response, public=True, max_age=3600)
    return response
