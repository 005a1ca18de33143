#!/usr/bin/env bash
# Run Odoo with the repository's virtualenv, configuration and node tools.
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/node_modules/.bin:$PATH"
exec "$root/.venv/bin/python" "$root/tools/odoo-bin" -c "$root/.odoo/odoo.conf" "$@"
