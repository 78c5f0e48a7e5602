"""The data version: one token that changes with any change to the careers data.

It lives in the database (`DataVersion`), replaced inside the transaction that changes the
data, so it commits or rolls back with it and every app server sees it without Redis. It
decides freshness for both the read model (careers/read_model/), rebuilt when it changes, and
the page cache (careers/page_cache.py), whose keys hold it.

Saves, deletes and relinks through the ORM send the signals watched here, fixture loads
included. Writes that bypass them (`bulk_create`, `QuerySet.update` on their own) call
`bump()`: the one call for a bulk write.
"""

import secrets

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save

from careers.models import DataVersion

CURRENT_TOKEN_SQL = f"SELECT token FROM {DataVersion._meta.db_table} WHERE id = 1"


def new_token() -> str:
    return secrets.token_hex(8)


def bump() -> str:
    token = new_token()
    if not DataVersion.objects.filter(pk=1).update(token=token):
        DataVersion.objects.create(pk=1, token=token)
    return token


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
