"""RedirectLoopMiddleware: a redirect back to a URL of its own chain is a crawl error, "redirect loop".

Scrapy's RedirectMiddleware follows each hop as a new request; the frontier, which is also the duplicate filter,
drops a hop to a URL it has seen, and the chain ended there without a word: /a/ → /b/ → /a/ left neither a page
nor an error. Here (before RedirectMiddleware, 600, sees the response) a Location that leads back into the chain
is refused.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy.http import Request, Response

from crawler.failures import GaveUp
from crawler.urls import clean_url


class RedirectLoopMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectLoopMiddleware:
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if not 300 <= response.status < 400 or not location:
            return response
        target = clean_url(urljoin(request.url, location.decode("latin-1").strip()))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in {clean_url(url) for url in chain}:
            raise GaveUp(f"redirect loop: {' → '.join(chain)} → {target}")
        return response
