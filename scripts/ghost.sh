#!/usr/bin/env bash
# A real Ghost of the project's own, on 127.0.0.1 only, for the Ghost tests (tests/ghost/): Ghost's own release from
# npm (the `ghost` package, GHOST_VERSION) with its production dependencies as its yarn.lock pins them, run by node in
# development mode on SQLite, as `ghost install local` runs it; its content (scripts/ghost/content.py) imported
# through its Admin API, as its owner does.
#
#   scripts/ghost.sh install          install Ghost into ~/.cache/blogarchive/ghost/VERSION (kept; nothing to do when
#                                     it is there); exit 77 where it cannot be installed (no node 20 or 22, no npm
#                                     registry, its native modules not built)
#   scripts/ghost.sh start DIR [comments]
#                                     start a new blog with DIR as its folder (its SQLite database, content, log) and
#                                     fill it (scripts/ghost/fill.py); with `comments`, Ghost's comments are on for
#                                     everyone. Prints its URL, also written to DIR/url.
#   scripts/ghost.sh slug DIR OLD NEW change a post's slug through the Admin API, as an editor does
#   scripts/ghost.sh theme DIR NAME   activate one of Ghost's bundled themes: source (Ghost 5's default) or casper
#   scripts/ghost.sh stop DIR         stop what `start DIR` started
#
# With GHOST_STOP_WITH=PID, `start` also leaves a watcher that stops Ghost once that process is gone (a test run
# killed before its clean-up leaves nothing running).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
GHOST_VERSION=5.130.4  # Ghost 5's last release line: Ghost 6 needs node 22
YARN_VERSION=1.22.22
CACHE=${BLOGARCHIVE_CACHE:-$HOME/.cache/blogarchive}/ghost
HOME_DIR=$CACHE/$GHOST_VERSION

unavailable() { echo "Ghost cannot be started here: $*" >&2; exit 77; }

install() {
    [ -f "$HOME_DIR/.installed" ] && return 0
    command -v node >/dev/null && command -v npm >/dev/null || unavailable "install node 20 or 22 and npm"
    case "$(node --version)" in
        v20.* | v22.*) ;;
        *) unavailable "Ghost $GHOST_VERSION needs node 20 or 22, not $(node --version)" ;;
    esac
    local work=$CACHE/$GHOST_VERSION.part
    rm -rf "$work" && mkdir -p "$work"
    # The package's devDependencies are the monorepo's (some fetched from GitHub): production needs none, and yarn
    # fetches every package its lock file resolves for the package.json, dev or not. sqlite3's and re2's native
    # modules are built where no prebuilt one can be fetched: against the headers of the node that runs Ghost
    # (Debian's nodejs ships them under /usr/include/node).
    if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
    (
        cd "$work" \
            && npm install --prefix tools --no-audit --no-fund -q "yarn@$YARN_VERSION" >/dev/null 2>&1 \
            && npm pack -q "ghost@$GHOST_VERSION" >/dev/null 2>&1 \
            && tar xzf "ghost-$GHOST_VERSION.tgz" && rm "ghost-$GHOST_VERSION.tgz" \
            && node -e 'const f="./package/package.json", p=require(f); delete p.devDependencies;
                require("fs").writeFileSync(f, JSON.stringify(p, null, 2))' \
            && cd package \
            && ../tools/node_modules/.bin/yarn install --production --non-interactive --no-progress --ignore-engines \
                >"$work/yarn.log" 2>&1
    ) || { echo "see $work/yarn.log" >&2; unavailable "installing Ghost $GHOST_VERSION from npm failed"; }
    rm -rf "$HOME_DIR" && mv "$work/package" "$HOME_DIR" && rm -rf "$work"
    touch "$HOME_DIR/.installed"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local dir=$1 comments=${2:-}
    install
    dir=$(realpath -m "$dir")
    mkdir -p "$dir/content/data" "$dir/content/logs" "$dir/content/themes"
    # Ghost's bundled themes (Casper, Source), linked: the content folder is the blog's own
    ln -sfn "$HOME_DIR/content/themes/casper" "$dir/content/themes/casper"
    ln -sfn "$HOME_DIR/content/themes/source" "$dir/content/themes/source"
    local port url
    port=$(free_port)
    url="http://127.0.0.1:$port/"
    python3 "$HERE/ghost/content.py" "$dir/content" "$dir/import.json"
    # Configured by the environment (Ghost's nconf reads `a__b` as a.b): nothing is written into the install. No
    # mail leaves it, so no staff sign-in waits for a code by mail; no call home (update check, Gravatar, pings).
    (
        cd "$HOME_DIR"
        export NODE_ENV=development url="$url" server__host=127.0.0.1 server__port="$port" \
            database__client=sqlite3 database__connection__filename="$dir/content/data/ghost.db" \
            paths__contentPath="$dir/content" privacy__useUpdateCheck=false privacy__useGravatar=false privacy__useRpcPing=false logging__transports='["file"]' \
            logging__path="$dir/content/logs" mail__transport=stub security__staffDeviceVerification=false
        setsid node index.js >"$dir/ghost.log" 2>&1 &
        echo $! >"$dir/ghost.pid"
    )
    for _ in $(seq 1200); do
        curl -fs -o /dev/null "${url}ghost/api/admin/site/" && break
        kill -0 "$(cat "$dir/ghost.pid")" 2>/dev/null || { echo "Ghost stopped; see $dir/ghost.log" >&2; exit 1; }
        sleep 0.1
    done
    curl -fs -o /dev/null "${url}ghost/api/admin/site/" || { echo "Ghost did not start; see $dir/ghost.log" >&2; exit 1; }
    if [ -n "${GHOST_STOP_WITH:-}" ]; then
        setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; bash "$2" stop "$3"' _ \
            "$GHOST_STOP_WITH" "$0" "$dir" >/dev/null 2>&1 </dev/null &
    fi
    python3 "$HERE/ghost/fill.py" "$url" "$dir/import.json" $comments
    echo "$url" >"$dir/url"
    echo "$url"
}

stop() {
    local dir=$1
    [ -f "$dir/ghost.pid" ] || return 0
    local pid
    pid=$(cat "$dir/ghost.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/ghost.pid"
}

case "${1:-}" in
    install) install ;;
    start) start "${2:?usage: $0 start DIR [comments]}" "${3:-}" ;;
    slug) python3 "$HERE/ghost/fill.py" "$(cat "${2:?usage: $0 slug DIR OLD NEW}/url")" --slug "${3:?}" "${4:?}" ;;
    theme) python3 "$HERE/ghost/fill.py" "$(cat "${2:?usage: $0 theme DIR NAME}/url")" --theme "${3:?}" ;;
    stop) stop "${2:?usage: $0 stop DIR}" ;;
    *) echo "usage: $0 install | start DIR [comments] | slug DIR OLD NEW | theme DIR NAME | stop DIR" >&2; exit 2 ;;
esac
