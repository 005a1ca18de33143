#!/usr/bin/env bash
# Serve database DB on PORT, after checking that the port is free.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: serve.sh DB PORT}
port=${2:?usage: serve.sh DB PORT}
if ! .venv/bin/python - "$port" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(('0.0.0.0', int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
then
    echo "run: port $port is in use (another Odoo?): stop it, or choose one: make run PORT=8070" >&2
    exit 1
fi
longpolling=$((port + 3))
cat <<MSG

  青年联系 / Youth Contact is starting on http://localhost:$port  (database: $db)
  Log in as the city administrator:  admin / admin
  Demo users (password = login) are listed in README.md.
  Stop with Ctrl-C.

MSG
exec bash tools/odoo.sh -d "$db" --db-filter="^$db\$" --http-port="$port" --longpolling-port="$longpolling" --log-level=info
