"""OriginCookiesMiddleware: cookies go back only to the origin (scheme, host, port) that set them.

Scrapy's CookiesMiddleware keeps one cookie jar, and cookies, by their rules, ignore the port and may name a parent
domain: a session cookie the blog at 127.0.0.1:8001 set was sent to 127.0.0.1:8002, and one a blog set for
`.example.org` to every image host under it. Here each request is given the jar of its own origin (Scrapy's
`cookiejar` meta key, set before CookiesMiddleware, 700, reads it), so a cookie is only ever sent to the origin
whose response set it — a redirect hop to another origin included, as it passes here again.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Request

from crawler.urls import origin


class OriginCookiesMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Any) -> OriginCookiesMiddleware:
        return cls()

    def process_request(self, request: Request) -> None:
        request.meta["cookiejar"] = "{}://{}:{}".format(*origin(request.url))
