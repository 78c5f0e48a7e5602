from collections.abc import Mapping
from urllib.parse import parse_qsl

from django.http import Http404, HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request after django-htmx's middleware, for type checkers."""

    htmx: HtmxDetails


def found_or_404[T](records: Mapping[str, T], slug: str, *, missing: str) -> T:
    """The record the address names, from one of the read model's lookups, or a 404 page."""
    record = records.get(slug)
    if record is None:
        raise Http404(missing)
    return record


def asks_for(request: HttpRequest, query: str) -> bool:
    """Whether the request's query string is `query`, however its characters were escaped (a
    client may send a comma as %2C): a view redirecting to its short address must not loop."""
    sent = request.META.get("QUERY_STRING", "")
    return parse_qsl(sent, keep_blank_values=True) == parse_qsl(query, keep_blank_values=True)
