"""Small request and response guards that Django does not ship."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

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
