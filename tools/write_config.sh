#!/usr/bin/env bash
# Write the Odoo configuration inside the repository (git-ignored).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/.odoo/data"
odoo_addons=$("$root/.venv/bin/python" -c 'import os, odoo.addons.base as b; print(os.path.dirname(os.path.dirname(b.__file__)))' 2>/dev/null)
new=$(cat <<CONF
[options]
addons_path = $odoo_addons,$root
data_dir = $root/.odoo/data
db_host = False
db_port = False
db_user = $(id -un)
db_password = False
admin_passwd = admin
list_db = False
without_demo = False
server_wide_modules = web,queue_job

[queue_job]
channels = root:2,root.league:1
CONF
)
if [ ! -f "$root/.odoo/odoo.conf" ] || [ "$new" != "$(cat "$root/.odoo/odoo.conf")" ]; then
    printf '%s\n' "$new" > "$root/.odoo/odoo.conf"
fi
