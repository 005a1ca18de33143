# Two commands for a fresh machine:  make run   and   make test
# Both install what is missing (pinned), and are fast when nothing changed.
SHELL := /bin/bash
DB ?= youth_contact
PORT ?= 8069
ADDONS := youth_contact,youth_contact_reports
VENV := .venv
STAMPS := .stamps

.PHONY: run test setup lint db clean-stamps help

help:
	@echo "make run    set up, create database '$(DB)' when absent, serve http://localhost:$(PORT)"
	@echo "make test   set up, lint, install both addons with their tests on a throw-away database, pytest, browser flows"

$(STAMPS):
	@mkdir -p $(STAMPS)

# Python 3.7 virtualenv from the pinned requirements.
$(STAMPS)/venv: requirements.txt requirements-oca.txt tools/setup_python.sh | $(STAMPS)
	@bash tools/setup_python.sh $(VENV)
	@touch $@

# lessc (CSS bundles) and puppeteer-core (browser tests), inside the repository.
$(STAMPS)/node: package.json package-lock.json | $(STAMPS)
	@command -v npm >/dev/null || { echo "make: npm is missing: apt-get install nodejs npm" >&2; exit 1; }
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(STAMPS)/venv $(STAMPS)/node
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

clean-stamps:
	rm -rf $(STAMPS)
