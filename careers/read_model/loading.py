"""The read model from the database, in a fixed number of queries whatever the data's size."""

from itertools import groupby

from django.db.models import Prefetch
from django.urls import reverse

from careers import figures, models
from careers.pay_changes import PayEdit, pay_edits
from careers.read_model.model import ReadModel, SourceUse
from careers.read_model.records import (
    FaqEntry,
    FigureSource,
    LearningLink,
    Need,
    Pay,
    PayRow,
    Role,
    RoleSkill,
    RoleSource,
    Skill,
    Source,
    Stage,
    Statistic,
    Tier,
    with_start_years,
)


def address(name: str):
    """A function giving the page of `name` for a slug, reversed once rather than per record."""
    prefix = reverse(f"careers:{name}", kwargs={"slug": "-"})[: -len("-/")]
    return lambda slug: f"{prefix}{slug}/"


def pay_of(record) -> Pay:
    return Pay(**{name: getattr(record, name) for name in models.PAY_RANGE_FIELDS})


def needs_of(rows, *, skills: dict[int, Skill]) -> tuple[Need, ...]:
    """Rows in order; rows sharing an either-group above 0 become one need of alternatives."""
    needs, groups = [], {}
    for row in rows:
        skill = skills[row.skill_id]
        if row.either_group == 0:
            needs.append([skill])
        elif row.either_group in groups:
            groups[row.either_group].append(skill)
        else:
            groups[row.either_group] = [skill]
            needs.append(groups[row.either_group])
    return tuple(Need(tuple(skills)) for skills in needs)


def stage_of(stage: models.CareerStage, *, skills: dict[int, Skill]) -> Stage:
    rows = sorted(stage.stage_skills.all(), key=lambda row: (row.purpose, row.order))
    by_purpose = {purpose: list(group) for purpose, group in groupby(rows, lambda r: r.purpose)}
    return Stage(
        order=stage.order,
        title=stage.title,
        description=stage.description,
        years_min=stage.years_min,
        years_max=stage.years_max,
        years_open_ended=stage.years_open_ended,
        entries=frozenset(entry.background for entry in stage.entries.all()),
        assumes=needs_of(by_purpose.get(models.StagePurpose.ASSUMES, []), skills=skills),
        builds=needs_of(by_purpose.get(models.StagePurpose.BUILDS, []), skills=skills),
    )


def source_of(source: models.Source) -> Source:
    return Source(
        slug=source.slug,
        name=source.name,
        title=source.title,
        kind=source.kind,
        kind_label=source.get_kind_display(),
        description=source.description,
        url=source.url,
        read_on=source.read_on,
    )


def pay_row_of(row: models.PayComparison, *, role: models.Role, tiers: dict[int, Tier]) -> PayRow:
    """A pay-table row with its figures read from the role or the tier it shows, if it shows one."""
    linked = role if row.same_as_role else tiers[row.same_as_tier_id].pay if row.is_linked else row
    return PayRow(
        label=row.label,
        base_min=linked.base_min,
        base_max=linked.base_max,
        base_max_open_ended=linked.base_max_open_ended,
        base_note=row.base_note,
        total_min=linked.total_min,
        total_max=linked.total_max,
        total_max_open_ended=linked.total_max_open_ended,
        total_average=row.total_average,
        total_note=row.total_note,
        focus=row.focus,
    )


def figure_sources(edits: tuple[PayEdit, ...]) -> dict[tuple[str, str], tuple[FigureSource, ...]]:
    """For each role and tier an edit touched, where each edited figure now comes from: the
    newest edit of that figure (`edits` are newest first)."""
    latest: dict[tuple[str, str], dict[str, FigureSource]] = {}
    for edit in edits:
        if edit.record[0] not in {"role", "tier"}:
            continue
        found = latest.setdefault(edit.record, {})
        for change in edit.changes:
            found.setdefault(
                change.field,
                FigureSource(
                    change.figure, change.new, edit.source, edit.reason, edit.changed_at.date()
                ),
            )
    return {record: tuple(found.values()) for record, found in latest.items()}


