"""URL canonicalisation and crawl scope.

courlan strips tracking parameters (utm_*, fbclid, gclid, replytocom …) and fragments; w3lib then puts the
URL in canonical form (sorted query, normalised percent-encoding), so one post reached through several links is
requested and stored once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

import courlan
from w3lib.url import canonicalize_url

from crawler.errors import InvalidPattern, InvalidStartURL


@lru_cache(maxsize=65536)
def clean_url(url: str) -> str:
    """Tracking parameters and fragment removed, canonical form; the URL unchanged if courlan rejects it.

    Cached: every page of a blog repeats its menus and widgets, and this runs on the reactor for each link.
    """
    normalised = courlan.normalize_url(url, strict=True) or url
    return canonicalize_url(normalised, keep_fragments=False)


def validate_start_url(url: str) -> str:
    """The cleaned start URL, or InvalidStartURL saying what is wrong with it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise InvalidStartURL(url, "it must start with http:// or https://")
    if not parts.hostname:
        raise InvalidStartURL(url, "it has no host name")
    if any(ch.isspace() for ch in url.strip()):
        raise InvalidStartURL(url, "it contains white space")
    path = parts.path or "/"
    return clean_url(f"{parts.scheme}://{parts.netloc}{path}{'?' + parts.query if parts.query else ''}")


@dataclass
class Scope:
    """Which URLs belong to the crawl: the start URLs' hosts and path prefixes, narrowed by allow/deny regexes."""

    prefixes: list[tuple[str, str]]  # (host, path prefix)
    allow: list[re.Pattern[str]] = field(default_factory=list)
    deny: list[re.Pattern[str]] = field(default_factory=list)

    @classmethod
    def from_start_urls(cls, urls: list[str], allow: Iterable[str] = (), deny: Iterable[str] = ()) -> Scope:
        prefixes = []
        for url in urls:
            parts = urlsplit(url)
            path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
            prefixes.append((_host(parts.netloc), path))
        return cls(prefixes, compile_patterns(allow), compile_patterns(deny))

    @property
    def hosts(self) -> list[str]:
        return sorted({host for host, _ in self.prefixes})

    def contains(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        host, path = _host(parts.netloc), parts.path or "/"
        if not any(host == h and path.startswith(p) for h, p in self.prefixes):
            return False
        if self.allow and not any(p.search(url) for p in self.allow):
            return False
        return not any(p.search(url) for p in self.deny)

    def contains_host(self, url: str) -> bool:
        """Sitemaps, feeds and robots.txt sit at the site root, outside a path prefix: host is enough for them."""
        return _host(urlsplit(url).netloc) in self.hosts


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """The allow/deny regexes, compiled; InvalidPattern names the first that does not compile."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise InvalidPattern(pattern, str(exc)) from None
    return compiled


def _host(netloc: str) -> str:
    netloc = netloc.lower()
    return netloc[4:] if netloc.startswith("www.") else netloc


def storage_url(url: str, canonical: str | None) -> str:
    """The post's key: its rel=canonical when that points into the same site, so one post is stored once."""
    if canonical and urlsplit(canonical).netloc.lower() == urlsplit(url).netloc.lower():
        return clean_url(canonical)
    return url
