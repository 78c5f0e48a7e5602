"""Everything the public site shows, as plain frozen records, loaded once per data version and
shared by a worker's requests.

Public pages, the questionnaire, plans, cards, open data, the change log and the sitemap read
`current()`. It costs one query, the data version check (careers/data_version.py); only when the
version has changed since the worker last looked does it load the data again, in a fixed number
of queries (loading.py). Within one request the check runs once, however often `current()` is
called. While the database does not answer, the worker serves the last model it loaded
(careers/database_faults.py).

The records (records.py) and their lookups (model.py) are read-only data: no HTML, no ORM.
"""

import contextlib
import gc
import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connections
from django.dispatch import receiver

from careers import data_version, database_faults
from careers.read_model.loading import build
from careers.read_model.model import ReadModel, SkillUse, SourceUse
from careers.read_model.records import (
    FaqEntry,
    Need,
    Pay,
    PayRow,
    Role,
    RoleNeed,
    RoleSkill,
    RoleSource,
    Skill,
    Source,
    Stage,
    Statistic,
    Tier,
)

__all__ = [
    "FaqEntry",
    "Need",
    "Pay",
    "PayRow",
    "ReadModel",
    "Role",
    "RoleNeed",
    "RoleSkill",
    "RoleSource",
    "Skill",
    "SkillUse",
    "Source",
    "SourceUse",
    "Stage",
    "Statistic",
    "Tier",
    "build",
    "current",
    "load_at_start",
]

_latest: ReadModel | None = None
_frozen = ""  # the version of the model last frozen out of collections
_rebuilding = threading.Lock()
_this_request = threading.local()


def current() -> ReadModel:
    """The read model for the data as it is now, or while the database does not answer, the
    last one this worker loaded (careers/database_faults.py)."""
    checked = getattr(_this_request, "model", None)
    if checked is not None:
        return checked
    model = database_faults.or_last_loaded(latest, last=_latest)
    global _frozen
    if settings.GC_FREEZE_READ_MODEL and model.version != _frozen:
        _frozen = model.version  # here, once the model it replaces is no longer held
        keep_out_of_collections()
    if getattr(_this_request, "active", False):
        _this_request.model = model
    return model


def load_at_start() -> None:
    """Load now if the database answers; a worker that cannot answers 503 until it can."""
    with contextlib.suppress(database_faults.DatabaseUnavailable):  # the outage is logged
        current()
    # A server that preloads the app forks its workers after this: none may share a connection.
    connections.close_all()


def latest() -> ReadModel:
    global _latest
    version = data_version.current()
    model = _latest
    if model is None or model.version != version:
        with _rebuilding:
            model = _latest
            if model is None or model.version != version:
                model = _latest = build(version)
    return model


def keep_out_of_collections() -> None:
    """The read model is a great many long-lived objects, rebuilt only when the data changes.
    Collect what the last one left, then freeze what is live, so that no garbage collection
    walks them again: at 1,000 roles full collections paused requests for up to 230 ms, and the
    plan page's mean time fell from 7.0 to 2.3 ms with them frozen (`make bench`)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@receiver(request_started)
def check_once_per_request(**kwargs) -> None:
    _this_request.active, _this_request.model = True, None


@receiver(request_finished)
def check_again_after_request(**kwargs) -> None:
    _this_request.active, _this_request.model = False, None
