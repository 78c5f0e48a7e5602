from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers, and as the cheapest page this stack can serve (see `make bench`)."""
    return HttpResponse("ok", content_type="text/plain")
