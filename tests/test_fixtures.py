"""The seed fixtures hold the article's figures exactly, and load cleanly and repeatably."""

import datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from careers import formatting, read_model
from careers.models import (
    Background,
    BackgroundSkill,
    Backs,
    CareerStage,
    ExperienceTier,
    FaqEntry,
    Importance,
    LearningResource,
    PayComparison,
    Role,
    RoleSkill,
    RoleSource,
    Skill,
    Source,
    StageEntry,
    StagePurpose,
    StageSkill,
    Statistic,
)
from careers.seed import SEED_FIXTURES, SEED_MODELS

NO_RANGE = (None, None, False)


class Tier(NamedTuple):
    order: int
    name: str
    years: tuple
    base: tuple
    total: tuple


class RoleFacts(NamedTuple):
    base: tuple
    total: tuple
    peak: int | None
    experience: tuple
    season: str


class Row(NamedTuple):
    """One row of a role's pay table."""

    label: str
    base: tuple = NO_RANGE
    total: tuple = NO_RANGE
    base_note: str = ""
    total_note: str = ""
    total_average: int | None = None


SEEDED_MODELS = [apps.get_model(SEED_MODELS[name]) for name in SEED_FIXTURES]

EXPECTED_COUNTS = {
    ExperienceTier: 4,
    Skill: 57,
    Source: 18,
    Role: 10,
    CareerStage: 35,
    RoleSkill: 192,
    PayComparison: 15,
    RoleSource: 17,
    Statistic: 4,
    FaqEntry: 5,
    StageEntry: 42,
    StageSkill: 144,
    BackgroundSkill: 28,
    LearningResource: 105,
}


@pytest.fixture
def seed(seed_once, db):
    """Every test here only reads the data, so it is loaded once for the module."""


def counts():
    return {model: model.objects.count() for model in SEEDED_MODELS}


def money_range(low, high, open_ended):
    return f"${low:,}-${high:,}" + ("+" if open_ended else "")


def as_the_site_writes(figures: str) -> str:
    """The article's "$200,000-$280,000" as pages write it: "$200,000 – $280,000"."""
    return figures.replace("-$", f" {formatting.EN_DASH} $")


# --------------------------------------------------------------------------- loading


def test_seed_creates_the_expected_number_of_each_record(seed):
    assert counts() == EXPECTED_COUNTS


def test_loading_the_seed_twice_creates_no_duplicates(seed):
    call_command("loaddata", *SEED_FIXTURES, verbosity=0)

    assert counts() == EXPECTED_COUNTS


def test_every_seeded_record_passes_model_validation(seed):
    for model in SEEDED_MODELS:
        for obj in model.objects.all():
            obj.full_clean()


# --------------------------------------------------------------------------- tiers

TIERS = {
    "entry": Tier(
        1, "Entry", years=(0, 2), base=(75_000, 95_000, False), total=(90_000, 140_000, False)
    ),
    "mid": Tier(
        2, "Mid", years=(3, 5), base=(95_000, 135_000, False), total=(140_000, 220_000, False)
    ),
    "senior": Tier(
        3, "Senior", years=(6, 10), base=(135_000, 180_000, False), total=(220_000, 350_000, False)
    ),
    "staff-principal": Tier(
        4,
        "Staff/Principal",
        years=(10, None),
        base=(170_000, 250_000, True),
        total=(300_000, 600_000, True),
    ),
}


@pytest.mark.parametrize("slug", TIERS)
def test_tier_years_and_pay_match_the_article(seed, slug):
    tier = ExperienceTier.objects.get(slug=slug)

    assert (
        Tier(
            tier.order,
            tier.name,
            years=(tier.years_min, tier.years_max),
            base=(tier.base_min, tier.base_max, tier.base_max_open_ended),
            total=(tier.total_min, tier.total_max, tier.total_max_open_ended),
        )
        == TIERS[slug]
    )
    assert tier.summary


# --------------------------------------------------------------------------- roles

