#!/usr/bin/env bash
# Screenshot of `blogarchive serve` (Datasette's articles page as it opens) in headless Debian Chromium.
# Usage: scripts/screenshot_serve.sh [ARCHIVE_DB] [OUT_PNG]   (crawls the demo blog first when ARCHIVE_DB is missing)
# Installs Chromium and CJK fonts from Debian when missing (exit 77 when they cannot be installed here).
# Writes OUT_PNG and, beside it, the page as Chromium rendered it (OUT_PNG with .html); checks that the page opens
# on the reading columns with a search box and the site, author, language and categories facets, and exits
# non-zero when anything is missing.
set -euo pipefail
db="${1:-archive.db}"
out="$(realpath -m "${2:-serve-articles.png}")"
dom="${out%.png}.html"
bash "$(dirname "$0")/install_chromium.sh"  # exit 77 when it cannot be installed
[ -f "$db" ] || blogarchive demo --db "$db" --quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
blogarchive serve --db "$db" --port "$port" >/dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$profile"' EXIT
url="http://127.0.0.1:$port/$(basename "${db%.*}")/articles"
for _ in $(seq 100); do curl -fsL "$url" >/dev/null && break; sleep 0.2; done
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync "--user-data-dir=$profile" --window-size=1400,1300)
chromium "${flags[@]}" --dump-dom "$url" 2>/dev/null > "$dom"
header=$(sed -n '/<thead>/,/<\/thead>/p' "$dom" | grep -o 'data-column="[a-z_]*"' | cut -d'"' -f2 | paste -sd' ')
[ "$header" = "id title author site published language gone_at" ] || {
  echo "the articles page opens on columns '$header', not the reading columns" >&2; exit 1; }
grep -q 'id="_search"' "$dom" || { echo "no search box on $url" >&2; exit 1; }
for facet in site author language categories; do
  grep -q "class=\"facet-info[^\"]*\" id=\"facet-$facet\"" "$dom" || { echo "facet $facet missing from $url" >&2; exit 1; }
done
chromium "${flags[@]}" --screenshot="$out" "$url" 2>/dev/null
[ -s "$out" ] || { echo "no screenshot written" >&2; exit 1; }
echo "articles page: columns $header, a search box, facets site, author, language, categories; screenshot: $out"
