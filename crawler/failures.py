"""Why a request failed: the exceptions the crawl raises for a request it refuses or gives up on, and one-line,
human descriptions of every failure, for logs and crawl_runs.errors.

The exceptions here subclass Scrapy's IgnoreRequest or Twisted's DNSLookupError, so that Scrapy and Twisted treat
them as theirs (an errback, no retry); blogarchive's other exceptions are in crawler/errors.py, which must not
import Scrapy.
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.python.failure import Failure


class Refused(IgnoreRequest):
    """A request the scope guard (crawler/downloadermiddlewares/scope_guard.py) would not let out. `url` is the URL
    the crawl asked for (a redirect chain's first)."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url
        self.message = message


class AddressRefused(net.DNSLookupError):
    """The name resolved, at connect time, to an address the crawl must not reach; `message` says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotNeeded(IgnoreRequest):
    """A request the crawl chose not to make (a post a sitemap declared unchanged): done, not an error."""


class GaveUp(IgnoreRequest):
    """A response the crawl would not keep (a gzip stream cut short, a Retry-After past the cap …): a crawl error
    with `message` as its cause."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SessionExpired(GaveUp):
    """A page of a members-only crawl served to someone signed out (a login page, a members-only notice …): a crawl
    error, never archived as the post (crawler/downloadermiddlewares/session_expiry.py)."""


# The statuses by which a server says nothing is at the address: a broken link, no loss to the archive.
NOTHING_THERE = (404, 410)

# Scrapy's RobotsTxtMiddleware says why with this text only (an IgnoreRequest of no class of its own).
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"

# Scrapy's other IgnoreRequests, by the start of their text (`{text}`): each one is a page given up on.
_IGNORED: list[tuple[str, str]] = [
    ("max redirections reached", "more than REDIRECT_MAX_TIMES redirect hops"),
    ("Ignored response", "dropped for size: {text}"),  # HttpCompressionMiddleware: decompressed over DOWNLOAD_MAXSIZE
]


def nothing_there(failure: Failure) -> bool:
    """The server answered that nothing is at the address (NOTHING_THERE): a sitemap or feed a page names and the
    site does not have is a broken link, as a page is."""
    return bool(failure.check(HttpError)) and failure.value.response.status in NOTHING_THERE


def is_choice(failure: Failure) -> bool:
    """The request ended by the crawl's choice (robots.txt said no, a sitemap said unchanged): no error."""
    return bool(failure.check(NotNeeded)) or (
        bool(failure.check(IgnoreRequest)) and str(failure.value) == ROBOTS_FORBIDDEN
    )


# What DownloadFailedError wraps, by the name of Twisted's error in its text.
_FAILED_DOWNLOADS = (
    ("_DataLoss", "cut short: fewer bytes than its Content-Length"),
    ("ConnectionLost", "connection lost"),
    ("ConnectionDone", "connection closed before the response ended"),
)

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
    if failure.check(GaveUp):
        return failure.value.message
    if failure.check(IgnoreRequest):
        text = str(failure.value)
        cause = next((cause for start, cause in _IGNORED if text.startswith(start)), "{text}")
        return cause.format(text=text)
    if failure.check(DownloadFailedError):  # Scrapy's wrapper of Twisted's ResponseFailed and the like
        text = f"{failure.value} {failure.value.__cause__!r}"
        return next((cause for words, cause in _FAILED_DOWNLOADS if words in text), "download failed")
    if failure.check(DownloadCancelledError):  # the download handler: Content-Length over DOWNLOAD_MAXSIZE
        return f"dropped for size: {failure.value}"
    refused = failure.value.__cause__ if failure.check(CannotResolveHostError) else failure.value
    if isinstance(refused, AddressRefused):  # GuardedResolver: a name that resolved to a forbidden address
        return refused.message
    for exc_type, message in _MESSAGES:
        if failure.check(exc_type):
            return message
    value = failure.value
    return f"{type(value).__name__}: {value}".strip().rstrip(":")
