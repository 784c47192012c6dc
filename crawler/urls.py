"""URL canonicalisation and crawl scope.

courlan strips tracking parameters (utm_*, fbclid, gclid, ref, session ids …: its TRACKERS_RE) and fragments,
and we strip the few parameters that never name other content (NOT_CONTENT: WordPress's comment-reply and
share-button links, AMP views, PHP and Java session ids); every other parameter is kept, since a query string
often is what names the post (`/index.php?entry=3`, `?p=123`). w3lib then puts the URL in canonical form (sorted
query, normalised percent-encoding, no default port), so one post reached through several links is requested and
stored once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

import courlan
from w3lib.url import canonicalize_url

from crawler.errors import InvalidPattern, InvalidStartURL


def joined(base: str, href: str | None) -> str | None:
    """`href` resolved against `base` (`base` itself for none); None when that is no address urllib can read —
    a bracket left open ("http://[2001:db8::1/"), a port out of range or not a number. urllib raises ValueError on
    those, and a page, feed or sitemap holding one such link must lose that link, not itself."""
    if isinstance(base, str) and (href is None or isinstance(href, str)):
        # plain strings for the cache's keys: an lxml attribute value (a str subclass) holds on to its whole tree
        return _joined(str(base), None if href is None else str(href))
    return _joined.__wrapped__(base, href)


@lru_cache(maxsize=16384)
def _joined(base: str, href: str | None) -> str | None:
    """joined(), cached: extraction's finders (entries, term links, home links, the Markdown's links …) each
    resolve the same links of a page, a blog's pages repeat their menus, and urljoin was 2 % of extract()'s CPU."""
    try:
        url = urljoin(base, (href or "").strip())
        return url if urlsplit(url).port != -1 else None  # .port raises for a port no server can have
    except ValueError:
        return None


# A query that is a path, no parameter in it: Serendipity's default links (`index.php?/archives/1-title.html`) and
# Dotclear's (`index.php?post/2024/01/15/title`) name the post so. It is kept as written.
_PATH_IN_QUERY = re.compile(r"^/?[^=&]*/[^=&]*$")
_QUERY_SAFE = "/:@!$'()*+,;-._~%"


def query_is_path(query: str) -> bool:
    """Whether a URL's query is a path, no parameter in it (_PATH_IN_QUERY): it names the page as written, and read
    as parameters and written again it would be another address (`?%2Fauthors%2F1-Name=`)."""
    return _PATH_IN_QUERY.match(query) is not None


@lru_cache(maxsize=65536)
def clean_url(url: str) -> str:
    """Tracking parameters and fragment removed, canonical form; the URL unchanged if courlan rejects it.

    Cached: every page of a blog repeats its menus and widgets, and this runs on the reactor for each link.
    """
    parts = urlsplit(url)
    if query_is_path(parts.query):  # courlan would drop it, w3lib make it `?%2Farchives%2F…=`
        page = clean_url(parts._replace(query="", fragment="").geturl())
        return urlsplit(page)._replace(query=quote(parts.query, safe=_QUERY_SAFE)).geturl()
    normalised = courlan.normalize_url(url, strict=False) or url
    parts = urlsplit(normalised)
    if parts.query:
        kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in NOT_CONTENT]
        normalised = parts._replace(query=urlencode(_gnuboard_address(parts.path, kept))).geturl()
    return canonicalize_url(normalised, keep_fragments=False)


def spellings(url: str) -> list[str]:
    """The URLs under which a crawl may have stored the page a person means by `url`, best first: as written (with
    https:// and http:// when it has no scheme, and the other scheme), cleaned as the crawl cleans links (tracking
    parameters and fragment dropped), with and without `www.` and a trailing slash."""
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        scheme, rest = "https", text
    schemes = (scheme.lower(), "http" if scheme.lower() == "https" else "https")
    hosts = (rest, rest[4:] if rest.lower().startswith("www.") else f"www.{rest}")
    found: dict[str, None] = {}
    for written in (f"{s}://{h}" for h in hosts for s in schemes):
        try:
            candidates = (written, clean_url(written))
            found.update(dict.fromkeys(url for candidate in candidates for url in (candidate, _other_slash(candidate))))
        except ValueError:  # a port no server can have, a bracket left open: no crawl stored such a URL
            found[written] = None
    return list(found)


def _other_slash(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path[:-1] if parts.path.endswith("/") and len(parts.path) > 1 else parts.path + "/"
    return parts._replace(path=path).geturl()


# Query parameters stripped besides courlan's trackers: none of them names a post of its own.
NOT_CONTENT = frozenset({"replytocom", "share", "amp", "phpsessid", "jsessionid", "sid"})

# Gnuboard (the Korean board engine) names a post `bbs/board.php?bo_table=BOARD&wr_id=N`, and its skins carry the
# list's state on into every link of a post and of the list: page, category (sca), search (sfl, stx, spt, sop), sort
# (sst, sod), plus the device switch (device=pc|mobile) and a comment's reply and edit boxes (c_id, w). A crawl of
# one board of 13 posts fetched 2,283 pages and stored 1,557 "posts", one of them 945 times. So a post's address is
# its board and number; a list's keeps its page, category and search, not its sort or device.
_GNUBOARD_POST = frozenset({"bo_table", "wr_id"})
_GNUBOARD_VIEW_STATE = frozenset({"sst", "sod", "device"})  # and sop, the search's and/or, with no search


def _gnuboard_address(path: str, query: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`query` without what Gnuboard's board.php carries from page to page but names no other page; as it is
    elsewhere."""
    names = {name for name, _ in query}
    if not path.endswith("/board.php") or "bo_table" not in names:
        return query
    if "wr_id" in names:
        return [(name, value) for name, value in query if name in _GNUBOARD_POST]
    state = _GNUBOARD_VIEW_STATE if "stx" in names else _GNUBOARD_VIEW_STATE | {"sop"}
    return [(name, value) for name, value in query if name not in state]


