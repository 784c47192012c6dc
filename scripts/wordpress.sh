#!/usr/bin/env bash
# A real WordPress of the project's own, from Debian's packages, on 127.0.0.1 only, for the WordPress tests
# (tests/wordpress/) and benchmark (bench/wordpress.py). Everything runs as the project's own processes with its data
# in one folder: a mariadbd (its socket in the folder, no TCP), a php-fpm pool, an nginx with one port per site.
#
#   scripts/wordpress.sh install       install the Debian packages that are missing (apt-get, as root); exit 77
#                                      when they cannot be installed here
#   scripts/wordpress.sh start DIR [SITE:THEME:PERMALINKS[:scripted-comments] …]
#                                      start them with DIR as their folder and fill one WordPress per SITE (its own
#                                      table prefix and port) through WordPress's own functions
#                                      (scripts/wordpress/fill.php); PERMALINKS is "pretty" or "plain"; with
#                                      scripted-comments the site's pages show no comment, as with a theme that
#                                      loads them by script (scripts/wordpress/comments-by-script.php). Prints one
#                                      line per site, "SITE http://127.0.0.1:PORT/", also written to DIR/sites.txt.
#                                      Default sites: every theme Debian ships × both permalink styles.
#   scripts/wordpress.sh stop DIR      stop what `start DIR` started
#
# With WORDPRESS_STOP_WITH=PID, `start` also leaves a watcher that stops them once that process is gone (a test run
# killed before its clean-up leaves nothing running).
# WordPress's theme unit test data (the public WordPress/theme-test-data repository, GPL, not shipped here) is
# imported into every site when WP_THEME_TEST_DATA names a copy of its themeunittestdata.wordpress.xml.
# Themes Debian does not ship (Hueman, Neve, ColorMag …: their authors' releases, built) are linked into every site
# from WP_EXTRA_THEMES, a folder of theme folders named as WordPress names them; a SITE's THEME may then be one.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
WP=/usr/share/wordpress
THEMES="twentytwentyone twentytwentytwo twentytwentythree"
PACKAGES="wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentytwo wordpress-theme-twentytwentythree
 mariadb-server php-fpm php-mysql php-gd php-xml php-mbstring nginx"

missing() {
    local wanted=() package
    for package in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || wanted+=("$package")
    done
    echo "${wanted[@]:-}"
}

