"""RobotsTxtMiddleware: Scrapy's, except that every request waiting for a host's robots.txt gets its rules.

Scrapy 2.19's middleware hands the requests that arrive while a host's robots.txt is still being fetched one shared
Deferred to await, and awaiting a Deferred as a future replaces its result with None for the next one in line: the
first waiting request got the rules, every other got None — "no robots.txt", allowed. A crawl queues its start page,
robots.txt and the usual sitemap and feed paths at once, so on a site whose robots.txt says `Disallow: /` the
start page was refused and the eleven probes behind it were fetched (scrapy/scrapy#6802 made the change; its review
notes that this path has no test). Here each waiting request has a Deferred of its own, fired with the rules when
the first request's fetch ends; Scrapy's middleware still fetches, parses, caches and applies them.
"""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self.waiting: dict[str, list[Deferred[RobotParser | None]]] = {}  # netloc → requests waiting for its rules

    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        if netloc in self.waiting:  # another request is fetching this host's robots.txt
            turn: Deferred[RobotParser | None] = Deferred()
            self.waiting[netloc].append(turn)
            return await maybe_deferred_to_future(turn)
        self.waiting[netloc] = []
        parser = None
        try:
            parser = await super().robot_parser(request)  # fetched once; cached rules come back at once
            return parser
        finally:
            for turn in self.waiting.pop(netloc):
                turn.callback(parser)
