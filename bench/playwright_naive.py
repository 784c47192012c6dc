"""What a user would build to archive a blog that needs a browser, without blogarchive: a plain Scrapy spider on
scrapy-playwright. `python -m bench.playwright_naive BASE OUT.db`.

Every request goes through scrapy-playwright's download handler, so Chromium (Debian's, `executable_path`) fetches
each page and whatever its scripts load. The page is opened with `wait_until="networkidle"` (a client-rendered
app builds its DOM after `load`), scrolled to the end until it stops growing (infinite scroll, lazy images), and
left to settle again; the callback reads the rendered DOM, follows every link within the blog's origin, and writes
each page's `trafilatura.bare_extraction(…, with_metadata=True, include_images=True, include_comments=True)`
into SQLite: title, author, date, text, comments and the images of the body. Two pages at once, as blogarchive's
RENDER_PAGES, and robots.txt obeyed, as blogarchive does.

One thing is the benchmark's, not the user's: PLAYWRIGHT_ABORT_REQUEST, which scrapy-playwright calls for every
request the browser makes, notes each one (the instrument for requests that leave the crawl's rules) and aborts
those for the cloud metadata address, so that the benchmark never sends one from this machine; the default
scrapy-playwright would have let it out, and the benchmark counts it as such.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import scrapy
import trafilatura
from scrapy_playwright.page import PageMethod

from bench.rss import TreeSampler

METADATA_HOST = "169.254.169.254"
# Scroll to the end until the page stops growing (at most 20 times), as scrapy-playwright users write it.
SCROLL_TO_END = """async () => {
  let height = 0;
  for (let i = 0; i < 20 && document.body.scrollHeight !== height; i++) {
    height = document.body.scrollHeight;
    window.scrollTo(0, height);
    await new Promise((done) => setTimeout(done, 500));
  }
}"""
SETTINGS = {
    "DOWNLOAD_HANDLERS": {
        "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
        "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    },
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    "PLAYWRIGHT_BROWSER_TYPE": "chromium",
    "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": "/usr/bin/chromium", "headless": True},
    "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
    "PLAYWRIGHT_ABORT_REQUEST": "bench.playwright_naive.note_request",
    "CONCURRENT_REQUESTS": 2,
    "ROBOTSTXT_OBEY": True,
    "LOG_LEVEL": "WARNING",
    "ITEM_PIPELINES": {"bench.playwright_naive.SqlitePipeline": 300},
}

BROWSER_REQUESTS: list[tuple[str, str]] = []  # every request the browser made, with its type (the instrument)


def note_request(request) -> bool:
    BROWSER_REQUESTS.append((request.url, request.resource_type))
    return urlsplit(request.url).hostname == METADATA_HOST


class RenderedBlogSpider(scrapy.Spider):
    name = "rendered_blog"

    def __init__(self, base: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.base = base
        self.origin = urlsplit(base).netloc

    async def start(self):
        yield self.rendered(self.base)

    def rendered(self, url: str) -> scrapy.Request:
        return scrapy.Request(
            url,
            meta={
                "playwright": True,
                "playwright_page_goto_kwargs": {"wait_until": "networkidle"},
                "playwright_page_methods": [
                    PageMethod("evaluate", SCROLL_TO_END),
                    PageMethod("wait_for_load_state", "networkidle"),
                ],
            },
        )

    def parse(self, response):
        document = trafilatura.bare_extraction(
            response.text, url=response.url, with_metadata=True, include_images=True, include_comments=True
        )
        if document is not None and document.text:
            yield {
                "url": response.url,
                "title": document.title,
                "author": document.author,
                "date": document.date,
                "text": document.text,
                "comments": document.comments or "",
                "images": json.dumps([g.get("src") for g in document.body.iter("graphic")]),
            }
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href).split("#")[0]
            if urlsplit(url).netloc == self.origin:
                yield self.rendered(url)


class SqlitePipeline:
    def __init__(self, path: str) -> None:
        self.path = path

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings["NAIVE_DB"])

    def open_spider(self) -> None:
        self.db = sqlite3.connect(self.path)
        self.db.execute(
            "CREATE TABLE posts (url TEXT PRIMARY KEY, title TEXT, author TEXT, date TEXT, text TEXT,"
            " comments TEXT, images TEXT)"
        )

    def process_item(self, item):
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO posts VALUES (:url, :title, :author, :date, :text, :comments, :images)", item
            )
        return item

    def close_spider(self) -> None:
        with self.db:
            self.db.execute("CREATE TABLE browser_requests (url TEXT, resource_type TEXT)")
            self.db.executemany("INSERT INTO browser_requests VALUES (?, ?)", BROWSER_REQUESTS)
        self.db.close()


def run(base: str, db: Path) -> dict:
    """One crawl in a subprocess: wall seconds, peak RSS and CPU of its process tree (bench/rss.py)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bench.playwright_naive", base, str(db)])
    with TreeSampler(process.pid) as sampler:
        process.wait()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"bench.playwright_naive exited with {process.returncode}")
    return {"seconds": seconds, "peak_rss_mb": sampler.peak / 2**20, **sampler.usage()}


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m bench.playwright_naive BASE_URL OUT.db")
    base, db = sys.argv[1:3]
    from scrapy.crawler import CrawlerProcess

    from bench import playwright_naive  # the spider and pipeline as `bench.playwright_naive`, not __main__

    process = CrawlerProcess({**SETTINGS, "NAIVE_DB": db})
    process.crawl(playwright_naive.RenderedBlogSpider, base=base)
    process.start()


if __name__ == "__main__":
    main()
