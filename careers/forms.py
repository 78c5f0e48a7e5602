"""The questionnaire's three steps as GET forms; the answers live in the query string.

A permalink reads `?years=4&background=devops&knows=linux,git&likes=security&priority=pay`.
Without JavaScript, checkboxes submit `knows=linux&knows=git`; both spellings are read, and
`canonical_query()` writes the short one.
"""

import re
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict

from careers.questionnaire import Answers, Background, Interest, Priority
from careers.questionnaire_data import SkillNeed

MAX_YEARS = 50
# Longer than any honest set of answers; anything beyond is refused before parsing.
MAX_QUERY_LENGTH = 1000
LIST_FIELDS = ("knows", "likes")
ANSWER_FIELDS = ("years", "background", "knows", "likes", "priority")
# HTML's "valid floating-point number", the only kind a number input's value may hold.
HTML_NUMBER = re.compile(r"-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?")


def listed_values(query: QueryDict, name: str) -> list[str]:
    """`a,b` and `a&a=b` alike, without blanks or repeats, in the order given."""
    values = (item.strip() for raw in query.getlist(name) for item in raw.split(","))
    return list(dict.fromkeys(value for value in values if value))


class CommaSeparatedCheckboxes(forms.CheckboxSelectMultiple):
    def value_from_datadict(self, data, files, name):
        return listed_values(data, name)


class NumberOnlyInput(forms.NumberInput):
    """Shows a refused answer again only if it is a number: `value="abc"` is not valid HTML."""

    def format_value(self, value):
        text = super().format_value(value)
        return text if text is not None and HTML_NUMBER.fullmatch(text) else None


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
        widget=NumberOnlyInput(attrs={"inputmode": "numeric"}),
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
