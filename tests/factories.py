import datetime

import factory

from careers import data_version
from careers.models import (
    Backs,
    CareerStage,
    ExperienceTier,
    FaqEntry,
    Importance,
    PayComparison,
    Role,
    RoleSkill,
    RoleSource,
    Skill,
    SkillKind,
    Source,
    SourceKind,
    Statistic,
    Track,
    Unit,
)


class ExperienceTierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExperienceTier
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"tier-{n}")
    name = factory.Sequence(lambda n: f"Tier {n}")
    order = factory.Sequence(lambda n: n + 1)
    years_min = 0
    years_max = 2
    base_min = 75_000
    base_max = 95_000
    total_min = 90_000
    total_max = 140_000


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    slug = factory.Sequence(lambda n: f"role-{n}")
    title = factory.Sequence(lambda n: f"Engineer {n}")
    track = Track.BACKEND
    focus = "Core services"
    summary = factory.Faker("sentence")
    what_they_do = factory.Faker("paragraph")
    salary_context = factory.Faker("paragraph")
    skills_and_ai = factory.Faker("paragraph")
    how_to_get_there = factory.Faker("paragraph")
    base_min = 140_000
    base_max = 180_000
    total_min = 200_000
    total_max = 300_000
    experience_min_years = 5
    experience_max_years = 8
    experience_open_ended = True
    season = "Season 3 or 4"
    pay_as_of = datetime.date(2026, 1, 15)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    slug = factory.Sequence(lambda n: f"skill-{n}")
    name = factory.Sequence(lambda n: f"Skill {n}")
    kind = SkillKind.PRACTICE
    description = factory.Faker("sentence")


class RoleSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleSkill

    role = factory.SubFactory(RoleFactory)
    skill = factory.SubFactory(SkillFactory)
    importance = Importance.CORE
    order = factory.Sequence(lambda n: n)


class CareerStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerStage

    role = factory.SubFactory(RoleFactory)
    order = factory.Sequence(lambda n: n + 1)
    years_min = 0
    years_max = 2
    title = "Junior engineer"
    description = factory.Faker("sentence")


class PayComparisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PayComparison

    role = factory.SubFactory(RoleFactory)
    order = factory.Sequence(lambda n: n + 1)
    label = "Senior engineer"
    base_min = 135_000
    base_max = 180_000
    total_min = 220_000
    total_max = 350_000
    focus = "Automation"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    name = factory.Sequence(lambda n: f"Publisher {n}")
    title = "Salary report"
    kind = SourceKind.SALARY_DATA
    description = factory.Faker("sentence")


class RoleSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleSource

    role = factory.SubFactory(RoleFactory)
    source = factory.SubFactory(SourceFactory)
    backs = Backs.PAY


class StatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statistic

    slug = factory.Sequence(lambda n: f"statistic-{n}")
    label = "Specialization premium"
    low = 20
    high = 30
    unit = Unit.PERCENT
    explanation = factory.Faker("sentence")
    source = factory.SubFactory(SourceFactory)


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    slug = factory.Sequence(lambda n: f"question-{n}")
    order = factory.Sequence(lambda n: n + 1)
    question = factory.Faker("sentence")
    answer = factory.Faker("paragraph")


def build_catalogue(*, roles: int) -> list[Role]:
    """A full-shaped data set: each role with stages, skills, comparisons and a source.

    Written with bulk inserts and a first history record each (as `load_fixtures` writes
    them), because the query-count tests build it at 200 roles: one save at a time, with its
    history row and signals, took most of their run time.
    """
    skills = SkillFactory.create_batch(6)
    built = Role.objects.bulk_create(
        [RoleFactory.build(total_max=300_000 + index * 1_000) for index in range(roles)]
    )
    sources = Source.objects.bulk_create([SourceFactory.build() for _ in built])
    rows = {
        RoleSkill: [
            RoleSkillFactory.build(role=role, skill=skill, order=order)
            for role in built
            for order, skill in enumerate(skills[:4])
        ],
        CareerStage: [CareerStageFactory.build(role=role) for role in built for _ in range(3)],
        PayComparison: [PayComparisonFactory.build(role=role) for role in built for _ in range(2)],
        RoleSource: [
            RoleSourceFactory.build(role=role, source=source)
            for role, source in zip(built, sources, strict=True)
        ],
    }
    for model, objects in rows.items():
        model.objects.bulk_create(objects)
    for model, objects in ((Role, built), (Source, sources), *rows.items()):
        model.history.bulk_history_create(objects)
    data_version.bump()  # bulk inserts send no signals
    return built
