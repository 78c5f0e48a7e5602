"""Small request guards and response headers that Django does not ship.

The admin's headers keep it out of caches and search engines.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.log import log_response
from django.views.defaults import bad_request

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

    Oversized query strings would cost a parse and a render each, and NUL characters are
    refused by PostgreSQL with an error rather than a miss. The 400 page is answered here
    rather than raised: with DEBUG on, Django's error page would parse the query again and turn
    a query of more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields into a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = address_problem(request)
        if problem is None:
            return self.get_response(request)
        response = bad_request(request, BadRequest(problem))
        log_response(
            "Bad request (%s): %s", problem, request.path, response=response, request=request
        )
        return response


def address_problem(request: HttpRequest) -> str | None:
    query_string = request.META.get("QUERY_STRING", "")
    if len(query_string) > settings.MAX_QUERY_STRING_LENGTH:
        return "query string too long"
    # Django's own parser counts fields the same way (one more than the separators).
    if query_string.count("&") + 1 > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:
        return "too many query fields"
    if "\x00" in request.path or "%00" in query_string or "\x00" in query_string:
        return "NUL character in the address"
    return None


def client_address(request: HttpRequest) -> str | None:
    """The client's address behind settings.TRUSTED_PROXY_COUNT proxies (django-axes uses it).

    Each trusted proxy appends the address it was connected from to X-Forwarded-For, so the
    client is the Nth entry from the right; anything further left came from the client and
    could be forged. With no trusted proxy, or a header shorter than promised, it is the
    connection's own address.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


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
