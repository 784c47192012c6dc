"""The crawl's scope, enforced on every request that reaches the downloader — the last word, whatever made it.

The spider only asks for URLs in scope, but a server answers where it likes: Scrapy's RedirectMiddleware follows a
302 without asking the spider, and robots.txt, sitemaps and feeds name URLs too. A redirected request is scheduled
again and passes every process_request again, so `ScopeGuardMiddleware` (first in the chain, before robots.txt is
fetched for a host) checks each hop:

- the scheme is http or https;
- the host and port are the crawl's (`Scope.contains_host`: another port of the same machine is out of scope);
  images (`MEDIA` in meta, from crawler/pipelines/media.py) and the robots.txt Scrapy fetches for their hosts may
  be on other hosts (CDNs), so for them only the address rules apply;
- the addresses the host resolves to (an IP literal is taken as it is; one lookup per host and crawl): never a
  link-local or cloud-metadata address; a private or loopback one only when a start URL is one (a crawl of an
  intranet blog, or the tests on 127.0.0.1). The connection itself resolves the name again: crawler/core/resolver.py
  applies the same rules to the address it connects to (DNS rebinding).

A refused request raises `Refused` (an IgnoreRequest): its errback records it as a crawl error, never fetched.
A 3xx whose Location is not http(s) (ftp:, file:), which Scrapy leaves alone, is refused the same way.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response

from crawler.core.per_crawler import per_crawler
from crawler.failures import Refused

logger = logging.getLogger(__name__)

MEDIA = "blogarchive_media"  # request.meta key of an image download: another host is fine, its address is checked

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_nets = ipaddress.ip_network
# Checked in this order: fd00:ec2::254 is also in fc00::/7, and it must read "metadata".
_NEVER = (
    ("metadata", (_nets("169.254.169.254/32"), _nets("fd00:ec2::254/128"), _nets("100.100.100.200/32"))),
    ("link-local", (_nets("169.254.0.0/16"), _nets("fe80::/10"))),
)
# 0.0.0.0 and :: reach the machine itself, as loopback does.
_LOOPBACK = (_nets("127.0.0.0/8"), _nets("::1/128"), _nets("0.0.0.0/8"), _nets("::/128"))
_PRIVATE = (_nets("10.0.0.0/8"), _nets("172.16.0.0/12"), _nets("192.168.0.0/16"), _nets("fc00::/7"))


def address_kind(address: Address) -> str | None:
    """ "metadata", "link-local", "loopback", "private", or None for any other address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind, networks in _NEVER:
        if any(address in network for network in networks):
            return kind
    if any(address in network for network in _LOOPBACK):
        return "loopback"
    if any(address in network for network in _PRIVATE):
        return "private"
    return None


def resolve(host: str) -> list[Address]:
    """The addresses of `host` (an IP literal is its own); empty when it does not resolve — the download then
    fails as Scrapy's DNS error, which says so."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def allowed_addresses(crawler: Any) -> set[str]:
    """The address kinds ("loopback", "private") the crawl may reach because a start URL is one; empty until its
    scope guard has judged the start URLs (before its first request). Read by crawler/core/resolver.py."""
    return per_crawler(crawler, "allowed_addresses", set)


class ScopeGuardMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.judged: dict[str, tuple[str | None, str]] = {}  # host → (kind, address): see _judge
        self.allowed: set[str] | None = None  # loopback / private, when a start URL is one

    @classmethod
    def from_crawler(cls, crawler: Any) -> ScopeGuardMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        self._allowed()  # before the first connection: crawler/core/resolver.py checks each connection against it
        url = request.url
        parts = urlsplit(url)
        chain = request.meta.get("redirect_urls")
        if parts.scheme not in ("http", "https"):
            self._refuse(request, f"refused: not an http(s) URL: {url}")
        host = parts.hostname or ""
        # An IP literal is judged by its address first (the more telling reason, and no lookup); a name by scope
        # first, so that a host out of scope is not even looked up.
        if _is_address(host):
            self._check_address(request, host)
        scope = getattr(self.crawler.spider, "scope", None)
        if scope is not None and not self._any_host(request, parts.path) and not scope.contains_host(url):
            self._refuse(request, f"redirect out of scope to {url}" if chain else f"refused: out of scope: {url}")
        self._check_address(request, host)

    def _check_address(self, request: Request, host: str) -> None:
        kind, address = self._judge(host)
        if kind is not None and kind not in self._allowed():
            where = f"redirect to {request.url} refused" if request.meta.get("redirect_urls") else "refused"
            self._refuse(request, f"{where}: resolves to {kind} address {address}")

    def process_response(self, request: Request, response: Response) -> Response:
        """Scrapy does not follow a redirect to ftp: or file:, and hands the 3xx on; here it is refused instead."""
        if 300 <= response.status < 400 and (location := response.headers.get("Location")):
            target = urljoin(request.url, location.decode("latin-1").strip())
            if urlsplit(target).scheme not in ("http", "https"):
                self._refuse(request, f"redirect to a non-http(s) URL refused: {target}")
        return response

    @staticmethod
    def _any_host(request: Request, path: str) -> bool:
        """An image, or the robots.txt Scrapy's RobotsTxtMiddleware fetches for an image's host."""
        return bool(request.meta.get(MEDIA)) or (
            bool(request.meta.get("dont_obey_robotstxt")) and path == "/robots.txt"
        )

    def _refuse(self, request: Request, message: str) -> None:
        chain = request.meta.get("redirect_urls") or [request.url]
        self.crawler.stats.inc_value("blogarchive/scope_guard_refused")
        raise Refused(chain[0], message)

    def _addresses(self, host: str) -> list[Address]:
        return resolve(host)

    def _judge(self, host: str) -> tuple[str | None, str]:
        """The kind of the host's most restricted address, and that address; looked up once per host."""
        host = host.lower()
        if host not in self.judged:
            kinds = [(address_kind(address), str(address)) for address in self._addresses(host)]
            order = ("metadata", "link-local", "loopback", "private")
            self.judged[host] = next(
                ((kind, address) for wanted in order for kind, address in kinds if kind == wanted), (None, host)
            )
        return self.judged[host]

    def _allowed(self) -> set[str]:
        if self.allowed is None:
            start_urls = getattr(self.crawler.spider, "start_urls", None) or []
            kinds = {self._judge(urlsplit(url).hostname or "")[0] for url in start_urls}
            self.allowed = kinds & {"loopback", "private"}
            allowed_addresses(self.crawler).update(self.allowed)
        return self.allowed
