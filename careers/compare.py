"""Side-by-side comparison of two to four roles: which ones, and the skills they share."""

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.urls import reverse

from careers.forms import CommaSeparatedValues
from careers.premium import PremiumInDollars
from careers.read_model import Role, Skill

MIN_ROLES = 2
MAX_ROLES = 4
# More pieces than this cannot be a real comparison; stop reading a hostile query string early.
MAX_REQUESTED = 20
SHOWN_SLUG_LENGTH = 40
# A role picker lists every role up to this many. Past it the role page offers a shortlist and
# the compare page a search, so neither page grows with the catalogue (999 options were 73 KB).
PICKER_LIMIT = 20
# Longer search text is no part of a title; cut it so the search's address stays short.
FIND_LENGTH = 100


@dataclass(frozen=True)
class Selection:
    """The roles to compare, in the order asked for, and what was wrong with the request."""

    roles: list[Role]
    problems: list[str] = field(default_factory=list)

    @property
    def slugs(self) -> list[str]:
        return [role.slug for role in self.roles]


def shown_slug(slug: str) -> str:
    return slug if len(slug) <= SHOWN_SLUG_LENGTH else slug[:SHOWN_SLUG_LENGTH] + "…"


def select_roles(*, requested: Sequence[str], known: Mapping[str, Role]) -> Selection:
    """Known roles (by slug) in the order requested; unknown, repeated and surplus ones become
    problems."""
    chosen: list[Role] = []
    problems: list[str] = []
    for slug in requested:
        role = known.get(slug)
        if role is None:
            problems.append(f"There is no role called “{shown_slug(slug)}” in the Top 10.")
        elif role in chosen:
            problems.append(f"{role.title} was asked for more than once; it is shown once.")
        elif len(chosen) == MAX_ROLES:
            problems.append(
                f"At most {MAX_ROLES} roles fit side by side; {role.title} was left out."
            )
        else:
            chosen.append(role)
    return Selection(roles=chosen, problems=problems)


class RolesField(forms.Field):
    """`roles=a,b` and `roles=a&roles=b` (what a form of checkboxes sends) alike, read as the
    `Selection` of the roles `known` by slug. Never refused: a comparison shows what it can and
    says what it left out."""

    widget = CommaSeparatedValues

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.known: Mapping[str, Role] = {}

    def clean(self, value) -> Selection:
        return select_roles(requested=list(value or ())[:MAX_REQUESTED], known=self.known)


class SearchField(forms.CharField):
    """Search text for a role to add, as `search_text` keeps it."""

    def to_python(self, value) -> str:
        return search_text(super().to_python(value))


class CompareForm(forms.Form):
    """`?roles=a,b&find=text`: the roles to compare and a search for one to add."""

    roles = RolesField(required=False)
    find = SearchField(required=False)

    def __init__(self, data: QueryDict, *, known: Mapping[str, Role]):
        super().__init__(data)
        self.fields["roles"].known = known


def comparison_from(*, query: QueryDict, known: Mapping[str, Role]) -> tuple[Selection, str]:
    """The roles a comparison's address asks for, and its search text ("" for none)."""
    form = CompareForm(query, known=known)
    form.is_valid()  # only a search holding a NUL could fail, and the middleware refuses those
    return form.cleaned_data["roles"], form.cleaned_data.get("find", "")


def comparison_url(*, slugs: Sequence[str], find: str = "") -> str:
    """The canonical address of a comparison, and of a search for a role to add to it. Slugs
    need no escaping, so commas stay readable."""
    parts = [f"roles={','.join(slugs)}"] if slugs else []
    if find:
        parts.append(urlencode({"find": find}))
    url = reverse("careers:compare")
    return f"{url}?{'&'.join(parts)}" if parts else url


def is_canonical(*, query: QueryDict, slugs: Sequence[str], find: str = "") -> bool:
    """Whether the query string already reads `roles=a,b` (however its commas were escaped),
    with `find=` only for a search the page runs, as `search_text` keeps it."""
    expected = {"roles": [",".join(slugs)]} if slugs else {}
    if find:
        expected["find"] = [find]
    return dict(query.lists()) == expected


def search_text(value: str) -> str:
    """Search text as it is kept and named in the address: trimmed and cut short. Applied to
    its own result it changes nothing, so the redirect to the address naming it cannot loop."""
    return value.strip()[:FIND_LENGTH].strip()


