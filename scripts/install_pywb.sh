#!/usr/bin/env bash
# Installs pywb (the replay server tests/test_replay.py uses) into a virtual environment of its own, .tools/pywb,
# once, and prints its bin folder. pywb is kept out of the project's environment: it requires brotlipy, whose
# `brotli` module shadows the Brotli package blogarchive and Scrapy decode responses with. Exit 77 (a skip, for
# the tests) when it cannot be installed here, with the reason on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.tools/pywb
if [ ! -x "$venv/bin/wayback" ]; then
  rm -rf "$venv"
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q pywb==2.10.0; } >/dev/null 2>&1; then
    rm -rf "$venv"
    echo "pywb cannot be installed here (pip install pywb==2.10.0 into $venv failed)" >&2
    exit 77
  fi
fi
echo "$PWD/$venv/bin"
