"""The production settings on a throwaway SQLite file and static folder, for the gate's server."""

import os
from pathlib import Path

from careers.settings import *  # noqa: F403

GATE_DIR = Path(os.environ["GATE_DIR"])
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": GATE_DIR / "db.sqlite3"}}
STATIC_ROOT = GATE_DIR / "static"
