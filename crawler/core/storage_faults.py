"""A storage fault during a crawl — the disk full, the archive locked by another process past
ARCHIVE_BUSY_TIMEOUT, a read-only file system — stops the crawl at once, with one line and a non-zero exit.

Every component that writes the archive (the frontier scheduler, the archive pipeline, the periodic commit) hands a
failed write to `storage_failed()`. The first fault is kept (stats key FAULT, the one-line message the command
prints), the archive's open transaction is rolled back — the pages written since the last commit, with their
frontier rows' "done", so nothing is half-written and the next run of the job fetches those pages again — and the
spider is closed with reason "storage_error". From then on the components write nothing (`storage_broken()`).
What was committed stays intact: SQLite's transactions are atomic, and each page was stored in one.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from scrapy.utils.defer import deferred_from_coro

from archive.errors import storage_fault

logger = logging.getLogger(__name__)

FAULT = "blogarchive/storage_error"  # stats key: the first storage fault's one-line message
REASON = "storage_error"  # the spider's close reason, and crawl_runs.status if it can still be written


def storage_broken(crawler: Any) -> bool:
    """A storage fault stopped this crawl: write nothing more."""
    return crawler.stats.get_value(FAULT) is not None


def storage_failed(crawler: Any, exc: sqlite3.Error) -> bool:
    """Stop the crawl for `exc` when it is a storage fault and say True; False for any other SQLite error, which
    the caller re-raises (a bug must show)."""
    message = storage_fault(crawler.settings.get("ARCHIVE_DB"), exc)
    if message is None:
        return False
    if storage_broken(crawler):
        return True
    crawler.stats.set_value(FAULT, message)
    logger.error("%s; stopping the crawl", message)
    from crawler.core.archive_handle import shared_archive  # imported here: archive_handle reports its commits here

    shared_archive(crawler).rollback()
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        deferred_from_coro(engine.close_spider_async(reason=REASON))
    return True


@contextmanager
def storage_guard(crawler: Any) -> Iterator[None]:
    """Around a write to the archive: a storage fault stops the crawl (`storage_failed`) instead of raising; any
    other SQLite error is raised."""
    try:
        yield
    except sqlite3.Error as exc:
        if not storage_failed(crawler, exc):
            raise
