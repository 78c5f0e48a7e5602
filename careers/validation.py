"""Friendly, per-field twins of the models' range constraints, run by the models' clean().

The admin's forms (change forms, inline rows, the role list's bulk edits) all call clean(), so
an editor sees a message on the field at fault before the database would refuse the save.
"""

from django.core.exceptions import ValidationError

RANGE_LABELS = {"base": "base salary", "total": "total compensation", "years": "years"}


def reversed_range_error(obj, low: str, high: str, *, message: str) -> dict[str, str]:
    """A range `CheckConstraint`'s friendly twin, reported on the field that starts the range."""
    low_value, high_value = getattr(obj, low), getattr(obj, high)
    if low_value is not None and high_value is not None and low_value > high_value:
        return {low: message}
    return {}


def range_message(prefix: str) -> str:
    label = RANGE_LABELS[prefix]
    return f"The lowest {label} must not be above the highest {label}."


YEARS_MESSAGE = "The fewest years must not be above the most years."


def pay_range_errors(obj) -> dict[str, str]:
    """Reversed base or total ranges, and total compensation that starts or ends below base."""
    errors = {
        **reversed_range_error(obj, "base_min", "base_max", message=range_message("base")),
        **reversed_range_error(obj, "total_min", "total_max", message=range_message("total")),
    }
    for end, word in (("min", "lowest"), ("max", "highest")):
        base, total = getattr(obj, f"base_{end}"), getattr(obj, f"total_{end}")
        if base is not None and total is not None and total < base:
            errors.setdefault(
                f"total_{end}",
                f"Total compensation includes base salary, so its {word} figure must not be"
                f" below the {word} base salary.",
            )
    return errors


def raise_errors(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)
