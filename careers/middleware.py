"""Small request guards and response headers that Django does not ship.

The admin's headers keep it out of caches and search engines.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

# Browser features the site never uses, switched off for it and anything it might embed.
# Web Share and the clipboard stay available for the share controls.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


class RequestGuardMiddleware:
    """Answer 400 to requests no page of ours can use, before any view or cache sees them.

    Oversized query strings would otherwise fill the page cache with one entry each, and NUL
    characters are refused by PostgreSQL with an error rather than a miss.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query_string = request.META.get("QUERY_STRING", "")
        if len(query_string) > settings.MAX_QUERY_STRING_LENGTH:
            raise BadRequest("Query string too long.")
        if "\x00" in request.path or "%00" in query_string or "\x00" in query_string:
            raise BadRequest("NUL character in the address.")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


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
