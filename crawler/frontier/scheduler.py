"""FrontierScheduler: Scrapy's scheduler on the archive's durable frontier (archive/frontier.py).

Every request the spider makes becomes a frontier row before it is fetched; the archive pipeline marks the row
done in the same transaction that stores what the response produced. So after a kill at any point the archive
holds, for every request, either its results and a done row, or a pending/leased row that the next run of the
same job fetches again — no page lost, none fetched twice once done. The frontier is also the duplicate filter
(one row per job and URL) and keeps the queue out of memory, so a crawl's RSS does not grow with the blog.

A spider callback must yield its follow-up requests before the item for its response, so they are queued
before the response counts as done (BlogSpider does).
"""

from __future__ import annotations

import logging
import pickle
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.core.scheduler import BaseScheduler
from scrapy.utils.request import request_from_dict

from archive.frontier import Frontier
from crawler.core.archive_handle import shared_archive, storage_broken, storage_guard
from crawler.extraction_pool.pool import extraction_pool
from crawler.frontier.page_budget import continues, page_budget
from crawler.frontier.trap_budget import TRAP, trap_budget

logger = logging.getLogger(__name__)

FRONTIER_ID = "frontier_id"  # request.meta key: the request's frontier row
QUEUE_AGAIN = "queue_again"  # request.meta key: queue the page though this run had it (dropped, or done)
# Priorities, highest first. Scrapy moves a retried request 1 down (RETRY_PRIORITY_ADJUST) and a redirect hop 2 up
# (REDIRECT_PRIORITY_ADJUST): each level is a band BAND wide, so a retry or redirect stays in its request's band.
BAND = 10
# Start URLs, robots.txt, sitemaps and feeds: what says where the posts are.
DISCOVERY_PRIORITY = 100
# Posts a sitemap or feed lists: ahead of pages found by links, so that a --max-pages budget goes to posts.
LISTED_PRIORITY = 50
# Hub pages known by their URL (tags, categories, authors, paginated listings): after everything else, so that a
# --max-pages budget goes to posts. They once came first while the extraction processes were busy, for the crawl's
# own process to read them meanwhile; measured, that bought nothing (three interleaved pairs of crawls of the
# benchmark's 2,000-post blog: 47.0 posts/s with it, 46.6 without) and it went.
HUB_PRIORITY = -1


def job_name(configured: str, start_urls: list[str]) -> str:
    """The crawl's name in crawl_runs and the frontier: CRAWL_JOB, or its start URLs. Same name, same job."""
    return configured or " ".join(sorted(start_urls))


