# Driehoek: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
# The Makefile is the development entry point; production sets DEBUG and SECRET_KEY itself.
export DEBUG ?= 1

# Django 6 needs Python 3.12+. Take PYTHON= when given, else the first 3.12+ interpreter found
# on PATH or under pyenv; the system python3 is often older.
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
	command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$c; break; }; done)

.PHONY: run test install migrate demo lint fmt bench clean check-python serve lock audit backup restore loadtest

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Driehoek needs Python 3.12 or newer (Django 6). Install it, e.g. 'pyenv install 3.12' or 'apt-get install python3.12 python3.12-venv', or point to one: make PYTHON=/path/to/python3.12 run"; \
		exit 1; fi

# Every dependency comes from requirements.lock, pinned with the hashes of its files: pip
# refuses anything else. The project itself is installed without dependencies, built by the
# locked setuptools. `make lock` regenerates the lock after a change in pyproject.toml.
LOCK := requirements.lock

$(VENV)/.installed: pyproject.toml $(LOCK) | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

demo: migrate
	$(PY) manage.py maak_ondertekencertificaat --als-ontbreekt
	$(PY) manage.py load_demo --url http://$(HOST)

run: demo
	$(PY) manage.py runserver $(HOST)

# Production: gunicorn with DEBUG off, whatever DEBUG says outside. The settings refuse to
# start without SECRET_KEY, ALLOWED_HOSTS and EMAIL_URL (see README, "Production"); the
# deploy check must pass without a warning; migrations are a separate deploy step
# (`DEBUG=0 make migrate` with the same environment, from one machine).
serve: install
	DEBUG=0 $(PY) manage.py check --deploy --fail-level WARNING
	DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(VENV)/bin/gunicorn --config config/gunicorn.conf.py

test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# The pages are served by gunicorn and driven by wrk (apt-get install wrk; without it the bench
# says so and measures in process). Options go through BENCH_ARGS, e.g.
# make bench BENCH_ARGS="--schaal klein --duur 1"; DATABASE_URL=postgres://... make bench.
bench: install
	$(PY) manage.py bench $(BENCH_ARGS)

lock: install
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.12 \
		--generate-hashes --quiet -o $(LOCK)

# The locked versions against an advisory database (pip-audit); says NOT CHECKED and exits 2
# when none could be reached. Not part of CI, which has no route to one.
# AUDIT_ARGS="--vulnerability-service osv" asks OSV instead of PyPI.
audit: install
	$(PY) -m config.audit $(LOCK) $(AUDIT_ARGS)

# Backup and restore (gemeenten/backup.py): every row and every stored file, byte for byte.
# make backup [BACKUP=backups/name]; make restore BACKUP=backups/name into a new database.
# In production with the production environment and DEBUG=0, like serve.
backup: install
	$(PY) manage.py backup_maken $(or $(BACKUP),backups/$(shell date +%Y%m%d-%H%M%S))

restore: install
	@test -n "$(BACKUP)" || { echo "Name the backup: make restore BACKUP=backups/<name>"; exit 1; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py backup_terugzetten $(BACKUP)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles

# Load without loss (issue 14, point 3): 16 simulated partners for 60 s against gunicorn with
# production settings on PostgreSQL, the demo loaded; 0 server errors and every acknowledged
# write found back, or exit 1. The database is the load test's own: emptied, then dropped.
LOADTEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/driehoek_loadtest
loadtest: install
	DATABASE_URL=$(LOADTEST_DATABASE_URL) $(PY) manage.py loadtest $(LOADTEST_ARGS)
