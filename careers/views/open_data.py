"""Open data: the whole dataset as JSON and CSV (careers/open_data.py; fields in README)."""

import csv

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from careers import open_data
from careers.page_cache import public_page


@require_safe
@public_page()
def roles_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(
        open_data.dataset(), json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    return allow_reuse(response)


@require_safe
@public_page()
def roles_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="next-episode-roles.csv"'
    writer = csv.writer(response)
    writer.writerow(open_data.CSV_COLUMNS)
    writer.writerows(open_data.csv_rows())
    return allow_reuse(response)


def allow_reuse(response: HttpResponse) -> HttpResponse:
    """Public data: any site may fetch it from a browser."""
    response["Access-Control-Allow-Origin"] = "*"
    return response
