"""Headers that keep the admin out of caches and search engines."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


def admin_privacy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Every response under the admin prefix, even a 404 or a lockout, is never cached or indexed.

    Django's admin already marks most of its views never_cache; this also covers its static
    catalogue, unknown admin URLs and the pages other apps answer there (django-axes' lockout).
    """
    prefix = f"/{settings.ADMIN_URL}"

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.path_info.startswith(prefix):
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return middleware
