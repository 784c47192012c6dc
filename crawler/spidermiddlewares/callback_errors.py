"""CallbackErrorMiddleware: a spider callback that raised turns its page into a crawl error, not a lost page.

Scrapy logs a callback's exception and drops the response: the page left no row in crawl_errors and its frontier
row stayed leased, so the crawl gave the page up without a word in the archive. Here the exception becomes a
`CrawlError` for the response's URL (and frontier row), with its cause; the log keeps the traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from scrapy.http import Response

from crawler.frontier.scheduler import FRONTIER_ID
from crawler.items import CrawlError

logger = logging.getLogger(__name__)


class CallbackErrorMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Any) -> CallbackErrorMiddleware:
        return cls()

    def process_spider_exception(self, response: Response, exception: Exception, spider: Any = None) -> Iterable[Any]:
        logger.debug("%s: callback failed", response.url, exc_info=exception)
        frontier_id = response.request.meta.get(FRONTIER_ID) if response.request is not None else None
        return [
            CrawlError(response.url, f"could not read the page: {type(exception).__name__}: {exception}", frontier_id)
        ]
