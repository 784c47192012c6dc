"""`blogarchive writer`'s task: apply each batch the crawls relay to the one archive (archive/relayed.py).

The writer is a Celery worker of one process and one thread (the solo pool) on the writes queue, so the archive
keeps a single writer connection. A batch is acknowledged to the broker only after its transaction committed, and
a receipt is left for the crawl that sent it (which sends again a batch that gets none: the broker may lose one);
one the archive cannot take now (locked by another program for longer than SQLite's 30 s wait, disk full) goes back to
the head of the queue and is tried again, while the crawls wait for the writer (RELAY_MAX_QUEUED).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from typing import Any

from celery import Celery
from celery.exceptions import Reject
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

from archive import Archive
from archive.relayed import apply_batch
from crawler.distributed.engine import APPLIED_KEY, RECEIPT_SECONDS, WRITE_TASK, receipt_key

logger = logging.getLogger("blogarchive.writer")

RETRY_DELAY = 5  # seconds before a batch the archive could not take is tried again


def register(app: Celery, archive: Archive) -> None:
    @app.task(name=WRITE_TASK, acks_late=True)
    def write_batch(batch: dict[str, Any]) -> None:
        try:
            applied = apply_batch(archive, batch)
        except sqlite3.OperationalError as exc:
            logger.error(
                "cannot write %s now (%s); the batch goes back to the queue, next try in %d s",
                archive.path,
                exc,
                RETRY_DELAY,
            )
            time.sleep(RETRY_DELAY)
            raise Reject(str(exc), requeue=True) from exc
        _leave_receipt(app, batch["id"])
        job = batch["run"]["job"]
        if not applied.units and batch["units"]:
            logger.info("%s: batch %s was applied before; skipped", job, batch["id"])
        if applied.failed:
            logger.error(
                "%s: %d units could not be stored (see crawl_errors, run %d)", job, applied.failed, applied.run_id
            )
        if applied.finished:
            run = archive.run(applied.run_id)
            logger.info(
                "%s: run %d %s: %d pages, %d new, %d updated, %d errors",
                job,
                run["id"],
                run["status"],
                run["pages_fetched"],
                run["articles_new"],
                run["articles_updated"],
                run["errors"],
            )


def _leave_receipt(app: Celery, batch_id: str) -> None:
    """Tell the crawl that sent the batch that it is applied, and count it (the crawls' measure of how far the
    writer has gone: crawler/distributed/outbox.py). Without the broker, the crawl sends the batch again later; it
    is skipped as applied then, and its receipt left."""
    try:
        with app.connection_for_write() as connection:
            pipe = connection.default_channel.client.pipeline()
            pipe.set(receipt_key(batch_id), 1, ex=RECEIPT_SECONDS).incr(APPLIED_KEY).execute()
    except (OperationalError, OSError, RedisError) as exc:
        logger.warning(
            "batch %s is applied; its receipt could not be left (%s), so its crawl sends it again", batch_id, exc
        )
