from pathlib import Path

from django.core.management import BaseCommand, CommandError

from careers.backups import BackupError, database_backup


class Command(BaseCommand):
    help = (
        "Back up the whole database (data, history and the public change log, accounts) to "
        "PATH: pg_dump's custom format on PostgreSQL, SQLite's online backup otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The file to write.")

    def handle(self, *args, path: Path, **options):
        try:
            database_backup(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up to {path} ({path.stat().st_size:,} bytes).")
