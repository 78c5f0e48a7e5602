"""GET forms: their values live in the query string, so every view they make is a shareable URL.

The questionnaire's three steps: a permalink reads
`?years=4&background=devops&knows=linux,git&likes=security&priority=pay`. Without JavaScript,
checkboxes submit `knows=linux&knows=git`; both spellings are read, and `canonical_query()`
writes the short one. The listing's sort and filters fall back to defaults instead of erroring.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict

from careers.models import Track
from careers.questionnaire import Answers, Background, Interest, Priority
from careers.questionnaire_data import SkillNeed
from careers.ranking import ListingSort

MAX_YEARS = 50
# Longer than any honest set of answers; anything beyond is refused before parsing.
MAX_QUERY_LENGTH = 1000
LIST_FIELDS = ("knows", "likes")
ANSWER_FIELDS = ("years", "background", "knows", "likes", "priority")


def listed_values(query: QueryDict, name: str) -> list[str]:
    """`a,b` and `a&a=b` alike, without blanks or repeats, in the order given."""
    values = (item.strip() for raw in query.getlist(name) for item in raw.split(","))
    return list(dict.fromkeys(value for value in values if value))


class CommaSeparatedCheckboxes(forms.CheckboxSelectMultiple):
    def value_from_datadict(self, data, files, name):
        return listed_values(data, name)


class StepForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # labels and legends read as plain phrases
        super().__init__(*args, **kwargs)


class WhereYouAreForm(StepForm):
    title = "Where you are now"
    years = forms.IntegerField(
        label="Years of professional experience",
        min_value=0,
        max_value=MAX_YEARS,
        help_text="Count every year of paid work, in tech or not. Enter 0 if you are starting out.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    background = forms.ChoiceField(
        label="Your background right now",
        choices=Background.choices,
        widget=forms.RadioSelect,
    )


class WhatYouKnowForm(StepForm):
    title = "What you already know"
    knows = forms.MultipleChoiceField(
        label="Skills you already use",
        required=False,
        widget=CommaSeparatedCheckboxes,
    )

    def __init__(self, *args, skills: tuple[SkillNeed, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["knows"].choices = [(skill.slug, skill.name) for skill in skills]
        self.fundamental_slugs = {skill.slug for skill in skills if skill.is_fundamental}
        self.tool_count = len(skills) - len(self.fundamental_slugs)


class WhatPullsYouForm(StepForm):
    title = "What pulls you"
    likes = forms.MultipleChoiceField(
        label="The work that interests you",
        help_text="Pick any number, or none.",
        required=False,
        choices=Interest.choices,
        widget=CommaSeparatedCheckboxes,
    )
    priority = forms.ChoiceField(
        label="What matters more to you",
        choices=Priority.choices,
        widget=forms.RadioSelect,
    )


STEP_FORMS = (WhereYouAreForm, WhatYouKnowForm, WhatPullsYouForm)


def answers_from(cleaned: dict) -> Answers:
    return Answers(
        years=cleaned["years"],
        background=cleaned["background"],
        knows=frozenset(cleaned["knows"]),
        likes=tuple(cleaned["likes"]),
        priority=cleaned["priority"],
    )


def answer_pairs(query: QueryDict, *, leave_out: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The answers as given, one pair per field, lists comma-joined, blanks dropped."""
    pairs = []
    for name in ANSWER_FIELDS:
        if name in leave_out:
            continue
        value = ",".join(listed_values(query, name)) if name in LIST_FIELDS else query.get(name)
        if value:
            pairs.append((name, value.strip()))
    return pairs


def canonical_query(query: QueryDict, *, step: int | None) -> str:
    """The short, readable query string for a step (None for the result) and these answers.

    A first step with nothing answered yet is the questionnaire's bare address.
    """
    pairs = answer_pairs(query)
    if step and (step > 1 or pairs):
        pairs.insert(0, ("step", str(step)))
    return urlencode(pairs, safe=",")


EXPERIENCE_CHOICES = [
    ("", "Any amount"),
    (0, "Less than a year"),
    (2, "2 years"),
    (5, "5 years"),
    (8, "8 years"),
    (10, "10 years"),
    (15, "15 years or more"),
]


class RoleListForm(forms.Form):
    sort = forms.ChoiceField(label="Sort by", choices=ListingSort.choices, required=False)
    track = forms.ChoiceField(
        label="Track", choices=[("", "All tracks"), *Track.choices], required=False
    )
    years = forms.TypedChoiceField(
        label="Experience you have",
        choices=EXPERIENCE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )


@dataclass(frozen=True)
class ListingOptions:
    sort: str
    track: str
    years: int | None

    @property
    def is_default(self) -> bool:
        return self == DEFAULT_LISTING

    @property
    def description(self) -> str:
        """The view in words: "Cloud track, within reach with 8 years, sorted by base salary"."""
        parts = []
        if self.track:
            parts.append(f"{Track(self.track).label} track")
        if self.years is not None:
            parts.append(f"within reach with {dict(EXPERIENCE_CHOICES)[self.years].lower()}")
        parts.append(f"sorted by {ListingSort(self.sort).label.lower()}")
        return ", ".join(parts)


DEFAULT_LISTING = ListingOptions(sort=ListingSort.TOTAL, track="", years=None)


def listing_options(*, query: QueryDict) -> tuple[ListingOptions, RoleListForm]:
    """The listing's sort and filters from the query string, and a form showing them.

    Each value that does not validate falls back to its default on its own, without an error:
    a stale or hand-edited link still shows a sensible list.
    """
    form = RoleListForm(query)
    form.is_valid()
    cleaned = form.cleaned_data
    options = ListingOptions(
        sort=cleaned.get("sort") or DEFAULT_LISTING.sort,
        track=cleaned.get("track") or DEFAULT_LISTING.track,
        years=cleaned.get("years", DEFAULT_LISTING.years),
    )
    shown = RoleListForm(
        initial={"sort": options.sort, "track": options.track, "years": options.years}
    )
    return options, shown
