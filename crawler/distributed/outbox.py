"""A crawl's writes on their way to the archive's writer: units packed as they come, sent in bounded batches, each
kept until the writer says it applied it.

A batch leaves when it holds RELAY_BATCH_UNITS units or RELAY_BATCH_BYTES bytes, and at every commit of the
crawl's own (scratch) archive — before that commit, so the crawl's frontier counts a page done only once what it
produced is in the broker. While the writer has RELAY_MAX_QUEUED batches waiting, the crawl waits: the broker's
memory stays bounded however far behind the writer is. Publishing retries for about two minutes (a broker
restart); past that RelayFailed, and the crawl ends as if killed: its job is crawled again.

Why every batch is also kept on the worker (table relay_outbox of the scratch archive, committed with the frontier
rows it covers): a broker can lose a message it took. kombu's Redis transport pops a message and records it as
delivered in two steps, so a broker that goes away between them loses it (the writer's log says nothing; a post in
about one broker restart of a dozen, measured), and a Redis run without `appendfsync always` loses the last writes
of a crash. The writer leaves a receipt in the broker for every batch it applied (engine.receipt_key) and counts
them (engine.APPLIED_KEY); the crawl forgets a batch once it read its receipt and, when it is over, waits until
every batch it sent is applied. It sends one again when it has no receipt RELAY_RESEND_AFTER seconds after it was
sent (then twice that after the second send, and so on) and the writer is past it: the writer has applied as many
batches as stood in the queue up to this one when it was sent, or the queue is empty. So a writer that is down or
behind gets no copies, and one the broker lost is sent again however busy the queue is with other crawls'
batches. The writer applies a batch once, however many copies reach it (relay_batches).
"""

from __future__ import annotations

import logging
import socket
import sqlite3
import time
import uuid
from typing import Any

import msgpack
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

from archive.relayed import pack_unit
from crawler.distributed.engine import APPLIED_KEY, WRITE_TASK, WRITES_QUEUE, make_app, receipt_key
from crawler.errors import RelayFailed

logger = logging.getLogger(__name__)

# kombu's publish retries: 0.5 s, then 1 s more each time up to 5 s between tries, 30 tries (~2 minutes).
RETRY_POLICY = {"max_retries": 30, "interval_start": 0.5, "interval_step": 1.0, "interval_max": 5.0}
RECEIPTS_EVERY = 5.0  # seconds: how often a crawl under way reads the receipts of what it sent
BROKER_PATIENCE = 120.0  # seconds without the broker before a crawl waiting for receipts gives up (as a send does)
TOLD_EVERY = 60.0  # seconds between two log lines of a crawl waiting for its batches to be applied
BROKER_ERRORS = (OperationalError, OSError, RedisError)

SENT = """CREATE TABLE IF NOT EXISTS relay_outbox (
    batch_id TEXT PRIMARY KEY,
    batch BLOB NOT NULL,  -- msgpack, as sent
    sent_at REAL NOT NULL,  -- time.time() of the last send
    sends INTEGER NOT NULL,
    passed_at INTEGER NOT NULL  -- the writer is past the last copy sent once its APPLIED_KEY count reaches this
)"""


