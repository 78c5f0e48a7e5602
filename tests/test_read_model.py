"""The read model (careers/read_model.py) and the data version it is built for.

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
    ExperienceTierFactory,
    FaqEntryFactory,
    StatisticFactory,
    build_catalogue,
)

pytestmark = pytest.mark.django_db

# Roles and their four relations, skills, tiers, FAQ, sources with their roles, statistics, the
# questionnaire's catalogue (eight) and the change log (three).
BUILD_QUERIES = 23


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("count", [10, 200])
def test_building_runs_a_fixed_number_of_queries(django_assert_num_queries, count):
    build_catalogue(roles=count)
    with django_assert_num_queries(BUILD_QUERIES):
        data = read_model.build()
    assert len(data.ranked) == count
    assert [role.rank for role in data.ranked] == list(range(1, count + 1))


def test_every_public_page_runs_only_the_version_check_at_1000_roles(
    client, django_assert_num_queries
):
    """The issue's target, pinned: one query a page once the read model is built."""
    roles = build_catalogue(roles=1000)
    ExperienceTierFactory.create_batch(2)
    FaqEntryFactory.create_batch(3)
    StatisticFactory(slug="specialization-premium")
    skill = roles[0].role_skills.first().skill
    paths = [
        "/",
        "/?sort=base&track=backend&years=8",
        roles[500].get_absolute_url(),
        f"/compare/?roles={roles[0].slug},{roles[999].slug}",
        skill.get_absolute_url(),
        "/skills/",
        "/faq/",
        "/about/",
        "/next-episode/?step=2&years=4&background=devops",
        f"/next-episode/?years=4&background=devops&knows={skill.slug}&priority=pay",
        "/next-episode/result.json?years=4&background=devops&priority=pay",
        f"/plan/{roles[3].slug}/?years=4&background=devops&have={skill.slug}",
        "/card.png",
        f"/roles/{roles[7].slug}/card.png",
        f"/next-episode/card.png?role={roles[7].slug}&years=4",
        "/data/roles.json",
        "/data/roles.csv",
        "/sitemap.xml",
        "/changes/",
    ]
    assert client.get("/").status_code == 200  # builds the read model
    for path in paths:
        with django_assert_num_queries(1):
            response = client.get(path)
        assert response.status_code == 200, path


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


def test_derived_values_are_computed_once_per_version():
    build_catalogue(roles=3)
    data = read_model.current()
    calls = []
    for _ in range(3):
        data.derived(("test",), lambda: calls.append(1) or len(calls))
    assert calls == [1]
    Role.objects.first().save()
    assert read_model.current().derived(("test",), lambda: "again") == "again"


def test_the_latest_pay_date_is_the_newest_of_the_roles():
    roles = build_catalogue(roles=3)
    newest = max(role.pay_as_of for role in roles)
    assert read_model.current().pay_as_of == newest


def test_loading_the_fixtures_changes_the_version():
    """load_fixtures saves through the ORM (raw saves still send post_save)."""
    before = data_version.current()
    call_command("load_fixtures", verbosity=0)
    assert data_version.current() != before
    assert len(read_model.current().ranked) == 10


def test_each_new_model_is_frozen_out_of_collections_and_the_last_one_freed(settings):
    """The read model's objects live until the data changes: frozen, no collection walks them;
    a rebuild first collects the model it replaces (whose objects refer to each other)."""
    settings.GC_FREEZE_READ_MODEL = True
    build_catalogue(roles=3)
    first = read_model.current()
    first_role = weakref.ref(first.ranked[0])
    assert gc.get_freeze_count() > 0
    data_version.bump()
    del first
    second = read_model.current()
    assert first_role() is None
    assert gc.get_freeze_count() > 0
    assert second.ranked
    gc.unfreeze()  # the rest of the suite runs unfrozen
