"""The pages about the guide itself: where its figures come from, and the questions people ask."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from careers import read_model
from careers.page_cache import public_page
from careers.structured_data import faq_page_data


@require_safe
@public_page()
def faq(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    context = {"entries": data.faq, "structured_data": faq_page_data(entries=data.faq)}
    return render(request, "careers/faq.html", context)


@require_safe
@public_page()
def about(request: HttpRequest) -> HttpResponse:
    data = read_model.current()
    context = {
        "sources": data.sources,
        "statistics": data.statistics,
        "pay_as_of": data.pay_as_of,
        "oldest_pay_check": data.oldest_pay_check,
    }
    return render(request, "careers/about.html", context)
