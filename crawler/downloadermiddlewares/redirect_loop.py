"""RedirectLoopMiddleware: a redirect back to a URL of its own chain is a crawl error, "redirect loop".

Scrapy's RedirectMiddleware follows each hop as a new request; the frontier, which is also the duplicate filter,
drops a hop to a URL it has seen, and the chain ended there without a word: /a/ → /b/ → /a/ left neither a page
nor an error. Here (before RedirectMiddleware, 600, sees the response) a Location that leads back into the chain
is refused, and so is a Location urllib cannot read (a bracket left open, a port out of range), which Scrapy's
RedirectMiddleware answered with a bare "ValueError: Invalid IPv6 URL".
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Request, Response

from crawler.failures import GaveUp
from crawler.urls import clean_url, joined


class RedirectLoopMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectLoopMiddleware:
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if not 300 <= response.status < 400 or not location:
            return response
        written = location.decode("latin-1").strip()
        if (resolved := joined(request.url, written)) is None:
            raise GaveUp(f"redirects to an address no server can have: {written}")
        target = clean_url(resolved)
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in {clean_url(url) for url in chain}:
            raise GaveUp(f"redirect loop: {' → '.join(chain)} → {target}")
        return response
