"""Downloader and spider middlewares that decide, per crawl or per request, whether Scrapy's work is needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.test import get_crawler

from crawler.core.runner import CrawlOptions
from crawler.downloadermiddlewares.known_unchanged import KnownUnchangedMiddleware
from crawler.spidermiddlewares.depth import DepthLimitMiddleware
from crawler.spiders.blog import BlogSpider

START = "https://blog.example/"
POST = "https://blog.example/2024/01/sourdough-starter/"


def test_depth_middleware_is_off_unless_a_depth_setting_asks_for_it():
    with pytest.raises(NotConfigured):
        DepthLimitMiddleware.from_crawler(get_crawler(settings_dict={"DEPTH_LIMIT": 0}))
    for setting, value in (("DEPTH_LIMIT", 2), ("DEPTH_PRIORITY", 1), ("DEPTH_STATS_VERBOSE", True)):
        middleware = DepthLimitMiddleware.from_crawler(get_crawler(settings_dict={setting: value}))
        assert isinstance(middleware, DepthLimitMiddleware)


REMOTE_CONTROL = "scrapy.extensions.remote_control.RemoteControl"
TELNET = "scrapy.extensions.telnet.TelnetConsole"


def test_extensions_switched_off_are_left_out_and_switched_on_are_kept(tmp_path: Path):
    """Scrapy imports the module of each extension in this list; the remote-control one's imports aiohttp."""
    off = CrawlOptions(db=tmp_path / "a.db").settings().getwithbase("EXTENSIONS")
    assert REMOTE_CONTROL not in off and TELNET not in off
    switched_on = {"REMOTE_CONTROL_ENABLED": "True", "TELNETCONSOLE_ENABLED": "True"}
    on = CrawlOptions(db=tmp_path / "a.db", extra_settings=switched_on).settings().getwithbase("EXTENSIONS")
    assert REMOTE_CONTROL in on and TELNET in on


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
