"""The public log of pay-figure changes, read from the admin's history (django-simple-history).

Each history record is compared with the record before it for the same object. Window
functions fetch both in one query per model, so the log costs three queries at any size.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Window
from django.db.models.functions import Lag
from django.urls import reverse

from careers import formatting
from careers.models import ExperienceTier, PayComparison, Role

FIGURE_LABELS = {
    "base_min": "Base salary, lowest",
    "base_max": "Base salary, highest",
    "base_max_open_ended": "Base salary, open-ended top",
    "base_note": "Base salary, note",
    "total_min": "Total compensation, lowest",
    "total_max": "Total compensation, highest",
    "total_max_open_ended": "Total compensation, open-ended top",
    "total_average": "Total compensation, reported average",
    "total_note": "Total compensation, note",
    "total_peak": "Total compensation, reported peak",
}


@dataclass(frozen=True)
class FigureChange:
    figure: str
    old: str
    new: str


@dataclass(frozen=True)
class PayEdit:
    """One saved edit: what was edited, when, and each pay figure it changed."""

    changed_at: datetime
    subject: str
    url: str
    changes: tuple[FigureChange, ...]


def figure_text(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return formatting.usd(value)
    return value or "not given"


def history_with_previous(model, *, fields: tuple[str, ...], subject_fields: tuple[str, ...]):
    """History rows that follow an earlier row of the same object, with that row's figures."""
    window = {
        "partition_by": [F("id")],
        "order_by": [F("history_date").asc(), F("history_id").asc()],
    }
    previous = {f"previous_{name}": Window(Lag(name), **window) for name in fields}
    return (
        model.history.annotate(previous_history_id=Window(Lag("history_id"), **window), **previous)
        .filter(previous_history_id__isnull=False)
        .values("history_date", *subject_fields, *fields, *previous)
    )


def figure_changes(row: dict, fields: tuple[str, ...]) -> tuple[FigureChange, ...]:
    return tuple(
        FigureChange(
            FIGURE_LABELS[name], figure_text(row[f"previous_{name}"]), figure_text(row[name])
        )
        for name in fields
        if row[name] != row[f"previous_{name}"]
    )


def role_edits() -> list[PayEdit]:
    rows = history_with_previous(Role, fields=Role.PAY_FIELDS, subject_fields=("title", "slug"))
    return [
        PayEdit(
            row["history_date"],
            row["title"],
            reverse("careers:role_detail", kwargs={"slug": row["slug"]}),
            figure_changes(row, Role.PAY_FIELDS),
        )
        for row in rows
    ]


def comparison_edits() -> list[PayEdit]:
    fields = PayComparison.PAY_FIELDS
    rows = history_with_previous(
        PayComparison, fields=fields, subject_fields=("label", "role__title", "role__slug")
    )
    return [
        PayEdit(
            row["history_date"],
            f"{row['role__title']}, pay table row “{row['label']}”",
            reverse("careers:role_detail", kwargs={"slug": row["role__slug"]}) + "#salary",
            figure_changes(row, fields),
        )
        for row in rows
        if row["role__slug"]
    ]


def tier_edits() -> list[PayEdit]:
    fields = ExperienceTier.PAY_FIELDS
    rows = history_with_previous(ExperienceTier, fields=fields, subject_fields=("name",))
    return [
        PayEdit(
            row["history_date"],
            f"Pay by experience: {row['name']}",
            reverse("careers:role_list") + "#tiers-heading",
            figure_changes(row, fields),
        )
        for row in rows
    ]


def pay_edits() -> list[PayEdit]:
    """Every edit that changed a published pay figure, newest first."""
    edits = [*role_edits(), *comparison_edits(), *tier_edits()]
    return sorted(
        (edit for edit in edits if edit.changes), key=lambda edit: edit.changed_at, reverse=True
    )
