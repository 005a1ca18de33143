#!/usr/bin/env bash
# Lint: flake8 on the Python, well-formed XML and consistent manifests.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "lint: ruff"
.venv/bin/ruff check --quiet youth_contact youth_contact_reports tests tools bench
echo "lint: XML and manifests"
.venv/bin/python tools/check_addons.py
echo "lint: translations (complete, placeholders consistent)"
.venv/bin/python tools/po_check.py youth_contact/i18n/zh_CN.po youth_contact_reports/i18n/zh_CN.po \
    youth_contact/i18n_extra/zh_CN.po youth_contact_reports/i18n_extra/zh_CN.po
if command -v msgfmt >/dev/null; then
    for po in youth_contact/i18n/zh_CN.po youth_contact_reports/i18n/zh_CN.po \
              youth_contact/i18n_extra/zh_CN.po youth_contact_reports/i18n_extra/zh_CN.po; do
        msgfmt --check-format -o /dev/null "$po"
    done
fi
echo "lint: _() only where it finds the user's language"
.venv/bin/python tools/check_gettext.py youth_contact youth_contact_reports
