# Two commands for a fresh machine:  make run   and   make test
# Both install what is missing (pinned), and are fast when nothing changed.
SHELL := /bin/bash
DB ?= youth_contact
PORT ?= 8069
ADDONS := youth_contact,youth_contact_reports
VENV := .venv

.PHONY: run test setup lint db help

help:
	@echo "make run    set up, create database '$(DB)' when absent, serve http://localhost:$(PORT)"
	@echo "make test   set up, lint, install both addons with their tests on a throw-away database, pytest, browser flows"

# Each stamp lives in the folder it stands for: a folder removed by hand is made
# again by the next make.
# Python 3.7 virtualenv from the pinned requirements.
$(VENV)/.installed: requirements.txt requirements-oca.txt tools/setup_python.sh
	@bash tools/setup_python.sh $(VENV)
	@touch $@

# lessc (CSS bundles) and puppeteer-core (browser tests), inside the repository
# (npm ci writes node_modules/.package-lock.json).
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: npm is missing: apt-get install nodejs npm" >&2; exit 1; }
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV)/.installed node_modules/.package-lock.json
	@bash tools/setup_pdf.sh
	@bash tools/setup_postgres.sh
	@bash tools/write_config.sh

db: setup
	@bash tools/ensure_db.sh $(DB) $(ADDONS)

run: db
	@bash tools/serve.sh $(DB) $(PORT)

lint: setup
	@bash tools/lint.sh

test: setup
	@bash tools/setup_chromium.sh
	@bash tools/lint.sh
	@bash tools/run_tests.sh $(ADDONS)

