#!/usr/bin/env bash
# Install nginx from Debian when it is missing (used by bench/load_test.py and
# bench/nodes_test.py, which run nginx as their own process with a generated
# configuration in a temporary directory: the system service is never started).
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "nginx is missing: run 'apt-get install -y nginx' as root (or this script with sudo)" >&2
    exit 1
fi
# Keep the package's post-installation from starting the system service:
# a policy-rc.d answering 101 ("action forbidden"), only while installing and
# only when the machine has none.
policy=/usr/sbin/policy-rc.d
own_policy=
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    own_policy=1
fi
trap '[ -n "$own_policy" ] && rm -f "$policy"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q nginx; then
    apt-get update -q
    apt-get install -y -q nginx
fi
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]
