"""Open data: the whole dataset as JSON and CSV (careers/open_data.py; fields in docs)."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from careers import open_data, read_model
from careers.page_cache import public_page


@require_safe
@public_page()
def roles_json(request: HttpRequest) -> HttpResponse:
    dataset = open_data.dataset(read_model.current())
    content = json.dumps(dataset, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    return allow_reuse(HttpResponse(content, content_type="application/json"))


@require_safe
@public_page()
def roles_csv(request: HttpRequest) -> HttpResponse:
    content = csv_text(read_model.current())
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="next-episode-roles.csv"'
    return allow_reuse(response)


def csv_text(data: read_model.ReadModel) -> str:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(open_data.CSV_COLUMNS)
    writer.writerows(open_data.csv_rows(data))
    return text.getvalue()


def allow_reuse(response: HttpResponse) -> HttpResponse:
    """Public data: any site may fetch it from a browser."""
    response["Access-Control-Allow-Origin"] = "*"
    return response
