from django.core.management import BaseCommand, call_command

from careers.seed import SEED_FIXTURES


class Command(BaseCommand):
    help = "Load the article's data from fixtures/ (by natural key, so loading twice adds nothing)."

    def handle(self, *args, **options):
        call_command("loaddata", *SEED_FIXTURES, verbosity=options["verbosity"])