def role_of(
    role: models.Role,
    *,
    skills: dict[int, Skill],
    sources: dict[int, Source],
    tiers: dict[int, Tier],
    book: figures.Book,
    edited: dict[tuple[str, str], tuple[FigureSource, ...]],
) -> Role:
    role_url, plan_url = address("role_detail"), address("plan")
    own = book[("role", role.slug)]

    def text(value: str) -> str:
        return figures.fill(value, own=own, book=book)

    return Role(
        slug=role.slug,
        title=role.title,
        rank=role.rank,
        track=role.track,
        track_label=role.get_track_display(),
        url=role_url(role.slug),
        plan_url=plan_url(role.slug),
        pay=pay_of(role),
        stages=with_start_years([stage_of(s, skills=skills) for s in role.stages.all()]),
        skills=tuple(
            RoleSkill(skills[link.skill_id], link.importance, link.either_group)
            for link in role.role_skills.all()
        ),
        aliases=tuple(role.alias_list),
        focus=role.focus,
        summary=text(role.summary),
        what_they_do=text(role.what_they_do),
        salary_context=text(role.salary_context),
        skills_and_ai=text(role.skills_and_ai),
        how_to_get_there=text(role.how_to_get_there),
        total_peak=role.total_peak,
        total_peak_note=role.total_peak_note,
        experience_min_years=role.experience_min_years,
        experience_max_years=role.experience_max_years,
        experience_open_ended=role.experience_open_ended,
        experience_approximate=role.experience_approximate,
        season=role.season,
        pay_as_of=role.pay_as_of,
        is_leadership=role.is_leadership,
        comparisons=tuple(
            pay_row_of(row, role=role, tiers=tiers) for row in role.comparisons.all()
        ),
        sources=tuple(
            RoleSource(sources[link.source_id], link.backs, link.get_backs_display())
            for link in role.role_sources.all()
        ),
        figure_sources=edited.get(("role", role.slug), ()),
    )


def skills_of() -> dict[int, Skill]:
    """Every skill by id, with how many roles ask for it."""
    counts: dict[int, int] = {}
    for skill_id in models.RoleSkill.objects.values_list("skill_id", flat=True):
        counts[skill_id] = counts.get(skill_id, 0) + 1
    skill_url = address("skill_detail")
    return {
        skill.pk: Skill(
            slug=skill.slug,
            name=skill.name,
            kind=skill.kind,
            kind_label=skill.get_kind_display(),
            is_fundamental=skill.is_fundamental,
            url=skill_url(skill.slug),
            description=skill.description,
            either_group=skill.either_group,
            counts_as=skill.counts_as.slug if skill.counts_as else None,
            role_count=counts.get(skill.pk, 0),
            learn=tuple(
                LearningLink(link.title, link.publisher, link.url, link.get_kind_display())
                for link in skill.learning_resources.all()
            ),
        )
        for skill in models.Skill.objects.select_related("counts_as").prefetch_related(
            "learning_resources"
        )
    }


def build(version: str = "") -> ReadModel:
    """Everything public, for the data as it is now."""
    skills = skills_of()
    sources = {source.pk: source_of(source) for source in models.Source.objects.all()}
    ranked = models.Role.objects.ranked().prefetch_related(
        Prefetch("role_skills", queryset=models.RoleSkill.objects.order_by("order")),
        Prefetch(
            "stages",
            queryset=models.CareerStage.objects.prefetch_related("entries", "stage_skills"),
        ),
        "comparisons",
        "role_sources",
    )
    tiers = {
        t.pk: Tier(t.slug, t.name, t.order, t.years_min, t.years_max, pay_of(t), t.summary)
        for t in models.ExperienceTier.objects.all()
    }
    book = {("tier", t.slug): figures.figures_of(t.pay) for t in tiers.values()}
    book |= {("role", role.slug): figures.figures_of(role) for role in ranked}
    edits = tuple(pay_edits(sources))
    edited = figure_sources(edits)
    roles = tuple(
        role_of(role, skills=skills, sources=sources, tiers=tiers, book=book, edited=edited)
        for role in ranked
    )
    return ReadModel(
        version=version,
        roles=roles,
        tiers=tuple(tiers.values()),
        skills=tuple(sorted(skills.values(), key=lambda skill: skill.name)),
        faq=tuple(
            FaqEntry(
                f.slug,
                f.order,
                figures.fill(f.question, book=book),
                figures.fill(f.answer, book=book),
                f.offers_questionnaire,
            )
            for f in models.FaqEntry.objects.all()
        ),
        sources=source_uses(sources, roles),
        statistics=tuple(
            Statistic(s.slug, s.label, s.low, s.high, s.unit, s.explanation, sources[s.source_id])
            for s in models.Statistic.objects.all()
        ),
        pay_edits=edits,
        background_skills=background_skills(skills),
    )


def source_uses(sources: dict[int, Source], roles: tuple[Role, ...]) -> tuple[SourceUse, ...]:
    """Each report (by publisher, then title) and the roles it backs, by title."""
    backed: dict[str, list[Role]] = {}
    for role in roles:
        for link in role.sources:
            backed.setdefault(link.source.slug, []).append(role)
    ordered = sorted(sources.values(), key=lambda source: (source.name, source.title))
    return tuple(
        SourceUse(source, tuple(sorted(backed.get(source.slug, []), key=lambda r: r.title)))
        for source in ordered
    )


def background_skills(skills: dict[int, Skill]) -> dict[str, tuple[str, ...]]:
    credited: dict[str, list[str]] = {}
    for row in models.BackgroundSkill.objects.order_by("background", "skill__name"):
        credited.setdefault(row.background, []).append(skills[row.skill_id].slug)
    return {background: tuple(slugs) for background, slugs in credited.items()}
