#!/usr/bin/env bash
# Installs Debian's Chromium and the CJK fonts its screenshots need, when either is missing. Used by
# scripts/screenshot_serve.sh and the replay test (tests/test_replay.py). Exit 77 (a skip, for the tests) when they
# cannot be installed here, with the reason on stderr.
set -euo pipefail
if command -v chromium >/dev/null && fc-list | grep -i "noto sans cjk" >/dev/null; then  # not grep -q: with pipefail, fc-list would die of SIGPIPE
  exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium fonts-noto-cjk; } \
     >/dev/null 2>&1; then
  echo "Chromium cannot be installed here (apt-get install chromium fonts-noto-cjk failed)" >&2
  exit 77
fi
