"""ConditionalGetMiddleware: recrawls ask "changed since?" and reuse the archived body when the answer is no.

A page fetched before is requested with If-None-Match / If-Modified-Since from the archive's pages table. On 304
the response gets the stored body back (flag "not-modified"), so the spider can still follow its links and ask the
post's comments served apart from its page, while the pipeline skips extraction and writes no article rows — unless
those comments changed (crawler/pipelines/archive.py).
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.responsetypes import responsetypes

from archive import Archive

NOT_MODIFIED = "not-modified"


class ConditionalGetMiddleware:
    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalGetMiddleware:
        if not crawler.settings.getbool("CONDITIONAL_GET"):
            raise NotConfigured
        middleware = cls(crawler.settings.get("ARCHIVE_DB"))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        self.archive = Archive(self.db_path)

    def spider_closed(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def process_request(self, request: Request) -> None:
        if self.archive is None or not request.meta.get("page") or b"If-None-Match" in request.headers:
            return
        validators = self.archive.page_validators(request.url)
        if not validators:
            return
        if validators.get("etag"):
            request.headers[b"If-None-Match"] = validators["etag"]
        if validators.get("last_modified"):
            request.headers[b"If-Modified-Since"] = validators["last_modified"]
        request.meta["conditional"] = True

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status != 304 or not request.meta.get("conditional") or self.archive is None:
            return response
        stored = self.archive.stored_page(request.url)
        if stored is None:  # validators without a body: ask again, unconditionally
            return request.replace(
                headers={}, meta={**request.meta, "conditional": False, "page": False}, dont_filter=True
            )
        body, content_type = stored
        # Not response.replace(): that keeps the class and the encoding of the empty 304 (cp1252, as Scrapy reads an
        # empty body), and the stored page's non-ASCII links came out garbled. The class follows the stored page's
        # content type (guessing it from the body costs Scrapy a Python loop over 5,000 bytes); the encoding, its body.
        fields = {name: getattr(response, name) for name in Response.attributes}
        fields.update(body=body, flags=[*response.flags, NOT_MODIFIED])
        if content_type:
            response_class = responsetypes.from_mimetype(content_type)
        else:
            response_class = responsetypes.from_args(headers=response.headers, url=response.url, body=body)
        return response_class(**fields)
