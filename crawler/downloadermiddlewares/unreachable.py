"""UnreachableHostMiddleware: a host that refused a connection, or whose name does not resolve, is not tried again
for the rest of the crawl.

Scrapy retries a failed download RETRY_TIMES times, each behind the politeness delay: a blog that was down took
over 20 s to say so, for its start page, robots.txt and each usual sitemap and feed path. A refused connection and
a failed DNS lookup are not retried (crawler/settings.py leaves them out of RETRY_EXCEPTIONS): they are answers,
not accidents. The first one marks its host and port, and every later request for them fails at once with the
same error, without a connection attempt, so the start page's error says why and the probes end in a moment.
Timeouts, lost connections and HTTP 5xx/429/408 are still retried.

After RobotsTxtMiddleware (100): the robots.txt Scrapy fetches first for each host is what usually finds a host down,
and the requests waiting for it then fail here.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError
from scrapy.http import Request
from twisted.internet import error as net

UNREACHABLE = (CannotResolveHostError, DownloadConnectionRefusedError, net.DNSLookupError, net.ConnectionRefusedError)


class UnreachableHostMiddleware:
    def __init__(self) -> None:
        self.unreachable: dict[str, BaseException] = {}  # host:port → the error that found it down

    @classmethod
    def from_crawler(cls, crawler: Any) -> UnreachableHostMiddleware:
        return cls()

    def process_request(self, request: Request) -> None:
        error = self.unreachable.get(urlsplit(request.url).netloc)
        if error is not None:
            raise copy.copy(error) from error.__cause__  # the cause says why (crawler/core/resolver.py's refusal)

    def process_exception(self, request: Request, exception: BaseException) -> None:
        if isinstance(exception, UNREACHABLE):
            self.unreachable.setdefault(urlsplit(request.url).netloc, exception)
