from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from careers import formatting
from careers.models import (
    CareerStage,
    ExperienceTier,
    FaqEntry,
    PayComparison,
    Role,
    RoleSkill,
    RoleSource,
    Skill,
    Source,
    StageEntry,
    StageSkill,
    Statistic,
)

admin.site.site_header = "Next Episode data"
admin.site.site_title = "Next Episode admin"
admin.site.index_title = "Salary and career data"


class PayColumnsMixin:
    @admin.display(description="Base salary")
    def base_range(self, obj):
        return formatting.pay_range(obj.base_min, obj.base_max, open_ended=obj.base_max_open_ended)

    @admin.display(description="Total compensation")
    def total_range(self, obj):
        return formatting.pay_range(
            obj.total_min, obj.total_max, open_ended=obj.total_max_open_ended
        )


class CareerStageInline(admin.TabularInline):
    model = CareerStage
    extra = 0
    fields = ("order", "years_min", "years_max", "years_open_ended", "title", "description")


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    extra = 0
    autocomplete_fields = ("skill",)
    fields = ("order", "skill", "importance")


class PayComparisonInline(admin.StackedInline):
    model = PayComparison
    extra = 0
    fieldsets = (
        (None, {"fields": ("order", "label", "focus")}),
        ("Base salary", {"fields": (("base_min", "base_max", "base_max_open_ended"), "base_note")}),
        (
            "Total compensation",
            {
                "fields": (
                    ("total_min", "total_max", "total_max_open_ended"),
                    ("total_average", "total_note"),
                )
            },
        ),
    )


class SourcedPayFormSet(BaseInlineFormSet):
    """Every role has pay figures, so it must keep at least one source backing them."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        if not kept:
            raise ValidationError(
                "A role's pay figures need at least one source: add the report they come from."
            )


class RoleSourceInline(admin.TabularInline):
    model = RoleSource
    formset = SourcedPayFormSet
    autocomplete_fields = ("source",)

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0  # a new role starts with a row for its first source


@admin.register(Role)
class RoleAdmin(PayColumnsMixin, SimpleHistoryAdmin):
    # Salary columns are editable in the list for quick bulk edits; the list's forms run the
    # same model validation as the change form. The formatted ranges show the result.
    list_display = (
        "title",
        "base_range",
        "base_min",
        "base_max",
        "total_range",
        "total_min",
        "total_max",
        "total_peak",
        "pay_as_of",
    )
    list_editable = ("base_min", "base_max", "total_min", "total_max", "total_peak")
    list_filter = ("track",)
    search_fields = ("title", "aliases", "summary")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (CareerStageInline, RoleSkillInline, PayComparisonInline, RoleSourceInline)
    fieldsets = (
        (None, {"fields": ("title", "slug", "aliases", "track", "focus", "summary")}),
        (
            "Pay (US dollars a year)",
            {
                "description": (
                    "Saving a changed figure sets “pay as of” to today, unless you change"
                    " the date yourself. Every change is listed in the history and on the"
                    " public “What changed” page."
                ),
                "fields": (
                    ("base_min", "base_max", "base_max_open_ended"),
                    ("total_min", "total_max", "total_max_open_ended"),
                    ("total_peak", "total_peak_note"),
                    "pay_as_of",
                ),
            },
        ),
        (
            "Experience",
            {
                "fields": (
                    ("experience_min_years", "experience_max_years"),
                    ("experience_open_ended", "experience_approximate"),
                    "season",
                )
            },
        ),
        (
            "Sections",
            {"fields": ("what_they_do", "salary_context", "skills_and_ai", "how_to_get_there")},
        ),
    )


@admin.register(ExperienceTier)
class ExperienceTierAdmin(PayColumnsMixin, SimpleHistoryAdmin):
    list_display = ("name", "order", "years_min", "years_max", "base_range", "total_range")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Skill)
class SkillAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "is_fundamental")
    list_filter = ("kind", "is_fundamental")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "title", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "title")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Statistic)
class StatisticAdmin(SimpleHistoryAdmin):
    list_display = ("label", "low", "high", "unit", "source")
    list_filter = ("unit",)
    list_select_related = ("source",)
    search_fields = ("label",)


@admin.register(FaqEntry)
class FaqEntryAdmin(SimpleHistoryAdmin):
    list_display = ("question", "order")
    search_fields = ("question", "answer")
    prepopulated_fields = {"slug": ("question",)}


class StageEntryInline(admin.TabularInline):
    model = StageEntry
    extra = 0
    fields = ("background",)


class StageSkillInline(admin.TabularInline):
    model = StageSkill
    extra = 0
    autocomplete_fields = ("skill",)
    fields = ("order", "skill", "purpose", "either_group")


@admin.register(CareerStage)
class CareerStageAdmin(SimpleHistoryAdmin):
    """A step of a path with what the questionnaire's advice reads from it: the jobs that stand
    on it and the skills it assumes or builds."""

    list_display = ("role", "order", "years_min", "years_max", "title")
    list_filter = ("role",)
    list_select_related = ("role",)
    search_fields = ("title", "role__title")
    inlines = (StageEntryInline, StageSkillInline)


@admin.register(PayComparison)
class PayComparisonAdmin(PayColumnsMixin, SimpleHistoryAdmin):
    list_display = ("label", "role", "base_range", "total_range")
    list_filter = ("role",)
    list_select_related = ("role",)
    search_fields = ("label", "role__title")


@admin.register(RoleSkill)
class RoleSkillAdmin(SimpleHistoryAdmin):
    list_display = ("role", "skill", "importance", "order")
    list_filter = ("importance", "role")
    list_select_related = ("role", "skill")
    search_fields = ("role__title", "skill__name")
    autocomplete_fields = ("skill",)


@admin.register(RoleSource)
class RoleSourceAdmin(SimpleHistoryAdmin):
    list_display = ("role", "source", "backs")
    list_filter = ("backs", "role")
    list_select_related = ("role", "source")
    search_fields = ("role__title", "source__name")
    autocomplete_fields = ("source",)
