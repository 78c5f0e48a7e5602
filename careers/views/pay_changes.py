from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from careers import read_model
from careers.forms import page_number
from careers.page_cache import public_page
from careers.pay_changes import role_pay_changes
from careers.views import HtmxHttpRequest

EDITS_PER_PAGE = 20


@require_safe
@public_page(query=("page",))
def change_list(request: HtmxHttpRequest) -> HttpResponse:
    """Every edit to a published pay figure, newest first, with no staff names."""
    template_name = "careers/change_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template_name += "#results"  # the pager swaps only the log itself
    edits = read_model.current().pay_edits
    page = Paginator(edits, EDITS_PER_PAGE).get_page(page_number(request.GET))
    return render(request, template_name, {"page": page})


@require_safe
@public_page()
def role_changes_json(request: HttpRequest) -> JsonResponse:
    """The log's edits to each role's pay, newest first: "My plans" shows those made since a
    plan was saved, in the browser, so no plan ever reaches the server."""
    return JsonResponse({"edits": role_pay_changes(read_model.current().pay_edits)})
