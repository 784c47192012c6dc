"""The crawl's one Archive connection, shared by the components that write: the frontier scheduler, the archive
pipeline and the media pipeline.

One connection means one writer: their writes never wait on each other's locks, and a component's write lands
in the same transaction order the reactor runs them. The scheduler opens first and is closed last by Scrapy,
but pipelines still write while it closes, so the connection is closed on `engine_stopped`, after everything.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals

from archive import Archive

_ATTRIBUTE = "_blogarchive_archive"


def shared_archive(crawler: Any) -> Archive:
    """The Archive at ARCHIVE_DB for this crawler, opened by whichever component asks first."""
    archive = getattr(crawler, _ATTRIBUTE, None)
    if archive is None:
        archive = Archive(crawler.settings.get("ARCHIVE_DB"))
        setattr(crawler, _ATTRIBUTE, archive)

        def close() -> None:
            archive.close()
            setattr(crawler, _ATTRIBUTE, None)

        crawler.signals.connect(close, signal=signals.engine_stopped, weak=False)
    return archive
