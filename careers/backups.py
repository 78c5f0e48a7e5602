"""Back up and restore the whole database: the data, its history (and so /changes/), accounts.

PostgreSQL: `pg_dump` in its custom format. A restore replaces everything in the `public`
schema with the backup in one transaction (`pg_restore` writes the script, `psql` runs it), so
the database becomes exactly the backup, even one older than the latest migration, or stays
as it was. SQLite: its online backup API, both ways, safe while the site runs.

After a restore the data version is replaced: every worker reloads its read model on its next
request and the page cache is dropped.
"""

import os
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

from django.db import connection

from careers import data_version

# Run by psql before the backup's own script, in the same transaction.
REPLACE_SCHEMA = b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n"


class BackupError(Exception):
    pass


def client_command(program: str, *parameters: str) -> tuple[list[str], dict[str, str]]:
    """`program` with the connection's arguments, as `manage.py dbshell` hands them to psql."""
    args, env = connection.client.settings_to_cmd_args_env(
        connection.settings_dict, list(parameters)
    )
    return [program, *args[1:]], {**os.environ, **(env or {})}


def run(command: list[str], env: dict[str, str] | None = None, **kwargs) -> None:
    try:
        subprocess.run(command, env=env, check=True, stderr=subprocess.PIPE, **kwargs)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.decode().strip()}") from error


def database_backup(*, path: Path) -> None:
    if connection.vendor == "postgresql":
        run(*client_command("pg_dump", "--format=custom", f"--file={path}"))
        return
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as backup:
        connection.connection.backup(backup)


def database_restore(*, path: Path) -> None:
    """Replace the whole database with the backup at `path`; changes nothing if it fails."""
    if connection.vendor == "postgresql":
        with tempfile.TemporaryFile() as script:
            script.write(REPLACE_SCHEMA)
            script.flush()
            # Written out in full first: psql would commit a script cut short by a bad file.
            run(["pg_restore", "--no-owner", "--no-acl", "--file=-", str(path)], stdout=script)
            script.seek(0)
            connection.close()
            command, env = client_command(
                "psql", "--single-transaction", "--set=ON_ERROR_STOP=1", "--quiet", "--no-psqlrc"
            )
            run(command, env, stdin=script, stdout=subprocess.DEVNULL)
    else:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as backup:
            try:
                backup.execute("SELECT 1 FROM django_migrations LIMIT 1")
            except sqlite3.DatabaseError as error:
                raise BackupError(f"{path} is not a backup of this site: {error}") from error
            connection.ensure_connection()
            backup.backup(connection.connection)
    data_version.bump()