# experience: (min, max, open-ended, approximate); base/total: (min, max, open-ended)
ROLES = {
    "principal-devops-engineer": RoleFacts(
        base=(200_000, 280_000, False),
        total=(400_000, 600_000, True),
        peak=750_000,
        experience=(10, 15, True, False),
        season="Season 6-8",
    ),
    "staff-backend-engineer": RoleFacts(
        base=(170_000, 230_000, False),
        total=(300_000, 450_000, True),
        peak=None,
        experience=(8, 12, True, False),
        season="Seasons 4-6",
    ),
    "backend-architect": RoleFacts(
        base=(150_000, 200_000, False),
        total=(275_000, 425_000, False),
        peak=None,
        experience=(10, 10, False, True),
        season="Well past Season 1",
    ),
    "cloud-architect": RoleFacts(
        base=(140_000, 195_000, False),
        total=(250_000, 450_000, False),
        peak=None,
        experience=(8, 10, True, False),
        season="Season 5 or later",
    ),
    "site-reliability-engineer": RoleFacts(
        base=(140_000, 175_000, True),
        total=(250_000, 400_000, False),
        peak=None,
        experience=(8, 12, True, False),
        season="Several seasons",
    ),
    "mlops-engineer": RoleFacts(
        base=(134_000, 193_000, False),
        total=(220_000, 380_000, False),
        peak=None,
        experience=(5, 8, True, False),
        season="Season 3 or 4",
    ),
    "platform-engineer": RoleFacts(
        base=(135_000, 180_000, False),
        total=(220_000, 350_000, False),
        peak=None,
        experience=(5, 8, True, False),
        season="Season 3 or 4",
    ),
    "devsecops-engineer": RoleFacts(
        base=(165_000, 204_000, True),
        total=(200_000, 350_000, False),
        peak=None,
        experience=(5, 8, True, False),
        season="Season 3 or 4",
    ),
    "infrastructure-engineer": RoleFacts(
        base=(140_000, 180_000, False),
        total=(200_000, 340_000, False),
        peak=None,
        experience=(5, 9, True, False),
        season="Seasons 4-6",
    ),
    "senior-backend-go-rust": RoleFacts(
        base=(110_000, 193_000, False),
        total=(190_000, 310_000, False),
        peak=None,
        experience=(5, 8, True, False),
        season="After Season 1",
    ),
}

# The article's Top 10, best paid first.
ARTICLE_ORDER = list(ROLES)


@pytest.mark.parametrize("slug", ROLES)
def test_role_pay_experience_and_season_match_the_article(seed, slug):
    role = Role.objects.get(slug=slug)

    assert (
        RoleFacts(
            base=(role.base_min, role.base_max, role.base_max_open_ended),
            total=(role.total_min, role.total_max, role.total_max_open_ended),
            peak=role.total_peak,
            experience=(
                role.experience_min_years,
                role.experience_max_years,
                role.experience_open_ended,
                role.experience_approximate,
            ),
            season=role.season,
        )
        == ROLES[slug]
    )


@pytest.mark.parametrize("slug", ROLES)
def test_role_salary_prose_quotes_the_role_pay_ranges_from_its_fields(seed, slug):
    role = Role.objects.get(slug=slug)
    shown = read_model.current().role_by_slug[slug].salary_context

    assert "{base}" in role.salary_context and "{total}" in role.salary_context
    base = money_range(role.base_min, role.base_max, role.base_max_open_ended)
    total = money_range(role.total_min, role.total_max, role.total_max_open_ended)
    assert as_the_site_writes(base) in shown
    assert as_the_site_writes(total) in shown
    assert "{" not in shown


def test_only_the_principal_devops_role_has_a_reported_peak(seed):
    peaks = {r.slug: (r.total_peak, r.total_peak_note) for r in Role.objects.all() if r.total_peak}

    assert peaks == {"principal-devops-engineer": (750_000, "Reported at top firms")}


def test_every_roles_pay_date_is_the_article_date_or_a_later_edit(seed):
    """`export_fixtures` writes an edited role's newer date back, as documented."""
    for role in Role.objects.all():
        assert datetime.date(2026, 1, 15) <= role.pay_as_of <= timezone.localdate(), role.slug


def test_every_role_has_all_its_prose_filled_in(seed):
    for role in Role.objects.all():
        assert role.focus and role.summary, role.slug
        assert role.what_they_do and role.salary_context, role.slug
        assert role.skills_and_ai and role.how_to_get_there, role.slug


def test_roles_rank_in_the_article_order(seed):
    ranked = [role.slug for role in Role.objects.ranked()]

    assert ranked == ARTICLE_ORDER


def test_role_aliases_name_the_other_titles_the_article_uses(seed):
    aliases = {r.slug: r.alias_list for r in Role.objects.all() if r.aliases}

    assert aliases == {
        "principal-devops-engineer": ["DevOps Architect"],
        "site-reliability-engineer": ["Staff/Principal SRE"],
        "platform-engineer": ["Senior Platform Engineer"],
        "devsecops-engineer": ["Senior DevSecOps Engineer"],
        "infrastructure-engineer": ["Senior/Staff Infrastructure Engineer"],
    }


# --------------------------------------------------------------------------- stages

# slug: [(years_min, years_max, years_open_ended), ...] in the article's order
STAGES = {
    "principal-devops-engineer": [(0, 2, False), (3, 5, False), (6, 9, False), (10, None, True)],
    "staff-backend-engineer": [(0, 2, False), (3, 5, False), (6, 9, False), (8, 12, True)],
    "backend-architect": [
        (None, None, False),
        (None, None, False),
        (None, None, False),
        (10, None, False),
    ],
    "cloud-architect": [(0, 2, False), (3, 5, False), (6, 9, True), (8, 10, True)],
    "site-reliability-engineer": [(0, 2, False), (3, 5, False), (6, 9, False), (8, 12, True)],
    "mlops-engineer": [(0, 2, False), (3, 5, False), (5, 8, True)],
    "platform-engineer": [(0, 2, False), (3, 5, False), (5, 8, True)],
    "devsecops-engineer": [(0, 2, False), (3, 5, False), (5, 8, True)],
    "infrastructure-engineer": [(0, 2, False), (3, 5, False), (5, 9, True)],
    "senior-backend-go-rust": [(0, 2, False), (3, 5, False), (5, 8, True)],
}


