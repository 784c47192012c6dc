"""ExtractionPool: the crawl's extraction processes, from their start to their end, and how many pages wait for them.

One per crawl (`extraction_pool(crawler)`): the archive pipeline hands it pages and awaits their records, the
scheduler reads how many wait. EXTRACT_PROCESSES spawned worker processes (0: one thread, for tests and
debugging). They start at the first page that needs one, not when the crawl opens: each spawn and import of
trafilatura takes about a second of CPU, and an unchanged recrawl (sitemap lastmods, 304s, hubs read in the crawl's
own process) needs none — started at open, they took a sixth of such a recrawl's time on the benchmark's blog. All
start at once, so they import side by side while the first page waits.

`waiting` is what the scheduler reads: with a --max-pages budget, pages found by links wait while something is in
flight (crawler/frontier/scheduler.py).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from crawler.core.per_crawler import per_crawler
from crawler.extraction.pagekind import SiteFacts
from crawler.extraction_pool.worker import extract_and_pack, spawning_workers, start_worker
from crawler.items import FetchedPage


class ExtractionPool:
    def __init__(self, processes: int) -> None:
        self.processes = processes
        self.waiting = 0  # pages handed to the processes and not yet back
        self.executor: Executor | None = None
        self.started = False

    def open(self) -> None:
        if self.processes <= 0:
            self.executor = ThreadPoolExecutor(1)
            return
        context = multiprocessing.get_context("spawn")  # no fork of a process that runs a reactor
        with spawning_workers():  # the pool's semaphores start multiprocessing's resource tracker now
            self.executor = ProcessPoolExecutor(
                self.processes, mp_context=context, initializer=start_worker, initargs=(os.getpid(),)
            )

    async def extract(self, page: FetchedPage, site: SiteFacts | None = None) -> tuple[bool, Any, bytes]:
        """(ok, the record as a dict or a one-line reason, the body's zlib form) of one page, from a worker; `site`:
        what the crawl knows of the page's site (extract())."""
        assert self.executor is not None, "ExtractionPool.open() first"
        self._start_processes()
        self.waiting += 1
        try:
            comments = [body for _, body in page.comment_pages]
            entry = page.entry[1] if page.entry else None
            return await asyncio.get_running_loop().run_in_executor(
                self.executor, extract_and_pack, page.body, page.url, page.parts, comments, page.charset, site, entry
            )
        finally:
            self.waiting -= 1

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _start_processes(self) -> None:
        if self.started or not isinstance(self.executor, ProcessPoolExecutor):
            return
        self.started = True
        with spawning_workers():
            for _ in range(self.processes):
                self.executor.submit(os.getpid)


def extraction_pool(crawler: Any) -> ExtractionPool:
    """This crawler's extraction pool, made by whichever component asks first (the pipeline opens and closes it)."""

    def make() -> ExtractionPool:
        return ExtractionPool(crawler.settings.getint("EXTRACT_PROCESSES"))

    return per_crawler(crawler, "extraction_pool", make)
