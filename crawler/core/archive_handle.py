"""The crawl's one Archive connection, shared by the components that write: the frontier scheduler, the archive
pipeline and the media pipeline.

One connection means one writer: their writes never wait on each other's locks, and a component's write lands
in the same transaction order the reactor runs them. The scheduler opens first and is closed last by Scrapy,
but pipelines still write while it closes, so the connection is closed on `engine_stopped`, after everything.
Writes are committed every ARCHIVE_COMMIT_INTERVAL seconds rather than one by one (Archive.group_commits); a commit
that meets a storage fault stops the crawl (crawler/core/storage_faults.py).
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from twisted.internet.task import LoopingCall

from archive import Archive
from crawler.core.storage_faults import storage_broken, storage_guard

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
            archive.conn.close()
            setattr(crawler, _ATTRIBUTE, None)

        crawler.signals.connect(close, signal=signals.engine_stopped, weak=False)
    return archive


def _commit(crawler: Any, archive: Archive) -> None:
    """Commit, unless a storage fault stopped the crawl (crawler/core/storage_faults.py): then nothing more is
    written."""
    if not storage_broken(crawler):
        with storage_guard(crawler):
            archive.commit()


def _open(settings: Any) -> Archive:
    """With ARCHIVE_RELAY (a crawl on a worker machine), an archive whose writes also go to the archive's writer."""
    if settings.get("ARCHIVE_RELAY"):
        from crawler.distributed.relayed_archive import relayed_archive

        return relayed_archive(settings)
    return Archive(settings.get("ARCHIVE_DB"), settings.getfloat("ARCHIVE_BUSY_TIMEOUT"))
