#!/usr/bin/env bash
# The whole suite, each test once, on two throw-away databases copied from a
# cached template (Odoo's own modules and Chinese):
#  - units: both addons WITHOUT demo data; pytest (pytest-odoo) runs the addons'
#    own tests (Odoo TransactionCase/SavepointCase, in-process, each rolled back)
#    on the small fixtures they build;
#  - e2e: both addons WITH the rich demo data (as `make run`); pytest runs the
#    top-level tests/ (XML-RPC scenarios as the demo users, HTTP exports, browser
#    flows and the menu crawl against a real server), spread over E2E_WORKERS
#    pytest-xdist workers (default 3), each with a copy of the database and a
#    server of its own.
# The units' install and tests run beside the e2e install and tests; any
# ERROR/CRITICAL line of an install fails the run.  The databases are dropped at
# the end, also after a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
addons=${1:?usage: run_tests.sh ADDONS}
tmpl=yc_tmpl_$( (cat requirements.txt requirements-oca.txt; echo base,mail,web,zh_CN) \
                | md5sum | cut -c1-10)
db=yc_test_$$            # e2e, with demo data
db_units=yc_test_$$_u    # units, without demo data
read -ra unit_addons <<< "${addons//,/ }"   # each addon's tests in a pytest of its own,
unit_dbs=("$db_units")                       # on the units database or a copy of it
for i in $(seq 1 $((${#unit_addons[@]} - 1))); do unit_dbs+=("${db_units}$i"); done
workers=${E2E_WORKERS:-3}
db_jobs=${db}_jobs       # e2e, for the tests with a server of workers and a job runner
copies=("$db_jobs")      # and the e2e database of each xdist worker after the first
for i in $(seq 1 $((workers - 1))); do copies+=("${db}_gw$i"); done
filestore=.odoo/data/filestore
mkdir -p .odoo
start=$SECONDS
elapsed() { echo "$((SECONDS - start)) s"; }

db_exists() { [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }
cleanup() {
    local rc=$?
    for name in "$db" "${unit_dbs[@]}" "${copies[@]}"; do
        dropdb --if-exists "$name" 2>/dev/null
        rm -rf "$filestore/$name"
        [ $rc -eq 0 ] && rm -f ".odoo/test-$name.log"   # keep the logs of a failed run
    done
    return $rc
}
trap cleanup EXIT

# A template with Odoo's own modules and Chinese, built once per set of pins.
# (the template's filestore lives in this checkout: another clone rebuilds it)
if ! db_exists "$tmpl" || [ ! -d "$filestore/$tmpl" ]; then
    echo "test: building template database $tmpl (once per requirements)"
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

# The installed databases are kept per content of the addons, pins and day (the
# demo data is dated from today): a run with none of them changed copies them
# instead of installing again.  (Like the template, they live with this checkout.)
key=$( (echo "$tmpl"; TZ=Asia/Shanghai date +%F
        git ls-files -co --exclude-standard -z youth_contact youth_contact_reports \
            tools/run_tests.sh tools/warm_assets.py \
            | sort -z | xargs -0 md5sum 2>/dev/null) | md5sum | cut -c1-10)
cached() { db_exists "$1" && [ -d "$filestore/$1" ]; }
copy_db() {  # copy_db FROM TO: a database and its filestore
    createdb -T "$1" "$2" || return 1
    rm -rf "${filestore:?}/$2"
    if [ -d "$filestore/$1" ]; then cp -a "$filestore/$1" "$filestore/$2"; fi
}
keep() {  # keep DB KIND: DB (installed, checked) as the cache of its KIND
    local cache=yc_cache_${key}_$2 old
    for old in $(psql -d postgres -tAc "SELECT datname FROM pg_database
                                        WHERE datname LIKE 'yc\_cache\_%\_$2'"); do
        dropdb "$old"; rm -rf "${filestore:?}/$old"
    done
    copy_db "$1" "$cache"
}

install() {  # install DB KIND [odoo options...]: the addons on a copy of the template
    local name=$1 kind=$2; shift 2
    if cached "yc_cache_${key}_$kind"; then
        : > ".odoo/test-$name.log"
        copy_db "yc_cache_${key}_$kind" "$name"
        return
    fi
    createdb -T "$tmpl" "$name" || return 1
    # The filestore (attachments: images, asset bundles) goes with the database.
    [ -d "$filestore/$tmpl" ] && cp -a "$filestore/$tmpl" "$filestore/$name"
    # Odoo installs a module with its demo data when a module it depends on has
    # them, whatever --without-demo says (it acts when a database is created): the
    # template's modules have them (for the e2e database), the units' must not.
    if [ "$kind" = u ]; then
        psql -q -d "$name" -c "UPDATE ir_module_module SET demo = false" || return 1
    fi
    bash tools/odoo.sh -d "$name" -i "$addons" --stop-after-init --log-level=warn \
        --logfile=".odoo/test-$name.log" "$@" || return 1
    # Users of the test databases work in Meizhou's time zone, as in the run database.
    psql -q -d "$name" -c "UPDATE res_partner SET tz='Asia/Shanghai'
                           WHERE id IN (SELECT partner_id FROM res_users)"
    # (a failed install is reported by the caller's check_install, and not kept)
    check_install "$name" 0 >/dev/null || return 0
    # the web client's bundles compiled once, for every copy (with demo data: the
    # browser tests' database)
    if [ "$kind" = e2e ]; then .venv/bin/python tools/warm_assets.py "$name" || return 1; fi
    keep "$name" "$kind"
}
check_install() {  # check_install DB RC
    local log=".odoo/test-$1.log" errors
    errors=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" 2>/dev/null)
    if [ "$2" -ne 0 ] || [ -n "$errors" ]; then
        echo "test: FAILED during the install of $1 (exit $2); from $log:"
        if [ -n "$errors" ]; then
            grep -E -A 20 '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" | head -n 400
        else
            tail -n 40 "$log"
        fi
        return 1
    fi
}

# psycopg2 2.7 warns about its future wheel rename whenever it is imported.
export PYTHONWARNINGS="ignore:The psycopg2 wheel package:UserWarning"
# lessc for the style sheets of the PDF documents rendered by the tests
export PATH="$PWD/node_modules/.bin:$PATH"
run_pytest() {  # run_pytest DB ARGS...
    local name=$1; shift
    YC_TEST_DB=$name .venv/bin/pytest -p no:cacheprovider -q "$@"
    local rc=$?
    if [ $rc -eq 5 ]; then echo "test: FAILED: pytest collected no test in $*"; fi
    return $rc
}

# The units (install without demo data, then their tests, in-process) beside
# the e2e install and tests; their output follows at the end.  Each addon's
# tests run in a pytest of their own, side by side, each on its copy of the
# database (one process would leave a core idle once the end-to-end tests end).
units() {
    install "$db_units" u --without-demo=all; local rc=$?
    check_install "$db_units" $rc || return 1
    local i pids=() out
    for i in "${!unit_dbs[@]}"; do
        if [ "$i" -gt 0 ]; then copy_db "$db_units" "${unit_dbs[$i]}" || return 1; fi
    done
    echo "test: $db_units installed ($(elapsed)), the addons' tests:"
    for i in "${!unit_addons[@]}"; do
        run_pytest "${unit_dbs[$i]}" --odoo-config=.odoo/odoo.conf \
            --odoo-database="${unit_dbs[$i]}" "${unit_addons[$i]}" \
            > ".odoo/test-${unit_dbs[$i]}-${unit_addons[$i]}.pytest" 2>&1 & pids+=($!)
    done
    rc=0
    for i in "${!pids[@]}"; do
        wait "${pids[$i]}" || rc=1
        out=".odoo/test-${unit_dbs[$i]}-${unit_addons[$i]}.pytest"
        cat "$out"; rm -f "$out"
    done
    return $rc
}
units_out=".odoo/test-$db_units.pytest"
echo "test: installing $addons on $db_units (no demo data, then the addons' tests) and $db (demo data)"
units > "$units_out" 2>&1 & units_pid=$!
install "$db" e2e; e2e_rc=$?
check_install "$db" $e2e_rc || { wait $units_pid; exit 1; }
for copy in "${copies[@]}"; do copy_db "$db" "$copy" || exit 1; done
echo "test: $db installed ($(elapsed)), and copied for the jobs test and the $workers end-to-end workers"

# The tests *_with_workers (tests/test_jobs_rpc.py) run their own server with
# workers and a job runner: on a database of their own (two job runners on one
# database would take each other's jobs), beside the others (kept out of them by
# name, -k).
# The end-to-end tests reach Odoo through its servers only: pytest-odoo is off
# (-p no:odoo), it would load the registry of the database in every pytest
# process, beside the servers starting on it (seen: a server whose registry
# failed to load, or lacked models).
jobs_out=".odoo/test-$db_jobs.pytest"
run_pytest "$db_jobs" -p no:odoo tests/test_jobs_rpc.py > "$jobs_out" 2>&1 & jobs_pid=$!
run_pytest "$db" -p no:odoo tests -n "$workers" --dist worksteal -k "not with_workers"; e2e_rc=$?
wait $jobs_pid || e2e_rc=1
cat "$jobs_out"; rm -f "$jobs_out"
echo "test: end-to-end tests done ($(elapsed))"
wait $units_pid; units_rc=$?
echo "test: the addons' install and tests:"
cat "$units_out"; rm -f "$units_out"
echo "test: done ($(elapsed))"
[ $units_rc -eq 0 ] && [ $e2e_rc -eq 0 ]
