import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")

application = get_wsgi_application()

# Each worker loads the public data as it starts, so it has something to serve should the
# database stop answering before its first visitor (careers/database_faults.py).
from careers import read_model  # noqa: E402 (needs the settings and apps set up above)

read_model.load_at_start()
