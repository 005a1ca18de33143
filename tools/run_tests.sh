#!/usr/bin/env bash
# The whole suite on a throw-away database:
#  1. install both addons with --test-enable (Odoo's at_install/post_install tests);
#     any test failure or ERROR/CRITICAL log line fails the run;
#  2. pytest (with pytest-odoo) over the addons' tests and the top-level tests/
#     (RPC scenarios, browser flows, fault tests);
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

echo "test: installing $addons on $db with their tests"
# --test-enable starts the HTTP server (for HttpCase): give it a free port, so a
# running `make run` or another test run does not collide with it.
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
bash tools/odoo.sh -d "$db" -i "$addons" --test-enable --stop-after-init \
    --http-port="$port" --log-level=test --logfile="$log"
rc=$?
ran=$(grep -oE 'Ran [0-9]+ tests?' "$log" | awk '{s += $2} END {print s + 0}')
errors=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log")
if [ $rc -ne 0 ] || [ -n "$errors" ]; then
    echo "test: FAILED during install/Odoo tests (exit $rc); from $log:"
    if [ -n "$errors" ]; then
        # the ERROR lines and the tracebacks of failed tests (Odoo 11 prefixes them with `)
        grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |^[0-9-]+ [0-9:,]+ [0-9]+ INFO [^ ]+ [^ ]+: `' "$log" \
            | sed -E 's/^[0-9-]+ [0-9:,]+ [0-9]+ ([A-Z]+) [^ ]+ /\1 /' | head -n 400
    else
        tail -n 40 "$log"
    fi
    exit 1
fi
echo "test: Odoo ran $ran tests at install, no error"
if [ "$ran" -eq 0 ]; then
    echo "test: FAILED: Odoo ran no test at install"; exit 1
fi

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
