"""Run one crawl in this process and return its crawl_runs row. Used by `blogarchive crawl` and `demo`.

Scrapy's reactor can start once per process, so a program that crawls repeatedly (the scheduler, the tests)
runs each crawl in a child process (`python -m crawler crawl …`).
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from crawler.core.archive_handle import FAULT
from crawler.downloadermiddlewares.session_expiry import WALLS_STAT
from crawler.members.session import Session
from crawler.pipelines.requisites import requisite_counts
from crawler.spiders.blog import BlogSpider


@dataclass
class CrawlOptions:
    db: Path
    allow: Sequence[str] = ()
    deny: Sequence[str] = ()
    max_pages: int = 0
    max_depth: int = 0
    progress: str = "rich"  # rich | plain | off
    log_file: Path | None = None
    job: str = ""
    media_dir: Path | None = None
    warc_dir: Path | None = None
    quiet: bool = False
    extra_settings: dict[str, Any] = field(default_factory=dict)
    # A members-only crawl's cookies and headers: handed to the spider, never a setting (Scrapy logs its settings).
    session: Session | None = None

    def settings(self) -> Settings:
        settings = get_project_settings()
        if "crawler" not in (settings.get("BOT_NAME") or ""):  # run from outside the repo: load ours
            settings.setmodule("crawler.settings", priority="project")
        settings.setdict(
            {
                "ARCHIVE_DB": str(self.db),
                "BLOG_ALLOW": list(self.allow),
                "BLOG_DENY": list(self.deny),
                "BLOG_MAX_PAGES": self.max_pages,
                "CRAWL_JOB": self.job,
                "MEDIA_DIR": str(self.media_dir or ""),
                "WARC_DIR": str(self.warc_dir or ""),
                "DEPTH_LIMIT": self.max_depth,
                "PROGRESS": "off" if self.quiet else self.progress,
                "LOG_LEVEL": "INFO" if self.log_file else ("CRITICAL" if self.quiet else "ERROR"),
                "LOG_FORMAT": "%(asctime)s %(levelname)s %(name)s: %(message)s"
                if self.log_file
                else "%(levelname)s: %(message)s",
            },
            priority="cmdline",
        )
        if self.log_file:
            settings.set("LOG_FILE", str(self.log_file), priority="cmdline")
        settings.setdict(self.extra_settings, priority="cmdline")
        return settings


STOP_POLL_SECONDS = 0.05  # how often a stop that came while the crawl was opening looks again


class _Stop:
    """The crawl's SIGINT and SIGTERM handler. The first signal stops the crawl gracefully (Scrapy closes the spider
    with reason "shutdown": the current writes finish, the frontier keeps the rest), a second stops the reactor at
    once; `signum` says which signal came, for the command's exit status (128 + signum)."""

    def __init__(self, process: CrawlerProcess, crawler: Crawler) -> None:
        self.process = process
        self.signum: int | None = None
        self.engine_running = False
        crawler.signals.connect(self._engine_started, signal=signals.engine_started)

    def _engine_started(self) -> None:
        """The engine goes on starting after it sends engine_started, and a stop in between leaves the crawl hanging
        (scrapy/scrapy#6916: the engine returns from its start without waiting to close, and the process never
        exits; 3 runs in 12 of tests/test_resume.py's script on a loaded machine). So it counts as running one
        poll later, when its start has reached the wait for its close."""
        from twisted.internet import reactor

        reactor.callLater(STOP_POLL_SECONDS, setattr, self, "engine_running", True)

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self)

    def __call__(self, signum: int, frame: object) -> None:
        from twisted.internet import reactor  # the one Scrapy installed

        if self.signum is None:
            self.signum = signum
            reactor.callFromThread(self._stop_once_started)
        else:
            reactor.callFromThread(reactor.stop)

    def _stop_once_started(self) -> None:
        """Scrapy's stop while a crawl is still opening (the archive, the frontier, the spider's start) marks the
        crawler stopped but leaves its engine alone, which then starts and crawls on — to the end, or the process
        never exits: a SIGTERM in the crawl's first second was lost. So the stop waits until every opening engine
        runs (Scrapy's engine_started signal says when)."""
        from twisted.internet import reactor

        if not self.engine_running and any(crawler.crawling for crawler in self.process.crawlers):
            reactor.callLater(STOP_POLL_SECONDS, self._stop_once_started)
        else:
            self.process.stop()


def run_crawl(start_urls: Sequence[str], options: CrawlOptions) -> dict[str, Any]:
    """Crawl to the end, or until SIGINT/SIGTERM; the crawl_runs row plus `articles_unchanged`, `lost` (the errors
    of pages and files the archive should have and lacks: crawler/pipelines/archive.py), `error_messages`
    (the first errors), `posts` (archived in this run), `signal` (the signal that stopped it, or None),
    `storage_error` (the storage fault that stopped it, or None) and `session_walls` (pages of a members-only crawl
    served to someone signed out)."""
    settings = options.settings()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BlogSpider)
    stop = _Stop(process, crawler)
    process.crawl(crawler, start_urls=list(start_urls), session=options.session)
    # Scrapy sets its loggers to DEBUG and the root logger to NOTSET (again in crawl()), and drops records in its
    # handler: every DEBUG message (two for each page) became a LogRecord, with a walk up the stack, to be thrown away.
    for name in ("", "scrapy"):
        logging.getLogger(name).setLevel(settings.get("LOG_LEVEL"))
    if not options.log_file:  # its traceback for a host that is down repeats the start page's one-line error
        logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
    stop.install()
    process.start(install_signal_handlers=False)
    stats = crawler.stats
    run = dict(stats.get_value("blogarchive/run") or {})
    for key in (
        "articles_unchanged",
        "pages_not_modified",
        "skipped_by_lastmod",
        "pages_same_body",
        "pages_decided_again",
        "retired",
        "restored",
        "moved",
        "moved_by_id",
        "comments_rechecked",
        "comments_not_rechecked",
        "gone",
        "broken_links",
        "trap_cut",
        "resumed_done",
        "render_pages",
        "render_needed",
        "render_failed",
        "lost",
        "hash_routes",
        "textless",
    ):
        run[key] = stats.get_value(f"blogarchive/{key}", 0)
    run["hash_route"] = stats.get_value("blogarchive/hash_route")  # the first of the hash_routes links
    run["robots_forbidden"] = stats.get_value("robotstxt/forbidden", 0)  # requests robots.txt refused
    run["images_saved"] = stats.get_value("file_status_count/downloaded", 0)  # Scrapy's FilesPipeline counts
    run["images_kept"] = stats.get_value("file_status_count/uptodate", 0)
    run["warc_files"] = stats.get_value("blogarchive/warc_files", 0)
    run["warc_closed_files"] = stats.get_value("blogarchive/warc_closed_files", 0)
    run["media_dir"], run["warc_dir"] = settings.get("MEDIA_DIR"), settings.get("WARC_DIR")
    run["requisites"] = requisite_counts(stats) if settings.getbool("REQUISITES") else None
    run["error_messages"] = stats.get_value("blogarchive/error_messages", [])
    run["posts"] = sum(stats.get_value(f"blogarchive/articles_{outcome}", 0) for outcome in ("new", "updated"))
    run["posts"] += run["articles_unchanged"]
    run["signal"] = stop.signum
    run["storage_error"] = stats.get_value(FAULT)
    run["session_walls"] = stats.get_value(WALLS_STAT, 0)
    return run
