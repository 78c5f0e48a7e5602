from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import Max
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from careers import edit_conflicts, formatting
from careers.models import (
    BackgroundSkill,
    CareerStage,
    ExperienceTier,
    FaqEntry,
    LearningResource,
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
from careers.pay_preview import public_preview, subject_and_page

admin.site.site_header = "Next Episode data"
admin.site.site_title = "Next Episode admin"
admin.site.index_title = "Salary and career data"

CONFLICT_MESSAGE = (
    "Someone else saved this since you opened it, so nothing was saved. What they changed:"
)
CONFLICT_ADVICE = (
    "Your entries are still in the form below. Check them against the changes above, then"
    " save again to apply yours over theirs, or reload the page to start from theirs."
)
SALARY_EDITORS = "Salary editors"


class EditConflictForm(forms.ModelForm):
    """A change form that refuses a save made from a stale copy (careers/edit_conflicts.py)."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    inline_models: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["edit_token"] = self.current_token()

    def current_token(self) -> str:
        return edit_conflicts.edit_token(self.instance, inline_models=self.inline_models)

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        edit_conflicts.lock(self.instance)
        seen, current = cleaned_data.get("edit_token", ""), self.current_token()
        if seen != current:
            changes = edit_conflicts.changes_since(
                self.instance, seen, inline_models=self.inline_models
            )
            # The form is shown again with the new token: saving it again is a choice made
            # knowing what changed.
            self.data = self.data.copy()
            self.data[self.add_prefix("edit_token")] = current
            raise ValidationError([CONFLICT_MESSAGE, *changes, CONFLICT_ADVICE])
        return cleaned_data


SOURCE_NEEDED = "Name the report the new figures come from (add it with + if it is not listed)."
REASON_NEEDED = "Say in a few words why the figures change, e.g. “2026 salary guide is out”."
PREVIEW_MESSAGE = (
    "Nothing is saved yet. Check below what the public will see change, then save again to"
    " publish it."
)


class PayEditForm(EditConflictForm):
    """A change form holding pay figures: changed figures need the report they come from and a
    short reason, and are shown as the public will see them before the save is final."""

    pay_source = forms.ModelChoiceField(
        Source.objects.all(),
        required=False,
        label="Source of the new figures",
        help_text="Needed when a figure changes. Add a newer report with + (its address and the"
        " day you read it), or pick one listed.",
    )
    pay_reason = forms.CharField(
        max_length=100,
        required=False,
        label="Reason for the change",
        help_text="Needed when a figure changes; shown on the public “What changed” page.",
    )
    preview_seen = forms.CharField(widget=forms.HiddenInput, required=False)
    pay_fields: tuple[str, ...] = ()
    public_preview = None

    def changed_pay(self) -> list[str]:
        return [name for name in self.pay_fields if name in self.changed_data]

    def clean(self):
        cleaned_data = super().clean()
        changed = self.changed_pay()
        if not changed or self.errors:
            return cleaned_data
        source, reason = cleaned_data.get("pay_source"), cleaned_data.get("pay_reason", "").strip()
        if source is None:
            self.add_error("pay_source", SOURCE_NEEDED)
        if not reason:
            self.add_error("pay_reason", REASON_NEEDED)
        if source is None or not reason or not self.instance.pk:
            return cleaned_data
        new = {name: cleaned_data.get(name) for name in changed}
        preview = public_preview(self.instance, new, source=source, reason=reason)
        if cleaned_data.get("preview_seen") != preview.digest:
            self.public_preview = preview
            self.data = self.data.copy()
            self.data[self.add_prefix("preview_seen")] = preview.digest
            raise ValidationError(PREVIEW_MESSAGE)
        return cleaned_data


class ListEditProvenanceForm(forms.Form):
    """The source and reason asked once for a list edit of pay figures, above the list; and the
    role form's own two fields as its pay-table rows read them."""

    pay_source = PayEditForm.base_fields["pay_source"]
    pay_reason = PayEditForm.base_fields["pay_reason"]


def require_provenance(data) -> None:
    provenance = ListEditProvenanceForm(data)
    provenance.is_valid()
    missing = []
    if not provenance.cleaned_data.get("pay_source"):
        missing.append(SOURCE_NEEDED)
    if not provenance.cleaned_data.get("pay_reason", "").strip():
        missing.append(REASON_NEEDED)
    if missing:
        raise ValidationError(missing)


class EditConflictListFormSet(BaseModelFormSet):
    """The change list's editable columns: a row someone saved after the page was drawn, and
    that this post would change, is refused with what they changed. Changed pay figures need
    the source and reason above the list, as in the change form."""

    def clean(self):
        super().clean()
        pay_fields = getattr(self.model, "PAY_FIELDS", ())
        if any(set(form.changed_data) & set(pay_fields) for form in self.forms):
            require_provenance(self.data)
        seen = self.data.get("edit_seen", "")  # the newest history id when the list was drawn
        conflicts = []
        for form in self.forms:
            if form.instance.pk and form.has_changed():
                edit_conflicts.lock(form.instance)
                changes = edit_conflicts.changes_since(form.instance, seen)
                conflicts += [f"{form.instance}: {change}" for change in changes]
        if conflicts:
            raise ValidationError([CONFLICT_MESSAGE, *conflicts, CONFLICT_ADVICE])


def is_salary_editor(user) -> bool:
    return not user.is_superuser and user.groups.filter(name=SALARY_EDITORS).exists()


class EditConflictAdmin(SimpleHistoryAdmin):
    """Change forms (with their inlines) and list edits that never overwrite an unseen save."""

    form = EditConflictForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # Inline rows are watched through their history; an untracked kind cannot be.
        form.inline_models = tuple(
            inline.model for inline in self.inlines if hasattr(inline.model, "history")
        )
        return form

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, formset=EditConflictListFormSet, **kwargs)

    def changelist_view(self, request, extra_context=None):
        newest = self.model.history.aggregate(newest=Max("history_id"))["newest"] or 0
        provenance = ListEditProvenanceForm(request.POST or None)
        context = {**(extra_context or {}), "edit_seen": newest, "provenance_form": provenance}
        # Django validates list edits outside its save transaction; one around both keeps the
        # rows locked by the conflict check until they are saved.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().changelist_view(request, context)