@dataclass(frozen=True)
class RolePicker:
    """The roles the compare page offers to add: every one, or past PICKER_LIMIT a search."""

    roles: Sequence[Role]  # the options, in rank order
    is_search: bool = False
    find: str = ""  # the search text, kept only while the page searches
    matched: int = 0  # roles whose title contains `find`; every addable one when it is empty

    @property
    def unshown(self) -> int:
        return self.matched - len(self.roles)


def roles_matching(
    *, roles: Sequence[Role], find: str, limit: int = PICKER_LIMIT
) -> tuple[list[Role], int]:
    """The first `limit` of `roles` whose title contains `find`, in any case, and how many do."""
    wanted = find.casefold()
    matching = [role for role in roles if wanted in role.title.casefold()]
    return matching[:limit], len(matching)


def role_picker(*, ranked: Sequence[Role], chosen: Sequence[Role], find: str = "") -> RolePicker:
    """What the compare page offers to add beside `chosen`; `ranked` is every role, in rank
    order; `find` is search text as `search_text` keeps it. With no `find` a search shows the
    highest-ranked roles first."""
    if len(chosen) >= MAX_ROLES:
        return RolePicker(roles=())
    # By slug: comparing model instances costs a method call each, over the whole ranking.
    chosen_slugs = {role.slug for role in chosen}
    addable = [role for role in ranked if role.slug not in chosen_slugs]
    if len(addable) <= PICKER_LIMIT:
        return RolePicker(roles=addable)
    shown, matched = roles_matching(roles=addable, find=find)
    return RolePicker(roles=shown, is_search=True, find=find, matched=matched)


def comparison_shortlist(
    *, role: Role, others: Sequence[Role], size: int = PICKER_LIMIT
) -> list[Role]:
    """The `size` roles a reader would most likely weigh against `role`: those sharing the most
    skills with it, ties in rank order (`others` must be in rank order, with their role skills
    loaded). Shared skills mark the roles someone on this path could move to with what they
    already know, and they are what the comparison itself lays side by side."""
    own = {link.skill.slug for link in role.skills}

    def shared(other: Role) -> int:
        return sum(link.skill.slug in own for link in other.skills)

    # nsmallest is stable, like sorted(): roles sharing as many skills keep their rank order.
    return heapq.nsmallest(size, others, key=lambda other: -shared(other))


@dataclass(frozen=True)
class CompareWith:
    """What a role page's "Compare with" offers: every other role, or past PICKER_LIMIT a
    shortlist and the compare page with this role chosen, where any other can be added."""

    roles: Sequence[Role]
    any_role_url: str = ""


def compare_with(*, role: Role, others: Sequence[Role]) -> CompareWith:
    if len(others) <= PICKER_LIMIT:
        return CompareWith(roles=others)
    return CompareWith(
        roles=comparison_shortlist(role=role, others=others),
        any_role_url=comparison_url(slugs=[role.slug]),
    )


def role_skills(role: Role) -> list[Skill]:
    """The role's skills in page order."""
    return [link.skill for link in role.skills]


def shared_skills(*, roles: Sequence[Role]) -> list[Skill]:
    """Skills every one of the roles needs, in the first role's order."""
    if len(roles) < MIN_ROLES:
        return []
    others = [{skill.slug for skill in role_skills(role)} for role in roles[1:]]
    return [skill for skill in role_skills(roles[0]) if all(skill.slug in s for s in others)]


def distinct_skills(*, role: Role, roles: Sequence[Role]) -> list[Skill]:
    """Skills this role needs and none of the other compared roles does."""
    elsewhere = {s.slug for other in roles if other.slug != role.slug for s in role_skills(other)}
    return [skill for skill in role_skills(role) if skill.slug not in elsewhere]


@dataclass(frozen=True)
class ComparedRole:
    role: Role
    skills: list[tuple[Skill, bool]]  # each skill, and whether every compared role shares it
    distinct: list[Skill]
    remove_url: str
    premium: PremiumInDollars | None = None


def compare_roles(
    *, roles: Sequence[Role], premiums: Sequence[PremiumInDollars | None] = ()
) -> list[ComparedRole]:
    """One column per role: its skills with the shared ones flagged, and a link without it."""
    shared = {skill.slug for skill in shared_skills(roles=roles)}
    premiums = list(premiums) or [None] * len(roles)
    return [
        ComparedRole(
            role=role,
            skills=[(skill, skill.slug in shared) for skill in role_skills(role)],
            distinct=distinct_skills(role=role, roles=roles) if len(roles) > 1 else [],
            remove_url=comparison_url(slugs=[o.slug for o in roles if o.slug != role.slug]),
            premium=premium,
        )
        for role, premium in zip(roles, premiums, strict=True)
    ]
