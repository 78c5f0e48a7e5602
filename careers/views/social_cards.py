"""Social card images (see careers/social_cards.py), with ETags so unchanged cards answer 304."""

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from careers import read_model, social_cards
from careers.page_cache import public_page
from careers.views import found_or_404

MAX_YEARS = 60


@require_safe
@public_page()
def listing_card(request: HttpRequest) -> HttpResponse:
    card = social_cards.listing_card(ranked=read_model.current().ranked)
    return card_response(request, card)


@require_safe
@public_page()
def role_card(request: HttpRequest, slug: str) -> HttpResponse:
    role = found_or_404(read_model.current().role_by_slug, slug, missing="No such role.")
    return card_response(request, social_cards.role_card(role=role, rank=role.rank))


@require_safe
@public_page(query=("role", "years"))
def result_card(request: HttpRequest) -> HttpResponse:
    """`?role=<slug>&years=<n>`: the questionnaire's next role and the reader's years so far."""
    data = read_model.current()
    role = found_or_404(data.role_by_slug, request.GET.get("role", ""), missing="No such role.")
    years = parse_years(request.GET.get("years"))
    tiers = data.tiers if years is not None else ()
    tier = next((tier for tier in tiers if tier.contains_years(years)), None)
    return card_response(request, social_cards.result_card(role=role, tier=tier))


def parse_years(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    # isascii: str.isdigit also accepts digits such as "²" that int() refuses.
    if not (value.isascii() and value.isdigit() and len(value) <= 2) or int(value) > MAX_YEARS:
        raise BadRequest(f"years must be a whole number from 0 to {MAX_YEARS}.")
    return int(value)


def card_response(request: HttpRequest, card: social_cards.Card) -> HttpResponse:
    etag = f'"{card.digest}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(social_cards.card_png(card), content_type="image/png")
    response["ETag"] = etag
    # Short enough that a corrected salary reaches previews within the hour.
    patch_cache_control(response, public=True, max_age=3600)
    return response
