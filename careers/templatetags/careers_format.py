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


@register.simple_tag
def stage_years(stage, capitalized=False):
    """When a step of a path usually starts; a step the article leaves undated says its years
    are an estimate."""
    if not stage.years_estimated:
        text = f"usually {years(stage)} into a career"
    elif stage.start:
        text = (
            f"about {stage.start} year{'' if stage.start == 1 else 's'} into a career (the"
            " article gives this step no years, so we estimate them from the steps around it)"
        )
    else:
        text = "at the start of a career"
    return text[0].upper() + text[1:] if capitalized else text
