"""Site jobs: what `crawl`, `schedule` and `run-due` put in the broker with --broker, for any worker to crawl.

A job is one `blogarchive crawl`: its name, start URLs and options (everything but --db; the worker crawls into a
scratch archive of its own and relays the writes), and what the archive holds of the site's posts (URL, last fetch,
gone), so that the worker's crawl recrawls as a crawl next to the archive would.

While a job is queued or running, the broker holds a key `blogarchive.job:NAME` (set when queued, removed when the
job ends, expiring after a day in any case), so a scheduler that passes every few minutes does not queue a site
again while its last job waits or runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kombu.exceptions import OperationalError

from archive import ArchiveError
from archive.pages import site_of
from archive.readonly import connect_readonly
from archive.relayed import site_posts
from crawler.distributed.engine import CRAWL_TASK, SITES_QUEUE, make_app
from crawler.errors import BrokerError

MARK_SECONDS = 24 * 3600
ENQUEUE_RETRY = {"max_retries": 3, "interval_start": 0.5, "interval_step": 1.0, "interval_max": 2.0}


@dataclass(frozen=True)
class SiteJob:
    name: str
    urls: tuple[str, ...]
    options: tuple[str, ...]  # `blogarchive crawl` options, --job NAME among them
    archived: bytes = b""  # the sites' posts in the archive (archive.relayed.site_posts), when it could be read

    def as_arguments(self) -> list[object]:
        return [self.name, list(self.urls), list(self.options), self.archived]


def archived_posts(db: Path, urls: Sequence[str]) -> bytes:
    """What the archive at `db` holds of the sites of `urls`, for the worker's crawl; b"" without an archive."""
    if not db.is_file():
        return b""
    try:
        with closing(connect_readonly(db)) as conn:
            return site_posts(conn, sorted({site_of(url) for url in urls}))
    except (ArchiveError, sqlite3.Error):
        return b""  # not an archive we can read: the worker's crawl fetches everything


def mark(job: str) -> str:
    return f"blogarchive.job:{job}"


def enqueue(broker: str, jobs: Sequence[SiteJob]) -> list[bool]:
    """Queue each job unless it is queued or running already; for each, whether it was queued. BrokerError when the
    broker cannot be reached."""
    app = make_app(broker)
    queued = []
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0.5)
            client = connection.default_channel.client
            for job in jobs:
                now = datetime.now(UTC).isoformat(timespec="seconds")
                if not client.set(mark(job.name), now, nx=True, ex=MARK_SECONDS):
                    queued.append(False)
                    continue
                try:
                    app.send_task(
                        CRAWL_TASK, args=job.as_arguments(), queue=SITES_QUEUE, retry=True, retry_policy=ENQUEUE_RETRY
                    )
                except BaseException:
                    client.delete(mark(job.name))
                    raise
                queued.append(True)
    except (OperationalError, OSError) as exc:
        raise BrokerError(f"cannot reach the broker at {broker} ({exc}); is Redis running there?") from exc
    return queued


def queued_since(broker: str, job: str) -> str | None:
    """When the job was queued, while it is queued or running; else None."""
    app = make_app(broker)
    with app.connection_for_write() as connection:
        value = connection.default_channel.client.get(mark(job))
    return value.decode() if value else None
