# Every target sets up what it needs from nothing: a virtual environment on Python 3.12+,
# the pinned packages, and (for tests) Debian's Chromium, a Java runtime and the npm checkers.
PYTHON := $(shell for p in python3.13 python3.12 /root/.pyenv/versions/3.1[3-9]*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3 python3; do $$p -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=true
# `make serve` on loopback: production settings, with a throwaway key and plain http unless the
# environment says otherwise (see README, "Configuration").
LOOPBACK_HOSTS := 127.0.0.1,localhost
SERVE_ENV = DJANGO_SECRET_KEY=$(or $(DJANGO_SECRET_KEY),$(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')) \
	DJANGO_ALLOWED_HOSTS=$(or $(DJANGO_ALLOWED_HOSTS),$(LOOPBACK_HOSTS)) \
	SITE_URL=$(or $(SITE_URL),http://127.0.0.1:8000) \
	DJANGO_SECURE_SSL_REDIRECT=$(or $(DJANGO_SECURE_SSL_REDIRECT),false)
WORKERS ?= 3
PG_TEST_URL := postgres://postgres@127.0.0.1:5432/careers
REDIS_TEST_URL := redis://127.0.0.1:6379/0

TOOLS_STAMP := .tools/node_modules/.installed

.PHONY: run serve bench test test-postgres lint format browsers fonts java tools audit lock clean

# requirements.lock pins every package, dependencies of dependencies too (`make lock`).
$(STAMP): pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

# A start never rewrites data: an empty database is migrated and loaded, one with data is left
# as it is, and unapplied migrations stop the start unless MIGRATE=1 (docs/operations.md).
PREPARE := prepare_database $(if $(MIGRATE),--migrate)

run: $(STAMP) fonts
	$(DEV_ENV) $(BIN)/python manage.py $(PREPARE)
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

serve: $(STAMP) fonts
	$(SERVE_ENV) $(BIN)/python manage.py $(PREPARE)
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(SERVE_ENV) $(BIN)/gunicorn careers.wsgi --bind 127.0.0.1:8000 --workers $(WORKERS) --access-logfile -

bench: $(STAMP)
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python -m tests.bench

browsers:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# Social cards draw in DejaVu Sans; without it they fall back to Pillow's own font.
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf \
		|| { apt-get update -qq && apt-get install -y -qq fonts-dejavu-core; } \
		|| echo "fonts-dejavu-core not installed: social cards use Pillow's built-in font"

java:
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }

# The Nu Html Checker and Lighthouse, pinned by .tools/package-lock.json.
$(TOOLS_STAMP): .tools/package.json .tools/package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
	npm ci --ignore-scripts --no-audit --no-fund --prefix .tools
	touch $@

tools: browsers java $(TOOLS_STAMP)

audit: $(STAMP) tools
	$(BIN)/python -m tests.browser.lighthouse

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(STAMP) tools fonts lint
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest
	@$(MAKE) --no-print-directory test-postgres

# The suite again on PostgreSQL (and Redis when it answers); browser tests and the multi-server
# test ran in the first pass and are left out here to keep it short.
test-postgres: $(STAMP)
	@if $(BIN)/python -m tests.servers postgres; then \
		echo "== The suite again on PostgreSQL ($(PG_TEST_URL))"; \
		env DATABASE_URL=$(PG_TEST_URL) $$($(BIN)/python -m tests.servers redis && echo REDIS_URL=$(REDIS_TEST_URL)) \
			$(BIN)/pytest --ignore=tests/browser -m "not multi_server"; \
	else \
		echo "== PostgreSQL is not reachable at 127.0.0.1:5432: the PostgreSQL run was SKIPPED (SQLite only)."; \
	fi

lock: $(STAMP)
	$(BIN)/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .tools/node_modules
