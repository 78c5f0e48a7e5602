"""The round trip between the database and fixtures/: load without losing edits, export back.

Records are matched by natural key (slugs), so a fixture file never carries database ids.
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
from django.core.serializers.base import DeserializedObject
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


def fixture_load(name: str, *, update: bool) -> Counter:
    saved = {Outcome.ADDED: [], Outcome.UPDATED: []}
    outcomes = Counter()
    with fixture_path(name).open(encoding="utf-8") as stream:
        for item in serializers.deserialize("json", stream):
            outcome = load_record(item, update=update)
            saved.get(outcome, []).append(item.object)
            outcomes[outcome] += 1
    # Raw saves skip django-simple-history's signal; record the load so later edits have a
    # "before" to compare with on /changes/ and in the admin history.
    history = apps.get_model(SEED_MODELS[name]).history
    for outcome, objects in saved.items():
        history.bulk_history_create(
            objects, update=outcome is Outcome.UPDATED, default_change_reason=LOADED_FROM_FIXTURES
        )
    return outcomes


def fixtures_load(*, update: bool = False) -> Counter:
    """Load every seed fixture in order; returns how many records met each outcome."""
    outcomes = Counter()
    with transaction.atomic():
        for name in SEED_FIXTURES:
            outcomes += fixture_load(name, update=update)
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
