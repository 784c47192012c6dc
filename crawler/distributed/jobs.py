"""Site jobs: what `crawl`, `schedule` and `run-due` put in the broker with --broker, for any worker to crawl.

A job is one `blogarchive crawl`: its name, start URLs and options (everything but --db; the worker crawls into a
scratch archive of its own and relays the writes). While a job is queued or running, the broker holds a key
`blogarchive.job:NAME` (set when queued, removed when the job ends, expiring after a day in any case), so a
scheduler that passes every few minutes does not queue a site again while its last job waits or runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from kombu.exceptions import OperationalError

from crawler.distributed.engine import CRAWL_TASK, SITES_QUEUE, BrokerError, make_app

MARK_SECONDS = 24 * 3600
ENQUEUE_RETRY = {"max_retries": 3, "interval_start": 0.5, "interval_step": 1.0, "interval_max": 2.0}


@dataclass(frozen=True)
class SiteJob:
    name: str
    urls: tuple[str, ...]
    options: tuple[str, ...]  # `blogarchive crawl` options, --job NAME among them

    def as_arguments(self) -> list[object]:
        return [self.name, list(self.urls), list(self.options)]


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
                    app.send_task(CRAWL_TASK, args=job.as_arguments(), queue=SITES_QUEUE, retry=True,
                                  retry_policy=ENQUEUE_RETRY)  # fmt: skip
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
