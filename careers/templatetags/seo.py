from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from careers.structured_data import script_safe_json

register = template.Library()


@register.simple_tag
def json_ld(data: dict) -> str:
    """JSON-LD is data, not script: a strict script-src CSP does not block it."""
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(script_safe_json(data))
    )