class PayEditAdmin(EditConflictAdmin):
    """A pay record's admin: figures change only with a source, a reason and a preview, and the
    history keeps both (careers/models.py's SourcedHistory)."""

    form = PayEditForm
    change_form_template = "admin/careers/pay_change_form.html"
    history_list_display = ("pay_source",)  # beside simple-history's own "Change reason"

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.pay_fields = self.model.PAY_FIELDS
        return form

    def save_model(self, request, obj, form, change):
        if isinstance(form, PayEditForm):
            changed, provenance = form.changed_pay(), form
        else:  # a list edit: its formset checked the source and reason above the list
            changed = [name for name in self.model.PAY_FIELDS if name in form.changed_data]
            provenance = ListEditProvenanceForm(request.POST)
            provenance.is_valid()
        if changed:
            obj._pay_source = provenance.cleaned_data["pay_source"]
            obj._change_reason = provenance.cleaned_data["pay_reason"].strip()
        super().save_model(request, obj, form, change)
        if changed and change:
            _, page_url = subject_and_page(obj)
            messages.success(
                request,
                format_html(
                    'The new figures are public: see them <a href="{}">on the site</a> and in'
                    ' <a href="{}">What changed</a>.',
                    page_url,
                    reverse("careers:change_list"),
                ),
            )


class PayColumnsMixin:
    @admin.display(description="Base salary")
    def base_range(self, obj):
        return formatting.base_pay(obj)

    @admin.display(description="Total compensation")
    def total_range(self, obj):
        return formatting.total_pay(obj)


class CareerStageInline(admin.TabularInline):
    model = CareerStage
    extra = 0
    fields = ("order", "years_min", "years_max", "years_open_ended", "title", "description")


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    extra = 0
    autocomplete_fields = ("skill",)
    fields = ("order", "skill", "importance", "either_group")


class SourcedRowsFormSet(BaseInlineFormSet):
    """Pay-table rows whose figures change need the source and reason given above them."""

    def clean(self):
        super().clean()
        if any(set(form.changed_data) & set(PayComparison.PAY_FIELDS) for form in self.forms):
            require_provenance(self.data)


