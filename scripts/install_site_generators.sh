#!/usr/bin/env bash
# Installs Debian's Hugo and Jekyll, the static site generators the Markdown export is built with in its test
# (tests/test_document_exports.py), when either is missing. Exit 77 (a skip, for the tests) when they cannot be
# installed here, with the reason on stderr.
set -euo pipefail
if command -v hugo >/dev/null && command -v jekyll >/dev/null; then
  exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
       hugo jekyll; } >/dev/null 2>&1; then
  echo "Hugo and Jekyll cannot be installed here (apt-get install hugo jekyll failed)" >&2
  exit 77
fi
