"""The data version: one token that changes with any change to the careers data.

It lives in the database (`DataVersion`), replaced inside the transaction that changes the
data, so it commits or rolls back with it and every app server sees it without Redis. It
decides freshness for both the read model (careers/read_model/), rebuilt when it changes, and
the page cache (careers/page_cache.py), which reads a copy kept in the cache for at most
CACHED_COPY_SECONDS: a change writes the copy once committed, so every server sees it on its
next request, and when that write cannot reach Redis the copy expires and is read again from
the database within the bound.

Saves, deletes and relinks through the ORM send the signals watched here, fixture loads
included. Writes that bypass them (`bulk_create`, `QuerySet.update` on their own) call
`bump()`: the one call for a bulk write.
"""

import secrets

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from careers.models import DataVersion

CURRENT_TOKEN_SQL = f"SELECT token FROM {DataVersion._meta.db_table} WHERE id = 1"
CACHED_COPY_SECONDS = 5


def new_token() -> str:
    return secrets.token_hex(8)


def bump() -> str:
    token = new_token()
    if not DataVersion.objects.filter(pk=1).update(token=token):
        DataVersion.objects.create(pk=1, token=token)
    # Now, so this transaction's own next read misses the old pages, and again once committed,
    # as a server may have copied the old token from the database in between. After a rollback
    # the copy names a token nothing was drawn from: misses until it expires.
    copy_to_cache(token, replace=True)
    transaction.on_commit(lambda: copy_to_cache(token, replace=True), robust=True)
    return token


def cached_copy_key() -> str:
    """Named after the database, so sites (or test runs) sharing one Redis keep apart."""
    database = connection.settings_dict
    return f"data-version:{database['HOST']}:{database['PORT']}:{database['NAME']}"


def copy_to_cache(token: str, *, replace: bool = False) -> None:
    """Share the token with every server through the cache. A committed change replaces the
    copy; a copy read from the database is only added, so it never undoes a newer one."""
    if replace:
        cache.set(cached_copy_key(), token, CACHED_COPY_SECONDS)
    else:
        cache.add(cached_copy_key(), token, CACHED_COPY_SECONDS)


def current() -> str:
    """The token, in one query (two the first time, when the row does not exist yet).

    Every public request runs this, so it is written as plain SQL: building the same query
    through the ORM took about as long as running it.
    """
    with connection.cursor() as cursor:
        cursor.execute(CURRENT_TOKEN_SQL)
        row = cursor.fetchone()
    if row is None:
        return DataVersion.objects.get_or_create(pk=1, defaults={"token": new_token()})[0].token
    return row[0]


def data_changed(**kwargs) -> None:
    """Signal receiver for every change to the careers data."""
    bump()


def watch(models) -> None:
    for model in models:
        if model is DataVersion:
            continue
        post_save.connect(data_changed, sender=model)
        post_delete.connect(data_changed, sender=model)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(data_changed, sender=field.remote_field.through)
