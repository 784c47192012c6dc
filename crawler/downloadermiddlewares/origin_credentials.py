"""Sends the `user:password` of a start URL (taken out of the URL by the spider, so never stored) as Basic auth to that
start URL's origin (scheme, host, port) only, and takes the header off the request again before a redirect or retry is
built from it: what goes back to the scheduler (the frontier, on disk) carries no credential, and the next hop gets it
again only if it is the same origin.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Request, Response
from w3lib.http import basic_auth_header

from crawler.urls import origin

_AUTH_ADDED = "blogarchive_auth_added"


class OriginCredentialsMiddleware:
    """Basic auth from a start URL's `user:password@`, to that origin only (see the module docstring)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> OriginCredentialsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        request.meta.pop(_AUTH_ADDED, None)
        credentials = getattr(self.crawler.spider, "credentials", None)
        if not credentials or b"Authorization" in request.headers:
            return
        found = credentials.get(origin(request.url))
        if found is not None:
            request.headers[b"Authorization"] = basic_auth_header(*found)
            request.meta[_AUTH_ADDED] = True

    def process_response(self, request: Request, response: Response) -> Response:
        self._take_back(request)
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._take_back(request)

    @staticmethod
    def _take_back(request: Request) -> None:
        if request.meta.pop(_AUTH_ADDED, None):
            request.headers.pop(b"Authorization", None)
