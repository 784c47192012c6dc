"""The crawl's stats collector: Scrapy's MemoryStatsCollector without its per-access deprecation shim."""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector


class StatsCollector(MemoryStatsCollector):
    """Scrapy 2.19's StatsCollector overrides `__getattribute__` to warn about a deprecated `spider` argument: every
    attribute read (a dozen stats updates per page, from Scrapy and from us) first looks up a missing `_cached_…`
    attribute and catches the AttributeError. That cost ~3 % of the reactor thread's time in the benchmark's profile.
    Nothing here passes `spider`, so plain attribute access is restored; the stats themselves are unchanged."""

    __getattribute__ = object.__getattribute__
