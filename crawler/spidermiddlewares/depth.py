"""Scrapy's DepthMiddleware, enabled only when a depth setting asks for it.

Without DEPTH_LIMIT (`--max-depth`), DEPTH_PRIORITY or DEPTH_STATS_VERBOSE it only records the deepest link in
the stats, yet it wraps every callback's output in two more asynchronous generators: in an unchanged recrawl,
where each response is a cheap 304, that was a measurable part of the reactor's time per response (py-spy).
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import NotConfigured
from scrapy.spidermiddlewares.depth import DepthMiddleware


class DepthLimitMiddleware(DepthMiddleware):
    @classmethod
    def from_crawler(cls, crawler: Any) -> DepthLimitMiddleware:
        settings = crawler.settings
        wanted = settings.getint("DEPTH_LIMIT") or settings.getint("DEPTH_PRIORITY")
        if not (wanted or settings.getbool("DEPTH_STATS_VERBOSE")):
            raise NotConfigured  # without a message: Scrapy logs a WARNING for one, and off is the usual state
        return super().from_crawler(crawler)
