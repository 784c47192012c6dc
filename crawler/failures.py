"""One-line, human descriptions of why a request failed, for logs and crawl_runs.errors."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.python.failure import Failure

# Scrapy's own download exceptions first (Scrapy ≥ 2.13 wraps Twisted's), then Twisted's.
_MESSAGES: list[tuple[type[BaseException], str]] = [
    (CannotResolveHostError, "DNS lookup failed (no such host)"),
    (DownloadConnectionRefusedError, "connection refused (is the server running?)"),
    (DownloadTimeoutError, "timed out"),
    (DownloadFailedError, "download failed"),
    (net.DNSLookupError, "DNS lookup failed (no such host)"),
    (net.ConnectionRefusedError, "connection refused (is the server running?)"),
    (net.TimeoutError, "timed out"),
    (net.TCPTimedOutError, "timed out"),
    (net.ConnectionLost, "connection lost"),
    (net.ConnectError, "could not connect"),
]


def describe_failure(failure: Failure) -> str:
    """The cause, and how often the request was tried when RetryMiddleware tried it again (RETRY_TIMES)."""
    request = getattr(failure, "request", None)
    retries = request.meta.get("retry_times", 0) if request is not None else 0
    return _cause(failure) + (f" (tried {retries + 1} times)" if retries else "")


def _cause(failure: Failure) -> str:
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"HTTP {status}"
    for exc_type, message in _MESSAGES:
        if failure.check(exc_type):
            return message
    value = failure.value
    return f"{type(value).__name__}: {value}".strip().rstrip(":")
