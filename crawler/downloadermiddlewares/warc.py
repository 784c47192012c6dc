"""WarcMiddleware: every response, as it came over the wire, also goes into WARC files (WARC_DIR).

It sits at 950 in DOWNLOADER_MIDDLEWARES, the last stop before the downloader: its process_response sees a
response before RedirectMiddleware (600) follows it, before HttpCompressionMiddleware (590) decodes it and before
ConditionalGetMiddleware (560) swaps a 304 for the archived body; the request it records has every header the
middlewares below 950 added (User-Agent, Accept-Encoding, cookies, If-None-Match …).

Records are written on the reactor thread, one exchange at a time: an exchange with a 20 KB page takes under half
a millisecond (records gzipped, index entry committed), so a thread hop would cost more than it saves. A failed
write (disk full, folder gone) is logged and counted in the stats (`blogarchive/warc_errors`), never fatal: the
crawl and the SQLite archive go on.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Collection
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

from crawler import __version__
from crawler.capture.warc_recovery import close_abandoned
from crawler.capture.warc_writer import Exchange, WarcWriter, prepare_warc_dir
from crawler.downloadermiddlewares.members_session import SESSION

logger = logging.getLogger(__name__)

# request.meta key: the page (or stylesheet) a page requisite was found in, as the metadata record's `via` field
# (Heritrix's name for it), so that a requisite's records say what they were fetched for.
VIA = "blogarchive_via"

# A credential for the proxy, not part of the exchange with the site, and the site's (a start URL's user:password,
# crawler/downloadermiddlewares/scope_guard.py): never written to a WARC file. Nor is a members-only session
# (crawler/downloadermiddlewares/members_session.py): the request's Cookie header and extra headers, and the
# Set-Cookie headers of the answer, by which the site may renew it.
_NOT_RECORDED = (b"proxy-authorization", b"authorization")
_CONDITIONAL = (b"If-None-Match", b"If-Modified-Since")


class WarcMiddleware:
    def __init__(self, crawler: Any, directory: Path) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        info = {
            "software": f"blogarchive/{__version__} (Scrapy, warcio)",
            "hostname": socket.gethostname(),
            "isPartOf": settings.get("CRAWL_JOB") or None,
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": settings.get("USER_AGENT"),
        }
        self.writer: WarcWriter | None = WarcWriter(
            directory, max_size=settings.getint("WARC_MAX_SIZE"), info={k: v for k, v in info.items() if v}
        )
        # URLs whose answer this crawl wrote: the requisites pipeline (crawler/capture/) does not ask them again.
        self.recorded: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcMiddleware:
        directory = crawler.settings.get("WARC_DIR")
        if not directory:
            raise NotConfigured
        directory = prepare_warc_dir(Path(directory))
        _close_abandoned(directory, crawler.stats)
        middleware = cls(crawler, directory)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_closed(self) -> None:
        """Finish the last file. On SIGTERM Scrapy closes the spider gracefully, so this runs then too."""
        if self.writer is None:
            return
        writer, self.writer = self.writer, None
        try:
            writer.close()
        except (OSError, sqlite3.Error) as exc:
            self._failed("closing the WARC file", exc)
        self.stats.set_value("blogarchive/warc_files", len(writer.files))

    def process_request(self, request: Request) -> None:
        """A conditional GET (crawler/downloadermiddlewares/conditional_get.py) for a page the folder holds no
        response of — archived by a crawl without --warc or into another folder, or its record lost with a stopped
        crawl — would be answered 304, a revisit of nothing: ask for the page itself, so the folder captures it."""
        if self.writer is None or not request.meta.get("conditional"):
            return
        if self.writer.index.last_response(request.url) is None:
            for header in _CONDITIONAL:
                request.headers.pop(header, None)
            request.meta["conditional"] = False

    def process_response(self, request: Request, response: Response) -> Response:
        if self.writer is None or "cached" in response.flags or not response.url.startswith(("http:", "https:")):
            return response  # a response from HTTPCACHE did not come over the wire
        try:
            record_type = self.writer.write(self._exchange(request, response))
        except (OSError, sqlite3.Error) as exc:
            self._failed(response.url, exc)
        else:
            self.stats.inc_value(f"blogarchive/warc_{record_type}_records")
            self.recorded.add(response.url)
        return response

    def _exchange(self, request: Request, response: Response) -> Exchange:
        spider = self.crawler.spider
        metadata = {
            "crawl-job": getattr(spider, "job", ""),
            "crawl-run": str(self.stats.get_value("blogarchive/run_id") or ""),
            "fetchTimeMs": str(round(request.meta.get("download_latency", 0) * 1000)),
            "via": request.meta.get(VIA, ""),
        }
        session = tuple(name.encode("latin-1") for name in request.meta.get(SESSION, ()))
        return Exchange(
            url=response.url,
            method=request.method,
            request_headers=_headers(request.headers, skip=(*_NOT_RECORDED, *session)),
            request_body=request.body,
            protocol=response.protocol or "HTTP/1.1",
            status=response.status,
            response_headers=_headers(response.headers, skip=(b"set-cookie",) if SESSION in request.meta else ()),
            body=response.body,
            ip_address=str(response.ip_address) if response.ip_address else None,
            metadata={name: value for name, value in metadata.items() if value},
        )

    def _failed(self, what: str, exc: Exception) -> None:
        logger.error("WARC write failed for %s: %s", what, exc)
        self.stats.inc_value("blogarchive/warc_errors")


def _close_abandoned(directory: Path, stats: Any) -> None:
    """Close the files a stopped crawl left open in the folder (crawler/capture/warc_recovery.py) before writing."""
    recovery = close_abandoned(directory)
    for closed in recovery.closed:
        logger.warning("closed %s", closed.describe())
    for path in recovery.removed:
        logger.warning("removed %s: a stopped crawl left it open without one complete record", path.name)
    for path, why in recovery.left:
        logger.info("%s left as it is: %s", path.name, why)
    stats.set_value("blogarchive/warc_closed_files", len(recovery.closed))


def _headers(headers: Any, skip: Collection[bytes] = ()) -> list[tuple[str, str]]:
    """Scrapy's Headers as (name, value) pairs, one per value, in arrival order."""
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        if name.lower() not in skip
        for value in values
    ]
