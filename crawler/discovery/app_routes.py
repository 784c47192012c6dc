"""Pages addressed by routes after '#': the one place that decides when a fragment is a page's address.

Everywhere else a fragment is a place in a page: clean_url() drops it, and `/post/#comments` is `/post/`. A script-
routed app in hash mode — Docsify (its default router), Vue Router's `createWebHashHistory`, React Router's
`HashRouter`, on hosts that serve one file for every path — addresses its pages `/#/posts/x` or `/#!/posts/x`: one
HTTP document, the app's shell, and a page per route that only a browser shows. Such a fragment is a page's address
when it is linked from a page the browser rendered (crawler/downloadermiddlewares/render.py) and names a route of
that page's own document: the rendered DOM's links are what show the page to be such an app. The route's page is
then requested at its route URL (`https://host/#/posts/x`), rendered however its raw HTML looks (it is the shell
every route shares), and archived under that URL, so two posts never collide.

A URL the crawl asks for, or the archive holds, that keeps a route fragment is one of these, since every other is
cleaned: that is how the renderer and a recrawl know one (is_route, page_address).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from crawler.urls import clean_url

# The fragments that are an app's route: `#/posts/x` (Docsify, hash-mode routers), `#!/posts/x` (the "hashbang").
ROUTE_PREFIXES = ("/", "!/")
# Docsify's anchor of a heading within a route (`#/posts/x?id=the-heading`): a place in the route's page, dropped
# from a Docsify app's routes — and from those alone: another app's `?id=` may name its page (`#/post?id=12`).
DOCSIFY_ANCHORS = frozenset({"id"})


def is_route(url: str) -> bool:
    """`url`'s fragment names an app's route (`#/…`, `#!/…`). Cheap for a URL without `#`: url_kind() asks it of every
    link the crawl follows."""
    return "#" in url and urlsplit(url).fragment.startswith(ROUTE_PREFIXES)


def route_url(url: str, anchors: frozenset[str] = frozenset()) -> str:
    """The address of the route's page `url` names: its document cleaned as any URL, then `#` and the route without
    the parameters that are a place in its page (`anchors`: DOCSIFY_ANCHORS on a Docsify app); the document alone
    for the app's home route (`#/`, `#!/`), which is the page the document itself shows."""
    document = clean_url(url)
    fragment = urlsplit(url).fragment
    prefix = "!/" if fragment.startswith("!/") else "/"
    path, _, query = fragment[len(prefix) :].partition("?")
    kept = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True) if name not in anchors]
    if not path and not kept:
        return document
    return f"{document}#{prefix}{path}{'?' + urlencode(kept) if kept else ''}"


def shown_url(url: str) -> str:
    """The URL as the place of the page it shows, for what a page's address says of its kind (the site's home, a tag's
    page, a post in a section): a route's page is at its route's path in its document's folder (`/#/posts/x` as
    `/posts/x`, `/notes/index.html#!/tags/rye` as `/notes/tags/rye`); any other URL is its own. Never an address to
    fetch or to resolve a link against: the browser resolves the route page's links against its document."""
    if not is_route(url):
        return url
    parts = urlsplit(url)
    path, _, query = parts.fragment.removeprefix("!").removeprefix("/").partition("?")
    document = parts._replace(query="", fragment="").geturl()
    return urlsplit(urljoin(document, path))._replace(query=query).geturl()


def route_page(document_url: str, requested: str) -> str:
    """The URL of the page the browser is to show: the route `requested` names, on the document the server answered
    with at `document_url` (HTTP carries no fragment, so a response's URL has none, a redirect's target neither);
    `document_url` itself for a request that names no route."""
    if not is_route(requested):
        return document_url
    return f"{document_url.partition('#')[0]}#{urlsplit(requested).fragment}"


def page_address(url: str) -> str:
    """The key of the page the crawl asked for or archived at `url`: route_url() for an app's route page,
    clean_url() for any other."""
    return route_url(url) if is_route(url) else clean_url(url)


def app_routes(page_url: str, links: Iterable[str], anchors: frozenset[str] = frozenset()) -> list[str]:
    """The pages of routes among `links` of the rendered page at `page_url`: those of its own document, each once
    (route_url, `anchors` dropped), the document's own page (its home route) left out."""
    document = clean_url(page_url)
    found: dict[str, None] = {}
    for link in links:
        if is_route(link) and clean_url(link) == document and (route := route_url(link, anchors)) != document:
            found[route] = None
    return list(found)


def captured_as(url: str) -> str:
    """The URL a WARC file records the page at `url` under: an app's route page's document (HTTP carries no fragment:
    the exchange is the shell's, what the browser loaded for the route recorded `via` the route URL); any other, its
    own."""
    return url.partition("#")[0] if is_route(url) else url


def docsify_source_status(route_page_url: str, answered: Mapping[str, int]) -> int | None:
    """The HTTP status the browser got for the Markdown file of a Docsify route's page, among the requests the page
    made (`answered`: URL → status); None where it asked for none. Docsify's convention: the route `/posts/x` is the
    file `posts/x.md`, `/posts/` is `posts/README.md`, below the app's basePath (so known by its ending). A route whose
    file answers 404 shows Docsify's own "404 - Not found" under HTTP 200: the post it named is gone."""
    route = urlsplit(route_page_url).fragment.removeprefix("!").removeprefix("/").partition("?")[0]
    name = f"{route}README.md" if not route or route.endswith("/") else f"{route}.md"
    return next((status for url, status in answered.items() if urlsplit(url).path.endswith(f"/{name}")), None)
