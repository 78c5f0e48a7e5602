"""The fixture files that hold the article's data, in load order."""

SEED_FIXTURES = (
    "tiers",
    "skills",
    "sources",
    "roles",
    "stages",
    "role_skills",
    "comparisons",
    "role_sources",
    "statistics",
    "faq",
)
