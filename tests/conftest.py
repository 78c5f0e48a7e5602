import copy

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from careers import data_version, read_model
from careers.read_model import ReadModel
from careers.seed import SEED_FIXTURES, SEED_MODELS


@pytest.fixture(scope="session")
def seed_rows(django_db_setup, django_db_blocker) -> list[tuple[type, list]]:
    """What `load_fixtures` writes (records and their first history rows), read once a session.

    Loading the fixtures runs over a thousand queries (natural keys are looked up one by one);
    copying the rows it wrote back in is a few bulk inserts.
    """
    models = [apps.get_model(SEED_MODELS[name]) for name in SEED_FIXTURES]
    models += [model.history.model for model in models]
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_fixtures", verbosity=0)
        rows = [(model, list(model._base_manager.order_by("pk"))) for model in models]
        transaction.set_rollback(True)
    return rows


@pytest.fixture
def seed(db, seed_rows):
    """The article's real data, as `make run` loads it (with a first history record each)."""
    for model, rows in seed_rows:
        model._base_manager.bulk_create([copy.copy(row) for row in rows])
    # Rows went in with their ids: move PostgreSQL's sequences past them.
    statements = connection.ops.sequence_reset_sql(no_style(), [m for m, _ in seed_rows])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    data_version.bump()  # bulk inserts send no signals


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


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker) -> ReadModel:
    """The article's data as the public site reads it: plain frozen records, read once a module
    (the database is empty again afterwards)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", *SEED_FIXTURES, verbosity=0)
        loaded = read_model.build()
        transaction.set_rollback(True)
    return loaded


@pytest.fixture(autouse=True)
def empty_page_cache(settings):
    """Each test starts with no cached pages, so it sees what its own data renders."""
    if settings.REDIS_URL:  # the Redis server may be shared: drop only this run's keys
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{cache.key_prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()