@pytest.mark.parametrize("slug", STAGES)
def test_career_stages_follow_the_article_year_spans_in_order(seed, slug):
    stages = CareerStage.objects.filter(role__slug=slug).order_by("order")

    assert [s.order for s in stages] == list(range(1, len(STAGES[slug]) + 1))
    assert [(s.years_min, s.years_max, s.years_open_ended) for s in stages] == STAGES[slug]
    assert all(s.title and s.description for s in stages)


# --------------------------------------------------------------------------- pay tables

SENIOR_BASE, SENIOR_TOTAL = (135_000, 180_000, False), (220_000, 350_000, False)
GO_RUST_BASE, GO_RUST_TOTAL = (110_000, 193_000, False), (190_000, 310_000, False)
COMPARISONS = {
    "principal-devops-engineer": [
        Row(
            "Principal DevOps Engineer / DevOps Architect",
            base=(200_000, 280_000, False),
            total=(400_000, 600_000, True),
        ),
    ],
    "staff-backend-engineer": [
        Row("Senior Backend Engineer", base=SENIOR_BASE, total=SENIOR_TOTAL),
        Row(
            "Staff Backend Engineer", base=(170_000, 230_000, False), total=(300_000, 450_000, True)
        ),
    ],
    "backend-architect": [],
    "cloud-architect": [
        Row("Cloud Architect", base=(140_000, 195_000, False), total=(250_000, 450_000, False)),
    ],
    "site-reliability-engineer": [
        Row("Senior DevOps Engineer", base=SENIOR_BASE, total=SENIOR_TOTAL),
        Row("Staff/Principal SRE", base=(140_000, 175_000, True), total=(250_000, 400_000, False)),
    ],
    "mlops-engineer": [
        Row("MLOps Engineer", base=(134_000, 193_000, False), total=(220_000, 380_000, False)),
        Row("AI/ML Engineer", base_note="Varies by level", total_average=187_000),
    ],
    "platform-engineer": [
        Row("Senior DevOps Engineer", base=SENIOR_BASE, total=SENIOR_TOTAL),
        Row("Senior Platform Engineer", base=SENIOR_BASE, total=SENIOR_TOTAL),
    ],
    "devsecops-engineer": [
        Row(
            "Senior DevSecOps Engineer",
            base=(165_000, 204_000, True),
            total=(200_000, 350_000, False),
        ),
    ],
    "infrastructure-engineer": [
        Row(
            "Infrastructure Engineer (Senior/Staff)",
            base=(140_000, 180_000, False),
            total=(200_000, 340_000, False),
        ),
        Row(
            "DevOps Engineer (Senior)",
            base_note="Varies by market",
            total_note="Overlaps with mid-upper six figures",
        ),
    ],
    "senior-backend-go-rust": [
        Row("Senior Backend (Go)", base=GO_RUST_BASE, total=GO_RUST_TOTAL),
        Row("Senior Backend (Rust)", base=GO_RUST_BASE, total=GO_RUST_TOTAL),
    ],
}


@pytest.mark.parametrize("slug", COMPARISONS)
def test_pay_table_rows_match_the_article_in_order(seed, slug):
    orders = PayComparison.objects.filter(role__slug=slug).values_list("order", flat=True)
    rows = read_model.current().role_by_slug[slug].comparisons

    assert list(orders) == list(range(1, len(COMPARISONS[slug]) + 1))
    assert [
        Row(
            row.label,
            base=(row.base_min, row.base_max, row.base_max_open_ended),
            total=(row.total_min, row.total_max, row.total_max_open_ended),
            base_note=row.base_note,
            total_note=row.total_note,
            total_average=row.total_average,
        )
        for row in rows
    ] == COMPARISONS[slug]
    assert all(row.focus for row in rows)


def test_pay_table_rows_without_a_range_carry_a_note_or_average_instead(seed):
    for role in read_model.current().roles:
        for row in role.comparisons:
            assert row.base_min is not None or row.base_note, row
            assert row.total_min is not None or row.total_note or row.total_average, row


def test_no_pay_table_row_keeps_a_copy_of_its_roles_or_a_tiers_figures(seed):
    """A row showing the role or a tier reads that record's figures (one truth per figure)."""
    bands = {
        (tier.base_min, tier.base_max, tier.total_min, tier.total_max)
        for tier in ExperienceTier.objects.all()
    }
    for row in PayComparison.objects.select_related("role"):
        role = row.role
        band = (row.base_min, row.base_max, row.total_min, row.total_max)
        if row.is_linked:
            assert band == (None, None, None, None), row
            continue
        assert band != (role.base_min, role.base_max, role.total_min, role.total_max), row
        assert band not in bands, row


