"""The whole dataset for reuse, as JSON (nested) and CSV (one row per role).

The fields are listed in docs/pages.md ("Open data").

Money is whole US dollars a year; an empty value means the article gives none.
"""

from collections.abc import Iterator

from django.conf import settings

from careers import formatting
from careers.models import PAY_RANGE_FIELDS, Importance
from careers.read_model import ReadModel, Role, RoleSkill, Tier
from careers.structured_data import absolute_url

# A role's, a tier's and a comparison row's pay range: the same six fields the models store.
PAY_FIELDS = PAY_RANGE_FIELDS
ROLE_FIELDS = (
    "slug",
    "title",
    "track",
    "focus",
    "summary",
    *PAY_FIELDS,
    "total_peak",
    "total_peak_note",
    "experience_min_years",
    "experience_max_years",
    "experience_open_ended",
    "experience_approximate",
    "season",
)
COMPARISON_FIELDS = (
    "label",
    *PAY_FIELDS,
    "base_note",
    "total_average",
    "total_note",
    "focus",
)
STAGE_FIELDS = ("order", "years_min", "years_max", "years_open_ended", "title")
LIST_SEPARATOR = " | "
CSV_COLUMNS = (
    "rank",
    *ROLE_FIELDS,
    "aliases",
    "pay_as_of",
    "url",
    "stages",
    "stage_years",
    *(f"{level.label.lower()}_skills" for level in Importance),
    "source",
)


def credit() -> dict:
    source = settings.DATA_SOURCE
    return {**source, "updated": source["updated"].isoformat()}


def credit_line() -> str:
    source = credit()
    publication = f"{source['author']} ({source['publisher']}), updated {source['updated']}"
    return f"{source['title']}, {publication}"


def dataset(data: ReadModel) -> dict:
    return {
        "title": "Next Episode: the best-paid backend and DevOps roles of 2026",
        "source": credit(),
        "url": absolute_url("/"),
        "tiers": [tier_record(tier) for tier in data.tiers],
        "roles": [role_record(role) for role in data.roles],
    }


def tier_record(tier: Tier) -> dict:
    record = fields_of(tier, ("slug", "name", "order", "years_min", "years_max"))
    return record | fields_of(tier.pay, PAY_FIELDS)


def role_record(role: Role) -> dict:
    return {
        "rank": role.rank,
        **{name: getattr(role.pay if name in PAY_FIELDS else role, name) for name in ROLE_FIELDS},
        "aliases": list(role.aliases),
        "pay_as_of": role.pay_as_of.isoformat(),
        "url": absolute_url(role.url),
        "stages": [fields_of(stage, STAGE_FIELDS) for stage in role.stages],
        "skills": [skill_record(link) for link in role.skills],
        "pay_table": [fields_of(row, COMPARISON_FIELDS) for row in role.comparisons],
        "sources": [
            {"name": link.source.name, "title": link.source.title, "backs": link.backs}
            for link in role.sources
        ],
    }


def skill_record(link: RoleSkill) -> dict:
    return {
        "slug": link.skill.slug,
        "name": link.skill.name,
        "kind": link.skill.kind,
        "importance": link.importance_label.lower(),
        "is_fundamental": link.skill.is_fundamental,
    }


def fields_of(instance, fields: tuple[str, ...]) -> dict:
    return {field: getattr(instance, field) for field in fields}


def csv_rows(data: ReadModel) -> Iterator[list]:
    """Rows of CSV_COLUMNS: booleans as true/false, missing values empty, lists joined by " | "."""
    for role in data.roles:
        record = role_record(role)
        stages = role.stages
        row = [
            *(csv_value(record[column]) for column in ("rank", *ROLE_FIELDS)),
            LIST_SEPARATOR.join(record["aliases"]),
            record["pay_as_of"],
            record["url"],
            LIST_SEPARATOR.join(stage.title for stage in stages),
            LIST_SEPARATOR.join(stage_years(stage) for stage in stages),
            *(skills_of(record, level) for level in Importance),
            credit_line(),
        ]
        yield [spreadsheet_safe(cell) for cell in row]


# Text a spreadsheet would run as a formula; such a cell gets a leading apostrophe (OWASP's
# advice for CSV injection), which spreadsheets show as text and do not evaluate.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return f"'{cell}"
    return cell


def stage_years(stage) -> str:
    span = formatting.year_span(stage.years_min, stage.years_max, open_ended=stage.years_open_ended)
    return span or "not given"


def skills_of(record: dict, level: Importance) -> str:
    names = (s["name"] for s in record["skills"] if s["importance"] == level.label.lower())
    return LIST_SEPARATOR.join(names)


def csv_value(value) -> str | int:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value
