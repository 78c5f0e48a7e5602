from django.conf import settings
from django.utils.encoding import escape_uri_path


def data_source(request):
    """The article credited as the data source in every page's footer."""
    return {"data_source": settings.DATA_SOURCE}


def canonical_url(request):
    """The page's address on the public origin; a view may pass its own `canonical_url`."""
    path = escape_uri_path(request.path)
    return {"site_url": settings.SITE_URL, "canonical_url": settings.SITE_URL + path}
