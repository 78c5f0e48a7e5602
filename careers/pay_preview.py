"""What the public will see change when an editor saves new pay figures: shown in the admin's
change form before the save is final (careers/admin.py).

Figures are read, never copied (careers/figures.py), so the preview lists every place that reads
the edited fields: the texts that quote them, the pay-table rows that show the record, and the
line /changes/ will add.
"""

import hashlib
from dataclasses import dataclass
from types import SimpleNamespace

from django.urls import reverse

from careers import figures
from careers.models import ExperienceTier, FaqEntry, PayComparison, Role, figure_book
from careers.pay_changes import FIGURE_LABELS, FigureChange, figure_text

TEXT_LABELS = {
    "summary": "one-line summary",
    "what_they_do": "“What the job is”",
    "salary_context": "“Pay in 2026”",
    "skills_and_ai": "“Skills, stack and the AI angle”",
    "how_to_get_there": "“How to get there”",
}
ALSO_READ = (
    "Quick facts, the charts and the share card of each role shown, the ranking and comparisons,"
    " the structured data for search engines, the open data (JSON and CSV) and the questionnaire's"
    " results all read the same fields."
)


@dataclass(frozen=True)
class AffectedText:
    where: str
    text: str  # as it will read, with the new figures


@dataclass(frozen=True)
class PublicPreview:
    subject: str
    page_url: str
    changes: tuple[FigureChange, ...]
    texts: tuple[AffectedText, ...]
    rows: tuple[str, ...]  # pay-table rows that show the record
    change_log_lines: tuple[str, ...]
    digest: str  # what the editor saw: a save with other figures is previewed again
    also_read: str = ALSO_READ


def record_of(obj) -> tuple[str, str]:
    if isinstance(obj, Role):
        return ("role", obj.slug)
    if isinstance(obj, ExperienceTier):
        return ("tier", obj.slug)
    return ("row", str(obj.pk))


def subject_and_page(obj) -> tuple[str, str]:
    if isinstance(obj, Role):
        return obj.title, obj.get_absolute_url()
    if isinstance(obj, ExperienceTier):
        return f"Pay by experience: {obj.name}", reverse("careers:role_list") + "#tiers-heading"
    return f"{obj.role.title}, pay table row “{obj.label}”", obj.role.get_absolute_url() + "#salary"


def affected_texts(
    record: tuple[str, str], fields: set[str], book: figures.Book
) -> list[AffectedText]:
    found = []
    for role in Role.objects.only("slug", "title", *Role.TEXT_FIELDS).order_by("title"):
        own = ("role", role.slug)
        for name in Role.TEXT_FIELDS:
            text = getattr(role, name)
            if figures.quotes(text, record=record, fields=fields, own=own):
                filled = figures.fill(text, own=book[own], book=book)
                found.append(AffectedText(f"{role.title}: {TEXT_LABELS[name]}", filled))
    for entry in FaqEntry.objects.all():
        for name in ("question", "answer"):
            text = getattr(entry, name)
            if figures.quotes(text, record=record, fields=fields, own=("", "")):
                filled = figures.fill(text, book=book)
                found.append(AffectedText(f"FAQ “{entry.slug}”: {name}", filled))
    return found


def rows_showing(obj) -> list[str]:
    if isinstance(obj, Role):
        rows = PayComparison.objects.filter(role=obj, same_as_role=True)
    elif isinstance(obj, ExperienceTier):
        rows = PayComparison.objects.filter(same_as_tier=obj).select_related("role")
    else:
        return []
    return [f"{row.role.title}, pay table row “{row.label}”" for row in rows]


def public_preview(obj, new: dict, *, source, reason: str) -> PublicPreview:
    """`obj` as stored, `new` the edited pay fields' values, `source` and `reason` the edit's."""
    changed = {name for name, value in new.items() if getattr(obj, name) != value}
    changes = tuple(
        FigureChange(FIGURE_LABELS[name], figure_text(getattr(obj, name)), figure_text(new[name]))
        for name in obj.PAY_FIELDS
        if name in changed
    )
    record = record_of(obj)
    book = figure_book()
    if record[0] != "row":
        values = {name: getattr(obj, name) for name in obj.PAY_FIELDS} | new
        book[record] = figures.figures_of(SimpleNamespace(**values), peak=record[0] == "role")
    subject, page_url = subject_and_page(obj)
    origin = f" Source: {source}." if source else ""
    lines = tuple(
        f"{subject}: {change.figure}, {change.old} → {change.new}.{origin} Why: {reason}"
        for change in changes
    )
    seen = repr((sorted(new.items()), getattr(source, "pk", None), reason))
    return PublicPreview(
        subject=subject,
        page_url=page_url,
        changes=changes,
        texts=tuple(affected_texts(record, changed, book)),
        rows=tuple(rows_showing(obj)),
        change_log_lines=lines,
        digest=hashlib.sha256(seen.encode()).hexdigest()[:32],
    )