def validate_start_url(url: str) -> str:
    """The cleaned start URL, or InvalidStartURL saying what is wrong with it."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:  # a bracket left open around an IPv6 address
        raise InvalidStartURL(url, f"it is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise InvalidStartURL(url, "it must start with http:// or https://" + _did_you_mean(url))
    if not parts.hostname:
        raise InvalidStartURL(url, "it has no host name")
    if any(ch.isspace() for ch in url.strip()):
        raise InvalidStartURL(url, "it contains white space")
    if (problem := _port_problem(parts)) is not None:
        raise InvalidStartURL(url, problem)
    path = parts.path or "/"
    return clean_url(f"{parts.scheme}://{parts.netloc}{path}{'?' + parts.query if parts.query else ''}")


def _port_problem(parts: SplitResult) -> str | None:
    """What is wrong with the URL's port (no server listens on port 99999 or on port 'abc'), or None."""
    written = parts.netloc.rpartition("@")[2].rpartition("]")[2].partition(":")[2]
    if not written:
        return None
    if not written.isdigit():
        return f"its port {written!r} is not a number"
    if not 1 <= int(written) <= 65535:
        return f"its port {written} is out of range (1 to 65535)"
    return None


def _did_you_mean(url: str) -> str:
    """`; did you mean https://example.com/?` for a host written without its scheme (`example.com/blog`,
    `localhost:8000`); nothing for another scheme (`mailto:`, `htp:/`) or for text that is no host name."""
    text = url.strip().removeprefix("//")
    if "://" in text or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d+(?:/|$))", text):
        return ""
    host = urlsplit("//" + text).hostname or ""
    local = host == "localhost" or re.fullmatch(r"[\d.]+", host) is not None
    if not local and "." not in host:
        return ""
    try:
        suggestion = validate_start_url(("http://" if local else "https://") + text)
    except InvalidStartURL:
        return ""
    return f"; did you mean {suggestion}?"


