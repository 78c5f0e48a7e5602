from django.core.management import BaseCommand

from careers.fixture_sync import Outcome, fixtures_load


class Command(BaseCommand):
    help = (
        "Load the article's data from fixtures/, matched by natural key. Missing records are "
        "added; records that exist are left as they are (admin edits survive) unless --update."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing records with the fixtures' values, replacing admin edits.",
        )

    def handle(self, *args, update: bool, **options):
        outcomes = fixtures_load(update=update)
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            ", ".join(f"{outcomes[outcome]} {outcome}" for outcome in Outcome) + " records."
        )
        if outcomes[Outcome.KEPT]:
            self.stdout.write(
                f"{outcomes[Outcome.KEPT]} records differ from fixtures/ and were kept; "
                "run with --update to overwrite them, or export_fixtures to save them."
            )
