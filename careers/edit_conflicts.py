"""Optimistic concurrency for the admin: a save from a form opened before someone else's save
is refused, with what changed meanwhile, instead of silently reverting it.

A form carries an edit token: the newest history record (django-simple-history) of the object
and of each kind of inline row it edits, as seen when the form was drawn. On save the token is
read again, under a row lock on the object; if it moved, someone else saved in between.
"""

from django.db.models import Max, Model

from careers import formatting

TOKEN_SEPARATOR = "."
MAX_LINES = 10


def watched_histories(obj: Model, *, inline_models: tuple[type[Model], ...] = ()) -> list:
    """The history of `obj` and of its inline rows (deleted ones included)."""
    histories = [type(obj).history.filter(id=obj.pk)]
    for model in inline_models:
        parent = next(
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is type(obj)
        )
        histories.append(model.history.filter(**{f"{parent}_id": obj.pk}))
    return histories


def edit_token(obj: Model, *, inline_models: tuple[type[Model], ...] = ()) -> str:
    newest = [
        history.aggregate(newest=Max("history_id"))["newest"] or 0
        for history in watched_histories(obj, inline_models=inline_models)
    ]
    return TOKEN_SEPARATOR.join(str(history_id) for history_id in newest)


def lock(obj: Model) -> None:
    """Hold the object's row until the save commits, so two saves cannot both pass the check."""
    list(type(obj)._default_manager.select_for_update().filter(pk=obj.pk).values_list("pk"))


def seen_ids(token: str, *, count: int) -> list[int] | None:
    parts = token.split(TOKEN_SEPARATOR)
    if len(parts) != count or not all(part.isascii() and part.isdigit() for part in parts):
        return None
    return [int(part) for part in parts]


def changes_since(
    obj: Model, token: str, *, inline_models: tuple[type[Model], ...] = ()
) -> list[str]:
    """One line per save made after the token was drawn: when, who, and what it changed."""
    histories = watched_histories(obj, inline_models=inline_models)
    seen = seen_ids(token, count=len(histories)) or [0] * len(histories)
    records = [
        record
        for history, newest_seen in zip(histories, seen, strict=True)
        for record in history.filter(history_id__gt=newest_seen).select_related("history_user")
    ]
    records.sort(key=lambda record: (record.history_date, record.history_id))
    lines = [describe(record, parent=obj) for record in records[-MAX_LINES:]]
    if len(records) > MAX_LINES:
        # A form from before tokens existed, or a very old one: the latest saves say enough.
        lines.insert(0, f"… {len(records) - MAX_LINES} earlier saves (see the History page)")
    return lines


def describe(record, *, parent: Model) -> str:
    who = record.history_user.get_username() if record.history_user else "someone"
    when = f"{record.history_date:%Y-%m-%d %H:%M} UTC"
    instance = record.instance
    subject = "this record" if type(instance) is type(parent) else _row_name(instance)
    if record.history_type == "+":
        what = f"added {subject}"
    elif record.history_type == "-":
        what = f"deleted {subject}"
    else:
        what = f"changed {subject}: {field_changes(record)}"
    return f"{when}, {who} {what}"


def _row_name(instance: Model) -> str:
    return f"{instance._meta.verbose_name} “{instance}”"


def field_changes(record) -> str:
    previous = record.prev_record
    if previous is None:
        return "no earlier version to compare"
    delta = record.diff_against(previous)
    parts = [
        f"{record.instance._meta.get_field(change.field).verbose_name} "
        f"{value_text(change.old)} → {value_text(change.new)}"
        for change in delta.changes
    ]
    return "; ".join(parts) or "no field changed"


def value_text(value) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return formatting.usd(value) if value >= 1000 else str(value)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
