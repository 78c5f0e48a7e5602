from django.core.management import BaseCommand, CommandError

from careers.fixture_sync import FixtureConflicts, Outcome, fixtures_load


class Command(BaseCommand):
    help = (
        "Load the article's data from fixtures/, matched by natural key. Missing records are "
        "added; records that exist are left as they are (admin edits survive) unless --update. "
        "A record the editors renamed, moved or deleted is never added again: the load is "
        "refused, naming each one, and nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing records with the fixtures' values, replacing admin edits.",
        )

    def handle(self, *args, update: bool, **options):
        try:
            outcomes = fixtures_load(update=update)
        except FixtureConflicts as refusal:
            raise CommandError(
                "Nothing loaded: records in fixtures/ conflict with edits made in the database "
                "since (loading them would add a second copy of a record or bring back a "
                "deleted one):\n"
                + "".join(f"  {conflict}\n" for conflict in refusal.conflicts)
                + "Save the database's version with `manage.py export_fixtures`, or undo "
                "those edits in the admin."
            ) from None
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
