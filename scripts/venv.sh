#!/usr/bin/env bash
# Runs a command of the project in its virtual environment, made first if missing:
#   scripts/venv.sh blogarchive demo     # .venv made, requirements.txt installed into it, then `blogarchive demo`
#   scripts/venv.sh pytest               # the same with requirements-dev.txt (pytest, ruff …), then the suite
# A Debian or Ubuntu system Python refuses `pip install` outside a virtual environment (externally managed,
# PEP 668); this makes the README's Quick start work there as written. The environment is the repository's .venv
# (or $BLOGARCHIVE_VENV); the requirements are installed again only when their file is newer than the last install.
# The command runs in the folder you call it from (`blogarchive demo` writes ./archive.db there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${BLOGARCHIVE_VENV:-$root/.venv}"
[ $# -gt 0 ] || { echo "usage: scripts/venv.sh COMMAND [ARGUMENTS…] (blogarchive demo, pytest …)" >&2; exit 2; }

if [ ! -x "$venv/bin/python" ]; then
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
        rm -rf "$venv"  # half made: without ensurepip, venv leaves a folder without pip
        echo "cannot make a virtual environment in $venv: Python's venv module is missing; install it" \
            "(Debian, Ubuntu: apt-get install python3-venv) and run this again" >&2
        exit 1
    fi
fi

requirements="$root/requirements.txt"
case "$1" in pytest|ruff|mkdocs) requirements="$root/requirements-dev.txt" ;; esac
stamp="$venv/.installed-$(basename "$requirements")"
if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ] || [ "$root/requirements.txt" -nt "$stamp" ]; then
    echo "installing $(basename "$requirements") into $venv …" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
    touch "$stamp"
fi
[ -x "$venv/bin/$1" ] || { echo "no command $1 in $venv/bin (blogarchive, pytest, ruff …)" >&2; exit 2; }
exec "$venv/bin/$1" "${@:2}"
