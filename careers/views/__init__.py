from collections.abc import Mapping

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
