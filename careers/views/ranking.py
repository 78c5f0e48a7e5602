"""The ranked listing (careers/ranking.py): the home page, its sort and filters, and "Show more
roles". One address per view of the list; htmx swaps only the results."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from careers import charts, compare, ranking, read_model
from careers.forms import listing_form, listing_options, page_number
from careers.page_cache import public_page
from careers.views import HtmxHttpRequest


@require_safe
@public_page(query=ranking.LISTING_PARAMETERS)
@vary_on_headers("HX-Request")
def role_list(request: HtmxHttpRequest) -> HttpResponse:
    data = read_model.current()
    options = listing_options(query=request.GET)
    roles = ranking.roles_for_listing(
        roles=data.roles, sort=options.sort, track=options.track, years=options.years
    )
    htmx = request.htmx and not request.htmx.history_restore_request
    # Only "Show more roles" asks htmx for a page: it appends that page's roles alone.
    appending = htmx and "page" in request.GET
    listing = ranking.listing_page(
        roles=roles,
        page=page_number(request.GET),
        appending=appending,
        sort=options.sort,
        track=options.track,
        years=options.years,
    )
    canonical = ranking.listing_query(
        sort=options.sort,
        track=options.track,
        years=options.years,
        page=listing.number if "page" in request.GET else None,
    )
    canonical_url = f"{request.path}?{canonical}" if canonical else request.path
    if not request.htmx and not ranking.is_canonical_listing(
        query=request.GET, canonical=canonical
    ):
        # One address a view of the list, so odd spellings cannot add page-cache entries:
        # "?page=abc", "?sort=junk", "?sort=a&sort=b" and the form's "?sort=total&track=&years="
        # (without JavaScript) are sent to the address of what they show.
        return redirect(canonical_url)
    context = {
        "roles": listing.roles,
        "listing": listing,
        "appending": appending,
        "role_count": len(data.roles),
        "min_roles": compare.MIN_ROLES,
        "max_roles": compare.MAX_ROLES,
        "options": options,
        "form": listing_form(options),
    }
    if not roles:
        # Nothing within reach yet: a beginner sees where each path starts.
        context["entry_steps"] = ranking.entry_steps(roles=data.roles, track=options.track)
    if appending:
        response = render(request, "careers/role_list.html#more", context)
    elif htmx:
        response = render(request, "careers/role_list.html#results", context)
    else:
        context |= {
            "pay_as_of": data.pay_as_of,
            "chart": charts.ranking_chart(roles=data.roles),
            "tiers": data.tiers,
            "fundamentals": data.fundamentals,
        }
        response = render(request, "careers/role_list.html", context)
    if htmx:
        push_url(response, canonical_url)  # the form's "?sort=base&track=&years=" as "?sort=base"
    return response