install() {
    local wanted
    wanted=$(missing)
    [ -z "$wanted" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "WordPress cannot be started here: install Debian's packages $wanted (needs root)" >&2
        exit 77
    fi
    export DEBIAN_FRONTEND=noninteractive
    # The packages' own services are not wanted: the tests start their own processes.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    # shellcheck disable=SC2086
    if ! { apt-get -o DPkg::Lock::Timeout=600 install -y -q $wanted >/dev/null 2>&1 \
        || { apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null 2>&1 \
            && apt-get -o DPkg::Lock::Timeout=600 install -y -q $wanted >/dev/null 2>&1; }; }; then
        rm -f /usr/sbin/policy-rc.d
        echo "WordPress cannot be started here: apt-get install $wanted failed" >&2
        exit 77
    fi
    rm -f /usr/sbin/policy-rc.d
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

php_fpm() { ls /usr/sbin/php-fpm* 2>/dev/null | sort -V | tail -1; }

wait_for() {  # wait_for WHAT LOG TEST…: up to 30 s
    local what=$1 log=$2
    shift 2
    for _ in $(seq 300); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "$what did not start; see $log" >&2
    return 1
}

# The WordPress tree: Debian's code, linked, with a wp-config.php and a wp-content of its own (the themes linked
# from Debian's packages, uploads in DIR).
make_tree() {
    local dir=$1 entry
    mkdir -p "$dir/wordpress/wp-content/themes" "$dir/wordpress/wp-content/uploads" "$dir/wordpress/wp-content/plugins"
    # PHP files are copied, folders linked: WordPress finds wp-load.php (and so wp-config.php) from the folder of the
    # script that runs, with links resolved, and would find Debian's own. wp-admin likewise, one level down.
    mkdir -p "$dir/wordpress/wp-admin"
    for entry in "$WP"/* "$WP"/wp-admin/*; do
        case ${entry#"$WP"/} in
            wp-config.php | wp-content | wp-admin) ;;
            *.php) cp "$entry" "$dir/wordpress/${entry#"$WP"/}" ;;
            *) ln -sfn "$entry" "$dir/wordpress/${entry#"$WP"/}" ;;
        esac
    done
    for entry in $THEMES; do ln -sfn "$WP/wp-content/themes/$entry" "$dir/wordpress/wp-content/themes/$entry"; done
    if [ -n "${WP_EXTRA_THEMES:-}" ]; then
        for entry in "$WP_EXTRA_THEMES"/*/style.css; do
            [ -f "$entry" ] && ln -sfn "$(dirname "$(realpath "$entry")")" "$dir/wordpress/wp-content/themes/"
        done
    fi
    mkdir -p "$dir/wordpress/wp-content/mu-plugins"
    cp "$HERE/wordpress/comments-by-script.php" "$dir/wordpress/wp-content/mu-plugins/"
    echo "<?php /* no comments on the page: see comments-by-script.php */" \
        >"$dir/wordpress/wp-content/mu-plugins/blogarchive-no-comments.php"
    sed "s|@DIR@|$dir|g" "$HERE/wordpress/wp-config.php" >"$dir/wordpress/wp-config.php"
}

start_mariadb() {
    local dir=$1
    mkdir -p "$dir/run" "$dir/log"
    local user=()
    [ "$(id -u)" = 0 ] && user=(--user=root)
    mariadb-install-db --no-defaults --datadir="$dir/db" "${user[@]}" --auth-root-authentication-method=socket \
        --skip-test-db >"$dir/log/mariadb-install.log" 2>&1
    mariadbd --no-defaults --datadir="$dir/db" --socket="$dir/run/mysqld.sock" --pid-file="$dir/run/mysqld.pid" \
        --skip-networking --log-error="$dir/log/mariadb.log" --innodb-buffer-pool-size=32M --skip-log-bin \
        --innodb-flush-log-at-trx-commit=0 "${user[@]}" >/dev/null 2>&1 &
    wait_for mariadbd "$dir/log/mariadb.log" mariadb --no-defaults --socket="$dir/run/mysqld.sock" -e "SELECT 1"
    mariadb --no-defaults --socket="$dir/run/mysqld.sock" -e "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4"
}

start_php() {
    local dir=$1 root=()
    [ "$(id -u)" = 0 ] && root=(--allow-to-run-as-root)
    cat >"$dir/php-fpm.conf" <<CONF
[global]
pid = $dir/run/php-fpm.pid
error_log = $dir/log/php-fpm.log
daemonize = yes
[wordpress]
listen = $dir/run/php-fpm.sock
pm = static
pm.max_children = 4
clear_env = no
php_admin_value[error_log] = $dir/log/php-errors.log
php_admin_flag[log_errors] = on
CONF
    "$(php_fpm)" --fpm-config "$dir/php-fpm.conf" "${root[@]}"
    wait_for php-fpm "$dir/log/php-fpm.log" test -S "$dir/run/php-fpm.sock"
}

start_nginx() {
    local dir=$1 user="" site port
    [ "$(id -u)" = 0 ] && user="user root;"
    {
        echo "$user"
        echo "worker_processes 1; pid $dir/run/nginx.pid; error_log $dir/log/nginx-error.log;"
        echo "events { worker_connections 256; }"
        echo "http {"
        echo "  include /etc/nginx/mime.types;"
        # One line per request with the site's port first: what a crawl of one site asked for.
        echo "  log_format by_port '\$server_port \$status \$request_method \$request_uri';"
        echo "  access_log $dir/log/nginx-access.log by_port;"
        echo "  client_body_temp_path $dir/run/body; fastcgi_temp_path $dir/run/fastcgi;"
        echo "  proxy_temp_path $dir/run/proxy; uwsgi_temp_path $dir/run/uwsgi; scgi_temp_path $dir/run/scgi;"
        while read -r site port; do
            echo "  server {"
            echo "    listen 127.0.0.1:$port; root $dir/wordpress; index index.php;"
            echo "    location / { try_files \$uri \$uri/ /index.php?\$args; }"
            echo "    location ~ \\.php\$ {"
            echo "      include /etc/nginx/fastcgi_params;"
            echo "      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;"
            # Debian's default HTTP_HOST handling drops the port: WordPress would link to port 80.
            echo "      fastcgi_param HTTP_HOST \$http_host;"
            echo "      fastcgi_param BLOGARCHIVE_WP_SITE $site;"
            echo "      fastcgi_pass unix:$dir/run/php-fpm.sock;"
            echo "    }"
            echo "  }"
        done <"$dir/ports"
        echo "}"
    } >"$dir/nginx.conf"
    nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/log/nginx-error.log"
    wait_for nginx "$dir/log/nginx-error.log" test -f "$dir/run/nginx.pid"
}

fill() {
    local dir=$1 site=$2 theme=$3 permalinks=$4 port=$5 comments=$6
    BLOGARCHIVE_WP_SITE=$site timeout 600 php -d memory_limit=512M "$HERE/wordpress/fill.php" "$dir/wordpress" \
        "$HERE/wordpress/content.json" "$theme" "$permalinks" "http://127.0.0.1:$port" "$comments" \
        "${WP_THEME_TEST_DATA:-}" \
        >"$dir/log/fill-$site.log" 2>&1 || {
        echo "filling WordPress site $site failed; see $dir/log/fill-$site.log" >&2
        tail -5 "$dir/log/fill-$site.log" >&2
        return 1
    }
}

start() {
    local dir=$1
    shift
    local sites=("$@") site theme permalinks port
    if [ ${#sites[@]} = 0 ]; then
        for theme in $THEMES; do sites+=("${theme}_pretty:$theme:pretty" "${theme}_plain:$theme:plain"); done
    fi
    install
    mkdir -p "$dir"
    : >"$dir/ports"
    : >"$dir/sites.txt"
    for site in "${sites[@]}"; do echo "${site%%:*} $(free_port)" >>"$dir/ports"; done
    make_tree "$dir"
    start_mariadb "$dir"
    start_php "$dir"
    start_nginx "$dir"
    # Two sites at a time: each fill is one PHP process making posts, comments and images.
    local pids=() failed=0
    for site in "${sites[@]}"; do
        IFS=: read -r name theme permalinks comments <<<"$site"
        port=$(awk -v s="$name" '$1 == s {print $2}' "$dir/ports")
        fill "$dir" "$name" "$theme" "$permalinks" "$port" "${comments:-on-the-page}" &
        pids+=($!)
        if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}" || failed=1; pids=("${pids[@]:1}"); fi
        echo "$name http://127.0.0.1:$port/" >>"$dir/sites.txt"
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    [ $failed = 0 ] || return 1
    if [ -n "${WORDPRESS_STOP_WITH:-}" ]; then
        setsid bash -c 'while kill -0 "$1" 2>/dev/null && [ -f "$2/run/nginx.pid" ]; do sleep 1; done; "$0" stop "$2"' \
            "$HERE/wordpress.sh" "$WORDPRESS_STOP_WITH" "$dir" </dev/null >/dev/null 2>&1 &
    fi
    cat "$dir/sites.txt"
}

ours() {  # ours PID DIR: the process is still one this folder started (a pid file outlives a killed process, and
          # its number may have gone to another process since)
    [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF "$2/"
}

stop_pid() {  # stop_pid PIDFILE DIR: TERM, then KILL after 10 s; only a process of DIR's
    local file=$1 dir=$2 pid
    [ -f "$file" ] || return 0
    pid=$(cat "$file")
    rm -f "$file"
    ours "$pid" "$dir" || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        ours "$pid" "$dir" || return 0
        sleep 0.1
    done
    ours "$pid" "$dir" && kill -9 "$pid" 2>/dev/null
    return 0
}

stop() {
    local dir=$1
    stop_pid "$dir/run/nginx.pid" "$dir"
    stop_pid "$dir/run/php-fpm.pid" "$dir"
    stop_pid "$dir/run/mysqld.pid" "$dir"
}

case "${1:-}" in
    install) install ;;
    start)
        shift
        dir=$(realpath -m "${1:?usage: $0 start DIR [SITE:THEME:PERMALINKS …]}")
        shift
        start "$dir" "$@" || { stop "$dir"; exit 1; }
        ;;
    stop) stop "$(realpath -m "${2:?usage: $0 stop DIR}")" ;;
    *) echo "usage: $0 install | start DIR [SITE:THEME:PERMALINKS …] | stop DIR" >&2; exit 2 ;;
esac
