"""The fixture files that hold the article's data, in load order, and the models each holds."""

SEED_FIXTURES = (
    "tiers",
    "skills",
    "sources",
    "roles",
    "stages",
    "stage_entries",
    "role_skills",
    "stage_skills",
    "background_skills",
    "learning_resources",
    "comparisons",
    "role_sources",
    "statistics",
    "faq",
)

SEED_MODELS = {
    "tiers": "careers.experiencetier",
    "skills": "careers.skill",
    "sources": "careers.source",
    "roles": "careers.role",
    "stages": "careers.careerstage",
    "stage_entries": "careers.stageentry",
    "role_skills": "careers.roleskill",
    "stage_skills": "careers.stageskill",
    "background_skills": "careers.backgroundskill",
    "learning_resources": "careers.learningresource",
    "comparisons": "careers.paycomparison",
    "role_sources": "careers.rolesource",
    "statistics": "careers.statistic",
    "faq": "careers.faqentry",
}
