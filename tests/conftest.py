import pytest
from django.core.management import call_command

from careers.seed import SEED_FIXTURES


@pytest.fixture
def seed(db):
    """The article's real data, as `make run` loads it."""
    call_command("loaddata", *SEED_FIXTURES, verbosity=0)
