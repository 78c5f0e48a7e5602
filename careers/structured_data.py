"""schema.org JSON-LD for search engines: an `Occupation` per role and the FAQ as a `FAQPage`.

Built as plain dicts here and written into the page by the `json_ld` template tag, so the figures
come from the same model fields as the visible text.
"""

import json

from django.conf import settings

from careers import formatting
from careers.read_model import FaqEntry, Role, Skill

# The same escapes as Django's json_script: no "</script>" or "<!--" can end the block early.
SCRIPT_SAFE_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path


def occupation_data(*, role: Role) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": role.title,
        "description": role.summary,
        "url": absolute_url(role.url),
        "estimatedSalary": [
            salary_distribution(role, "base", name="base"),
            salary_distribution(role, "total", name="total compensation"),
        ],
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": role.experience_min_years * 12,
            "description": formatting.role_experience(role),
        },
        "skills": [skill_term(link.skill) for link in role.skills],
        "occupationLocation": [{"@type": "Country", "name": "United States"}],
    }
    if role.aliases:
        data["alternateName"] = list(role.aliases)
    return data


def skill_term(skill: Skill) -> dict:
    return {
        "@type": "DefinedTerm",
        "name": skill.name,
        "url": absolute_url(skill.url),
    }


def salary_distribution(role: Role, prefix: str, *, name: str) -> dict:
    """The article gives ranges, not percentiles, so only the range's ends are stated."""
    return {
        "@type": "MonetaryAmountDistribution",
        "name": name,
        "currency": "USD",
        "duration": "P1Y",
        "minValue": getattr(role.pay, f"{prefix}_min"),
        "maxValue": getattr(role.pay, f"{prefix}_max"),
    }


def faq_page_data(*, entries: tuple[FaqEntry, ...]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer},
            }
            for entry in entries
        ],
    }


def script_safe_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE_ESCAPES)
