"""The links a page offers to follow, found by a scan of its raw bytes rather than an HTML parse.

The spider runs on the reactor thread, which every download and archive write shares; building an lxml tree for
each 40 KB page there cost about as much as everything else the reactor does per page (measured with py-spy).
The scan finds `href` on <a>, <area> and <link rel=next|prev|canonical> (quoted either way or unquoted, entities
decoded), feeds from <link rel=alternate>, sitemaps from <link rel=sitemap> (Astro's blog starter names its
@astrojs/sitemap index so, and no robots.txt does), and <base href>. A link inside a comment or a script may be
picked up too; scope and the frontier filter those like any other link, and extraction (which does parse the page)
decides what is a post. An href that is a script's template, not an address — a placeholder in braces (Chirpy's search
results `href="{url}"`, Mustache's `{{url}}`, `${url}`), in ERB/EJS/Underscore tags (`<%= url %>`), between
percent signs (FlatPress's gdprvideoembed plugin configures its consent box with `href="%video_url%"` and
`https://youtu.be/%id%` in every page's head; a `%XX` escape is never taken for one), a string the script joins
(`href="' + url + '"`) or one in a script's JSON whose quotes are escaped (Blocksy's wp_localize_script() data,
`<a href=\\"https:\\/\\/…\\">`: the value the scan reads ends with the backslash before the escaped quote) — is
none: each was fetched as a relative address and recorded as a 404 crawl error, on every page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from crawler.discovery.feeds import FEED_TYPES
from crawler.urls import joined

_VALUE = rb"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
# An <a>/<area> with its href value in one match (nearly every tag the scan finds), or a <link>/<base> whole.
_TAG = re.compile(rb"<(?:(?:a|area)\b[^>]*?\shref" + _VALUE + rb"|(link|base)\b([^>]*)>)", re.IGNORECASE)
_HREF = re.compile(rb"\shref" + _VALUE, re.IGNORECASE)
_REL = re.compile(rb"\srel" + _VALUE, re.IGNORECASE)
_TYPE = re.compile(rb"\stype" + _VALUE, re.IGNORECASE)
_PAGE_RELS = {"next", "prev", "previous", "canonical"}
# A placeholder ({url}, {{url}}, ${url}; <%= url %>; %name%, where neither percent sign starts a %XX escape, as
# in %E2%80%99s%20), a script's string joined, or a value cut at a JSON string's escaped quote (\").
_TEMPLATE = re.compile(
    rb"[{}]|<%|%>|%(?![0-9A-Fa-f]{2})[A-Za-z_]\w*%|%[A-Za-z_]\w*%(?![0-9A-Fa-f]{2})|^\s*['\"]\s*\+|\+\s*['\"]\s*$"
    rb"|\\$"
)


@dataclass
class PageLinks:
    pages: list[str] = field(default_factory=list)  # <a>, <area>, <link rel=next|prev|canonical>
    # <link rel=alternate> with a feed type, and <link rel=sitemap>: read as the spider reads any feed or sitemap
    feeds: list[str] = field(default_factory=list)


def page_links(body: bytes, url: str, encoding: str = "utf-8", seen: set[bytes] | None = None) -> PageLinks:
    """Absolute URLs of the page's links and feeds, in document order, each once.

    With `seen`, an <a> or <area> whose href is in it, as written, is left out, and the others' hrefs are added to
    it (a <link> likewise, keyed with all its attributes). The crawl passes one set for all its pages: every page
    repeats the blog's menus, tag clouds, widgets and head, and a link it has followed (or turned down) once need
    not be decoded, resolved and cleaned again. Only hrefs that resolve the same on every page go in: absolute
    ones, root-relative ones (keyed with their origin), ASCII.
    """
    base = _Base(url)
    pages: dict[str, None] = {}
    feeds: dict[str, None] = {}
    for tag in _TAG.finditer(body):
        name = tag.group(4)
        if name is None:  # <a> or <area>
            raw = _raw_value(tag)
            if _TEMPLATE.search(raw):
                continue
            if seen is not None and (key := _page_independent_key(raw, base)) is not None:
                if key in seen:
                    continue
                seen.add(key)
            if (link := base.join(_decoded(raw, encoding))) is not None:
                pages.setdefault(link, None)
            continue
        name, attributes = name.lower(), b" " + tag.group(5)
        raw = _raw_value(_HREF.search(attributes))
        if raw is None:
            continue
        if seen is not None and name == b"link" and (key := _page_independent_key(raw, base)) is not None:
            key = b"<link" + attributes + key  # its rel and type say what it is
            if key in seen:
                continue
            seen.add(key)
        href = _decoded(raw, encoding)
        if name == b"base":
            base = _Base(joined(url, href) or url)
        else:
            rels = set((_attribute(_REL, attributes, encoding) or "").lower().split())
            if rels & _PAGE_RELS:
                found = pages
            # a feed, or a sitemap (Astro's blog starter: <link rel="sitemap" href="/sitemap-index.xml">)
            elif "sitemap" in rels or ("alternate" in rels and _attribute(_TYPE, attributes, encoding) in FEED_TYPES):
                found = feeds
            else:
                continue
            if (link := base.join(href)) is not None:
                found.setdefault(link, None)
    return PageLinks(list(pages), list(feeds))


def _page_independent_key(raw: bytes, base: _Base) -> bytes | None:
    """The href's bytes when they mean the same URL on any page of the site, else None."""
    if not raw.isascii():
        return None  # decoded with each page's encoding
    if raw.startswith((b"http://", b"https://")):
        return raw
    if raw.startswith(b"/") and not raw.startswith(b"//"):
        return base.origin_bytes + raw
    return None


class _Base:
    """urljoin() against one page's URL. A blog's pages share most of their links (menus, widgets, tags), and an
    absolute or root-relative link resolves the same against any page of the site: those joins are cached."""

    def __init__(self, url: str) -> None:
        self.url = url
        parts = urlsplit(url)
        self.origin = f"{parts.scheme}://{parts.netloc}/"
        self.origin_bytes = self.origin.encode()

    def join(self, href: str) -> str | None:
        """The link's URL; None for one urllib cannot read (crawler/urls.py's `joined`)."""
        if href.startswith(("/", "http://", "https://")):
            return _join_from_origin(self.origin, href)
        return joined(self.url, href)


@lru_cache(maxsize=2**16)
def _join_from_origin(origin: str, href: str) -> str | None:
    return joined(origin, href)


def _attribute(pattern: re.Pattern[bytes], attributes: bytes, encoding: str) -> str | None:
    raw = _raw_value(pattern.search(attributes))
    return None if raw is None else _decoded(raw, encoding)


def _raw_value(match: re.Match[bytes] | None) -> bytes | None:
    """The attribute's value as written (whichever of its first three groups, one per quoting, matched), or None
    when the attribute is missing."""
    if match is None:
        return None
    return next(group for group in match.groups()[:3] if group is not None)


def _decoded(raw: bytes, encoding: str) -> str:
    return html.unescape(raw.decode(encoding, errors="replace")).strip()
