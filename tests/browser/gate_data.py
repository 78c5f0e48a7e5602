"""Gives the gate's server a short history of pay edits, so /changes/ has entries to check.

Run by tests/browser/server.py after the seed loads: one tier's figure goes up and back, which
leaves two public edits and the data exactly as seeded.
"""

import django


def record_a_reverted_pay_edit() -> None:
    from careers.models import ExperienceTier

    tier = ExperienceTier.objects.get(slug="entry")
    seeded = tier.base_max
    for base_max in (seeded, seeded + 5_000, seeded):  # the first save is the history's baseline
        tier.base_max = base_max
        tier.save()


if __name__ == "__main__":
    django.setup()
    record_a_reverted_pay_edit()
