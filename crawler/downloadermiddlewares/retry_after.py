"""RetryAfterMiddleware: a 429 or 503 that says when to come back (Retry-After) is retried then, not at once.

Scrapy's RetryMiddleware (550) retries a 429 or 503 straight away, and a server that asked for a pause got the same
request again within a second. Here, before RetryMiddleware sees the response, its retry waits the seconds (or until
the date) Retry-After gives, up to RETRY_AFTER_MAX; the wait holds the request's download slot, so the host's other
requests wait too, as the server asked. A server that asks for longer than RETRY_AFTER_MAX is not retried: the page
is a crawl error at once ("Retry-After 3600 s is over RETRY_AFTER_MAX"). The last try, which RetryMiddleware gives
up on, does not wait.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.http import Request, Response

from crawler.failures import GaveUp

ASKING = (429, 503)


def retry_after_seconds(value: bytes | None, now: datetime | None = None) -> float | None:
    """The seconds a Retry-After header asks for (a number, or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    def __init__(self, cap: float, retry_times: int) -> None:
        self.cap = cap
        self.retry_times = retry_times

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        settings = crawler.settings
        return cls(settings.getfloat("RETRY_AFTER_MAX"), settings.getint("RETRY_TIMES"))

    async def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in ASKING or request.meta.get("dont_retry"):
            return response
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        last_try = request.meta.get("retry_times", 0) >= request.meta.get("max_retry_times", self.retry_times)
        if wait is None or last_try:
            return response
        if wait > self.cap:
            raise GaveUp(
                f"HTTP {response.status} with Retry-After {wait:.0f} s, over RETRY_AFTER_MAX ({self.cap:.0f} s):"
                " not retried"
            )
        await asyncio.sleep(wait)
        return response
