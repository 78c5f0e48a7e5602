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
from careers.fixture_sync import LOADED_FROM_FIXTURES
from careers.models import ExperienceTier, PayComparison, Role
from careers.read_model.records import Source

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
    field: str = ""  # the model field, for telling which figure an edit last touched


@dataclass(frozen=True)
class PayEdit:
    """One saved edit: what was edited, when, each pay figure it changed, the report the new
    figures came from (None when none was recorded) and the editor's reason."""

    changed_at: datetime
    subject: str
    url: str
    changes: tuple[FigureChange, ...]
    source: Source | None = None
    reason: str = ""
    # Whose figures changed: ("role", slug), ("tier", slug), or ("row", the slug of the role
    # whose pay table holds the row).
    record: tuple[str, str] = ("", "")

    @property
    def role(self) -> str:
        """The slug of the role the edit concerns, if one; saved plans look their roles up."""
        kind, slug = self.record
        return slug if kind in {"role", "row"} else ""


def figure_text(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return formatting.usd(value)
    return value or "not given"


def history_with_previous(
    model, *, fields: tuple[str, ...], subject_fields: tuple[str, ...], with_first: bool = False
):
    """History rows with the figures of the object's row before (None for its first row).

    Without `with_first`, only rows that follow an earlier one.
    """
    window = {
        "partition_by": [F("id")],
        "order_by": [F("history_date").asc(), F("history_id").asc()],
    }
    previous = {f"previous_{name}": Window(Lag(name), **window) for name in fields}
    rows = model.history.annotate(
        previous_history_id=Window(Lag("history_id"), **window), **previous
    )
    if not with_first:
        rows = rows.filter(previous_history_id__isnull=False)
    return rows.values(
        "history_date",
        "history_type",
        "previous_history_id",
        "pay_source_id",
        "history_change_reason",
        *subject_fields,
        *fields,
        *previous,
    )


def figure_changes(row: dict, fields: tuple[str, ...]) -> tuple[FigureChange, ...]:
    return tuple(
        FigureChange(
            FIGURE_LABELS[name],
            figure_text(row[f"previous_{name}"]),
            figure_text(row[name]),
            field=name,
        )
        for name in fields
        if row[name] != row[f"previous_{name}"]
    )


def provenance(row: dict, sources: dict[int, Source]) -> dict:
    return {
        "source": sources.get(row["pay_source_id"]),
        "reason": row["history_change_reason"] or "",
    }


def role_edits(sources: dict[int, Source]) -> list[PayEdit]:
    rows = history_with_previous(Role, fields=Role.PAY_FIELDS, subject_fields=("title", "slug"))
    return [
        PayEdit(
            row["history_date"],
            row["title"],
            reverse("careers:role_detail", kwargs={"slug": row["slug"]}),
            figure_changes(row, Role.PAY_FIELDS),
            record=("role", row["slug"]),
            **provenance(row, sources),
        )
        for row in rows
    ]


def comparison_edits(sources: dict[int, Source]) -> list[PayEdit]:
    """Pay-table rows changed, added or deleted (a row's first load is not an addition; a
    reload with `--update` that changes its figures is a change)."""
    fields = PayComparison.PAY_FIELDS
    rows = history_with_previous(
        PayComparison,
        fields=fields,
        subject_fields=("label", "role__title", "role__slug"),
        with_first=True,
    )
    edits = []
    for row in rows:
        if not row["role__slug"]:
            continue
        subject = f"{row['role__title']}, pay table row “{row['label']}”"
        if row["history_type"] == "-":
            subject, changes = f"{subject} deleted", row_figures(row, fields, deleted=True)
        elif row["previous_history_id"] is None:
            if row["history_type"] != "+" or row["history_change_reason"] == LOADED_FROM_FIXTURES:
                continue  # the data as first loaded, or a record with nothing before it
            subject, changes = f"{subject} added", row_figures(row, fields, deleted=False)
        else:
            changes = figure_changes(row, fields)
        url = reverse("careers:role_detail", kwargs={"slug": row["role__slug"]}) + "#salary"
        edits.append(
            PayEdit(
                row["history_date"],
                subject,
                url,
                changes,
                record=("row", row["role__slug"]),
                **provenance(row, sources),
            )
        )
    return edits


def row_figures(row: dict, fields: tuple[str, ...], *, deleted: bool) -> tuple[FigureChange, ...]:
    """The figures a row added or deleted: each one it gives, as new or as gone."""
    given = [name for name in fields if row[name] not in (None, "", False)]
    if deleted:
        return tuple(
            FigureChange(FIGURE_LABELS[n], figure_text(row[n]), "row deleted") for n in given
        )
    return tuple(FigureChange(FIGURE_LABELS[n], "no row", figure_text(row[n])) for n in given)


def tier_edits(sources: dict[int, Source]) -> list[PayEdit]:
    fields = ExperienceTier.PAY_FIELDS
    rows = history_with_previous(ExperienceTier, fields=fields, subject_fields=("name", "slug"))
    return [
        PayEdit(
            row["history_date"],
            f"Pay by experience: {row['name']}",
            reverse("careers:role_list") + "#tiers-heading",
            figure_changes(row, fields),
            record=("tier", row["slug"]),
            **provenance(row, sources),
        )
        for row in rows
    ]


def pay_edits(sources: dict[int, Source]) -> list[PayEdit]:
    """Every edit that changed a published pay figure, newest first, with the report its
    figures came from (`sources`: the read model's, by id)."""
    edits = [*role_edits(sources), *comparison_edits(sources), *tier_edits(sources)]
    return sorted(
        (edit for edit in edits if edit.changes), key=lambda edit: edit.changed_at, reverse=True
    )


def role_pay_changes(edits: tuple[PayEdit, ...]) -> list[dict]:
    """The log's edits to roles' own pay, as plain data for saved plans to compare against."""
    return [
        {
            "role": edit.role,
            "changed_at": edit.changed_at.isoformat(),
            "subject": edit.subject,
            "changes": [
                {"figure": change.figure, "old": change.old, "new": change.new}
                for change in edit.changes
            ],
        }
        for edit in edits
        if edit.role
    ]
