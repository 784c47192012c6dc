"""The links a page offers to follow, found by a scan of its raw bytes rather than an HTML parse.

The spider runs on the reactor thread, which every download and archive write shares; building an lxml tree for
each 40 KB page there cost about as much as everything else the reactor does per page (measured with py-spy).
The scan finds `href` on <a>, <area> and <link rel=next|prev|canonical> (quoted either way or unquoted, entities
decoded), feeds from <link rel=alternate>, and <base href>. A link inside a comment or a script may be picked up
too; scope and the frontier filter those like any other link, and extraction (which does parse the page) decides
what is a post.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from crawler.discovery.feeds import FEED_TYPES

_VALUE = rb"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
_TAG = re.compile(rb"<(a|area|link|base)\b([^>]*)>", re.IGNORECASE)
_HREF = re.compile(rb"\shref" + _VALUE, re.IGNORECASE)
_REL = re.compile(rb"\srel" + _VALUE, re.IGNORECASE)
_TYPE = re.compile(rb"\stype" + _VALUE, re.IGNORECASE)
_PAGE_RELS = {"next", "prev", "previous", "canonical"}


@dataclass
class PageLinks:
    pages: list[str] = field(default_factory=list)  # <a>, <area>, <link rel=next|prev|canonical>
    feeds: list[str] = field(default_factory=list)  # <link rel=alternate> with a feed type


def page_links(body: bytes, url: str, encoding: str = "utf-8") -> PageLinks:
    """Absolute URLs of the page's links and feeds, in document order, each once."""
    base = _Base(url)
    pages: dict[str, None] = {}
    feeds: dict[str, None] = {}
    for tag in _TAG.finditer(body):
        name, attributes = tag.group(1).lower(), b" " + tag.group(2)
        href = _attribute(_HREF, attributes, encoding)
        if href is None:
            continue
        if name == b"base":
            base = _Base(urljoin(url, href))
        elif name != b"link":
            pages.setdefault(base.join(href), None)
        else:
            rels = set((_attribute(_REL, attributes, encoding) or "").lower().split())
            if rels & _PAGE_RELS:
                pages.setdefault(base.join(href), None)
            elif "alternate" in rels and _attribute(_TYPE, attributes, encoding) in FEED_TYPES:
                feeds.setdefault(base.join(href), None)
    return PageLinks(list(pages), list(feeds))


class _Base:
    """urljoin() against one page's URL. A blog's pages share most of their links (menus, widgets, tags), and an
    absolute or root-relative link resolves the same against any page of the site: those joins are cached."""

    def __init__(self, url: str) -> None:
        self.url = url
        parts = urlsplit(url)
        self.origin = f"{parts.scheme}://{parts.netloc}/"

    def join(self, href: str) -> str:
        if href.startswith(("/", "http://", "https://")):
            return _join_from_origin(self.origin, href)
        return urljoin(self.url, href)


@lru_cache(maxsize=2**16)
def _join_from_origin(origin: str, href: str) -> str:
    return urljoin(origin, href)


def _attribute(pattern: re.Pattern[bytes], attributes: bytes, encoding: str) -> str | None:
    match = pattern.search(attributes)
    if match is None:
        return None
    raw = next(group for group in match.groups() if group is not None)
    return html.unescape(raw.decode(encoding, errors="replace")).strip()
