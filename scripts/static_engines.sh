#!/usr/bin/env bash
# Debian's static blog engines for the test suite and the benchmark: Hugo, and Jekyll with the theme and plugins
# Debian packages (minima, jekyll-feed, jekyll-seo-tag, jekyll-paginate, jekyll-sitemap, jekyll-archives); for the
# test suite also chronicle (Steve Kemp's blog compiler, its stock default theme; with Text::Markdown, which it only
# suggests and its Markdown entries need), nanoc (create-site's layout with nanoc's Blogging and Tagging helpers),
# Pelican (with Python-Markdown, its default theme "simple", the one Debian's package keeps), ikiwiki (Debian 12's
# 3.20200202.3, pinned: the wiki compiler many Debian developers' blogs are built with, its default templates,
# Markdown by Discount, the img plugin by PerlMagick), Hexo (from npm, not Debian: the packages, pinned, that
# tests/sites/hexo/package.json lists, as `hexo init`'s starter does — its renderers and generators and its default
# theme, landscape), Docsify (from npm: the version tests/sites/docsify/package.json pins; nothing to build, its
# script and theme served beside the Markdown, as a blog that loads them from no CDN does) and Material for MkDocs
# (from PyPI, not Debian: MkDocs and mkdocs-material as requirements-dev.txt pins them, with Material's built-in blog
# and tags plugins, into the Python that runs the suite, $PYTHON). No gem, theme or Hugo module comes from the
# network: the blogs' sources are in tests/sites/.
#
#   scripts/static_engines.sh install ENGINE              install the engine's Debian packages if missing (as root);
#                                                         Hexo's and Docsify's npm packages into
#                                                         ~/.cache/blogarchive/ENGINE/ (kept);
#                                                         mkdocs-material's pins into $PYTHON's environment (pip)
#   scripts/static_engines.sh build ENGINE SRC OUT URL    build the blog whose sources are in SRC into OUT, for URL
#
# ENGINE is hugo, jekyll, chronicle, nanoc, pelican, ikiwiki, hexo, docsify or mkdocs-material. SRC is copied first
# (the engines write caches, lock files and output into their source folder). Exit status 77: the engine is not
# installed and cannot be (not root, no package source, not the pinned version, for Hexo and Docsify no node, npm or
# npm registry, for mkdocs-material no pip or PyPI), so a test that needs it is skipped. PYTHON is the Python whose
# environment has (or gets) MkDocs and Material (python3 by default; the suite passes its own).
set -euo pipefail

packages() {
    case "$1" in
        hugo) echo hugo ;;
        jekyll) echo jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag ruby-jekyll-paginate \
            ruby-jekyll-sitemap ruby-jekyll-archives ;;
        chronicle) echo chronicle libtext-markdown-perl ;;
        nanoc) echo nanoc ;;
        pelican) echo pelican python3-markdown ;;
        ikiwiki) echo ikiwiki=3.20200202.3-1 libtext-markdown-discount-perl libimage-magick-perl \
            libhtml-scrubber-perl ;;
        hexo | docsify) command -v npm >/dev/null || echo nodejs npm ;;  # any npm will do (NodeSource's ships one)
        mkdocs-material) ;;  # from PyPI (install_mkdocs_material)
        *) echo "unknown engine '$1': give hugo, jekyll, chronicle, nanoc, pelican, ikiwiki, hexo, docsify or" \
            "mkdocs-material" >&2
            exit 2 ;;
    esac
}

