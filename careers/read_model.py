"""Everything the public site shows, loaded once per data version and shared by a worker's requests.

Public pages, the questionnaire, plans, cards, open data, the change log and the sitemap read
`current()`. It costs one query, the data version check (careers/data_version.py), and only
when the version has changed since the worker last looked does it load the data again, in a
fixed number of queries. Within one request the check runs once, however many times
`current()` is called. While the database does not answer, the worker serves the last model it
loaded (careers/database_faults.py).

The records are model instances with every relation the pages follow already loaded, so a
template that follows them runs no query. They are shared by every request of the worker and
must be treated as read-only: nothing here is saved, and views copy before they change.
Anything computed from the data alone (rendered charts, premiums, the questionnaire's
catalogue, open data) is kept beside them with `derived()`, so it is computed once a version.
"""

import contextlib
import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import TypeVar

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connections
from django.db.models import Prefetch
from django.dispatch import receiver

from careers import data_version, database_faults
from careers.models import (
    ExperienceTier,
    FaqEntry,
    Role,
    RoleSkill,
    RoleSource,
    Skill,
    Source,
    Statistic,
)
from careers.pay_changes import PayEdit, pay_edits
from careers.premium import SPECIALIZATION_PREMIUM
from careers.questionnaire.catalogue import Catalogue, catalogue_from_database

T = TypeVar("T")


@dataclass(frozen=True)
class ReadModel:
    version: str
    ranked: tuple[Role, ...]
    """Every role in rank order, each with `rank`, its role skills (with their skill), stages,
    pay table and sources loaded."""
    tiers: tuple[ExperienceTier, ...]
    skills: tuple[Skill, ...]
    """By name, each with `role_count`."""
    faq: tuple[FaqEntry, ...]
    sources: tuple[Source, ...]
    """Each with its role sources (and their role) loaded."""
    statistics: tuple[Statistic, ...]
    catalogue: Catalogue
    role_by_slug: Mapping[str, Role]
    skill_by_slug: Mapping[str, Skill]
    role_links: Mapping[str, tuple[RoleSkill, ...]]
    """For each skill's slug, the roles that ask for it: by importance, then role title."""
    pay_edits: tuple[PayEdit, ...]
    """The public change log, newest first: every edit writes its history in the change that
    replaces the data version."""
    # Values computed from the data on first use, kept for this version: the properties below
    # (cached_property writes to the instance's __dict__, which a frozen dataclass allows) and
    # what derived() is asked for.
    _derived: dict = field(default_factory=dict, repr=False, compare=False)
    _derived_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @cached_property
    def pay_as_of(self) -> date | None:
        """The latest date any role's pay figures were checked."""
        return max((role.pay_as_of for role in self.ranked), default=None)

    @cached_property
    def fundamentals(self) -> tuple[tuple[Skill, ...], ...]:
        """The shared fundamentals, each a skill or a choice of skills (a backend language)."""
        choices: dict[object, list[Skill]] = {}
        for skill in self.skills:
            if skill.is_fundamental:
                choices.setdefault(skill.either_group or skill.slug, []).append(skill)
        return tuple(tuple(choice) for choice in choices.values())

    def fundamental_choice(self, skill: Skill) -> tuple[Skill, ...]:
        """The fundamental `skill` is one choice of, itself included; empty if it is none."""
        return next((choice for choice in self.fundamentals if skill in choice), ())

    @cached_property
    def specialization_premium(self) -> Statistic | None:
        """The article's premium figure, or None before the statistics are loaded."""
        return next((s for s in self.statistics if s.slug == SPECIALIZATION_PREMIUM), None)

    def derived(self, key: tuple, compute: Callable[[], T]) -> T:
        """`compute()` once for this version of the data; `key` names what it computes."""
        try:
            return self._derived[key]
        except KeyError:
            pass
        with self._derived_lock:
            if key not in self._derived:
                self._derived[key] = compute()
            return self._derived[key]


def build(version: str = "") -> ReadModel:
    """Load the public data, in a fixed number of queries whatever its size."""
    ranked = tuple(
        Role.objects.ranked().prefetch_related(
            Prefetch(
                "role_skills", queryset=RoleSkill.objects.select_related("skill").order_by("order")
            ),
            "stages",
            "comparisons",
            Prefetch("role_sources", queryset=RoleSource.objects.select_related("source")),
        )
    )
    links_by_skill = defaultdict(list)
    for role in ranked:
        for link in role.role_skills.all():
            links_by_skill[link.skill.slug].append(link)
    skills = tuple(Skill.objects.all())
    for skill in skills:
        skill.role_count = len(links_by_skill[skill.slug])
    return ReadModel(
        version=version,
        ranked=ranked,
        tiers=tuple(ExperienceTier.objects.all()),
        skills=skills,
        faq=tuple(FaqEntry.objects.all()),
        sources=tuple(Source.objects.prefetch_related("role_sources__role")),
        statistics=tuple(Statistic.objects.select_related("source")),
        catalogue=catalogue_from_database(),
        role_by_slug=MappingProxyType({role.slug: role for role in ranked}),
        skill_by_slug=MappingProxyType({skill.slug: skill for skill in skills}),
        role_links=MappingProxyType(
            {
                slug: tuple(sorted(links, key=lambda link: (link.importance, link.role.title)))
                for slug, links in links_by_skill.items()
            }
        ),
        pay_edits=tuple(pay_edits()),
    )


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
