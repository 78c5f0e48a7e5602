"""The round trip between the database and fixtures/: load without losing edits, export back.

Records are matched by natural key (slugs), so a fixture file never carries database ids.
A load adds what is missing, but never a second copy of a record the editors renamed or moved
(a role's new slug, a pay-table row's new place) and never one they deleted: the history says
which record once held the key, and the whole load is refused, naming each such conflict.
Exports keep each file's layout (record order by id, which is load order, and the file's own
key order within a record) so that an unchanged database writes byte-identical files.
"""

import enum
import json
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.base import DeserializationError, DeserializedObject
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from careers.seed import SEED_FIXTURES, SEED_MODELS

# The history reason of records written by a load, so /changes/ can tell them from edits.
LOADED_FROM_FIXTURES = "Loaded from fixtures"


class Outcome(enum.StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT = "kept"  # differs from the fixture, left as edited


def fixture_path(name: str) -> Path:
    return Path(settings.FIXTURE_DIRS[0]) / f"{name}.json"


def differs_from_stored(item: DeserializedObject) -> bool:
    obj = item.object
    stored = type(obj)._base_manager.get(pk=obj.pk)
    return any(
        getattr(stored, field.attname) != getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
    )


def load_record(item: DeserializedObject, *, update: bool) -> Outcome:
    """Add a missing record; overwrite an existing one only when `update` is set."""
    if item.object.pk is None:
        item.save()
        return Outcome.ADDED
    if not differs_from_stored(item):
        return Outcome.UNCHANGED
    if not update:
        return Outcome.KEPT
    item.save()
    return Outcome.UPDATED


class FixtureConflicts(Exception):
    def __init__(self, conflicts: list[str]):
        super().__init__("\n".join(conflicts))
        self.conflicts = conflicts


def key_text(obj) -> str:
    key = obj.natural_key()
    return f'"{key[0]}"' if len(key) == 1 else f"({', '.join(str(part) for part in key)})"


def unique_field_sets(model) -> list[tuple[str, ...]]:
    """Each set of fields no two records may share: unique fields and unique constraints."""
    fields = [(f.name,) for f in model._meta.local_fields if f.unique and not f.primary_key]
    return fields + [tuple(c.fields) for c in model._meta.total_unique_constraints]


def conflict(obj) -> str | None:
    """Why a record missing from the database must not be added, if it must not."""
    model, label = type(obj), f"{type(obj)._meta.verbose_name} {key_text(obj)}"
    for fields in unique_field_sets(model):
        values = {field: getattr(obj, model._meta.get_field(field).attname) for field in fields}
        holder = model._base_manager.filter(**values).first()
        if holder is not None:
            return f"{label} would take the {' and '.join(fields)} of {key_text(holder)}"
        former = model.history.filter(**values).order_by("-history_id").first()
        if former is None:
            continue
        now = model._base_manager.filter(pk=former.id).first()
        if now is None:
            return f"{label} was deleted on {former.history_date:%Y-%m-%d}"
        return f"{label} is now {key_text(now)}"
    return None


def fixture_records(name: str):
    """Each record of the file deserialized on its own, or the error it gives (a record that
    refers to one the database does not hold)."""
    for record in json.loads(fixture_path(name).read_text(encoding="utf-8")):
        try:
            yield next(serializers.deserialize("python", [record]))
        except DeserializationError as error:
            yield error


def fixture_load(name: str, *, update: bool, conflicts: list[str]) -> Counter:
    saved = {Outcome.ADDED: [], Outcome.UPDATED: []}
    outcomes = Counter()
    model = apps.get_model(SEED_MODELS[name])
    # A table that never held a record has nothing to conflict with: a first load is quick.
    held_records = model._base_manager.exists() or model.history.exists()
    orphans = 0
    for item in fixture_records(name):
        if isinstance(item, DeserializationError):
            orphans += 1
            continue
        problem = held_records and item.object.pk is None and conflict(item.object)
        if problem:
            conflicts.append(f"{name}.json: {problem}")
            continue
        outcome = load_record(item, update=update)
        saved.get(outcome, []).append(item.object)
        outcomes[outcome] += 1
    if orphans:
        orphaned = f"{orphans} records refer to records not in the database by that key"
        conflicts.append(f"{name}.json: {orphaned}")
    # Raw saves skip django-simple-history's signal; record the load so later edits have a
    # "before" to compare with on /changes/ and in the admin history.
    for outcome, objects in saved.items():
        model.history.bulk_history_create(
            objects, update=outcome is Outcome.UPDATED, default_change_reason=LOADED_FROM_FIXTURES
        )
    return outcomes


def fixtures_load(*, update: bool = False) -> Counter:
    """Load every seed fixture in order; returns how many records met each outcome.

    Raises FixtureConflicts, having changed nothing, if a record cannot be loaded as it is.
    """
    outcomes, conflicts = Counter(), []
    with transaction.atomic():
        for name in SEED_FIXTURES:
            outcomes += fixture_load(name, update=update, conflicts=conflicts)
        if conflicts:
            raise FixtureConflicts(conflicts)
    return outcomes


def key_order(path: Path) -> list[str]:
    """The field order of the file's first record, so hand-arranged files keep their layout."""
    if not path.exists():
        return []
    records = json.loads(path.read_text(encoding="utf-8"))
    return list(records[0]["fields"]) if records else []


def fixture_text(name: str) -> str:
    """The fixture file's content as the database holds it now, formatted like the file."""
    model = apps.get_model(SEED_MODELS[name])
    records = serializers.serialize(
        "python",
        model._default_manager.order_by("pk"),
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    order = key_order(fixture_path(name))
    for record in records:
        fields = record["fields"]
        known = [key for key in order if key in fields]
        record["fields"] = {
            key: fields[key] for key in known + [k for k in fields if k not in known]
        }
    return json.dumps(records, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder) + "\n"


def fixtures_export() -> list[str]:
    """Write every seed fixture from the database; returns the names of files that changed."""
    changed = []
    for name in SEED_FIXTURES:
        path = fixture_path(name)
        text = fixture_text(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
