#!/usr/bin/env bash
# Debian's static blog engines for the test suite and the benchmark: Hugo, and Jekyll with the theme and plugins
# Debian packages (minima, jekyll-feed, jekyll-seo-tag, jekyll-paginate, jekyll-sitemap, jekyll-archives). No gem,
# theme or Hugo module comes from the network: the blogs' sources are in tests/sites/.
#
#   scripts/static_engines.sh install ENGINE              install the engine's Debian packages if missing (as root)
#   scripts/static_engines.sh build ENGINE SRC OUT URL    build the blog whose sources are in SRC into OUT, for URL
#
# ENGINE is hugo or jekyll. SRC is copied first (both engines write caches and lock files into their source
# folder). Exit status 77: the engine is not installed and cannot be (not root, or no package source), so a test
# that needs it is skipped.
set -euo pipefail

packages() {
    case "$1" in
        hugo) echo hugo ;;
        jekyll) echo jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag ruby-jekyll-paginate \
            ruby-jekyll-sitemap ruby-jekyll-archives ;;
        *) echo "unknown engine '$1': give hugo or jekyll" >&2; exit 2 ;;
    esac
}

missing() {
    local missing=()
    for package in $(packages "$1"); do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    echo "${missing[@]}"
}

install() {
    local engine=$1 needed
    needed=$(missing "$engine")
    [ -z "$needed" ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "$engine needs the Debian packages: $needed (install them as root)" >&2
        exit 77
    fi
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086  # one word per package
    apt-get -o DPkg::Lock::Timeout=600 install -y -q $needed >/dev/null 2>&1 \
        || { apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null 2>&1 \
            && apt-get -o DPkg::Lock::Timeout=600 install -y -q $needed >/dev/null 2>&1; } \
        || { echo "could not install $needed with apt-get" >&2; exit 77; }
}

build() {
    local engine=$1 src=$2 out=$3 url=$4
    install "$engine"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cp -r "$src" "$work/src"
    case "$engine" in
        hugo)
            hugo --quiet --source "$work/src" --destination "$out" --baseURL "$url" --cacheDir "$work/cache"
            ;;
        jekyll)
            printf 'url: "%s"\n' "${url%/}" >"$work/url.yml"
            jekyll build --quiet --source "$work/src" --destination "$out" \
                --config "$work/src/_config.yml,$work/url.yml"
            ;;
    esac
}

case "${1:-}" in
    install) install "${2:?usage: $0 install hugo|jekyll}" ;;
    build) build "${2:?usage: $0 build ENGINE SRC OUT URL}" "${3:?SRC}" "$(realpath -m "${4:?OUT}")" "${5:?URL}" ;;
    *) echo "usage: $0 install ENGINE | build ENGINE SRC OUT URL" >&2; exit 2 ;;
esac
