#!/usr/bin/env bash
# Refresh ADDON/i18n/zh_CN.po from the code: install the addon on a scratch
# database, export its terms, merge them into the existing catalogue (existing
# translations kept, new terms added with an empty msgstr, gone terms dropped),
# then list the untranslated entries.  Usage: tools/i18n_sync.sh youth_contact
set -euo pipefail
cd "$(dirname "$0")/.."
addon=${1:?usage: tools/i18n_sync.sh ADDON}
command -v msgmerge >/dev/null || { echo "i18n_sync: msgmerge missing: apt-get install gettext" >&2; exit 2; }
db=yc_i18n_$addon
po=$addon/i18n/zh_CN.po
exec 9>"/tmp/yc_i18n_$addon.lock"; flock 9
dropdb --if-exists "$db"
pot=$(mktemp --suffix=.po)
# Both addons installed: fields that a model of youth_contact_reports takes from a
# mixin of youth_contact are youth_contact's terms (their labels are translated
# per field), and exist only when both are installed.
.venv/bin/python tools/odoo-bin -c .odoo/odoo.conf -d "$db" -i youth_contact,youth_contact_reports --without-demo=all \
    --stop-after-init --log-level=warn >/dev/null
.venv/bin/python tools/odoo-bin -c .odoo/odoo.conf -d "$db" --i18n-export="$pot" \
    --modules="$addon" --stop-after-init --log-level=warn >/dev/null
dropdb --if-exists "$db"; rm -rf ".odoo/data/filestore/$db"
if [ -f "$po" ]; then
    msgmerge --quiet --no-fuzzy-matching --no-wrap --sort-output -o "$po.new" "$po" "$pot"
    msgattrib --no-obsolete --no-wrap -o "$po" "$po.new" && rm -f "$po.new"
else
    msginit --no-translator --no-wrap -l zh_CN -i "$pot" -o "$po"
fi
rm -f "$pot"
.venv/bin/python tools/po_check.py "$po"