# --------------------------------------------------------------------------- skills

FUNDAMENTALS = {
    "python",
    "go",
    "java",
    "javascript-node",
    "sql",
    "linux",
    "git",
    "ci-cd",
    "docker",
    "cloud",
    "networking",
    "security-fundamentals",
    "ai-assisted-development",
}
EVERY_ROLE_NEEDS = {"sql", "linux", "git", "ci-cd", "docker", "cloud"}


def test_the_fundamentals_are_exactly_the_skills_every_role_shares(seed):
    fundamentals = set(Skill.objects.filter(is_fundamental=True).values_list("slug", flat=True))

    assert fundamentals == FUNDAMENTALS


@pytest.mark.parametrize("slug", ROLES)
def test_role_links_the_shared_fundamentals(seed, slug):
    linked = set(RoleSkill.objects.filter(role__slug=slug).values_list("skill__slug", flat=True))

    assert linked >= EVERY_ROLE_NEEDS
    assert linked & {"python", "go", "rust", "java"}


@pytest.mark.parametrize("slug", ROLES)
def test_role_skills_are_listed_most_important_first(seed, slug):
    links = list(RoleSkill.objects.filter(role__slug=slug).order_by("order"))

    assert [link.order for link in links] == list(range(1, len(links) + 1))
    importances = [link.importance for link in links]
    assert importances == sorted(importances)
    assert len(links) >= 4
    assert links[0].importance == Importance.CORE


def test_every_skill_has_a_description_and_is_used_by_a_role(seed):
    for skill in Skill.objects.all():
        assert skill.description, skill.slug
        assert skill.role_skills.exists(), skill.slug


# --------------------------------------------------------------------------- sources

ROLE_SOURCES = {
    ("principal-devops-engineer", "glassdoor", Backs.PEAK),
    ("principal-devops-engineer", "coursera", Backs.SKILLS),
    ("staff-backend-engineer", "6figr", Backs.PEAK),
    ("backend-architect", "research-com", Backs.DEMAND),
    ("backend-architect", "alexander-technology-group", Backs.DEMAND),
    ("cloud-architect", "nexford", Backs.DEMAND),
    ("site-reliability-engineer", "built-in", Backs.PAY),
    ("mlops-engineer", "igmguru", Backs.PAY),
    ("mlops-engineer", "baytech", Backs.AI),
    ("platform-engineer", "hakia", Backs.PAY),
    ("devsecops-engineer", "hakia", Backs.PAY),
    ("devsecops-engineer", "motion-recruitment", Backs.PAY),
    ("devsecops-engineer", "finalroundai", Backs.DEMAND),
    ("devsecops-engineer", "crossover", Backs.DEMAND),
    ("infrastructure-engineer", "simplilearn", Backs.SKILLS),
    ("senior-backend-go-rust", "reddit", Backs.DEMAND),
    ("senior-backend-go-rust", "metana", Backs.DEMAND),
}


def test_role_sources_link_the_reports_the_article_cites(seed):
    links = set(RoleSource.objects.values_list("role__slug", "source__slug", "backs"))

    assert links == ROLE_SOURCES


def test_every_role_cites_a_source_for_its_pay_or_standing(seed):
    """Infrastructure is the exception: the article cites a source only for its skills."""
    backed = set(
        RoleSource.objects.filter(backs__in=[Backs.PAY, Backs.PEAK, Backs.DEMAND]).values_list(
            "role__slug", flat=True
        )
    )

    assert backed == set(ROLES) - {"infrastructure-engineer"}


def test_every_role_cites_at_least_one_source(seed):
    cited = set(RoleSource.objects.values_list("role__slug", flat=True))

    assert cited == set(ROLES)


def test_every_source_has_a_name_title_and_description(seed):
    for source in Source.objects.all():
        assert source.name and source.title and source.description, source.slug


# --------------------------------------------------------------------------- statistics

# slug: (low, high, unit, source)
STATISTICS = {
    "specialization-premium": (Decimal("20.0"), Decimal("30.0"), "percent", "robert-half"),
    "employers-pay-for-specialists": (Decimal("87.0"), None, "percent", "robert-half"),
    "ai-exposed-wage-growth": (Decimal("3.8"), None, "percent", "baytech"),
    "less-exposed-wage-growth": (Decimal("0.7"), None, "percent", "baytech"),
}


@pytest.mark.parametrize("slug", STATISTICS)
def test_statistic_matches_the_article(seed, slug):
    stat = Statistic.objects.get(slug=slug)

    assert (stat.low, stat.high, stat.unit, stat.source.slug) == STATISTICS[slug]
    assert stat.label and stat.explanation


