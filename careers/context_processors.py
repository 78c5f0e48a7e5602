from django.conf import settings


def data_source(request):
    """The article credited as the data source in every page's footer."""
    return {"data_source": settings.DATA_SOURCE}
