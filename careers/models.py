"""The article's data: experience tiers, roles, their stages, skills, pay tables and sources."""

from functools import cached_property

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from careers import figures
from careers.validation import (
    YEARS_MESSAGE,
    pay_range_errors,
    raise_errors,
    range_message,
    reversed_range_error,
)


def ordered_range(prefix: str, *, name: str, nullable: bool = False) -> models.CheckConstraint:
    """`<prefix>_min <= <prefix>_max`, skipped where either end is unknown."""
    low, high = f"{prefix}_min", f"{prefix}_max"
    condition = Q(**{f"{low}__lte": F(high)})
    if nullable:
        condition |= Q(**{f"{low}__isnull": True}) | Q(**{f"{high}__isnull": True})
    return models.CheckConstraint(
        condition=condition, name=name, violation_error_message=range_message(prefix)
    )


def positive(field: str, *, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gt": 0}) | Q(**{f"{field}__isnull": True}),
        name=name,
        violation_error_message=f"{field.replace('_', ' ').capitalize()} must be more than zero.",
    )


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SourcedHistory(models.Model):
    """What a history record of pay figures adds: the report the edit took them from (empty for
    the article's own figures and for edits that changed no figure). Its reason is simple-history's
    own `history_change_reason`."""

    pay_source = models.ForeignKey(
        "careers.Source", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True


@receiver(pre_create_historical_record)
def record_pay_source(sender, instance, history_instance, **kwargs) -> None:
    """The admin sets `_pay_source` on the object it saves, as simple-history's `_change_reason`."""
    if hasattr(history_instance, "pay_source_id"):
        history_instance.pay_source = getattr(instance, "_pay_source", None)


PAY_RANGE_FIELDS = (
    "base_min",
    "base_max",
    "base_max_open_ended",
    "total_min",
    "total_max",
    "total_max_open_ended",
)


class PayRange(models.Model):
    """Base and total-compensation bands in whole US dollars a year."""

    base_min = models.PositiveIntegerField(help_text="Lowest typical base salary, USD a year.")
    base_max = models.PositiveIntegerField(help_text="Highest typical base salary, USD a year.")
    base_max_open_ended = models.BooleanField(
        default=False, help_text='The article gives the top as open-ended ("$204,000+").'
    )
    total_min = models.PositiveIntegerField(help_text="Lowest typical total compensation.")
    total_max = models.PositiveIntegerField(help_text="Highest typical total compensation.")
    total_max_open_ended = models.BooleanField(
        default=False, help_text='The article gives the top as open-ended ("$600,000+").'
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        raise_errors(pay_range_errors(self))

    @property
    def base_midpoint(self) -> float:
        return (self.base_min + self.base_max) / 2

    @property
    def total_midpoint(self) -> float:
        return (self.total_min + self.total_max) / 2


class ExperienceTier(PayRange):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(unique=True)
    years_min = models.PositiveSmallIntegerField()
    years_max = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty for the open-ended top tier (10+ years)."
    )
    summary = models.TextField(blank=True)

    objects = SlugManager()
    history = HistoricalRecords(bases=[SourcedHistory])

    PAY_FIELDS = PAY_RANGE_FIELDS

    class Meta:
        ordering = ["order"]
        constraints = [
            ordered_range("base", name="tier_base_min_lte_max"),
            ordered_range("total", name="tier_total_min_lte_max"),
            ordered_range("years", name="tier_years_min_lte_max", nullable=True),
            positive("base_min", name="tier_base_min_positive"),
            positive("total_min", name="tier_total_min_positive"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        errors = pay_range_errors(self)
        errors |= reversed_range_error(self, "years_min", "years_max", message=YEARS_MESSAGE)
        raise_errors(errors)

    def contains_years(self, years: int) -> bool:
        return self.years_min <= years and (self.years_max is None or years <= self.years_max)


class Track(models.TextChoices):
    DEVOPS = "devops", "DevOps"
    BACKEND = "backend", "Backend"
    CLOUD = "cloud", "Cloud"
    RELIABILITY = "reliability", "Reliability"
    ML = "ml", "Machine learning"
    PLATFORM = "platform", "Platform"
    SECURITY = "security", "Security"
    INFRASTRUCTURE = "infrastructure", "Infrastructure"


class RoleQuerySet(models.QuerySet):
    def with_pay_midpoints(self):
        return self.annotate(
            total_mid=(F("total_min") + F("total_max")) / 2.0,
            base_mid=(F("base_min") + F("base_max")) / 2.0,
        )

    def ranked(self):
        """Roles in the article's ranking: total-comp midpoint, then base midpoint, highest first.

        The rank is computed on every query so an edited salary re-ranks at once.
        """
        order = [F("total_mid").desc(), F("base_mid").desc(), F("title").asc()]
        return (
            self.with_pay_midpoints()
            .annotate(rank=models.Window(models.functions.RowNumber(), order_by=order))
            .order_by(*order)
        )


class Role(PayRange):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=100)
    aliases = models.CharField(
        max_length=200, blank=True, help_text="Other titles for the same job, comma-separated."
    )
    track = models.CharField(max_length=20, choices=Track.choices)
    focus = models.CharField(max_length=120, help_text="The role's primary focus, in a phrase.")
    summary = models.CharField(max_length=300, help_text="One line for listings and previews.")
    what_they_do = models.TextField()
    salary_context = models.TextField()
    skills_and_ai = models.TextField(help_text="The stack and how AI changes the work.")
    how_to_get_there = models.TextField()
    total_peak = models.PositiveIntegerField(
        null=True, blank=True, help_text="Reported top-of-market total compensation, if any."
    )
    total_peak_note = models.CharField(max_length=120, blank=True)
    experience_min_years = models.PositiveSmallIntegerField()
    experience_max_years = models.PositiveSmallIntegerField(null=True, blank=True)
    experience_open_ended = models.BooleanField(
        default=False, help_text='The article writes the span as open-ended ("10-15+ years").'
    )
    experience_approximate = models.BooleanField(
        default=False,
        help_text='The article gives no span, only an estimate ("close to a decade").',
    )
    season = models.CharField(
        max_length=60, help_text='Where the role falls in a career, e.g. "Season 6-8".'
    )
    is_leadership = models.BooleanField(
        default=False,
        help_text="Its path ends in an architect, staff or principal position: the "
        '"Architecture and leadership" interest points here.',
    )
    pay_as_of = models.DateField(help_text="When the pay figures were last checked.")

    objects = SlugManager.from_queryset(RoleQuerySet)()
    history = HistoricalRecords(bases=[SourcedHistory])

    PAY_FIELDS = PAY_RANGE_FIELDS + ("total_peak",)

    class Meta:
        ordering = ["title"]
        constraints = [
            ordered_range("base", name="role_base_min_lte_max"),
            ordered_range("total", name="role_total_min_lte_max"),
            models.CheckConstraint(
                condition=Q(experience_max_years__isnull=True)
                | Q(experience_min_years__lte=F("experience_max_years")),
                name="role_years_min_lte_max",
                violation_error_message="The fewest years must not be above the most years.",
            ),
            positive("base_min", name="role_base_min_positive"),
            positive("total_min", name="role_total_min_positive"),
            models.CheckConstraint(
                condition=Q(total_peak__isnull=True) | Q(total_peak__gte=F("total_max")),
                name="role_peak_gte_total_max",
                violation_error_message="A reported peak must be at least the top of the range.",
            ),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    @cached_property
    def url(self) -> str:
        """Its page's address, worked out once per instance: the read model's instances serve
        every request of a data version."""
        return reverse("careers:role_detail", kwargs={"slug": self.slug})

    def get_absolute_url(self):
        return self.url

    def clean(self):
        errors = pay_range_errors(self)
        peak, top = self.total_peak, self.total_max
        if peak is not None and top is not None and peak <= top:
            errors["total_peak"] = (
                "A reported peak extends the range, so it must be above the highest"
                " total compensation."
            )
        errors |= reversed_range_error(
            self,
            "experience_min_years",
            "experience_max_years",
            message=YEARS_MESSAGE,
        )
        if not errors:
            errors |= self.text_errors()
        raise_errors(errors)

    TEXT_FIELDS = ("summary", "what_they_do", "salary_context", "skills_and_ai", "how_to_get_there")

    def text_errors(self) -> dict[str, list[str]]:
        """Texts that quote a figure by hand, or name one that does not exist: reported for the
        whole record, each naming its text, since a salary editor's or a list's form changes a
        figure without showing the texts (an error on a field a form lacks would be a 500)."""
        own = figures.figures_of(self)
        book = {**figure_book(), ("role", self.slug): own}
        held = own.placeholders()
        rows = self.comparisons.select_related("same_as_tier") if self.pk else ()
        for row in rows:
            if row.same_as_tier:
                tier = figures.figures_of(row.same_as_tier, peak=False)
                held |= tier.placeholders(f"tier:{row.same_as_tier.slug}.")
            elif not row.same_as_role:
                values = (
                    getattr(row, name) for name in figures.SINGLE_FIGURES + ("total_average",)
                )
                held |= {value: "nothing: the pay table shows it" for value in values if value}
        found = [
            f"{self._meta.get_field(name).verbose_name.capitalize()}: {error}"
            for name in self.TEXT_FIELDS
            for error in figures.text_errors(getattr(self, name), own=own, book=book, held=held)
        ]
        return {NON_FIELD_ERRORS: found} if found else {}

    def save(self, **kwargs):
        if self.pk and self.pay_changed_without_new_date():
            self.pay_as_of = timezone.localdate()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "pay_as_of"}
        super().save(**kwargs)

    def pay_changed_without_new_date(self) -> bool:
        """True when a pay figure differs from the stored one and the editor kept the old date."""
        stored = type(self).objects.filter(pk=self.pk).values(*self.PAY_FIELDS, "pay_as_of").first()
        if stored is None or stored["pay_as_of"] != self.pay_as_of:
            return False
        return any(stored[name] != getattr(self, name) for name in self.PAY_FIELDS)

    @property
    def alias_list(self) -> list[str]:
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]


def figure_book() -> dict[tuple[str, str], figures.Figures]:
    """Every role's and tier's figures, for the placeholders of texts being checked."""
    book = {("role", r.slug): figures.figures_of(r) for r in Role.objects.all()}
    tiers = ExperienceTier.objects.all()
    return book | {("tier", t.slug): figures.figures_of(t, peak=False) for t in tiers}


def held_figures(book: dict[tuple[str, str], figures.Figures]) -> dict[int, str]:
    """Each figure value in the book and the placeholder to write for it, tiers' preferred."""
    held: dict[int, str] = {}
    for (kind, slug), found in sorted(book.items(), key=lambda item: item[0][0] == "tier"):
        held |= found.placeholders(f"{kind}:{slug}.")
    return held


class Background(models.TextChoices):
    """Where a person stands now: the jobs the article's paths start from or pass through."""

    SWITCHER = "switcher", "Switching from a non-tech job"
    SELF_TAUGHT = "self-taught", "Self-taught or student"
    BACKEND = "backend", "Backend developer"
    FRONTEND = "frontend", "Frontend developer"
    SYSADMIN = "sysadmin", "Systems administrator or IT support"
    DEVOPS = "devops", "DevOps or cloud"
    SRE = "sre", "Site reliability or operations"
    DATA = "data", "Data or machine learning"
    SECURITY = "security", "Security"
    # Jobs the article does not name: their years count as time in tech, not on a path.
    QA = "qa", "QA or test automation"
    IT_MANAGEMENT = "it-management", "IT management"
    OTHER_TECH = "other-tech", "Another tech job"


class RoleNaturalKeyManager(models.Manager):
    def get_by_natural_key(self, role_slug, order):
        return self.get(role__slug=role_slug, order=order)


class CareerStage(models.Model):
    """One step on a role's path, in the order the article tells it."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField()
    years_min = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty where the article gives no year span."
    )
    years_max = models.PositiveSmallIntegerField(null=True, blank=True)
    years_open_ended = models.BooleanField(default=False, help_text='"10+ years" and the like.')
    title = models.CharField(max_length=120, help_text="The position held at this stage.")
    description = models.TextField(blank=True)

    objects = RoleNaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "order"], name="stage_unique_order"),
            ordered_range("years", name="stage_years_min_lte_max", nullable=True),
        ]

    def __str__(self):
        return f"{self.role}: {self.title}"

    def natural_key(self):
        return (self.role.slug, self.order)

    natural_key.dependencies = ["careers.role"]

    def clean(self):
        raise_errors(reversed_range_error(self, "years_min", "years_max", message=YEARS_MESSAGE))


class StageNaturalKeyManager(models.Manager):
    def get_by_natural_key(self, role_slug, order, other):
        return self.get(stage__role__slug=role_slug, stage__order=order, **{self.other: other})


class StageEntryManager(StageNaturalKeyManager):
    other = "background"


class StageEntry(models.Model):
    """A job the article names as this step of a path (a sysadmin's first step on the
    infrastructure path, say): people with that background already stand on it."""

    stage = models.ForeignKey(CareerStage, on_delete=models.CASCADE, related_name="entries")
    background = models.CharField(max_length=20, choices=Background.choices)

    objects = StageEntryManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["stage", "background"]
        verbose_name_plural = "stage entries"
        constraints = [
            models.UniqueConstraint(fields=["stage", "background"], name="stage_entry_unique"),
            models.CheckConstraint(
                condition=Q(background__in=Background.values),
                name="stage_entry_known_background",
                violation_error_message="Choose one of the listed backgrounds.",
            ),
        ]

    def __str__(self):
        return f"{self.stage}: {self.get_background_display()}"

    def natural_key(self):
        return (*self.stage.natural_key(), self.background)

    natural_key.dependencies = ["careers.careerstage"]


class StagePurpose(models.TextChoices):
    ASSUMES = "assumes", "Needed to step in"
    BUILDS = "builds", "What the step builds"


class SkillKind(models.TextChoices):
    LANGUAGE = "language", "Languages"
    DATA = "data", "Data and APIs"
    SYSTEMS = "systems", "Linux and networking"
    DELIVERY = "delivery", "Source control and CI/CD"
    CLOUD = "cloud", "Cloud"
    CONTAINERS = "containers", "Containers"
    IAC = "iac", "Infrastructure as code"
    OBSERVABILITY = "observability", "Observability"
    SECURITY = "security", "Security"
    ML = "ml", "Machine learning"
    PRACTICE = "practice", "Practices"


class Skill(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    kind = models.CharField(max_length=20, choices=SkillKind.choices)
    description = models.TextField()
    is_fundamental = models.BooleanField(
        default=False, help_text="One of the fundamentals the article says every role shares."
    )
    either_group = models.PositiveSmallIntegerField(
        default=0,
        help_text="For fundamentals: 0 when the skill is a fundamental on its own; fundamentals "
        "with the same number are one choice (a backend language: Python, Go or Java).",
    )
    counts_as = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tools",
        help_text="The broader skill this tool shows (Terraform shows Infrastructure as Code): "
        "whoever uses it is not asked to learn that one.",
    )

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    @cached_property
    def url(self) -> str:
        """Its page's address, worked out once per instance: the read model's instances serve
        every request of a data version."""
        return reverse("careers:skill_detail", kwargs={"slug": self.slug})

    def get_absolute_url(self):
        return self.url


class LearningResourceManager(models.Manager):
    def get_by_natural_key(self, skill_slug, url):
        return self.get(skill__slug=skill_slug, url=url)


class LearningResource(models.Model):
    """An official place to learn a skill: the project's or vendor's own documentation or free
    course. Plans and skill pages list them; none is a paid course or a sales page."""

    class Kind(models.TextChoices):
        DOCS = "docs", "Documentation"
        COURSE = "course", "Free course or tutorial"

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="learning_resources")
    title = models.CharField(max_length=120, help_text="As a person would name the link.")
    publisher = models.CharField(
        max_length=80, help_text="Who publishes it: the project, vendor or standards body."
    )
    url = models.URLField(max_length=300, help_text="Its https address on the publisher's site.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(default=0, help_text="Position under its skill.")

    objects = LearningResourceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["skill", "order"]
        constraints = [
            models.UniqueConstraint(fields=["skill", "url"], name="learning_resource_unique"),
            models.CheckConstraint(
                condition=Q(url__startswith="https://"),
                name="learning_resource_https",
                violation_error_message="Give the https address.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["docs", "course"]),
                name="learning_resource_known_kind",
                violation_error_message="Choose documentation or a free course.",
            ),
        ]

    def __str__(self):
        return f"{self.skill}: {self.title}"

    def natural_key(self):
        return (self.skill.slug, self.url)

    natural_key.dependencies = ["careers.skill"]


class StageSkillManager(StageNaturalKeyManager):
    other = "skill__slug"


class StageSkill(models.Model):
    """A skill the article ties to one step of a path: one it assumes you bring, or one the step
    is about. Rows of a stage that share an `either_group` above 0 are alternatives ("Go or
    Rust"): any one of them meets the need."""

    stage = models.ForeignKey(CareerStage, on_delete=models.CASCADE, related_name="stage_skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="stage_skills")
    purpose = models.CharField(max_length=10, choices=StagePurpose.choices)
    either_group = models.PositiveSmallIntegerField(
        default=0, help_text="0 when needed on its own; rows with the same number are alternatives."
    )
    order = models.PositiveSmallIntegerField(help_text="Alternatives are suggested in this order.")

    objects = StageSkillManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["stage", "order"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "skill"], name="stage_skill_unique"),
            models.UniqueConstraint(fields=["stage", "order"], name="stage_skill_unique_order"),
            models.CheckConstraint(
                condition=Q(purpose__in=StagePurpose.values),
                name="stage_skill_known_purpose",
                violation_error_message="Choose whether the step assumes or builds the skill.",
            ),
        ]

    def __str__(self):
        return f"{self.stage}: {self.skill} ({self.get_purpose_display()})"

    def natural_key(self):
        return (*self.stage.natural_key(), self.skill.slug)

    natural_key.dependencies = ["careers.careerstage", "careers.skill"]


class Importance(models.IntegerChoices):
    CORE = 1, "Core"
    EXPECTED = 2, "Expected"
    BONUS = 3, "Bonus"


class RoleSkillManager(models.Manager):
    def get_by_natural_key(self, role_slug, skill_slug):
        return self.get(role__slug=role_slug, skill__slug=skill_slug)


class RoleSkill(models.Model):
    """A skill a role asks for. Rows of a role that share an `either_group` above 0 are
    alternatives ("Python, Go or Java"): any one of them meets the need, which is as important
    as its most important row."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="role_skills")
    importance = models.PositiveSmallIntegerField(choices=Importance.choices)
    either_group = models.PositiveSmallIntegerField(
        default=0, help_text="0 when needed on its own; rows with the same number are alternatives."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position on the role page.")

    objects = RoleSkillManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "skill"], name="role_skill_unique"),
        ]

    def __str__(self):
        return f"{self.role}: {self.skill} ({self.get_importance_display()})"

    def natural_key(self):
        return (self.role.slug, self.skill.slug)

    natural_key.dependencies = ["careers.role", "careers.skill"]


class BackgroundSkillManager(models.Manager):
    def get_by_natural_key(self, background, skill_slug):
        return self.get(background=background, skill__slug=skill_slug)


class BackgroundSkill(models.Model):
    """A skill people of a background use after a year or two in that job. Step 2 of the
    questionnaire shows it ticked, marked as likely, and the person can untick it."""

    background = models.CharField(max_length=20, choices=Background.choices)
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="background_skills")
    basis = models.CharField(
        max_length=200,
        help_text="Why: the part of the article it follows, or what the job involves where the "
        "article does not name it.",
    )

    objects = BackgroundSkillManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["background", "skill__name"]
        constraints = [
            models.UniqueConstraint(fields=["background", "skill"], name="background_skill_unique"),
            models.CheckConstraint(
                condition=Q(background__in=Background.values),
                name="background_skill_known_background",
                violation_error_message="Choose one of the listed backgrounds.",
            ),
        ]

    def __str__(self):
        return f"{self.get_background_display()}: {self.skill}"

    def natural_key(self):
        return (self.background, self.skill.slug)

    natural_key.dependencies = ["careers.skill"]


LINKED_ROW_MESSAGE = (
    "This row shows the role's or a tier's own figures, so it holds none of its own: leave this"
    " empty and edit the role or the tier."
)


class PayComparison(models.Model):
    """A row of a role's pay table: the role itself or a neighbouring job set beside it.

    A row showing the role itself or an experience tier takes its figures from that record, so
    one edit changes every place the figure appears. Other rows hold their own figures; some give
    no range ("Varies by level"), so every figure is optional and a note stands in.
    """

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="comparisons")
    order = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=100)
    same_as_role = models.BooleanField(
        default=False, help_text="The row shows this role's own pay: leave its figures empty."
    )
    same_as_tier = models.ForeignKey(
        ExperienceTier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pay_rows",
        help_text="The row shows this experience tier's pay: leave its figures empty.",
    )
    base_min = models.PositiveIntegerField(null=True, blank=True)
    base_max = models.PositiveIntegerField(null=True, blank=True)
    base_max_open_ended = models.BooleanField(default=False)
    base_note = models.CharField(
        max_length=80, blank=True, help_text="Shown when there is no range."
    )
    total_min = models.PositiveIntegerField(null=True, blank=True)
    total_max = models.PositiveIntegerField(null=True, blank=True)
    total_max_open_ended = models.BooleanField(default=False)
    total_average = models.PositiveIntegerField(
        null=True, blank=True, help_text="A reported average, where the article gives one."
    )
    total_note = models.CharField(
        max_length=80, blank=True, help_text="Shown when there is no range."
    )
    focus = models.CharField(max_length=120, blank=True)

    objects = RoleNaturalKeyManager()
    history = HistoricalRecords(bases=[SourcedHistory])

    class Meta:
        ordering = ["role", "order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "order"], name="comparison_unique_order"),
            models.CheckConstraint(
                condition=Q(same_as_role=False) | Q(same_as_tier__isnull=True),
                name="comparison_one_origin",
                violation_error_message="A row shows the role or a tier, not both.",
            ),
            models.CheckConstraint(
                condition=Q(same_as_role=False, same_as_tier__isnull=True)
                | Q(
                    base_min__isnull=True,
                    base_max__isnull=True,
                    base_max_open_ended=False,
                    base_note="",
                    total_min__isnull=True,
                    total_max__isnull=True,
                    total_max_open_ended=False,
                    total_average__isnull=True,
                    total_note="",
                ),
                name="comparison_linked_row_has_no_own_figures",
                violation_error_message=LINKED_ROW_MESSAGE,
            ),
            ordered_range("base", name="comparison_base_min_lte_max", nullable=True),
            ordered_range("total", name="comparison_total_min_lte_max", nullable=True),
            positive("base_min", name="comparison_base_min_positive"),
            positive("total_min", name="comparison_total_min_positive"),
        ]

    PAY_FIELDS = PAY_RANGE_FIELDS + ("total_average", "base_note", "total_note")

    def __str__(self):
        return f"{self.role}: {self.label}"

    @property
    def is_linked(self) -> bool:
        return self.same_as_role or self.same_as_tier_id is not None

    def clean(self):
        errors = pay_range_errors(self)
        if self.same_as_role and self.same_as_tier_id is not None:
            errors["same_as_tier"] = "A row shows the role or a tier, not both."
        elif self.is_linked:
            own = [name for name in self.PAY_FIELDS if getattr(self, name) not in (None, "", False)]
            errors |= dict.fromkeys(own, LINKED_ROW_MESSAGE)
        raise_errors(errors)

    def save(self, **kwargs):
        """A row added or changed is a change to its role's pay data: the role's date moves."""
        changed = self._state.adding or self.pay_changed()
        super().save(**kwargs)
        if changed:
            self.move_roles_date()

    def move_roles_date(self) -> None:
        Role.objects.filter(pk=self.role_id).update(pay_as_of=timezone.localdate())

    def pay_changed(self) -> bool:
        stored = type(self).objects.filter(pk=self.pk).values(*self.PAY_FIELDS).first()
        return stored is not None and any(
            stored[name] != getattr(self, name) for name in self.PAY_FIELDS
        )

    def natural_key(self):
        return (self.role.slug, self.order)

    natural_key.dependencies = ["careers.role"]


@receiver(post_delete, sender=PayComparison)
def pay_row_deleted(sender, instance: PayComparison, **kwargs) -> None:
    """A deleted row is a pay change too (a signal, so queryset deletes count as well)."""
    instance.move_roles_date()


class SourceKind(models.TextChoices):
    SALARY_DATA = "salary-data", "Salary data"
    REPORT = "report", "Report or guide"
    ROUNDUP = "roundup", "Roundup"
    STUDY = "study", "Study"
    COMMUNITY = "community", "Community discussion"


class Source(models.Model):
    """A report behind a figure or a claim: one the article cites, or one an editor took a new
    figure from (with its address and the day it was read)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80, help_text="Who published it, e.g. Glassdoor.")
    title = models.CharField(max_length=160, help_text="What the article calls the report.")
    kind = models.CharField(max_length=20, choices=SourceKind.choices)
    description = models.TextField(blank=True, help_text="What it backs, in our words.")
    url = models.URLField(blank=True, help_text="Its address, when known.")
    read_on = models.DateField(
        null=True, blank=True, help_text="When we read it; empty for reports known only by name."
    )

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "title"]

    def __str__(self):
        return f"{self.name}: {self.title}"

    def natural_key(self):
        return (self.slug,)


