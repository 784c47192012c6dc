"""GuardedResolver: the address the crawl connects to is checked when it connects, not only when the scope guard looked
the host up (DNS rebinding).

ScopeGuardMiddleware (crawler/downloadermiddlewares/scope_guard.py) judges a host by the addresses it resolves to, once
per host. Twisted resolves the name again when it connects, and a name can answer differently the second time: first a
public address, then 169.254.169.254 or 127.0.0.1 (DNS rebinding). This resolver is the one Scrapy installs on the
reactor (TWISTED_DNS_RESOLVER), so every connection to a host name gets its address from it: Scrapy's caching resolver,
plus the guard's address rules applied to the very address returned — never a metadata or link-local one, a loopback or
private one only when the crawl's start URLs are (the guard's `allowed`, kept per crawler). A refused address fails the
download as AddressRefused, a DNS lookup error (so the host is not retried, see UnreachableHostMiddleware) whose message
says why. The names of the configured HTTP(S) proxies are exempt: the crawl connects to them on purpose.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit
from urllib.request import getproxies

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred

from crawler.downloadermiddlewares.scope_guard import address_kind, allowed_addresses
from crawler.failures import AddressRefused

_NEVER = ("metadata", "link-local")


def refusal(name: str, address: str, allowed: set[str]) -> str | None:
    """Why the crawl must not connect to `address` (what `name` resolved to), or None."""
    try:
        kind = address_kind(ipaddress.ip_address(address))
    except ValueError:
        return None
    if kind in _NEVER or (kind is not None and kind not in allowed):
        return f"refused at connect time: {name} resolves to {kind} address {address} (DNS rebinding?)"
    return None


class GuardedResolver(CachingThreadedResolver):
    def __init__(self, reactor: Any, cache_size: int, timeout: float, owner: Any = None) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.owner = owner  # the CrawlerProcess (or Crawler) Scrapy built this for: where the crawls are
        self.proxies = {urlsplit(url).hostname for url in getproxies().values()} - {None}

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        resolver.owner = crawler
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:  # noqa: N802 (Twisted's)
        found = super().getHostByName(name, timeout)
        return found if name in self.proxies else found.addCallback(self._check, name)

    def _check(self, address: str, name: str) -> str:
        if (reason := refusal(name, address, self._allowed())) is not None:
            raise AddressRefused(reason)
        return address

    def _allowed(self) -> set[str]:
        crawlers = getattr(self.owner, "crawlers", None) or ([self.owner] if self.owner is not None else [])
        return set().union(*(allowed_addresses(crawler) for crawler in crawlers))
