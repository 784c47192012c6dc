"""`blogarchive writer`'s task: apply each batch the crawls relay to the one archive (archive/relayed.py).

The writer is a Celery worker of one process and one thread (the solo pool) on the writes queue, so the archive
keeps a single writer connection. A batch is acknowledged to the broker only after its transaction committed; one
the archive cannot take now (locked by another program for longer than SQLite's 30 s wait, disk full) goes back to
the head of the queue and is tried again, while the crawls wait for the writer (RELAY_MAX_QUEUED).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from typing import Any

from celery import Celery
from celery.exceptions import Reject

from archive import Archive
from archive.relayed import apply_batch
from crawler.distributed.engine import WRITE_TASK

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
