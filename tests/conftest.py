import pytest
from django.core.management import call_command


@pytest.fixture
def seed(db):
    """The article's real data, as `make run` loads it (with a first history record each)."""
    call_command("load_fixtures", verbosity=0)
