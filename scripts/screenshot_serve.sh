#!/usr/bin/env bash
# Screenshot of `blogarchive serve` (Datasette's articles page with its facets) in headless Debian Chromium.
# Usage: scripts/screenshot_serve.sh [ARCHIVE_DB] [OUT_PNG]   (crawls the demo blog first when ARCHIVE_DB is missing)
# Checks the page shows the facets and writes the PNG; exits non-zero when either is missing.
set -euo pipefail
db="${1:-archive.db}"
out="${2:-serve-articles.png}"
if ! command -v chromium >/dev/null || ! fc-list | grep -qi "noto sans cjk"; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
[ -f "$db" ] || blogarchive demo --db "$db" --quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
blogarchive serve --db "$db" --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port/$(basename "${db%.*}")/articles"
for _ in $(seq 50); do curl -fs "$url" >/dev/null && break; sleep 0.2; done
profile=$(mktemp -d)
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync "--user-data-dir=$profile" --window-size=1400,1800)
chromium "${flags[@]}" --dump-dom "$url" 2>/dev/null > "$profile/dom.html"
for facet in site author language categories; do
  grep -q "data-column=\"$facet\"" "$profile/dom.html" || { echo "facet $facet missing from $url" >&2; exit 1; }
done
chromium "${flags[@]}" --screenshot="$(realpath -m "$out")" "$url" 2>/dev/null
[ -s "$out" ] || { echo "no screenshot written" >&2; exit 1; }
echo "facets site, author, language, categories shown; screenshot: $out"
