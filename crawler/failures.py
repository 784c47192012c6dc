"""One-line, human descriptions of why a request failed, for logs and crawl_runs.errors."""

from __future__ import annotations

from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.python.failure import Failure

_MESSAGES: list[tuple[type[BaseException], str]] = [
    (net.DNSLookupError, "DNS lookup failed (no such host)"),
    (net.ConnectionRefusedError, "connection refused (is the server running?)"),
    (net.TimeoutError, "timed out"),
    (net.TCPTimedOutError, "timed out"),
    (net.ConnectionLost, "connection lost"),
    (net.ConnectError, "could not connect"),
]


def describe_failure(failure: Failure) -> str:
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"HTTP {status}"
    for exc_type, message in _MESSAGES:
        if failure.check(exc_type):
            return message
    value = failure.value
    return f"{type(value).__name__}: {value}".strip().rstrip(":")
