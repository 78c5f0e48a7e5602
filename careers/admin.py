from django.contrib import admin

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


class RoleSourceInline(admin.TabularInline):
    model = RoleSource
    extra = 0
    autocomplete_fields = ("source",)


@admin.register(Role)
class RoleAdmin(PayColumnsMixin, admin.ModelAdmin):
    list_display = ("title", "track", "base_range", "total_range", "season", "pay_as_of")
    list_filter = ("track",)
    search_fields = ("title", "aliases", "summary")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (CareerStageInline, RoleSkillInline, PayComparisonInline, RoleSourceInline)
    fieldsets = (
        (None, {"fields": ("title", "slug", "aliases", "track", "focus", "summary")}),
        (
            "Pay (US dollars a year)",
            {
                "fields": (
                    ("base_min", "base_max", "base_max_open_ended"),
                    ("total_min", "total_max", "total_max_open_ended"),
                    ("total_peak", "total_peak_note"),
                    "pay_as_of",
                )
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
class ExperienceTierAdmin(PayColumnsMixin, admin.ModelAdmin):
    list_display = ("name", "order", "years_min", "years_max", "base_range", "total_range")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "is_fundamental")
    list_filter = ("kind", "is_fundamental")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "title", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "title")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Statistic)
class StatisticAdmin(admin.ModelAdmin):
    list_display = ("label", "low", "high", "unit", "source")
    list_filter = ("unit",)
    list_select_related = ("source",)
    search_fields = ("label",)


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ("question", "order")
    search_fields = ("question", "answer")
    prepopulated_fields = {"slug": ("question",)}


@admin.register(CareerStage)
class CareerStageAdmin(admin.ModelAdmin):
    list_display = ("role", "order", "years_min", "years_max", "title")
    list_filter = ("role",)
    list_select_related = ("role",)
    search_fields = ("title", "role__title")


@admin.register(PayComparison)
class PayComparisonAdmin(PayColumnsMixin, admin.ModelAdmin):
    list_display = ("label", "role", "base_range", "total_range")
    list_filter = ("role",)
    list_select_related = ("role",)
    search_fields = ("label", "role__title")
