"""What fixtures/ holds, for tests that count what a load writes."""

import json
from pathlib import Path

from django.conf import settings

from careers.seed import SEED_FIXTURES

REPOSITORY_FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SEED_RECORDS = sum(
    len(json.loads((REPOSITORY_FIXTURES / f"{name}.json").read_text(encoding="utf-8")))
    for name in SEED_FIXTURES
)
