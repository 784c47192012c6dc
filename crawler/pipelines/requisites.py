"""RequisitesPipeline: with REQUISITES (`crawl --requisites`) and WARC_DIR, the page requisites of every archived
post — stylesheets, scripts, fonts, images, lazy-loaded ones included (crawler/capture/requisites.py) — are
fetched and so written to the WARC files, and a replay shows the post as a browser showed it.

Requisites are fetched through the engine, as the media pipeline fetches images, so every downloader middleware
sees them: the scope guard checks each hop (MEDIA in meta: another host is fine, its addresses are checked —
never link-local or metadata, private or loopback only when a start URL is), robots.txt is obeyed, and
WarcMiddleware records each exchange (a revisit when the bytes are those a crawl stored before). Another host is
only asked when the host rules allow it (crawler/capture/hosts.py: REQUISITES_HOSTS, REQUISITES_DENY_HOSTS). A
stylesheet's own @imports, fonts and images follow, to IMPORT_DEPTH levels of @import. Each URL is asked once per
crawl, and not at all when this crawl already wrote it to the WARC files (a page, or a post's image under --media:
the media pipeline runs first). A post's item waits for its requisites, as for its images, so the crawl does not
end before they are written. Each requisite's metadata record names what it was found in (`via`: the post, or
the stylesheet that @imports or url()s it), and its request carries that as the Referer, as a browser's does.

Outcomes, counted as blogarchive/requisites_<outcome> and shown in the crawl summary: `captured` (answered below
400 and written), `failed` (HTTP 400 or more, a network error, larger than REQUISITES_MAX_SIZE, refused by the scope
guard: logged, counted in the run's errors and a crawl_errors row, as a failed image is), `robots` (robots.txt said
no) and `hosts` (on a host the host rules leave out: not asked).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from twisted.python.failure import Failure

from archive import Archive
from archive.captures import is_archived_post
from crawler.capture.hosts import HostRules
from crawler.capture.requisites import STYLESHEET, Requisite, page_requisites, stylesheet_requisites
from crawler.core.archive_handle import shared_archive
from crawler.downloadermiddlewares.scope_guard import MEDIA
from crawler.downloadermiddlewares.warc import VIA, WarcMiddleware
from crawler.failures import NOTHING_THERE, Refused, describe_failure
from crawler.items import FetchedPage

logger = logging.getLogger(__name__)

IMPORT_DEPTH = 5  # stylesheets @imported deeper than this are fetched, not read for their own requisites
OUTCOMES = ("captured", "failed", "robots", "hosts")


def requisite_counts(stats: Any) -> dict[str, int]:
    """The crawl's requisites by outcome (see the module docstring)."""
    return {outcome: stats.get_value(f"blogarchive/requisites_{outcome}", 0) for outcome in OUTCOMES}


class RequisitesPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.hosts = HostRules(settings.getlist("REQUISITES_HOSTS"), settings.getlist("REQUISITES_DENY_HOSTS"))
        self.max_size = settings.getint("REQUISITES_MAX_SIZE")
        self.asked: set[str] = set()
        self.archive: Archive | None = None
        self.warc: WarcMiddleware | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> RequisitesPipeline:
        if not crawler.settings.getbool("REQUISITES"):
            raise NotConfigured("REQUISITES is off")
        if not crawler.settings.get("WARC_DIR"):
            raise NotConfigured("REQUISITES needs WARC_DIR: requisites are only kept in WARC files")
        return cls(crawler)

    def open_spider(self) -> None:
        self.archive = shared_archive(self.crawler)
        self.warc = self.crawler.get_downloader_middleware(WarcMiddleware)

    async def process_item(self, item: Any) -> Any:
        assert self.archive is not None
        page = isinstance(item, FetchedPage) and item.kind is None and item.is_html
        if page and is_archived_post(self.archive.conn, item.url):
            found = await asyncio.to_thread(page_requisites, item.body, item.url)  # an lxml parse: off the reactor
            await self._fetch_all(found, referer=item.url, post=item.url, depth=0)
        return item

    async def _fetch_all(self, found: Iterable[Requisite], *, referer: str, post: str, depth: int) -> None:
        wanted = [requisite for requisite in found if self._wanted(requisite, post)]
        await asyncio.gather(*(self._fetch(requisite, referer, post, depth) for requisite in wanted))

    def _wanted(self, requisite: Requisite, post: str) -> bool:
        url = requisite.url
        if url in self.asked or (self.warc is not None and url in self.warc.recorded):
            return False
        self.asked.add(url)
        scope = getattr(self.crawler.spider, "scope", None)
        if scope is not None and not scope.contains_host(url) and not self.hosts.allows(url):
            logger.info(
                "%s (%s of %s) not fetched: REQUISITES_HOSTS / _DENY_HOSTS leave its host out",
                url,
                requisite.kind,
                post,
            )
            self.stats.inc_value("blogarchive/requisites_hosts")
            return False
        return True

    async def _fetch(self, requisite: Requisite, referer: str, post: str, depth: int) -> None:
        request = Request(
            requisite.url,
            callback=NO_CALLBACK,
            headers={"Referer": referer},  # some hosts refuse hotlinks without one
            meta={MEDIA: True, VIA: referer, "download_maxsize": self.max_size},
        )
        try:
            response = await self.crawler.engine.download_async(request)
        except Refused as exc:
            self._failed(requisite, post, exc.message, lost=False)
            return
        except IgnoreRequest as exc:  # robots.txt said no: a choice, not an error (as for pages and images)
            logger.info("%s (%s of %s) not fetched: %s", requisite.url, requisite.kind, post, exc)
            self.stats.inc_value("blogarchive/requisites_robots")
            return
        except DownloadCancelledError:
            self._failed(requisite, post, f"larger than REQUISITES_MAX_SIZE ({self.max_size} bytes)", lost=False)
            return
        except Exception as exc:  # a download error of any kind: this requisite is lost, the post is not
            self._failed(requisite, post, describe_failure(Failure(exc)))
            return
        if response.status >= 400:
            self._failed(requisite, post, f"HTTP {response.status}", lost=response.status not in NOTHING_THERE)
            return
        self.stats.inc_value("blogarchive/requisites_captured")
        if depth < IMPORT_DEPTH and _is_stylesheet(requisite, response):
            found = stylesheet_requisites(response.body, response.url, _charset(response))
            await self._fetch_all(found, referer=response.url, post=post, depth=depth + 1)

    def _failed(self, requisite: Requisite, post: str, message: str, lost: bool = True) -> None:
        """A crawl error; `lost` (the file is there but was not captured) makes the crawl exit non-zero."""
        assert self.archive is not None
        logger.error("%s: %s of %s not captured: %s", requisite.url, requisite.kind, post, message)
        self.stats.inc_value("blogarchive/requisites_failed")
        self.stats.inc_value("blogarchive/errors")
        if lost:
            self.stats.inc_value("blogarchive/lost")
        run_id = self.stats.get_value("blogarchive/run_id")
        self.archive.record_error(run_id, requisite.url, f"{requisite.kind} of {post}: {message}")


def _charset(response: Response) -> str | None:
    """The charset label the Content-Type names, as sent (tinycss2 looks labels up as browsers do)."""
    for parameter in response.headers.get("Content-Type", b"").split(b";")[1:]:
        name, _, value = parameter.partition(b"=")
        if name.strip().lower() == b"charset":
            return value.strip().strip(b"\"'").decode("latin-1") or None
    return None


def _is_stylesheet(requisite: Requisite, response: Response) -> bool:
    content_type = response.headers.get("Content-Type", b"").split(b";")[0].strip().lower()
    return content_type == b"text/css" or (requisite.kind == STYLESHEET and content_type in (b"", b"text/plain"))