class Backs(models.TextChoices):
    PAY = "pay", "Pay figures"
    PEAK = "peak", "Top-of-market pay"
    DEMAND = "demand", "Demand and ranking"
    SKILLS = "skills", "Skills"
    AI = "ai", "AI's effect"


class RoleSourceManager(models.Manager):
    def get_by_natural_key(self, role_slug, source_slug):
        return self.get(role__slug=role_slug, source__slug=source_slug)


class RoleSource(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_sources")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="role_sources")
    backs = models.CharField(max_length=10, choices=Backs.choices)

    objects = RoleSourceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "source"]
        constraints = [
            models.UniqueConstraint(fields=["role", "source"], name="role_source_unique"),
        ]

    def __str__(self):
        return f"{self.role}: {self.source.name} ({self.get_backs_display()})"

    def natural_key(self):
        return (self.role.slug, self.source.slug)

    natural_key.dependencies = ["careers.role", "careers.source"]


class Unit(models.TextChoices):
    PERCENT = "percent", "Percent"
    USD = "usd", "US dollars"


class Statistic(models.Model):
    """A figure the article quotes outside the role tables, such as the specialization premium."""

    slug = models.SlugField(unique=True)
    label = models.CharField(max_length=120)
    low = models.DecimalField(max_digits=10, decimal_places=1)
    high = models.DecimalField(
        max_digits=10, decimal_places=1, null=True, blank=True, help_text="Empty for one value."
    )
    unit = models.CharField(max_length=10, choices=Unit.choices)
    explanation = models.TextField()
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="statistics")

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(high__isnull=True) | Q(low__lte=F("high")),
                name="statistic_low_lte_high",
                violation_error_message="The low value must not be above the high value.",
            )
        ]

    def __str__(self):
        return self.label

    def natural_key(self):
        return (self.slug,)


class FaqEntry(models.Model):
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(unique=True)
    question = models.CharField(max_length=200)
    answer = models.TextField()
    offers_questionnaire = models.BooleanField(
        default=False,
        help_text="Follow the answer with a call to the next-episode questionnaire, for a "
        "question about where to start.",
    )

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self):
        return self.question

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        book = figure_book()
        held = held_figures(book)
        errors = {}
        for name in ("question", "answer"):
            found = figures.text_errors(getattr(self, name), own=None, book=book, held=held)
            if found:
                errors[name] = found
        raise_errors(errors)


class DataVersion(models.Model):
    """One row: a token replaced in the same transaction as any change to the data above.

    Every app server compares it with the token its in-memory read model was built from
    (careers/read_model.py), so an edit reaches all of them on their next request, with or
    without Redis.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    token = models.CharField(max_length=32)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="data_version_single_row")]

    def __str__(self):
        return self.token