# --------------------------------------------------------------------------- faq

# order: figures the answer must quote
FAQ_FIGURES = {
    1: ["$200,000-$280,000", "$400,000-$600,000+", "$750,000", "10-15+ years"],
    2: [
        "$75,000-$95,000",
        "$90,000-$140,000",
        "$95,000-$135,000",
        "$140,000-$220,000",
        "$135,000-$180,000",
        "$220,000-$350,000",
        "$170,000-$250,000+",
        "$300,000-$600,000+",
    ],
    3: ["20-30%", "3.8%", "0.7%"],
    4: ["Python", "SQL", "Linux", "Git", "Docker", "CI/CD", "cloud"],
    5: ["8-12+ years", "10+ years"],
}


def test_faq_has_five_entries_in_order(seed):
    assert list(FaqEntry.objects.values_list("order", flat=True)) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("order", FAQ_FIGURES)
def test_faq_answer_quotes_the_article_figures(seed, order):
    entry = read_model.current().faq[order - 1]

    assert entry.question.endswith("?")
    for figure in FAQ_FIGURES[order]:
        assert as_the_site_writes(figure) in entry.answer
    assert "{" not in entry.question + entry.answer


def test_faq_pay_figures_are_read_from_the_roles_and_tiers(seed):
    entries = FaqEntry.objects.order_by("order")
    assert "{role:principal-devops-engineer.base}" in entries[0].answer
    assert all(f"{{tier:{slug}.total}}" in entries[1].answer for slug in TIERS)
    assert "{tier:staff-principal.total_min}+" in entries[4].question
    assert "$300,000+ total" in read_model.current().faq[4].question


# --------------------------------------------------------------------------- stage facts

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_00750c055221331c.txt"


class StageFacts(NamedTuple):
    """What the article says one step of a path is: the jobs that stand on it, what it assumes
    you bring and what it builds. A tuple inside a list is "any one of these".

    The article pairs DevOps and SRE throughout ("a mid-level DevOps or SRE", "an SRE or DevOps
    engineer on call", "a cloud-aware DevOps, SRE, or backend engineer"), so a first step that
    names junior DevOps work names site reliability and operations people too."""

    entries: tuple = ()
    assumes: tuple = ()
    builds: tuple = ()
    passage: str = ""


