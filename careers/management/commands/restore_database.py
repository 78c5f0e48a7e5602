from pathlib import Path

from django.core.management import BaseCommand, CommandError
from django.db import connection

from careers.backups import BackupError, database_restore


class Command(BaseCommand):
    help = (
        "Replace the whole database with a backup written by backup_database: everything in "
        "it now is lost. All or nothing: a restore that fails changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup to restore.")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, path: Path, interactive: bool, **options):
        if not path.is_file():
            raise CommandError(f"No backup at {path}.")
        name = connection.settings_dict["NAME"]
        if interactive:
            answer = input(f"Replace everything in the database {name} with {path}? Type 'yes': ")
            if answer != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            database_restore(path=path)
        except BackupError as error:
            raise CommandError(f"{error}\nNothing changed.") from None
        self.stdout.write(f"Restored {name} from {path}.")