class FrontierScheduler(BaseScheduler):
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive = shared_archive(crawler)
        self.frontier: Frontier | None = None
        self.spider: Spider | None = None
        self.pending = 0
        self.extraction = extraction_pool(crawler)
        self.budget = page_budget(crawler)
        self.traps = trap_budget(crawler)
        self.downloading = 0  # requests in the downloader now (Scrapy's signals count them)
        crawler.signals.connect(self._download_started, signal=signals.request_reached_downloader)
        crawler.signals.connect(self._download_ended, signal=signals.request_left_downloader)

    def _download_started(self) -> None:
        self.downloading += 1

    def _download_ended(self) -> None:
        self.downloading -= 1

    @classmethod
    def from_crawler(cls, crawler: Any) -> FrontierScheduler:
        return cls(crawler)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.archive.mark_interrupted_runs()
        self.frontier = Frontier(self.archive, spider.job)
        counts = self.frontier.resume()
        self.pending = counts["pending"]
        if counts["pending"] or counts["done"]:
            logger.info(
                "resuming job %r where it stopped: %d requests pending, %d already done",
                spider.job,
                counts["pending"],
                counts["done"],
            )
            self.stats.set_value("blogarchive/resumed_pending", counts["pending"])
            self.stats.set_value("blogarchive/resumed_done", counts["done"])

    def close(self, reason: str) -> None:
        """A finished job forgets its frontier; a stopped one (shutdown, error) keeps it for the next run. A job
        that spent its --max-pages is finished: what it left pending was over the budget."""
        if storage_broken(self.crawler):
            return
        if self.frontier is not None and reason == "finished" and (self.pending == 0 or self.budget.exhausted):
            self.frontier.clear()

    def has_pending_requests(self) -> bool:
        return self.pending > 0 and not storage_broken(self.crawler)

    def enqueue_request(self, request: Request) -> bool:
        """Queue `request` in the frontier (False: a duplicate, or the archive could not be written)."""
        if storage_broken(self.crawler):
            return False
        with storage_guard(self.crawler):
            return self._enqueue(request)
        return False

    def next_request(self) -> Request | None:
        if storage_broken(self.crawler):
            return None
        with storage_guard(self.crawler):
            return self._next_request()
        return None

    def _enqueue(self, request: Request) -> bool:
        assert self.frontier is not None
        previous = request.meta.pop(FRONTIER_ID, None)
        blob = pickle.dumps(request.to_dict(spider=self.spider), protocol=pickle.HIGHEST_PROTOCOL)
        if request.dont_filter and (previous is not None or request.meta.get(QUEUE_AGAIN)):
            # a retry (or a redirect that must not be filtered), or a page asked for again (QUEUE_AGAIN)
            self.frontier.requeue(request.url, request.priority, blob)
            self.pending = self.frontier.counts()["pending"]
            queued = True
        else:
            queued = self.frontier.add(request.url, request.priority, blob)
            self.pending += queued
        if not queued and self._leaves_a_post(request):
            # an archived post's address redirects to a page this run had: asked for again, so the spider reads where
            # the post went (crawler/core/moves.py) — one request more for each post that moved
            self.frontier.requeue(request.url, request.priority, blob)
            self.pending = self.frontier.counts()["pending"]
            queued = True
        if previous is not None and self.frontier.row_url(previous) != request.url:
            self.frontier.done(previous)  # redirected: the new URL's row carries the work on
            self.traps.redirect(request.meta.get("redirect_urls", [request.url])[0], request.url)
        if not queued:
            self.stats.inc_value("dupefilter/filtered")
            return False
        self.stats.inc_value("scheduler/enqueued")
        return True

    def _leaves_a_post(self, request: Request) -> bool:
        """`request` is a redirect's hop from an address the archive holds a post at."""
        chain = request.meta.get("redirect_urls")
        return bool(chain) and self.archive.article_title(chain[0])[0]

    def _next_request(self) -> Request | None:
        assert self.frontier is not None
        while (leased := self._lease()) is not None:
            row_id, blob = leased
            self.pending -= 1
            try:
                request = request_from_dict(pickle.loads(blob), spider=self.spider)
            except Exception as exc:  # a row another version wrote, or a callback that no longer exists
                logger.error("frontier row %d cannot be turned back into a request (%s); skipped", row_id, exc)
                self.frontier.done(row_id)
                continue
            if not self.budget.admit(request):
                self.frontier.done(row_id)  # over --max-pages: not fetched
                self.stats.inc_value("blogarchive/over_max_pages")
                continue
            if request.meta.get(TRAP) and not continues(request) and not self.traps.take(request.url):
                self.frontier.done(row_id)  # its pattern or host spent its trap budget while it waited
                continue
            request.meta[FRONTIER_ID] = row_id
            self.stats.inc_value("scheduler/dequeued")
            return request
        if not self._holding_back():
            self.pending = 0
        return None

    def _lease(self) -> tuple[int, bytes] | None:
        assert self.frontier is not None
        at_least = LISTED_PRIORITY - BAND if self._holding_back() else None
        return self.frontier.lease(at_least=at_least)

    def _holding_back(self) -> bool:
        """Pages found by links wait while start URLs, sitemaps or feeds are still being fetched or read: the posts
        those list come first (a --max-pages budget goes to them), and a page is decided with what they say of it —
        an About page at a blog's root, dated and in the post layout, is a page because the feeds reach back to the
        first post, which the sitemap shows (Astro's blog starter: About, fetched while its sitemap was in flight,
        was stored as a post). Only while something is in flight — a download, or a page waiting for or in
        extraction — (which wakes the engine when done), so a request that never settles cannot stall the crawl."""
        if self.frontier is None:
            return False
        busy = self.downloading > 0 or self.extraction.waiting > 0
        return busy and self.frontier.unfinished(DISCOVERY_PRIORITY - BAND)
