import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from careers.page_cache import bump_data_version
from careers.seed import SEED_FIXTURES


@pytest.fixture
def seed(db):
    """The article's real data, as `make run` loads it (with a first history record each)."""
    call_command("load_fixtures", verbosity=0)


@pytest.fixture(scope="module")
def seed_once(django_db_setup, django_db_blocker):
    """The article's data loaded once for a module whose tests only read it.

    Each test's own transaction nests inside this one as a savepoint; the whole load is rolled
    back when the module ends, so other modules start from an empty database.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", *SEED_FIXTURES, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def empty_page_cache(settings):
    """Each test starts with no cached pages, so it sees what its own data renders."""
    if settings.REDIS_URL:
        bump_data_version()  # the Redis server may be shared: drop only this run's pages
    else:
        cache.clear()
