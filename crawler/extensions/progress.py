"""Progress: a live rich display on a terminal, plain lines otherwise, nothing with PROGRESS = "off".

A Scrapy extension reading the crawl's stats and its frontier's row counts (pending, leased, done: the real queue,
kept in the archive by crawler/frontier/scheduler.py). When sitemaps list the site's posts, their number is the
total, and an ETA follows from the rate at which posts are settled. While start URLs, sitemaps or feeds are still
being fetched or read, the total can only grow: it is shown as a lower bound (`33+`), and no ETA is given yet.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.table import Table
from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from archive.frontier import Frontier
from crawler.core.archive_handle import shared_archive
from crawler.frontier.page_budget import page_budget
from crawler.frontier.scheduler import BAND, DISCOVERY_PRIORITY


@dataclass
class Snapshot:
    pages: int
    posts: int  # settled: archived (new, updated, unchanged), answered 304, or skipped per the sitemap
    total: int  # posts the sitemaps list (within --max-pages); 0 when no sitemap says
    pending: int
    leased: int
    done: int
    errors: int
    elapsed: float
    discovering: bool = False  # start URLs, sitemaps or feeds still to fetch or read: the total may grow

    @property
    def total_text(self) -> str:
        return f"{self.total}+" if self.discovering else str(self.total)

    @property
    def rate(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> str | None:
        """Time left at the rate posts were settled so far; None without a total or a rate yet."""
        if self.discovering or not self.total or not self.posts or self.posts >= self.total:
            return None
        return _clock((self.total - self.posts) * self.elapsed / self.posts)

    @property
    def posts_text(self) -> str:
        return f"{self.posts} of {self.total_text}" if self.total else str(self.posts)

    def line(self) -> str:
        eta = f" · ETA {self.eta}" if self.eta else ""
        return (
            f"{_clock(self.elapsed)} · posts {self.posts_text} · pages {self.pages} ({self.rate:.1f}/s) · "
            f"queue {self.pending} pending, {self.leased} in flight, {self.done} done · errors {self.errors}{eta}"
        )

    def table(self) -> Table:
        table = Table(title="blogarchive crawl", show_header=False, min_width=40)
        rows = [
            ("elapsed", _clock(self.elapsed)),
            ("posts archived", self.posts_text),
            ("pages fetched", f"{self.pages} ({self.rate:.1f} pages/s)"),
            ("queue", f"{self.pending} pending, {self.leased} in flight, {self.done} done"),
            ("errors", str(self.errors)),
        ]
        if self.eta:
            rows.append(("ETA", self.eta))
        for label, value in rows:
            table.add_row(label, value)
        return table


def _clock(seconds: float) -> str:
    return str(timedelta(seconds=round(seconds)))


def snapshot(crawler: Any, started: float) -> Snapshot:
    stats = crawler.stats
    settled = ("articles_new", "articles_updated", "articles_unchanged", "pages_not_modified", "skipped_by_lastmod")
    total = stats.get_value("blogarchive/listed_posts", 0)
    if (budget := page_budget(crawler).limit) and total:
        total = min(total, budget)
    frontier = Frontier(shared_archive(crawler), crawler.spider.job)
    counts = frontier.counts()  # all 0 with Scrapy's own scheduler, which keeps no frontier
    return Snapshot(
        pages=stats.get_value("blogarchive/pages_fetched", 0),
        posts=sum(stats.get_value(f"blogarchive/{key}", 0) for key in settled),
        total=total,
        pending=counts["pending"],
        leased=counts["leased"],
        done=counts["done"],
        errors=stats.get_value("blogarchive/errors", 0),
        elapsed=time.monotonic() - started,
        discovering=frontier.unfinished(DISCOVERY_PRIORITY - BAND),
    )


class Progress:
    def __init__(self, crawler: Any, mode: str, interval: float) -> None:
        self.crawler = crawler
        self.mode = mode
        self.interval = interval
        self.console = Console(stderr=True)
        self.live: Live | None = None
        self.loop = LoopingCall(self.update)
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        mode = crawler.settings.get("PROGRESS", "off")
        if mode == "off":
            raise NotConfigured
        if mode == "rich" and not Console(stderr=True).is_terminal:
            mode = "plain"
        interval = 0.5 if mode == "rich" else crawler.settings.getfloat("PROGRESS_INTERVAL")
        extension = cls(crawler, mode, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        if self.mode == "rich":
            self.live = Live(console=self.console, refresh_per_second=4, transient=True)
            self.live.start()
        self.loop.start(self.interval, now=False)

    def update(self) -> None:
        current = snapshot(self.crawler, self.started)
        if self.live is not None:
            self.live.update(current.table())
        else:
            self.console.print(current.line(), highlight=False, soft_wrap=True)

    def spider_closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
        if self.live is not None:
            self.live.stop()
