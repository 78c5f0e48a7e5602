from django.core.management import BaseCommand, CommandError

from careers.fixture_sync import fixture_path, fixture_text, fixtures_export
from careers.seed import SEED_FIXTURES


class Command(BaseCommand):
    help = (
        "Write the database's data back to fixtures/ with natural keys, in a stable order, "
        "so that `git diff fixtures/` shows exactly what staff changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail if any fixture file differs from the database.",
        )

    def handle(self, *args, check: bool, **options):
        if check:
            stale = [
                name
                for name in SEED_FIXTURES
                if fixture_path(name).read_text(encoding="utf-8") != fixture_text(name)
            ]
            if stale:
                raise CommandError(f"fixtures/ differs from the database: {', '.join(stale)}")
            self.stdout.write("fixtures/ matches the database.")
            return
        changed = fixtures_export()
        self.stdout.write(f"Wrote {', '.join(changed)}." if changed else "No fixture changed.")
