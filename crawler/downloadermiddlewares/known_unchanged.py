"""KnownUnchangedMiddleware: a queued page request is dropped once a sitemap or feed says the post has not
changed since the archive fetched it.

The spider does not request such posts at all (crawler/discovery/freshness.py), but a recrawl fetches the start
page alongside robots.txt and the sitemaps, and the start page's links to the newest posts are queued before the
sitemaps are read. Without this, each of those posts cost a conditional GET, its stored body and a link scan
to learn what the sitemap had already said.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Request

from crawler.failures import NotNeeded


class KnownUnchangedMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> KnownUnchangedMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        is_known_unchanged = getattr(self.crawler.spider, "is_known_unchanged", None)
        if request.meta.get("page") and is_known_unchanged is not None and is_known_unchanged(request.url):
            raise NotNeeded("unchanged since its last fetch, says the sitemap or feed")