missing() {
    local missing=()
    for package in $(packages "$1"); do  # "name=version": that version of it; none for hexo where npm is on the PATH
        local name=${package%%=*} version=${package#*=}
        [ "$version" = "$package" ] && version='.*'
        dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null | grep -qx "install ok installed $version" \
            || missing+=("$package")
    done
    echo "${missing[@]}"
}

# An npm engine's packages (Hexo's, Docsify's): tests/sites/ENGINE/package.json's, installed once per version of that
# file into a folder that outlives the run (the suite's build links or copies them in, and downloads nothing).
SITES="$(dirname "$(realpath "$0")")/../tests/sites"

npm_modules() {
    echo "${XDG_CACHE_HOME:-$HOME/.cache}/blogarchive/$1/$(sha256sum <"$SITES/$1/package.json" | cut -c1-16)"
}

install_npm() {
    local engine=$1 folder
    folder=$(npm_modules "$engine")
    [ -d "$folder/node_modules" ] && return 0  # the folder is moved in place once its install succeeded
    command -v npm >/dev/null || { echo "$engine needs npm (Debian's npm, as root)" >&2; exit 77; }
    mkdir -p "$folder.part"
    cp "$SITES/$engine/package.json" "$folder.part/package.json"
    (cd "$folder.part" && npm install --ignore-scripts --no-audit --no-fund --no-package-lock -q >/dev/null 2>&1) \
        || { rm -rf "$folder.part"; echo "could not install $engine's packages with npm" >&2; exit 77; }
    rm -rf "$folder"
    mv "$folder.part" "$folder"
}

# Material for MkDocs: the versions of MkDocs, mkdocs-material and pymdown-extensions requirements-dev.txt pins,
# installed with pip into $PYTHON's environment where they are not there yet (CI's pip install -r has them).
PYTHON=${PYTHON:-python3}
REQUIREMENTS="$(dirname "$(realpath "$0")")/../requirements-dev.txt"

material_pins() {
    grep -E '^(mkdocs|mkdocs-material|pymdown-extensions)==' "$REQUIREMENTS"
}

install_mkdocs_material() {
    local pins
    pins=$(material_pins | tr "\n" " ")
    # shellcheck disable=SC2086  # one word per pin
    "$PYTHON" - $pins <<'CHECK' 2>/dev/null && return 0
import sys
from importlib.metadata import version
sys.exit(any(version(name) != pinned for name, pinned in (pin.split("==") for pin in sys.argv[1:])))
CHECK
    # shellcheck disable=SC2086
    "$PYTHON" -m pip install -q $pins >/dev/null 2>&1 \
        || { echo "could not install $pins with $PYTHON -m pip" >&2; exit 77; }
}

install() {
    local engine=$1 needed
    packages "$engine" >/dev/null  # an unknown engine exits here: inside $(missing …) its exit would be lost
    needed=$(missing "$engine")
    if [ -z "$needed" ]; then
        case "$engine" in hexo | docsify) install_npm "$engine" ;; esac
        [ "$engine" = mkdocs-material ] && install_mkdocs_material
        return 0
    fi
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
    case "$engine" in hexo | docsify) install_npm "$engine" ;; esac
    return 0
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
        ikiwiki)
            # blog.setup is after Debian's auto-blog.setup, its pages after the "blog" example's; ikiwiki keeps its
            # state in the source folder (.ikiwiki/), hence the copy. No CGI, no VCS: the pages' "Last edited" is
            # the copy's time, their day is [[!meta date]]'s.
            (cd "$work/src" && HOME="$work" ikiwiki --setup blog.setup --set srcdir="$work/src/src" \
                --set destdir="$out" --set url="${url%/}" >/dev/null)
            ;;
        hexo)
            # The packages installed (install_npm) are linked in as the site's node_modules/; the URL comes in a
            # second config file, read after _config.yml.
            ln -s "$(npm_modules hexo)/node_modules" "$work/src/node_modules"
            printf 'url: "%s"\n' "${url%/}" >"$work/url.yml"
            (cd "$work/src" && HOME="$work" TZ=UTC node_modules/.bin/hexo generate --silent \
                --config "_config.yml,$work/url.yml" >/dev/null)
            mkdir -p "$out"
            cp -r "$work/src/public/." "$out/"
            ;;
        docsify)
            # No build: the site is its index.html and Markdown, with Docsify's script and theme (install_npm) in
            # lib/, where the index.html loads them; the URL is nowhere in a Docsify site.
            mkdir -p "$out/lib/themes"
            cp -r "$work/src/." "$out/"
            rm -f "$out/package.json"
            cp "$(npm_modules docsify)/node_modules/docsify/lib/docsify.min.js" "$out/lib/"
            cp "$(npm_modules docsify)/node_modules/docsify/lib/themes/vue.css" "$out/lib/themes/"
            ;;
        mkdocs-material)
            # The URL is appended to mkdocs.yml (site_url: the pages' canonical links and the sitemap's). Material's
            # notice of its end of life is not printed (NO_MKDOCS_2_WARNING).
            printf 'site_url: "%s"\n' "$url" >>"$work/src/mkdocs.yml"
            (cd "$work/src" && HOME="$work" NO_MKDOCS_2_WARNING=1 "$PYTHON" -m mkdocs build --quiet --strict \
                --site-dir "$out" >/dev/null)
            ;;
    esac
}

case "${1:-}" in
    install) install "${2:?usage: $0 install hugo|jekyll|chronicle|nanoc|pelican|ikiwiki|hexo|docsify|mkdocs-material}" ;;
    build) build "${2:?usage: $0 build ENGINE SRC OUT URL}" "${3:?SRC}" "$(realpath -m "${4:?OUT}")" "${5:?URL}" ;;
    *) echo "usage: $0 install ENGINE | build ENGINE SRC OUT URL" >&2; exit 2 ;;
esac
