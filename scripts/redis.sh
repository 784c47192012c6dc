#!/usr/bin/env bash
# A Redis of the project's own for the distributed tests and the benchmark, on 127.0.0.1 only.
#
#   scripts/redis.sh install        install Debian's redis-server if it is missing (apt-get, as root)
#   scripts/redis.sh start DIR      start redis-server on a free loopback port with DIR as its data folder;
#                                   prints its URL (redis://127.0.0.1:PORT/0) and writes it to DIR/url
#   scripts/redis.sh restart DIR    stop it and start it again on the same port with the same data (a broker restart)
#   scripts/redis.sh stop DIR       stop the redis-server started in DIR
#
# Data are kept in an append-only file fsynced on every write (appendfsync always), so a restart, or a kill, of the
# broker loses no message it had acknowledged.
set -euo pipefail

install() {
    command -v redis-server >/dev/null && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "redis-server is not installed and this is not root: install Debian's redis-server package" >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q redis-server >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q redis-server >/dev/null; }
    command -v redis-server >/dev/null
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

launch() {
    local dir=$1 port=$2
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" \
        --logfile "$dir/redis.log" --appendonly yes --appendfsync always --save "" --protected-mode yes
    for _ in $(seq 100); do
        redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    echo "redis-server did not answer on 127.0.0.1:$port; see $dir/redis.log" >&2
    return 1
}

stop() {
    local dir=$1
    [ -f "$dir/port" ] || return 0
    redis-cli -p "$(cat "$dir/port")" shutdown nosave >/dev/null 2>&1 || true
    for _ in $(seq 100); do
        [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null || return 0
        sleep 0.05
    done
    kill -9 "$(cat "$dir/redis.pid")" 2>/dev/null || true
}

case "${1:-}" in
    install) install ;;
    start)
        dir=$(realpath -m "${2:?usage: $0 start DIR}")
        mkdir -p "$dir"
        install
        port=$(free_port)
        echo "$port" >"$dir/port"
        launch "$dir" "$port"
        echo "redis://127.0.0.1:$port/0" | tee "$dir/url"
        ;;
    restart)
        dir=$(realpath -m "${2:?usage: $0 restart DIR}")
        stop "$dir"
        launch "$dir" "$(cat "$dir/port")"
        ;;
    stop) stop "$(realpath -m "${2:?usage: $0 stop DIR}")" ;;
    *) echo "usage: $0 install | start DIR | restart DIR | stop DIR" >&2; exit 2 ;;
esac
