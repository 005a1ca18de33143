#!/usr/bin/env bash
# Create database DB with both addons, Chinese and demo data when it is absent;
# update the addons when their files changed since the last run; never recreate.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: ensure_db.sh DB ADDONS}
addons=${2:?usage: ensure_db.sh DB ADDONS}
stamp=.stamps/db-$db
log=.odoo/$db-setup.log
mkdir -p .stamps .odoo

db_exists() { [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }
installed() {
    psql -d "$db" -tAc "SELECT count(*) FROM ir_module_module WHERE state='installed' AND name IN ('youth_contact','youth_contact_reports')" 2>/dev/null || echo 0
}
odoo_step() {
    if ! bash tools/odoo.sh -d "$db" --stop-after-init --log-level=warn --logfile="$log" "$@"; then
        echo "setup: Odoo failed on database '$db'; the log is $log:" >&2
        tail -n 30 "$log" >&2
        exit 1
    fi
}

if ! db_exists "$db"; then
    echo "setup: creating database '$db' (both addons, demo data, Chinese); takes a minute or two"
    rm -f "$stamp"
    odoo_step -i "$addons" --load-language=zh_CN
    # The administrator and every demo user work in Chinese, in Meizhou's time zone.
    psql -q -d "$db" -c "UPDATE res_partner SET lang='zh_CN', tz='Asia/Shanghai'
                         WHERE id IN (SELECT partner_id FROM res_users)"
    touch "$stamp"
elif [ "$(installed)" != 2 ]; then
    echo "setup: database '$db' exists without both addons: installing them"
    odoo_step -i "$addons" --load-language=zh_CN
    touch "$stamp"
elif [ ! -f "$stamp" ] || [ -n "$(find youth_contact youth_contact_reports -newer "$stamp" -type f -not -name '*.pyc' | head -n 1)" ]; then
    echo "setup: addon files changed: updating them in '$db'"
    odoo_step -u "$addons"
    touch "$stamp"
fi
