"""How many fetched pages wait for an extraction process: the archive pipeline counts, the scheduler reads.

The scheduler uses it to choose what to fetch next. While the extraction processes have work queued, the crawl's
own process has time for pages it settles without them (hub pages: crawler/extraction/prescreen.py), so those are
fetched then; when the queue runs low, posts come first again so that no extraction process waits.
"""

from __future__ import annotations

from typing import Any

from crawler.core.per_crawler import per_crawler


class ExtractionBacklog:
    def __init__(self, processes: int) -> None:
        self.waiting = 0  # pages handed to the pool and not yet back
        # Enough queued pages that each process finds its next one at hand while the next posts download.
        self.busy_at = 4 * max(processes, 1)

    def busy(self) -> bool:
        return self.waiting >= self.busy_at


def extraction_backlog(crawler: Any) -> ExtractionBacklog:
    """This crawler's backlog counter, made by whichever component asks first."""
    return per_crawler(
        crawler, "extraction_backlog", lambda: ExtractionBacklog(crawler.settings.getint("EXTRACT_PROCESSES"))
    )
