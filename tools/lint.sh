#!/usr/bin/env bash
# Lint: flake8 on the Python, well-formed XML and consistent manifests.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "lint: ruff"
.venv/bin/ruff check --quiet youth_contact youth_contact_reports tests tools bench
echo "lint: XML and manifests"
.venv/bin/python tools/check_addons.py
