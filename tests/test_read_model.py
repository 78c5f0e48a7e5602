"""The read model (careers/read_model/) and the data version it is built for.

Page-cache hits would answer before any view runs, so tests about rendering turn it off.
"""

import gc
import weakref

import pytest
from django.core.management import call_command
from django.db import transaction

from careers import data_version, read_model
from careers.models import DataVersion, Role
from tests.factories import (
    FaqEntryFactory,
    build_catalogue,
)

pytestmark = pytest.mark.django_db

# Skills, where to learn them and how many roles ask for each (three), sources, roles and their
# six relations (seven), tiers, FAQ, statistics, the change log's pay edits (three) and the
# skills each background credits.
BUILD_QUERIES = 18


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("count", [10, 200])
def test_building_runs_a_fixed_number_of_queries(django_assert_num_queries, count):
    build_catalogue(roles=count)
    with django_assert_num_queries(BUILD_QUERIES):
        data = read_model.build()
    assert len(data.roles) == count
    assert [role.rank for role in data.roles] == list(range(1, count + 1))


def test_a_request_checks_the_version_once_however_often_it_reads_the_model(
    client, django_assert_num_queries
):
    """The sitemap reads the model in each of its three sections."""
    build_catalogue(roles=3)
    read_model.current()
    with django_assert_num_queries(1):
        assert client.get("/sitemap.xml").status_code == 200


def test_outside_a_request_every_read_checks_the_version(django_assert_num_queries):
    build_catalogue(roles=3)
    read_model.current()
    with django_assert_num_queries(2):
        read_model.current()
        read_model.current()


def test_the_model_is_kept_while_the_version_stays():
    build_catalogue(roles=3)
    assert read_model.current() is read_model.current()


def test_a_save_is_read_on_the_next_request(client):
    roles = build_catalogue(roles=3)
    assert "$987,000" not in client.get(roles[0].get_absolute_url()).content.decode()
    role = Role.objects.get(pk=roles[0].pk)
    role.total_max = 987_000
    role.save()
    assert "$987,000" in client.get(roles[0].get_absolute_url()).content.decode()


def test_an_admin_edit_is_read_on_the_next_request(admin_client, client):
    entry = FaqEntryFactory(question="Is the read model rebuilt after an edit?")
    assert entry.question in client.get("/faq/").content.decode()
    response = admin_client.post(
        f"/admin/careers/faqentry/{entry.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert entry.question not in client.get("/faq/").content.decode()


def test_a_bulk_write_is_read_once_the_version_is_bumped(client):
    """Writes that send no signals must bump the version themselves (as the fixtures do)."""
    roles = build_catalogue(roles=3)
    client.get("/")
    Role.objects.filter(pk=roles[0].pk).update(title="Renamed without a signal")
    assert "Renamed without a signal" not in client.get("/").content.decode()
    data_version.bump()
    assert "Renamed without a signal" in client.get("/").content.decode()


def test_an_edit_rolled_back_leaves_the_version_as_it_was():
    roles = build_catalogue(roles=3)
    before = data_version.current()
    with transaction.atomic():
        roles[0].save()
        assert data_version.current() != before
        transaction.set_rollback(True)
    assert data_version.current() == before


def test_the_version_row_is_created_when_missing():
    DataVersion.objects.all().delete()
    token = data_version.current()
    assert DataVersion.objects.get().token == token
    assert data_version.current() == token


def test_the_latest_pay_date_is_the_newest_of_the_roles():
    roles = build_catalogue(roles=3)
    newest = max(role.pay_as_of for role in roles)
    assert read_model.current().pay_as_of == newest


def test_loading_the_fixtures_changes_the_version():
    """load_fixtures saves through the ORM (raw saves still send post_save)."""
    before = data_version.current()
    call_command("load_fixtures", verbosity=0)
    assert data_version.current() != before
    assert len(read_model.current().roles) == 10


def test_each_new_model_is_frozen_out_of_collections_and_the_last_one_freed(settings):
    """The read model's objects live until the data changes: frozen, no collection walks them;
    a rebuild first collects the model it replaces (whose objects refer to each other)."""
    settings.GC_FREEZE_READ_MODEL = True
    build_catalogue(roles=3)
    first = read_model.current()
    first_role = weakref.ref(first.roles[0])
    assert gc.get_freeze_count() > 0
    data_version.bump()
    del first
    second = read_model.current()
    assert first_role() is None
    assert gc.get_freeze_count() > 0
    assert second.roles
    gc.unfreeze()  # the rest of the suite runs unfrozen
