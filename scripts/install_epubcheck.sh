#!/usr/bin/env bash
# Installs Debian's epubcheck (the EPUB validator) and a Java runtime to run it, when either is missing. Used by the
# e-book export's test (tests/test_document_exports.py). Exit 77 (a skip, for the tests) when they cannot be
# installed here, with the reason on stderr.
set -euo pipefail
if command -v java >/dev/null && [ -f /usr/share/java/epubcheck.jar ]; then
  exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
       epubcheck default-jre-headless; } >/dev/null 2>&1; then
  echo "epubcheck cannot be installed here (apt-get install epubcheck default-jre-headless failed)" >&2
  exit 77
fi
