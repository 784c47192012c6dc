"""`blogarchive writer`'s task: apply each batch the crawls relay to the one archive (archive/relayed.py).

The writer is a Celery worker of one process and one thread (the solo pool) on the writes queue, so the archive
keeps a single writer connection. A batch is acknowledged to the broker only after its transaction committed.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery

from archive import Archive
from archive.relayed import apply_batch
from crawler.distributed.engine import WRITE_TASK

logger = logging.getLogger("blogarchive.writer")


def register(app: Celery, archive: Archive) -> None:
    @app.task(name=WRITE_TASK, acks_late=True)
    def write_batch(batch: dict[str, Any]) -> None:
        applied = apply_batch(archive, batch)
        job = batch["run"]["job"]
        if not applied.units and batch["units"]:
            logger.info("%s: batch %s was applied before; skipped", job, batch["id"])
        if applied.failed:
            logger.error("%s: %d units could not be stored (see crawl_errors, run %d)", job, applied.failed,
                         applied.run_id)  # fmt: skip
        if applied.finished:
            run = archive.run(applied.run_id)
            logger.info(
                "%s: run %d %s: %d pages, %d new, %d updated, %d errors", job, run["id"], run["status"],
                run["pages_fetched"], run["articles_new"], run["articles_updated"], run["errors"],
            )  # fmt: skip