@dataclass
class Scope:
    """Which URLs belong to the crawl: the start URLs' hosts and path prefixes, narrowed by allow/deny regexes."""

    prefixes: list[tuple[str, str]]  # (host, path prefix)
    allow: list[re.Pattern[str]] = field(default_factory=list)
    deny: list[re.Pattern[str]] = field(default_factory=list)

    @classmethod
    def from_start_urls(cls, urls: list[str], allow: Iterable[str] = (), deny: Iterable[str] = ()) -> Scope:
        return cls([_prefix(url) for url in urls], compile_patterns(allow), compile_patterns(deny))

    def add(self, url: str) -> None:
        """Widen the scope to `url`'s host and folder (a feed given as start URL: the site it names)."""
        if (prefix := _prefix(url)) not in self.prefixes:
            self.prefixes.append(prefix)

    @property
    def hosts(self) -> list[str]:
        return sorted({host for host, _ in self.prefixes})

    def contains(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        host, path = _host(parts), parts.path or "/"
        if not any(host == h and path.startswith(p) for h, p in self.prefixes):
            return False
        if self.allow and not any(p.search(url) for p in self.allow):
            return False
        return not any(p.search(url) for p in self.deny)

    def contains_host(self, url: str) -> bool:
        """Sitemaps, feeds and robots.txt sit at the site root, outside a path prefix: host is enough for them.
        The host includes its port: another port of the same machine is another site."""
        return _host(urlsplit(url)) in self.hosts


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """The allow/deny regexes, compiled; InvalidPattern names the first that does not compile."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise InvalidPattern(pattern, str(exc)) from None
    return compiled


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _prefix(url: str) -> tuple[str, str]:
    """(host, folder): a URL's path up to its last `/`."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return _host(parts), path


_ROOT_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php"}


def _host(parts: SplitResult, www: bool = False) -> str:
    """host[:port], lower case, without credentials or the scheme's default port (so http:// and https:// of one
    host are one site, and :8080 of it another), and without `www.` unless `www`."""
    netloc = parts.netloc.lower().rpartition("@")[2]
    try:
        port = parts.port
    except ValueError:  # not a number: keep the netloc as written, it matches no start URL
        port = None
    if port is not None and port == _DEFAULT_PORTS.get(parts.scheme):
        netloc = netloc.rsplit(":", 1)[0]
    return netloc[4:] if netloc.startswith("www.") and not www else netloc


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """The URL without its `user:password@`, and the (unquoted) user and password; None when it has none.
    The crawl uses them (crawler/downloadermiddlewares/origin_credentials.py sends them to that origin only) and
    never keeps them."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = parts._replace(netloc=hostport).geturl()
    return clean, (unquote(user), unquote(password))


def redact_url(url: str) -> str:
    """The URL as it may be stored or logged: a password in it replaced by `***` (`http://user:***@host/`)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, sep, _ = userinfo.partition(":")
    return parts._replace(netloc=f"{user}{':***' if sep else ''}@{hostport}").geturl()


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the scheme's default port filled in: what Authorization is bound to."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(parts.scheme.lower())


def storage_url(url: str, canonical: str | None) -> str:
    """The post's key: its rel=canonical when that points into the same site (host and port, a default port
    written or not), so one post is stored once — unless it names the site's root from a page elsewhere (a theme
    that prints the home page as every page's canonical). crawler/core/post_keys.py checks it further."""
    if not canonical:
        return url
    target, own = urlsplit(canonical), urlsplit(url)
    if _host(target, www=True) != _host(own, www=True):
        return url
    if _is_root(target) and not _is_root(own):
        return url
    return clean_url(canonical)


def _is_root(parts: SplitResult) -> bool:
    return not parts.query and parts.path in _ROOT_PATHS
