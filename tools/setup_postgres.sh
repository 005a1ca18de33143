#!/usr/bin/env bash
# Make sure a local PostgreSQL accepts connections from the current OS user
# (peer authentication over the Unix socket): start the cluster when it is
# stopped, create the role when it is missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
me=$(id -un)

if ! command -v pg_isready >/dev/null; then
    echo "setup: PostgreSQL is not installed: apt-get install postgresql" >&2
    exit 1
fi
if ! pg_isready -q; then
    if command -v pg_lsclusters >/dev/null && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
        read -r ver name _ < <(pg_lsclusters -h | head -n 1)
        echo "setup: starting PostgreSQL cluster $ver/$name"
        if [ "$(id -u)" = 0 ]; then
            pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
        else
            sudo pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
        fi
    else
        echo "setup: no PostgreSQL cluster found: apt-get install postgresql" >&2
        exit 1
    fi
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 0.5; done
    pg_isready -q || { echo "setup: PostgreSQL did not start; see /var/log/postgresql/" >&2; exit 1; }
fi
if [ "$me" = postgres ]; then
    echo "setup: Odoo refuses to connect as 'postgres': run make as another user" >&2
    exit 1
fi
if ! psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
    echo "setup: creating PostgreSQL role '$me'"
    if [ "$(id -u)" = 0 ]; then
        su postgres -c "createuser --superuser '$me'"
    else
        sudo -u postgres createuser --superuser "$me"
    fi
fi