PYTHON_OR_BASH = ("python", "bash")
STAGE_FACTS = {
    ("principal-devops-engineer", 1): StageFacts(
        ("backend", "devops", "sre"),
        (("python", "go", "java"), "sql", "ci-cd", "docker", "cloud"),
        ("linux", "git"),
        "0-2 years as a Junior DevOps/Cloud/Backend engineer learning Linux, Git, CI/CD, and cloud"
        " basics ... Python or another backend language",
    ),
    ("principal-devops-engineer", 2): StageFacts(
        ("devops", "sre"), passage="3-5 years as a mid-level DevOps or SRE"
    ),
    ("principal-devops-engineer", 3): StageFacts(
        ("devops",), passage="6-9 years as a Senior DevOps/Platform engineer"
    ),
    ("principal-devops-engineer", 4): StageFacts(
        assumes=("cloud", "docker", "kubernetes", ("terraform", "cloudformation"), "observability"),
        passage="Infrastructure as Code (Terraform or CloudFormation), and observability stacks",
    ),
    ("staff-backend-engineer", 1): StageFacts(
        ("backend",),
        (
            ("python", "go", "java", "rust", "javascript-node"),
            "sql",
            "rest-grpc-apis",
            "git",
            "linux",
            "docker",
            "cloud",
        ),
        passage="get solid with one backend language (often Python) ... get comfortable with Git,"
        " Linux, Docker, and a major cloud provider",
    ),
    ("staff-backend-engineer", 2): StageFacts(
        ("backend",), passage="3-5 years as a Backend Engineer"
    ),
    ("staff-backend-engineer", 3): StageFacts(
        ("backend",), passage="6-9 years as a Senior Backend Engineer"
    ),
    ("staff-backend-engineer", 4): StageFacts(
        assumes=(("python", "go", "java", "rust"), "sql", "microservices", "event-driven-design"),
        passage="You need to understand microservices, event-driven design",
    ),
    ("backend-architect", 1): StageFacts(
        ("backend",),
        ("rest-grpc-apis", "sql", "cloud"),
        passage="build and ship real APIs, get comfortable with SQL and cloud deployments",
    ),
    ("backend-architect", 2): StageFacts(
        ("backend",), passage="then spend several years owning entire services, leading projects"
    ),
    ("backend-architect", 3): StageFacts(
        ("backend",), passage="gradually taking on cross-team responsibilities"
    ),
    ("backend-architect", 4): StageFacts(
        assumes=(
            ("python", "java", "go", "rust"),
            "sql",
            "system-design-patterns",
            "security-fundamentals",
        ),
        passage="security fundamentals like authentication, authorization, and encryption",
    ),
    ("cloud-architect", 1): StageFacts(
        ("backend", "devops", "sre"),
        ("cloud", "infrastructure-as-code"),
        passage="learn IaC from day one instead of relying only on web consoles",
    ),
    ("cloud-architect", 2): StageFacts(
        ("devops",), passage="3-5 years as a Cloud or Platform Engineer"
    ),
    ("cloud-architect", 3): StageFacts(
        ("devops",), passage="6-9+ years as a senior cloud/DevOps engineer leading migrations"
    ),
    ("cloud-architect", 4): StageFacts(
        assumes=(
            "cloud",
            "networking",
            "security-fundamentals",
            "iam",
            ("terraform", "cloudformation"),
            "cost-management",
        ),
        passage="security fundamentals (IAM, KMS, encryption, compliance), and Infrastructure as"
        " Code tools like Terraform or CloudFormation",
    ),
    ("site-reliability-engineer", 1): StageFacts(
        ("devops", "sre", "sysadmin"),
        ("linux", "networking", "ci-cd", "docker", "cloud"),
        passage="get comfortable with Linux, networking basics, automation, CI/CD, containers,"
        " and cloud",
    ),
    ("site-reliability-engineer", 2): StageFacts(
        ("devops", "sre"),
        builds=("slos-incident-management",),
        passage="then layer on reliability practices and incident management",
    ),
    ("site-reliability-engineer", 3): StageFacts(("sre",), passage="6-9 years as a Senior SRE"),
    ("site-reliability-engineer", 4): StageFacts(
        assumes=(("python", "go"), "linux", "networking", "docker", "kubernetes", "observability"),
        passage="fluency with containers and Kubernetes. You also live in observability tools",
    ),
    ("mlops-engineer", 1): StageFacts(
        ("backend", "data", "devops", "sre"),
        ("python", "sql", "ci-cd", "docker", "cloud"),
        passage="backend and DevOps fundamentals with Python, SQL, CI/CD, Docker, and cloud"
        " deployments",
    ),
    ("mlops-engineer", 2): StageFacts(
        ("data",),
        (("pytorch", "tensorflow", "scikit-learn"),),
        ("ml-pipelines",),
        passage="3-5 years moving into a dedicated ML Engineer or MLOps Engineer role ... comfort"
        " with ML frameworks (PyTorch, TensorFlow, scikit-learn)",
    ),
    ("mlops-engineer", 3): StageFacts(
        assumes=(
            "python",
            ("pytorch", "tensorflow", "scikit-learn"),
            "docker",
            "kubernetes",
            "ci-cd",
            "infrastructure-as-code",
            ("mlflow", "kubeflow", "sagemaker", "vertex-ai"),
        ),
        passage="ML-specific tools like MLflow, Kubeflow, SageMaker, or Vertex AI",
    ),
    ("platform-engineer", 1): StageFacts(
        ("backend", "devops", "sre"),
        ("git", "linux", "docker", "ci-cd", "cloud"),
        passage="getting comfortable with Git, Linux, Docker, CI/CD, and at least one major cloud",
    ),
    ("platform-engineer", 2): StageFacts(
        ("devops",),
        builds=("kubernetes",),
        passage="maintaining shared CI/CD, clusters, and internal tooling",
    ),
    ("platform-engineer", 3): StageFacts(
        assumes=(
            "docker",
            "kubernetes",
            "ci-cd",
            "infrastructure-as-code",
            ("python", "go"),
        ),
        passage="Infrastructure as Code tools like Terraform. Scripting or programming in languages"
        " such as Python or Go is essential",
    ),
    ("devsecops-engineer", 1): StageFacts(
        ("backend", "devops", "sre"),
        ("linux", "git", "ci-cd", "docker", "cloud"),
        passage="getting comfortable with Linux, Git, CI/CD, Docker, and a major cloud provider",
    ),
    ("devsecops-engineer", 2): StageFacts(
        ("devops", "security"),
        ("security-fundamentals",),
        ("owasp-top-10", "cryptography", "oauth-oidc", "sast-dast"),
        passage="OWASP Top 10, basic cryptography, auth/authorization patterns, and hands-on"
        " experience adding scanners ... enough security and networking knowledge to not be"
        " dangerous",
    ),
    ("devsecops-engineer", 3): StageFacts(
        assumes=(
            "ci-cd",
            "docker",
            "kubernetes",
            "cloud",
            "sast-dast",
            "container-security",
            "secrets-management",
            "iam",
        ),
        passage="SAST/DAST and dependency scanners, container and image security tools, secrets"
        " management",
    ),
    ("infrastructure-engineer", 1): StageFacts(
        ("devops", "sre", "sysadmin"),
        ("linux", "networking", PYTHON_OR_BASH, "infrastructure-as-code", "cloud"),
        passage="practice scripting in Python or Bash, and start using IaC and a major cloud",
    ),
    ("infrastructure-engineer", 2): StageFacts(
        ("devops",), passage="3-5 years as an Infrastructure or Cloud Engineer"
    ),
    ("infrastructure-engineer", 3): StageFacts(
        assumes=(
            "linux",
            "networking",
            ("terraform", "ansible"),
            "infrastructure-as-code",
            "observability",
        ),
        passage="Infrastructure as Code tools like Terraform or Ansible are non-negotiable",
    ),
    ("senior-backend-go-rust", 1): StageFacts(
        ("backend",),
        (("python", "javascript-node", "java"), "rest-grpc-apis", "sql", "testing"),
        passage="HTTP, REST, SQL, testing, logging, deployment",
    ),
    ("senior-backend-go-rust", 2): StageFacts(
        builds=(("go", "rust"), "concurrency-performance"),
        passage="3-5 years gradually specializing in Go or Rust",
    ),
    ("senior-backend-go-rust", 3): StageFacts(
        assumes=(
            ("go", "rust"),
            "concurrency-performance",
            "rest-grpc-apis",
            "sql",
            "docker",
            "ci-cd",
        ),
        passage="deep mastery of Go or Rust, including concurrency patterns",
    ),
}


