import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from careers import formatting

# After these a long address may wrap: a result's query string has no space to break at.
URL_BREAK_AFTER = re.compile(r"(?<=[/?&,=])")

register = template.Library()


@register.filter
def usd(amount):
    return formatting.usd(amount)


@register.filter
def breakable_url(url):
    """The address with a line-break opportunity after each / ? & , and =.

    A phone then wraps a long address at its punctuation instead of inside a word.
    """
    return mark_safe("<wbr>".join(escape(part) for part in URL_BREAK_AFTER.split(str(url))))


register.simple_tag(formatting.base_pay, name="base_pay")
register.simple_tag(formatting.total_pay, name="total_pay")
register.simple_tag(formatting.role_experience, name="experience")


@register.simple_tag
def years(item):
    """The year span of a tier or career stage."""
    open_ended = getattr(item, "years_open_ended", False)
    return formatting.year_span(item.years_min, item.years_max, open_ended=open_ended)
