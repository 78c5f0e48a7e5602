"""The forms that read the public pages' query strings, and the values they share.

Every address family has one form: the listing's (`RoleListForm` and the page, here), the
change log's page (here), the questionnaire's steps (careers/questionnaire/answers.py), the
plan's (careers/plan.py), the comparison's (careers/compare.py) and the result card's
(careers/views/social_cards.py). A value more than one of them reads (years, pay, a background,
skills, a page) is read by one field class defined here, with its limit and its message, so a bad
value reads the same wherever it is turned away. docs/addresses.md lists them all.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from careers.models import Background, Track
from careers.ranking import ListingSort

MAX_YEARS = 50
MAX_PAY = 5_000_000
# Longer than any honest set of answers or plan (every skill named once); anything beyond is
# refused before parsing.
MAX_QUERY_LENGTH = 2000
# A refused value is shown back this long at most, so a hostile one cannot fill the page.
SHOWN_LENGTH = 40
# Unknown skill names named in one message at most.
SHOWN_NAMES = 5


EXPERIENCE_CHOICES = [
    ("", "Any amount"),
    (0, "Less than a year"),
    (2, "2 years"),
    (5, "5 years"),
    (8, "8 years"),
    (10, "10 years"),
    (15, "15 years or more"),
]


class WholeNumberField(forms.IntegerField):
    """A whole number from 0 to `most`, with one message for every way of missing it."""

    def __init__(self, *, most: int, **kwargs):
        message = f"Enter a whole number from 0 to {most:,}."
        messages = {"invalid": message, "min_value": message, "max_value": message}
        kwargs["error_messages"] = messages | kwargs.get("error_messages", {})
        super().__init__(min_value=0, max_value=most, **kwargs)


class YearsField(WholeNumberField):
    """Years of professional experience, in tech or not."""

    def __init__(self, **kwargs):
        super().__init__(most=MAX_YEARS, **kwargs)


class PayField(WholeNumberField):
    """Total pay a year, in US dollars."""

    def __init__(self, **kwargs):
        super().__init__(most=MAX_PAY, **kwargs)


class BackgroundField(forms.ChoiceField):
    default_error_messages = {"invalid_choice": "Pick one of the backgrounds listed."}

    def __init__(self, **kwargs):
        super().__init__(choices=Background.choices, **kwargs)


def listed(query: QueryDict, name: str) -> list[str]:
    """`a,b` and `a&a=b` (what a group of checkboxes sends) alike: every item in the order
    given, trimmed, blanks dropped, repeats kept."""
    return [item for raw in query.getlist(name) for item in map(str.strip, raw.split(",")) if item]


def listed_values(query: QueryDict, name: str) -> list[str]:
    """As `listed`, without repeats."""
    return list(dict.fromkeys(listed(query, name)))


class CommaSeparatedCheckboxes(forms.CheckboxSelectMultiple):
    def value_from_datadict(self, data, files, name):
        return listed_values(data, name)


class CommaSeparatedValues(forms.MultipleHiddenInput):
    """A list read as `listed` has it, repeats kept for the form to report."""

    def value_from_datadict(self, data, files, name):
        return listed(data, name)


class ListField(forms.Field):
    """Names given as a list (see `listed`), in the order given; the form checks them."""

    widget = CommaSeparatedValues

    def to_python(self, value) -> list[str]:
        return list(value or ())


def unknown_skills_message(slugs: list[str]) -> str:
    names = ", ".join(sorted({slug[:SHOWN_LENGTH] for slug in slugs})[:SHOWN_NAMES])
    return f"We do not know these skills: {names}."


class SkillsField(forms.MultipleChoiceField):
    """Skills by slug, as a list (see `listed_values`); the form sets the catalogue's skills as
    its choices. Every unknown name is named in one message."""

    widget = CommaSeparatedCheckboxes

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        unknown = [slug for slug in value if not self.valid_value(slug)]
        if unknown:
            raise ValidationError(unknown_skills_message(unknown), code="invalid_choice")


class PageField(forms.IntegerField):
    """A page of a paged list (the listing, the change log). What a number past either end
    shows depends on the list's length, so the field takes any whole number and Django's
    `Paginator.get_page` decides: below 1 or past the end is the last page."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)


class PageForm(forms.Form):
    page = PageField()


def page_number(query: QueryDict) -> int | None:
    """The page asked for; None (the first page) when it is missing or not a whole number."""
    form = PageForm(query)
    return form.cleaned_data["page"] if form.is_valid() else None


class RoleListForm(forms.Form):
    sort = forms.ChoiceField(label="Sort by", choices=ListingSort.choices, required=False)
    track = forms.ChoiceField(
        label="Track",
        choices=[("", "All tracks"), *Track.choices],
        required=False,
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


def listing_options(*, query: QueryDict) -> ListingOptions:
    """The listing's sort and filters from the query string.

    Each value that does not validate falls back to its default on its own, without an error:
    a stale or hand-edited link still shows a sensible list.
    """
    form = RoleListForm(query)
    form.is_valid()
    cleaned = form.cleaned_data
    return ListingOptions(
        sort=cleaned.get("sort") or DEFAULT_LISTING.sort,
        track=cleaned.get("track") or DEFAULT_LISTING.track,
        years=cleaned.get("years", DEFAULT_LISTING.years),
    )


def listing_form(options: ListingOptions) -> RoleListForm:
    """A form showing the options in use, with no errors for the values that fell back."""
    return RoleListForm(
        initial={"sort": options.sort, "track": options.track, "years": options.years}
    )
