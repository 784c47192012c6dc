"""Downloader and spider middlewares that decide, per crawl or per request, whether Scrapy's work is needed."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from crawler.downloadermiddlewares.known_unchanged import KnownUnchangedMiddleware
from crawler.spiders.blog import BlogSpider

START = "https://blog.example/"
POST = "https://blog.example/2024/01/sourdough-starter/"


def _crawler_with_spider(fetched: dict[str, str]):
    crawler = get_crawler(BlogSpider, {"RECRAWL_ARCHIVED": False})
    spider = BlogSpider.from_crawler(crawler, start_urls=START)
    spider.archived.fetched.update(fetched)
    crawler.spider = spider
    return crawler, spider


def test_a_queued_post_the_sitemap_then_declares_unchanged_is_not_fetched():
    crawler, spider = _crawler_with_spider({POST: "2024-06-01T00:00:00+00:00", START: "2024-06-01T00:00:00+00:00"})
    middleware = KnownUnchangedMiddleware.from_crawler(crawler)
    queued = spider._page_request(POST)  # found on the start page before the sitemap was read
    assert middleware.process_request(queued) is None  # nothing known yet: fetched
    assert spider.archived.unchanged(POST, "2024-05-01")  # then the sitemap: not changed since our fetch
    with pytest.raises(IgnoreRequest, match="unchanged since its last fetch"):
        middleware.process_request(queued)


def test_start_pages_and_discovery_requests_are_always_fetched():
    crawler, spider = _crawler_with_spider({POST: "2024-06-01T00:00:00+00:00", START: "2024-06-01T00:00:00+00:00"})
    middleware = KnownUnchangedMiddleware.from_crawler(crawler)
    assert spider.archived.unchanged(START, "2024-05-01") and spider.archived.unchanged(POST, "2024-05-01")
    assert middleware.process_request(spider._page_request(START, force=True)) is None  # its links are needed
    assert middleware.process_request(Request(POST)) is None  # not a page request (a sitemap, a feed, an image)
