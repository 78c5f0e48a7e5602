"""Pay figures in prose: texts name figures by placeholder, and the fields fill them in.

A role's texts write `{base}`, `{total}`, `{peak}` (or one end: `{base_max}`) for its own pay and
`{tier:senior.base}` or `{role:principal-devops-engineer.total}` for another record's, so an edit
to a field reaches every sentence that quotes it. A figure typed out that repeats a field is
refused when the text is saved: it would be a second copy that the next edit leaves behind.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from careers import formatting

PLACEHOLDER = re.compile(r"\{(?:(?P<kind>role|tier):(?P<slug>[a-z0-9-]+)\.)?(?P<figure>[a-z_]+)\}")
# "$180,000", "$2,124", "$300k": the forms the texts use.
MONEY = re.compile(r"\$(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<thousands>k\b)?", re.IGNORECASE)
SINGLE_FIGURES = ("base_min", "base_max", "total_min", "total_max")
# The fields each placeholder reads, so an edit knows which texts it changes.
FIGURE_FIELDS = {
    "base": {"base_min", "base_max", "base_max_open_ended"},
    "total": {"total_min", "total_max", "total_max_open_ended"},
    "peak": {"total_peak"},
    **{name: {name} for name in SINGLE_FIGURES},
}


@dataclass(frozen=True)
class Figures:
    """One record's pay, as placeholders read it."""

    base_min: int
    base_max: int
    base_max_open_ended: bool
    total_min: int
    total_max: int
    total_max_open_ended: bool
    total_peak: int | None = None

    def text(self, figure: str) -> str | None:
        """How `{figure}` reads, or None for a name that is not a figure."""
        if figure == "base":
            return formatting.base_pay(self)
        if figure == "total":
            return formatting.total_pay(self)
        if figure == "peak":
            return formatting.usd(self.total_peak) if self.total_peak else None
        if figure in SINGLE_FIGURES:
            return formatting.usd(getattr(self, figure))
        return None

    def placeholders(self, prefix: str = "") -> dict[int, str]:
        """Each figure's value and the placeholder to write for it."""
        named = {getattr(self, name): name for name in reversed(SINGLE_FIGURES)}
        if self.total_peak:
            named[self.total_peak] = "peak"
        return {value: f"{{{prefix}{name}}}" for value, name in named.items()}


def figures_of(record, *, peak: bool = True) -> Figures:
    """The figures of anything with the pay-range fields: a role, a tier, their records."""
    pay = getattr(record, "pay", record)
    return Figures(
        base_min=pay.base_min,
        base_max=pay.base_max,
        base_max_open_ended=pay.base_max_open_ended,
        total_min=pay.total_min,
        total_max=pay.total_max,
        total_max_open_ended=pay.total_max_open_ended,
        total_peak=getattr(record, "total_peak", None) if peak else None,
    )


Book = Mapping[tuple[str, str], Figures]  # ("role" or "tier", slug) -> its figures


def lookup(match: re.Match, *, own: Figures | None, book: Book) -> str | None:
    figures = own if match["kind"] is None else book.get((match["kind"], match["slug"]))
    return figures.text(match["figure"]) if figures else None


def fill(text: str, *, own: Figures | None = None, book: Book) -> str:
    """The text with each placeholder replaced by its figure as the site writes it."""
    return PLACEHOLDER.sub(lambda match: lookup(match, own=own, book=book) or match[0], text)


def quotes(text: str, *, record: tuple[str, str], fields: set[str], own: tuple[str, str]) -> bool:
    """Whether the text quotes one of `fields` of `record`; its bare placeholders name `own`."""
    for match in PLACEHOLDER.finditer(text):
        named = own if match["kind"] is None else (match["kind"], match["slug"])
        if named == record and FIGURE_FIELDS.get(match["figure"], set()) & fields:
            return True
    return False


def money_in(text: str) -> list[tuple[str, int]]:
    """Each dollar figure typed into the text, as written and in whole dollars."""
    found = []
    for match in MONEY.finditer(text):
        value = int(match["digits"].replace(",", "")) * (1000 if match["thousands"] else 1)
        found.append((match[0], value))
    return found


def text_errors(
    text: str, *, own: Figures | None, book: Book, held: Mapping[int, str]
) -> list[str]:
    """Placeholders that name no figure, and typed figures that repeat one held in a field
    (`held`: each such value and what to write instead)."""
    errors = [
        f"“{match[0]}” names no pay figure. Write {{base}}, {{total}}, {{peak}}, {{base_min}},"
        " {base_max}, {total_min} or {total_max}, alone or after tier:SLUG. or role:SLUG."
        for match in PLACEHOLDER.finditer(text)
        if lookup(match, own=own, book=book) is None
    ]
    for written, value in money_in(text):
        if value in held:
            errors.append(
                f"“{written}” repeats a figure kept in a field, so the next edit would leave it"
                f" behind: write {held[value]} instead."
            )
    return errors
