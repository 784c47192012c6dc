"""The design a user would write first, crawling the benchmark's blog: `python -m bench.naive naive|pool BASE OUT.db`.

A Scrapy SitemapSpider from the blog's sitemap index (posts only: it fetches no listing, category, tag or author
page, which blogarchive's crawl does) whose callback runs `trafilatura.extract(…, output_format="json")` and whose
item pipeline writes the posts with sqlite-utils' `insert_all`, `BATCH[mode]` posts per transaction.

- `naive`: extraction inline in the callback, on the reactor's thread; each post written as it comes, one
  transaction per post (the first design a user writes).
- `pool`: extraction handed to a `ProcessPoolExecutor(2)` (spawned workers), awaited from an `async def` callback
  on Scrapy's asyncio reactor; posts buffered and written 100 at a time in one transaction (`db.atomic()`: alone,
  `insert_all` commits every 49 rows: 999 SQLite variables over the 20 columns), the rest at close.
  A user who reaches for a process pool batches the writes too: committing each post in its own transaction, the
  pool ran no faster than the one-process naive crawler (61.1 against 61.2 posts/s in one run, #36), so a
  comparison with it would flatter blogarchive.

Only posts are written: pages whose URL `url_kind` calls None and for which trafilatura returned text.
`run()` times the whole subprocess (start, imports and all, as the benchmark times blogarchive's crawl) and counts
the rows written.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import resource
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from scrapy.spiders import SitemapSpider

from bench.rss import PeakSampler
from bench.workers import trafilatura_json

BATCH = {"naive": 1, "pool": 100}  # posts per write transaction, by mode
MODES = tuple(BATCH)
POOL_PROCESSES = 2
SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "LOG_LEVEL": "WARNING",
    "ROBOTSTXT_OBEY": False,
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    "ITEM_PIPELINES": {"bench.naive.SqliteUtilsPipeline": 300},
}


def _post_row(url: str, result: str | None) -> dict | None:
    from crawler.extraction.pagekind import url_kind

    if result is None or url_kind(url) is not None:
        return None
    row = json.loads(result)
    if not (row.get("text") or "").strip():
        return None
    return {"url": url, **row}


class NaiveSpider(SitemapSpider):
    name = "naive"

    def __init__(self, base: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [base.rstrip("/") + "/wp-sitemap.xml"]

    def parse(self, response):
        row = _post_row(response.url, trafilatura_json(response.text, response.url))
        if row is not None:
            yield row


class PoolSpider(NaiveSpider):
    name = "pool"

    def __init__(self, base: str, **kwargs) -> None:
        super().__init__(base, **kwargs)
        self.pool = ProcessPoolExecutor(POOL_PROCESSES, mp_context=multiprocessing.get_context("spawn"))

    async def parse(self, response):
        result = await asyncio.wrap_future(self.pool.submit(trafilatura_json, response.text, response.url))
        row = _post_row(response.url, result)
        if row is not None:
            yield row

    def closed(self, reason: str) -> None:
        self.pool.shutdown()


class SqliteUtilsPipeline:
    """Writes the posts `batch` at a time, each batch one `insert_all` in one transaction, the rest at close."""

    def __init__(self, path: str, batch: int) -> None:
        self.path = path
        self.batch = batch
        self.buffer: list[dict] = []

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings["NAIVE_DB"], crawler.settings.getint("NAIVE_BATCH"))

    def open_spider(self) -> None:
        import sqlite_utils

        self.db = sqlite_utils.Database(self.path)

    def process_item(self, item):
        self.buffer.append(item)
        if len(self.buffer) >= self.batch:
            self.write()
        return item

    def write(self) -> None:
        with self.db.atomic():
            self.db["posts"].insert_all(self.buffer, alter=True)
        self.buffer = []

    def close_spider(self) -> None:
        if self.buffer:
            self.write()
        self.db.close()


def run(mode: str, base: str, db: Path) -> dict:
    """Runs one naive crawl in a subprocess: wall seconds, posts written, posts/s, peak RSS and CPU per post."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bench.naive", mode, base, str(db)])
    with PeakSampler(process.pid) as sampler:
        process.wait()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"bench.naive {mode} exited with {process.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    with sqlite3.connect(db) as conn:
        posts = conn.execute("SELECT count(*) FROM posts").fetchone()[0]
    return {
        "mode": mode,
        "seconds": seconds,
        "posts": posts,
        "posts_per_s": posts / seconds,
        "peak_rss_mb": sampler.peak / 2**20,
        "cpu_ms_per_post": cpu / max(posts, 1) * 1000,
    }


def main() -> None:
    mode, base, db = sys.argv[1:4]
    if mode not in MODES:
        raise SystemExit(f"usage: python -m bench.naive {'|'.join(MODES)} BASE_URL OUT.db")
    from scrapy.crawler import CrawlerProcess

    from bench import naive  # the spiders as `bench.naive`, the module the pipeline setting names, not __main__

    process = CrawlerProcess({**SETTINGS, "NAIVE_DB": db, "NAIVE_BATCH": BATCH[mode]})
    process.crawl(naive.PoolSpider if mode == "pool" else naive.NaiveSpider, base=base)
    process.start()


if __name__ == "__main__":
    main()
