"""Open data: the whole dataset as JSON and CSV (careers/open_data.py; fields in README).

Each file is written once per version of the data and served from memory after that."""

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
    data = read_model.current()
    content = data.derived(
        ("roles.json",),
        lambda: json.dumps(
            open_data.dataset(data), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
        ).encode(),
    )
    return allow_reuse(HttpResponse(content, content_type="application/json"))


@require_safe
@public_page()
def roles_csv(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    content = data.derived(("roles.csv",), lambda: csv_text(data).encode())
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
