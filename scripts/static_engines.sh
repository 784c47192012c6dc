#!/usr/bin/env bash
# Debian's static blog engines for the test suite and the benchmark: Hugo, and Jekyll with the theme and plugins
# Debian packages (minima, jekyll-feed, jekyll-seo-tag, jekyll-paginate, jekyll-sitemap, jekyll-archives); for the
# test suite also chronicle (Steve Kemp's blog compiler, its stock default theme), nanoc (create-site's layout with
# nanoc's Blogging and Tagging helpers) and Pelican (with Python-Markdown, its default theme "simple", the one
# Debian's package keeps). No gem, theme or Hugo module comes from the network: the blogs' sources are in tests/sites/.
#
#   scripts/static_engines.sh install ENGINE              install the engine's Debian packages if missing (as root)
#   scripts/static_engines.sh build ENGINE SRC OUT URL    build the blog whose sources are in SRC into OUT, for URL
#
# ENGINE is hugo, jekyll, chronicle, nanoc or pelican. SRC is copied first (the engines write caches, lock files and
# output into their source folder). Exit status 77: the engine is not installed and cannot be (not root, or no package
# source), so a test that needs it is skipped.
set -euo pipefail

packages() {
    case "$1" in
        hugo) echo hugo ;;
        jekyll) echo jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag ruby-jekyll-paginate \
            ruby-jekyll-sitemap ruby-jekyll-archives ;;
        chronicle) echo chronicle ;;
        nanoc) echo nanoc ;;
        pelican) echo pelican python3-markdown ;;
        *) echo "unknown engine '$1': give hugo, jekyll, chronicle, nanoc or pelican" >&2; exit 2 ;;
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
    packages "$engine" >/dev/null  # an unknown engine exits here: inside $(missing …) its exit would be lost
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
        chronicle)
            # Entries in blog/, comments in comments/ named as comments.cgi names them; chroniclerc is read after
            # /etc/chroniclerc (which disables comments), HOME is the work folder so no ~/.chroniclerc is. chronicle
            # copies no file of the blog's own: its pictures are copied beside the pages.
            local second=0  # chronicle orders an entry's comments by mtime: here, the order of their names (times)
            for comment in "$work/src/comments"/*; do touch -d "@$((second += 60))" "$comment"; done
            (cd "$work/src" && HOME="$work" chronicle --config chroniclerc --input blog --comments comments \
                --output "$out" --url-prefix "$url" >/dev/null)
            cp -r "$work/src/images" "$out/images"
            ;;
        nanoc)
            printf 'base_url: "%s"\n' "${url%/}" >>"$work/src/nanoc.yaml"
            (cd "$work/src" && HOME="$work" nanoc compile >/dev/null)
            mkdir -p "$out"
            cp -r "$work/src/output/." "$out/"
            ;;
        pelican)
            # pelicanconf.py's SITEURL is empty: the URL comes here, as JSON, for the pages' links and the feeds'.
            local site="\"${url%/}\""
            (cd "$work/src" && HOME="$work" pelican content --settings pelicanconf.py --output "$out" --quiet \
                --extra-settings SITEURL="$site" FEED_DOMAIN="$site" >/dev/null)
            ;;
    esac
}

case "${1:-}" in
    install) install "${2:?usage: $0 install hugo|jekyll|chronicle|nanoc|pelican}" ;;
    build) build "${2:?usage: $0 build ENGINE SRC OUT URL}" "${3:?SRC}" "$(realpath -m "${4:?OUT}")" "${5:?URL}" ;;
    *) echo "usage: $0 install ENGINE | build ENGINE SRC OUT URL" >&2; exit 2 ;;
esac