class Outbox:
    def __init__(
        self,
        broker: str,
        run_key: str,
        max_units: int,
        max_bytes: int,
        max_queued: int,
        resend_after: float,
    ) -> None:
        self.app = make_app(broker, "writes")
        self.broker = broker
        self.run_key = run_key or uuid.uuid4().hex
        self.max_units, self.max_bytes, self.max_queued = max_units, max_bytes, max_queued
        self.resend_after = resend_after
        self.run: dict[str, Any] | None = None
        self.units: list[bytes] = []
        self.size = 0
        self.sent = sqlite3.connect(":memory:")
        self.sent.execute(SENT)
        self.receipts_read = 0.0  # time.monotonic() of the last reading

    def keep_sent_in(self, store: sqlite3.Connection) -> None:
        """Keep the batches sent and not yet applied in `store` (the crawl's scratch archive), written in its open
        transaction: a crawl resumed on this machine still sends again what an earlier run sent and the writer
        never applied."""
        store.execute(SENT)
        store.commit()
        self.sent = store

    def open_run(self, start_urls: list[str], job: str | None, rules: str | None = None) -> None:
        """The crawl started: its run appears in the archive with the first batch, sent now; `rules`, which
        blogarchive decides its pages (crawler/core/rules.py)."""
        self.run = {"key": self.run_key, "job": job, "start_urls": start_urls, "worker": socket.gethostname()}
        self.run["rules"] = rules
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
        passed_at = self._send(batch)
        self.sent.execute(
            "INSERT INTO relay_outbox (batch_id, batch, sent_at, sends, passed_at) VALUES (?, ?, ?, 1, ?)",
            (batch["id"], msgpack.packb(batch), time.time(), passed_at),
        )
        self.units, self.size = [], 0
        if time.monotonic() - self.receipts_read >= RECEIPTS_EVERY:
            self._progress()

    def settle(self) -> None:
        """The crawl is over: return once the writer has applied every batch sent (by this run or an earlier one
        on this scratch archive), sending again each that the writer is past without applying it. RelayFailed when
        one cannot be sent, or the broker cannot be read for as long as a send is tried."""
        started = told = time.monotonic()
        broker_away = None
        while (progress := self._progress()) is None or progress[0]:
            if progress is None:
                broker_away = broker_away or time.monotonic()
                if time.monotonic() - broker_away > BROKER_PATIENCE:
                    raise RelayFailed(f"cannot read the writer's receipts at the broker at {self.broker}")
                time.sleep(1)
                continue
            broker_away = None
            unapplied, applied, queued = progress
            if time.monotonic() - told >= TOLD_EVERY:
                told = time.monotonic()
                logger.warning(
                    "%d batches of this crawl not applied by the archive's writer after %d s; waiting for it",
                    len(unapplied),
                    told - started,
                )
            for batch_id, sent_at, sends, passed_at in unapplied:
                waited = time.time() - sent_at >= self.resend_after * 2 ** (sends - 1)
                if waited and (applied >= passed_at or queued == 0):
                    self._send_again(batch_id, sends)
            self.sent.commit()
            time.sleep(0.5)
        self.sent.commit()

    def _send(self, batch: dict[str, Any]) -> int:
        """Send the batch; the writer's count of applied batches at which it is past it (0: unknown)."""
        try:
            self.app.send_task(WRITE_TASK, args=[batch], queue=WRITES_QUEUE, retry=True, retry_policy=RETRY_POLICY)
        except (OperationalError, OSError) as exc:
            raise RelayFailed(f"cannot hand the crawl's results to the broker at {self.broker}: {exc}") from exc
        try:
            with self.app.connection_for_write() as connection:
                applied, queued = (
                    connection.default_channel.client.pipeline().get(APPLIED_KEY).llen(WRITES_QUEUE).execute()
                )
        except BROKER_ERRORS:
            return 0
        return int(applied or 0) + int(queued)

    def _send_again(self, batch_id: str, sends: int) -> None:
        logger.warning("batch %s, sent %d times, is not applied; sending it again", batch_id, sends)
        [(packed,)] = self.sent.execute("SELECT batch FROM relay_outbox WHERE batch_id = ?", (batch_id,))
        passed_at = self._send(msgpack.unpackb(packed, raw=False))
        self.sent.execute(
            "UPDATE relay_outbox SET sent_at = ?, sends = sends + 1, passed_at = ? WHERE batch_id = ?",
            (time.time(), passed_at, batch_id),
        )

    def _progress(self) -> tuple[list[tuple[str, float, int, int]], int, int] | None:
        """Forget the batches whose receipts the writer left. The others (id, last sent, sends, passed_at), the
        writer's count of applied batches and the length of its queue; None while the broker cannot be read."""
        self.receipts_read = time.monotonic()
        rows = self.sent.execute("SELECT batch_id, sent_at, sends, passed_at FROM relay_outbox ORDER BY sent_at")
        rows = [tuple(row) for row in rows]
        keys = [receipt_key(row[0]) for row in rows]
        try:
            with self.app.connection_for_write() as connection:
                client = connection.default_channel.client
                applied, queued = client.pipeline().get(APPLIED_KEY).llen(WRITES_QUEUE).execute()
                receipts = client.mget(keys) if keys else []
                if done := [key for key, receipt in zip(keys, receipts, strict=True) if receipt is not None]:
                    client.delete(*done)
        except BROKER_ERRORS:
            return None
        self.sent.executemany(
            "DELETE FROM relay_outbox WHERE batch_id = ?",
            [(row[0],) for row, receipt in zip(rows, receipts, strict=True) if receipt is not None],
        )
        unapplied = [row for row, receipt in zip(rows, receipts, strict=True) if receipt is None]
        return unapplied, int(applied or 0), int(queued)

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
        except BROKER_ERRORS:
            return 0  # the publish that follows retries, and says so if the broker stays away
