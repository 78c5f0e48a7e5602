from django.apps import apps
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from careers.fixture_sync import Outcome, fixtures_load
from careers.seed import SEED_MODELS


def pending_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def holds_careers_data() -> bool:
    """Any record of the article's data, or any history of one: something loaded or edited."""
    models = [apps.get_model(label) for label in SEED_MODELS.values()]
    return any(model._base_manager.exists() or model.history.exists() for model in models)


class Command(BaseCommand):
    help = (
        "What `make run` and `make serve` run before the server starts, and never a rewrite of "
        "data: an empty database is migrated and loaded with fixtures/; a database with data is "
        "left as it is, and unapplied migrations stop the start unless --migrate is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="Apply unapplied migrations to a database that holds data (back it up first).",
        )

    def handle(self, *args, migrate: bool, **options):
        pending = pending_migrations()
        never_migrated = not MigrationRecorder(connection).has_table()
        if pending and not (never_migrated or migrate):
            raise CommandError(
                f"The database has {len(pending)} unapplied migrations ({', '.join(pending)}). "
                "Back it up (`manage.py backup_database`), then start with MIGRATE=1 "
                "(`prepare_database --migrate`)."
            )
        if pending:
            call_command("migrate", interactive=False, verbosity=options["verbosity"])
        if holds_careers_data():
            self.stdout.write("The database holds data: left as it is.")
            return
        outcomes = fixtures_load()
        self.stdout.write(f"An empty database: {outcomes[Outcome.ADDED]} records loaded.")
