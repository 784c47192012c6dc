"""Downloader and spider middlewares that decide, per crawl or per request, whether Scrapy's work is needed."""

from __future__ import annotations

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.middlewares.depth import DepthLimitMiddleware


def test_depth_middleware_is_off_unless_a_depth_setting_asks_for_it():
    with pytest.raises(NotConfigured):
        DepthLimitMiddleware.from_crawler(get_crawler(settings_dict={"DEPTH_LIMIT": 0}))
    for setting, value in (("DEPTH_LIMIT", 2), ("DEPTH_PRIORITY", 1), ("DEPTH_STATS_VERBOSE", True)):
        middleware = DepthLimitMiddleware.from_crawler(get_crawler(settings_dict={setting: value}))
        assert isinstance(middleware, DepthLimitMiddleware)
