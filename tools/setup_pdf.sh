#!/usr/bin/env bash
# Debian packages for the printed documents (通报, half-year reports): Odoo's PDF
# engine wkhtmltopdf (Debian's 0.12.6, built with the unpatched Qt: no header or
# footer HTML, see README "Printing"), a Chinese font whose text pdftotext extracts
# as written (WenQuanYi Micro Hei: Noto CJK maps some characters such as 青 to
# radicals when extracted), poppler-utils (pdftotext, pdfinfo) for the tests, and
# LibreOffice Calc without its GUI (libreoffice-calc-nogui: soffice --headless), with
# which tests/test_print_xlsx.py prints the Excel exports to PDF and counts their pages.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages for the PDF documents and printing: ${missing[*]}"
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
