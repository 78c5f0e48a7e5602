from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from careers import database_faults, read_model


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: "up" (200), "degraded" (203: public pages served from memory while
    the database does not answer) or "down" (503: nothing to serve). Usually no query at all,
    as the cheapest page this stack can serve (see `make bench`)."""
    state, status = database_faults.health(check=read_model.current)
    return HttpResponse(state, status=status, content_type="text/plain")