def stage_needs(stage: CareerStage, purpose: str) -> tuple:
    rows = [row for row in stage.stage_skills.all() if row.purpose == purpose]
    needs, groups = [], {}
    for row in sorted(rows, key=lambda row: row.order):
        if row.either_group == 0:
            needs.append(row.skill.slug)
        elif row.either_group in groups:
            groups[row.either_group].append(row.skill.slug)
        else:
            groups[row.either_group] = [row.skill.slug]
            needs.append(groups[row.either_group])
    return tuple(tuple(need) if isinstance(need, list) else need for need in needs)


def test_every_stage_has_its_facts_in_the_table(seed):
    stages = {
        (stage.role.slug, stage.order) for stage in CareerStage.objects.select_related("role")
    }
    assert stages == set(STAGE_FACTS)


@pytest.mark.parametrize(("slug", "order"), list(STAGE_FACTS))
def test_stage_entries_and_skills_match_the_article(seed, slug, order):
    facts = STAGE_FACTS[(slug, order)]
    stage = CareerStage.objects.get(role__slug=slug, order=order)
    entries = tuple(sorted(stage.entries.values_list("background", flat=True)))
    assert entries == facts.entries
    assert stage_needs(stage, StagePurpose.ASSUMES) == facts.assumes
    assert stage_needs(stage, StagePurpose.BUILDS) == facts.builds


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article is not beside this checkout")
@pytest.mark.parametrize(("slug", "order"), list(STAGE_FACTS))
def test_each_stage_fact_cites_a_passage_the_article_really_has(slug, order):
    """A passage quoting two places joins them with " ... "."""
    article = ARTICLE.read_text().replace("’", "'")
    for part in STAGE_FACTS[(slug, order)].passage.split(" ... "):
        assert part in article


def test_the_last_step_of_a_path_is_never_held_by_job_title_alone(seed):
    """The role itself is reached by years and skills, so no background stands on it."""
    for role in Role.objects.prefetch_related("stages__entries"):
        assert not role.stages.all().reverse()[0].entries.exists()


# --------------------------------------------------------------------------- advice data


class Credit(NamedTuple):
    """The skills step 2 of the questionnaire ticks for a background, and why."""

    skills: tuple[str, ...]
    passage: str = ""  # the article's words; empty for a job the article does not name


BACKGROUND_CREDITS = {
    "backend": Credit(
        ("git", "rest-grpc-apis", "sql", "testing"),
        "learning APIs, databases, debugging, and production basics ... HTTP, REST, SQL, testing",
    ),
    "frontend": Credit(("git", "javascript-node"), "(often Python, JavaScript/Node, or Java)"),
    "sysadmin": Credit(
        ("bash", "linux", "networking"),
        "get comfortable with Linux, learn networking basics, practice scripting in Python or Bash",
    ),
    "devops": Credit(
        ("ci-cd", "cloud", "docker", "git", "linux"),
        "learning Linux, Git, CI/CD, and cloud basics ... learning pipelines, cloud, and"
        " containers",
    ),
    "sre": Credit(
        ("ci-cd", "cloud", "docker", "git", "linux", "networking", "observability"),
        "get comfortable with Linux, networking basics, automation, CI/CD, containers, and cloud"
        " ... You also live in observability tools",
    ),
    "data": Credit(("python", "sql"), "Python, SQL, CI/CD, Docker, and cloud deployments"),
    "security": Credit(
        ("cryptography", "owasp-top-10", "security-fundamentals"),
        "OWASP Top 10, basic cryptography, auth/authorization patterns",
    ),
    "qa": Credit(("git", "testing")),
}


