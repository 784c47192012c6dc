"""The crawl's one Archive connection, shared by the components that write (the frontier scheduler, the archive
pipeline and the media pipeline), and what a storage fault does to the crawl.

One connection means one writer: their writes never wait on each other's locks, and a component's write lands
in the same transaction order the reactor runs them. The scheduler opens first and is closed last by Scrapy,
but pipelines still write while it closes, so the connection is closed on `engine_stopped`, after everything; the
heavy part of closing (the last commit, the WAL checkpoint) is done on `spider_closed`, before that.
Writes are committed every ARCHIVE_COMMIT_INTERVAL seconds rather than one by one (Archive.group_commits).

A storage fault during a crawl — the disk full, the archive locked by another process past
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

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import LoopingCall

from archive import Archive
from archive.errors import storage_fault

logger = logging.getLogger(__name__)

FAULT = "blogarchive/storage_error"  # stats key: the first storage fault's one-line message
REASON = "storage_error"  # the spider's close reason, and crawl_runs.status if it can still be written
_ATTRIBUTE = "_blogarchive_archive"


def shared_archive(crawler: Any) -> Archive:
    """The Archive at ARCHIVE_DB for this crawler, opened by whichever component asks first."""
    archive = getattr(crawler, _ATTRIBUTE, None)
    if archive is None:
        archive = _open(crawler.settings)
        setattr(crawler, _ATTRIBUTE, archive)
        interval = crawler.settings.getfloat("ARCHIVE_COMMIT_INTERVAL")
        committer = LoopingCall(_commit, crawler, archive) if interval > 0 else None
        if committer is not None:
            archive.group_commits()
            committer.start(interval, now=False)

        def close() -> None:
            if committer is not None and committer.running:
                committer.stop()
            _commit(crawler, archive)  # what the last interval wrote
            archive.disconnect()
            setattr(crawler, _ATTRIBUTE, None)

        def settle() -> None:
            """The run's writes committed and the WAL copied into the file before Scrapy closes its download
            handlers on engine_stopped: their close waits on a 1 s timer that fires a second time (Twisted's
            AlreadyCalledError, a traceback on stderr) when the reactor is blocked meanwhile — as it was by this
            commit, the full-text indexing of the last posts with it, at the end of a crawl on a busy machine."""
            _commit(crawler, archive)
            if not storage_broken(crawler):
                archive.checkpoint()

        crawler.signals.connect(settle, signal=signals.spider_closed, weak=False)
        crawler.signals.connect(close, signal=signals.engine_stopped, weak=False)
    return archive


def _commit(crawler: Any, archive: Archive) -> None:
    """Commit, unless a storage fault stopped the crawl: then nothing more is written."""
    if not storage_broken(crawler):
        with storage_guard(crawler):
            archive.commit()


def _open(settings: Any) -> Archive:
    """With ARCHIVE_RELAY (a crawl on a worker machine), an archive whose writes also go to the archive's writer."""
    if settings.get("ARCHIVE_RELAY"):
        from crawler.distributed.relayed_archive import relayed_archive

        return relayed_archive(settings)
    return Archive(settings.get("ARCHIVE_DB"), settings.getfloat("ARCHIVE_BUSY_TIMEOUT"))


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
