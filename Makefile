# Every target sets up what it needs from nothing: a virtual environment on Python 3.12+,
# the pinned packages, and (for tests) Debian's Chromium.
PYTHON := $(shell for p in python3.13 python3.12 /root/.pyenv/versions/3.1[3-9]*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3 python3; do $$p -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=true

.PHONY: run test lint format browsers fonts clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

run: $(STAMP) fonts
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_fixtures
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

browsers:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# Social cards draw in DejaVu Sans; without it they fall back to Pillow's own font.
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf \
		|| { apt-get update -qq && apt-get install -y -qq fonts-dejavu-core; } \
		|| echo "fonts-dejavu-core not installed: social cards use Pillow's built-in font"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(STAMP) browsers fonts lint
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
