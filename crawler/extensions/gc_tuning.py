"""GarbageCollectorTuning: fewer, cheaper cyclic garbage collections in the crawl's process.

A crawl makes and drops a few hundred container objects per request (Deferreds, async generators, request and
response objects, Twisted's delayed calls), so CPython's default first-generation threshold (700) runs a
collection every couple of pages, and the older generations are walked again and again along with every module
and class loaded at start. On the benchmark's 2,000-post blog the collector took ~1.7 s of the crawl process's
~22 s of CPU. Once the engine has started, this freezes what exists then (gc.freeze: the collector no longer
walks it) and raises the first threshold to GC_THRESHOLD: ~0.2 s. Garbage in cycles waits a little longer, a few
MB at most; anything not in a cycle is freed at once as always.
"""

from __future__ import annotations

import gc
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured


class GarbageCollectorTuning:
    def __init__(self, threshold: int) -> None:
        self.threshold = threshold

    @classmethod
    def from_crawler(cls, crawler: Any) -> GarbageCollectorTuning:
        threshold = crawler.settings.getint("GC_THRESHOLD")
        if threshold <= 0:
            raise NotConfigured("GC_THRESHOLD is 0: Python's own collector settings")
        extension = cls(threshold)
        crawler.signals.connect(extension.engine_started, signal=signals.engine_started)
        return extension

    def engine_started(self) -> None:
        gc.freeze()  # no gc.collect() first: it would walk the ~90,000 objects of a fresh crawl process (~0.2 s)
        _, older, oldest = gc.get_threshold()
        gc.set_threshold(self.threshold, older, oldest)
