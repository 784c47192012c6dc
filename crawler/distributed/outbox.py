"""A crawl's writes on their way to the archive's writer: units packed as they come, sent in bounded batches.

A batch leaves when it holds RELAY_BATCH_UNITS units or RELAY_BATCH_BYTES bytes, and at every commit of the
crawl's own (scratch) archive — before that commit, so the crawl's frontier counts a page done only once what it
produced is in the broker. While the writer has RELAY_MAX_QUEUED batches waiting, the crawl waits: the broker's
memory stays bounded however far behind the writer is. Publishing retries for about two minutes (a broker
restart); past that RelayFailed, and the crawl ends as if killed: its job is crawled again.
"""

from __future__ import annotations

import logging
import socket
import time
import uuid
from typing import Any

from kombu.exceptions import OperationalError

from archive.relayed import pack_unit
from crawler.distributed.engine import WRITE_TASK, WRITES_QUEUE, make_app
from crawler.errors import RelayFailed

logger = logging.getLogger(__name__)

# kombu's publish retries: 0.5 s, then 1 s more each time up to 5 s between tries, 30 tries (~2 minutes).
RETRY_POLICY = {"max_retries": 30, "interval_start": 0.5, "interval_step": 1.0, "interval_max": 5.0}


class Outbox:
    def __init__(self, broker: str, run_key: str, max_units: int, max_bytes: int, max_queued: int) -> None:
        self.app = make_app(broker, "writes")
        self.broker = broker
        self.run_key = run_key or uuid.uuid4().hex
        self.max_units, self.max_bytes, self.max_queued = max_units, max_bytes, max_queued
        self.run: dict[str, Any] | None = None
        self.units: list[bytes] = []
        self.size = 0
        self.sent = 0  # batches

    def open_run(self, start_urls: list[str], job: str | None) -> None:
        """The crawl started: its run appears in the archive with the first batch, sent now."""
        self.run = {"key": self.run_key, "job": job, "start_urls": start_urls, "worker": socket.gethostname()}
        self.flush(force=True)

    def add(self, calls: list[tuple[str, tuple[Any, ...]]]) -> None:
        packed = pack_unit(calls)
        self.units.append(packed)
        self.size += len(packed)
        if len(self.units) >= self.max_units or self.size >= self.max_bytes:
            self.flush()

    def flush(self, force: bool = False) -> None:
        if self.run is None or not (self.units or force):
            return
        self._wait_for_writer()
        batch = {"id": uuid.uuid4().hex, "run": self.run, "units": self.units}
        try:
            self.app.send_task(WRITE_TASK, args=[batch], queue=WRITES_QUEUE, retry=True, retry_policy=RETRY_POLICY)
        except (OperationalError, OSError) as exc:
            raise RelayFailed(f"cannot hand the crawl's results to the broker at {self.broker}: {exc}") from exc
        self.units, self.size = [], 0
        self.sent += 1

    def _wait_for_writer(self) -> None:
        """Hold the crawl while the writer is RELAY_MAX_QUEUED batches behind (it is down, or slower)."""
        told = False
        while (waiting := self._queued()) >= self.max_queued:
            if not told:
                logger.warning("the archive's writer has %d batches waiting; the crawl waits for it", waiting)
                told = True
            time.sleep(1)

    def _queued(self) -> int:
        try:
            with self.app.connection_for_write() as connection:
                return int(connection.default_channel.client.llen(WRITES_QUEUE))
        except (OperationalError, OSError):
            return 0  # the publish that follows retries, and says so if the broker stays away
