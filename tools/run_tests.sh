#!/usr/bin/env bash
# The whole suite on a throw-away database, each test once:
#  1. install both addons (with their demo data) on a copy of a cached template
#     database; any ERROR/CRITICAL log line of the install fails the run;
#  2. pytest (with pytest-odoo) over the addons' tests (Odoo's TransactionCase /
#     SavepointCase tests, run in-process, once) and the top-level tests/ (RPC
#     scenarios, HTTP exports, browser flows against a real server);
# then drop the database, also after a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
addons=${1:?usage: run_tests.sh ADDONS}
tmpl=yc_tmpl_$( (cat requirements.txt; echo base,mail,web,zh_CN) | md5sum | cut -c1-10)
db=yc_test_$$
log=.odoo/test-$db.log
filestore=.odoo/data/filestore
mkdir -p .odoo

db_exists() { [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }
cleanup() {
    local rc=$?
    dropdb --if-exists "$db" 2>/dev/null
    rm -rf "$filestore/$db"
    [ $rc -eq 0 ] && rm -f "$log"   # keep the log of a failed run
    return $rc
}
trap cleanup EXIT

# A template with Odoo's own modules and Chinese, built once per set of pins.
# (the template's filestore lives in this checkout: another clone rebuilds it)
if ! db_exists "$tmpl" || [ ! -d "$filestore/$tmpl" ]; then
    echo "test: building template database $tmpl (once per requirements.txt)"
    for old in $(psql -d postgres -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'yc_tmpl_%'"); do
        dropdb "$old"; rm -rf "$filestore/$old"
    done
    if ! bash tools/odoo.sh -d "$tmpl.new" -i base,mail,web --load-language=zh_CN \
            --stop-after-init --log-level=warn --logfile=.odoo/test-template.log; then
        tail -n 30 .odoo/test-template.log; dropdb --if-exists "$tmpl.new"; exit 1
    fi
    psql -q -d postgres -c "ALTER DATABASE \"$tmpl.new\" RENAME TO \"$tmpl\""
    rm -rf "$filestore/$tmpl"
    if [ -d "$filestore/$tmpl.new" ]; then mv "$filestore/$tmpl.new" "$filestore/$tmpl"; else mkdir -p "$filestore/$tmpl"; fi
fi
createdb -T "$tmpl" "$db" || exit 1
# The filestore (attachments: images, asset bundles) goes with the database.
[ -d "$filestore/$tmpl" ] && cp -a "$filestore/$tmpl" "$filestore/$db"

echo "test: installing $addons on $db"
bash tools/odoo.sh -d "$db" -i "$addons" --stop-after-init --log-level=warn --logfile="$log"
rc=$?
errors=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log")
if [ $rc -ne 0 ] || [ -n "$errors" ]; then
    echo "test: FAILED during the install (exit $rc); from $log:"
    if [ -n "$errors" ]; then
        grep -E -A 20 '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" | head -n 400
    else
        tail -n 40 "$log"
    fi
    exit 1
fi
# Users of the test database work in Meizhou's time zone, as in the run database.
psql -q -d "$db" -c "UPDATE res_partner SET tz='Asia/Shanghai'
                     WHERE id IN (SELECT partner_id FROM res_users)"
echo "test: installed"

echo "test: pytest"
export YC_TEST_DB=$db
# psycopg2 2.7 warns about its future wheel rename whenever it is imported.
export PYTHONWARNINGS="ignore:The psycopg2 wheel package:UserWarning"
.venv/bin/pytest --odoo-config=.odoo/odoo.conf --odoo-database="$db" \
    -p no:cacheprovider -q youth_contact youth_contact_reports tests
rc=$?
if [ $rc -eq 5 ]; then
    echo "test: FAILED: pytest collected no test"; exit 1
fi
exit $rc