class PayComparisonInline(admin.StackedInline):
    model = PayComparison
    formset = SourcedRowsFormSet
    extra = 0
    fieldsets = (
        (None, {"fields": ("order", "label", "focus", ("same_as_role", "same_as_tier"))}),
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


class PayFieldsOnlyForSalaryEditors:
    """Salary editors may change the pay figures and their date; the rest is read-only for them
    (a changed title or slug is not theirs to make, and a slug change would break links)."""

    salary_editor_fields: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not is_salary_editor(request.user):
            return readonly
        editable = {*self.salary_editor_fields, "id"}
        others = [field.name for field in self.model._meta.fields if field.name not in editable]
        return (*readonly, *others)

    def get_prepopulated_fields(self, request, obj=None):
        return (
            {} if is_salary_editor(request.user) else super().get_prepopulated_fields(request, obj)
        )


@admin.register(Role)
class RoleAdmin(PayFieldsOnlyForSalaryEditors, PayColumnsMixin, PayEditAdmin):
    salary_editor_fields = (*Role.PAY_FIELDS, "total_peak_note", "pay_as_of")
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
        (
            None,
            {"fields": ("title", "slug", "aliases", "track", "focus", "summary", "edit_token")},
        ),
        (
            "Pay (US dollars a year)",
            {
                "description": (
                    "Saving a changed figure sets “pay as of” to today, unless you change"
                    " the date yourself. A changed figure needs its source and a reason; the"
                    " first save shows what the public will see change, the second publishes"
                    " it. Every change is listed in the history and on the public “What"
                    " changed” page. Texts quote figures as {base}, {total}, {peak} or"
                    " {tier:senior.base}, never typed out."
                ),
                "fields": (
                    ("base_min", "base_max", "base_max_open_ended"),
                    ("total_min", "total_max", "total_max_open_ended"),
                    ("total_peak", "total_peak_note"),
                    "pay_as_of",
                    ("pay_source", "pay_reason"),
                    "preview_seen",
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
                    "is_leadership",
                )
            },
        ),
        (
            "Sections",
            {"fields": ("what_they_do", "salary_context", "skills_and_ai", "how_to_get_there")},
        ),
    )

    def save_formset(self, request, form, formset, change):
        if formset.model is PayComparison:
            provenance = ListEditProvenanceForm(request.POST)
            provenance.is_valid()
            for row in formset.forms:
                row.instance._pay_source = provenance.cleaned_data.get("pay_source")
                row.instance._change_reason = provenance.cleaned_data.get("pay_reason") or None
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        """A date the editor set wins over the "today" a pay-table row just saved wrote."""
        super().save_related(request, form, formsets, change)
        if change and "pay_as_of" in form.changed_data:
            Role.objects.filter(pk=form.instance.pk).update(pay_as_of=form.instance.pay_as_of)


@admin.register(ExperienceTier)
class ExperienceTierAdmin(PayFieldsOnlyForSalaryEditors, PayColumnsMixin, PayEditAdmin):
    salary_editor_fields = ExperienceTier.PAY_FIELDS
    list_display = ("name", "order", "years_min", "years_max", "base_range", "total_range")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}

    def has_delete_permission(self, request, obj=None):
        """The article's tiers are kept: editors change their figures, never remove one, as a
        step's pay before a role's own band is the tier its years fall in (advice.stage_pay)."""
        return False


@admin.register(Skill)
class SkillAdmin(EditConflictAdmin):
    list_display = ("name", "kind", "is_fundamental", "either_group")
    list_filter = ("kind", "is_fundamental")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(LearningResource)
class LearningResourceAdmin(EditConflictAdmin):
    """Where to learn each skill, as plans and skill pages list it: official sites only."""

    list_display = ("skill", "title", "publisher", "kind", "url", "order")
    list_filter = ("kind",)
    list_select_related = ("skill",)
    search_fields = ("skill__name", "title", "publisher", "url")
    autocomplete_fields = ("skill",)


@admin.register(Source)
class SourceAdmin(EditConflictAdmin):
    list_display = ("name", "title", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "title")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Statistic)
class StatisticAdmin(EditConflictAdmin):
    list_display = ("label", "low", "high", "unit", "source")
    list_filter = ("unit",)
    list_select_related = ("source",)
    search_fields = ("label",)


@admin.register(FaqEntry)
class FaqEntryAdmin(EditConflictAdmin):
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
class CareerStageAdmin(EditConflictAdmin):
    """A step of a path with what the questionnaire's advice reads from it: the jobs that stand
    on it and the skills it assumes or builds."""

    list_display = ("role", "order", "years_min", "years_max", "title")
    list_filter = ("role",)
    list_select_related = ("role",)
    search_fields = ("title", "role__title")
    inlines = (StageEntryInline, StageSkillInline)


@admin.register(PayComparison)
class PayComparisonAdmin(PayColumnsMixin, PayEditAdmin):
    list_display = ("label", "role", "base_range", "total_range")
    list_filter = ("role",)
    list_select_related = ("role",)
    search_fields = ("label", "role__title")


@admin.register(RoleSkill)
class RoleSkillAdmin(EditConflictAdmin):
    list_display = ("role", "skill", "importance", "order")
    list_filter = ("importance", "role")
    list_select_related = ("role", "skill")
    search_fields = ("role__title", "skill__name")
    autocomplete_fields = ("skill",)


@admin.register(BackgroundSkill)
class BackgroundSkillAdmin(EditConflictAdmin):
    """The skills step 2 of the questionnaire ticks for a background (the person can untick
    them), each with the reason it is likely."""

    list_display = ("background", "skill", "basis")
    list_filter = ("background",)
    list_select_related = ("skill",)
    search_fields = ("skill__name", "basis")
    autocomplete_fields = ("skill",)


@admin.register(RoleSource)
class RoleSourceAdmin(EditConflictAdmin):
    list_display = ("role", "source", "backs")
    list_filter = ("backs", "role")
    list_select_related = ("role", "source")
    search_fields = ("role__title", "source__name")
    autocomplete_fields = ("source",)