@pytest.mark.parametrize(
    "background", [b for b in Background.values if b not in BACKGROUND_CREDITS]
)
def test_backgrounds_with_no_credit_are_the_ones_with_no_tech_job_to_credit(seed, background):
    assert background in {"switcher", "self-taught", "it-management", "other-tech"}
    assert not BackgroundSkill.objects.filter(background=background).exists()


@pytest.mark.parametrize("background", list(BACKGROUND_CREDITS))
def test_each_background_is_credited_the_skills_the_article_ties_to_that_job(seed, background):
    credited = BackgroundSkill.objects.filter(background=background).order_by("skill__slug")
    assert tuple(credited.values_list("skill__slug", flat=True)) == (
        BACKGROUND_CREDITS[background].skills
    )
    assert all(row.basis for row in credited)


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article is not beside this checkout")
@pytest.mark.parametrize("background", list(BACKGROUND_CREDITS))
def test_each_credit_cites_a_passage_the_article_really_has(background):
    article = ARTICLE.read_text().replace("’", "'")
    for part in filter(None, BACKGROUND_CREDITS[background].passage.split(" ... ")):
        assert part in article


def test_a_credit_for_a_job_the_article_does_not_name_says_so(seed):
    for row in BackgroundSkill.objects.filter(background="qa"):
        assert row.basis.startswith("Not named by the article")


# Where the article gives a choice, a role's skills hold it as alternatives (any one will do).
ROLE_CHOICES = {
    "principal-devops-engineer": [("terraform", "cloudformation")],
    "staff-backend-engineer": [("python", "go", "java", "rust"), ("postgresql", "mysql")],
    "backend-architect": [("python", "java", "go", "rust")],
    "cloud-architect": [("terraform", "cloudformation")],
    "site-reliability-engineer": [("python", "go")],
    "mlops-engineer": [
        ("pytorch", "tensorflow", "scikit-learn"),
        ("mlflow", "kubeflow", "sagemaker", "vertex-ai"),
    ],
    "platform-engineer": [("python", "go"), ("github-actions", "gitlab-ci", "jenkins")],
    "devsecops-engineer": [],
    "infrastructure-engineer": [("terraform", "ansible"), ("python", "bash")],
    "senior-backend-go-rust": [("go", "rust"), ("python", "javascript-node", "java")],
}


@pytest.mark.parametrize("slug", ROLES)
def test_role_skills_hold_the_articles_choices_as_alternatives(seed, slug):
    groups: dict[int, list[str]] = {}
    for link in RoleSkill.objects.filter(role__slug=slug, either_group__gt=0).order_by("order"):
        groups.setdefault(link.either_group, []).append(link.skill.slug)
    assert sorted(map(set, groups.values()), key=sorted) == sorted(
        map(set, ROLE_CHOICES[slug]), key=sorted
    )


def test_the_fundamental_backend_language_is_one_choice_of_several(seed):
    """ "Python or another backend language", "languages like Python, Go, or Java", and the common
    first languages "Python, JavaScript/Node, or Java"."""
    chosen = Skill.objects.filter(is_fundamental=True, either_group__gt=0)
    assert set(chosen.values_list("slug", flat=True)) == {"python", "go", "java", "javascript-node"}
    assert chosen.values("either_group").distinct().count() == 1


# Tools that show a broader skill: "Infrastructure as Code tools like Terraform or Ansible",
# "CI/CD systems (GitHub Actions, GitLab CI, Jenkins, etc.)", "SQL databases like PostgreSQL or
# MySQL".
COUNTS_AS = {
    "terraform": "infrastructure-as-code",
    "cloudformation": "infrastructure-as-code",
    "ansible": "infrastructure-as-code",
    "github-actions": "ci-cd",
    "gitlab-ci": "ci-cd",
    "jenkins": "ci-cd",
    "postgresql": "sql",
    "mysql": "sql",
}


def test_tools_count_as_the_broader_skill_the_article_names_them_for(seed):
    tools = Skill.objects.filter(counts_as__isnull=False).values_list("slug", "counts_as__slug")
    assert dict(tools) == COUNTS_AS


# "Architecture and leadership" points at the paths that end in an architect, staff or principal
# step: Principal DevOps / DevOps Architect, Staff Backend, Backend Architect, Cloud Architect,
# Staff/Principal SRE and the staff-level infrastructure engineer.
LEADERSHIP_ROLES = {
    "principal-devops-engineer",
    "staff-backend-engineer",
    "backend-architect",
    "cloud-architect",
    "site-reliability-engineer",
    "infrastructure-engineer",
}


def test_leadership_roles_are_the_ones_whose_path_ends_in_an_architect_staff_or_principal_step(
    seed,
):
    assert set(Role.objects.filter(is_leadership=True).values_list("slug", flat=True)) == (
        LEADERSHIP_ROLES
    )
    for role in Role.objects.filter(is_leadership=True):
        last = role.stages.order_by("order").last().title
        assert any(word in last for word in ("Architect", "Staff", "Principal", "Staff-level"))
