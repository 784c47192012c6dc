"""Progress: a live rich display on a terminal, plain lines otherwise, nothing with PROGRESS = "off".

A Scrapy extension reading the crawl's stats; it never touches the archive.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.table import Table
from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall


@dataclass
class Snapshot:
    pages: int
    articles: int
    queued: int
    errors: int
    elapsed: float

    @property
    def rate(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        return (
            f"pages {self.pages} · articles {self.articles} · queued {self.queued} · "
            f"errors {self.errors} · {self.rate:.1f} pages/s"
        )

    def table(self) -> Table:
        table = Table(title="blogarchive crawl", show_header=False, min_width=40)
        for label, value in (
            ("pages fetched", self.pages),
            ("articles archived", self.articles),
            ("queue", self.queued),
            ("errors", self.errors),
            ("rate", f"{self.rate:.1f} pages/s"),
        ):
            table.add_row(label, str(value))
        return table


def snapshot(crawler: Any, started: float) -> Snapshot:
    stats = crawler.stats
    articles = sum(stats.get_value(f"blogarchive/articles_{o}", 0) for o in ("new", "updated", "unchanged"))
    scheduler = crawler.engine.scheduler if crawler.engine else None
    return Snapshot(
        pages=stats.get_value("blogarchive/pages_fetched", 0),
        articles=articles,
        queued=len(scheduler) if scheduler is not None and hasattr(scheduler, "__len__") else 0,
        errors=stats.get_value("blogarchive/errors", 0),
        elapsed=time.monotonic() - started,
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
