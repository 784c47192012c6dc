"""`blogarchive worker`'s task: crawl one site job as `blogarchive crawl` does, relaying its writes to the writer.

The crawl runs in a child process (Scrapy's reactor starts once per process) into a scratch archive under the
worker's state folder, one per job, locked while in use. Its exit status decides what becomes of the job:

- 0, 1 or 3 (archived everything, nothing, or not everything: crawler/errors.py EXIT_INCOMPLETE): done, its errors
  relayed with its posts; the scratch archive is deleted.
- 75 (the broker could not take its results), 130/143 (stopped by a signal: the worker is shutting down): the job
  goes back to the queue (Reject, requeue); on this machine it resumes from the scratch archive's frontier.
- killed, or crashed: tried again up to 3 times, 30 s apart, then recorded as a failed run in the archive.
- 2 (the job's options are wrong): recorded as a failed run at once.
"""

from __future__ import annotations

import hashlib
import logging
import signal
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from celery import Celery, Task
from celery.exceptions import Reject
from celery.signals import worker_shutting_down

from archive import Archive
from archive.relayed import seed_posts
from crawler.archivist.scheduling import OUTPUT_KEPT, site_lock
from crawler.distributed.engine import CRAWL_TASK, make_app
from crawler.distributed.jobs import SiteJob, mark
from crawler.distributed.outbox import Outbox
from crawler.errors import EXIT_INCOMPLETE
from crawler.settings import RELAY_RESEND_AFTER as RESEND_AFTER

logger = logging.getLogger("blogarchive.worker")

DONE = (0, 1, EXIT_INCOMPLETE)
REQUEUE = (75, 130, 143)
USAGE = 2
RETRIES = 3
RETRY_DELAY = 30


@dataclass(frozen=True)
class WorkerConfig:
    broker: str
    state_dir: Path
    extract_processes: int


# The crawl processes this worker runs: on its warm shutdown (SIGTERM) each gets one SIGTERM of its own and stops
# gracefully (what it handed over is in the broker; its job goes back to the queue).
_running: set[subprocess.Popen[bytes]] = set()


def _stop_crawls(**_: Any) -> None:
    for process in list(_running):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)


def register(app: Celery, config: WorkerConfig) -> None:
    worker_shutting_down.connect(_stop_crawls, weak=False)

    @app.task(name=CRAWL_TASK, bind=True, acks_late=True, max_retries=RETRIES)
    def crawl_site(task: Task, name: str, urls: list[str], options: list[str], archived: bytes = b"") -> str:
        return run_job(task, config, SiteJob(name, tuple(urls), tuple(options), archived))


def run_job(task: Task, config: WorkerConfig, job: SiteJob) -> str:
    name, urls = job.name, list(job.urls)
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    scratch = config.state_dir / f"{digest}.db"
    with site_lock(config.state_dir / "jobs", digest) as lock:  # STATE_DIR/jobs.locks/DIGEST.lock
        if lock is None:
            logger.info("%s: already being crawled on this machine", name)
            return "busy"
        run_key = uuid.uuid4().hex
        with closing(Archive(scratch)) as archive:
            known = seed_posts(archive, job.archived)
        logger.info("%s: crawling %s (%d posts in the archive)", name, " ".join(urls), known)
        code, output = _crawl(config, scratch, run_key, urls, list(job.options))
    if code in DONE:
        _forget(config, name, scratch)
        logger.info("%s: done (exit %d)", name, code)
        return "done"
    if code in REQUEUE:
        logger.warning("%s: stopped (exit %d); back to the queue. %s", name, code, output[-300:])
        raise Reject(f"stopped with exit status {code}", requeue=True)
    if code != USAGE and task.request.retries < RETRIES:
        logger.warning("%s: the crawl process ended with status %d; trying again in %d s", name, code, RETRY_DELAY)
        raise task.retry(countdown=RETRY_DELAY)
    _record_failure(config, run_key, name, urls, f"the crawl process exited with status {code}: {output}")
    _forget(config, name, scratch)
    logger.error("%s: failed (exit %d): %s", name, code, output)
    return "failed"


def _crawl(config: WorkerConfig, scratch: Path, run_key: str, urls: list[str], options: list[str]) -> tuple[int, str]:
    command = [sys.executable, "-m", "crawler", "crawl", *urls, *options, "--db", str(scratch), "--quiet"]
    command += ["-s", f"EXTRACT_PROCESSES={config.extract_processes}"]
    command += ["-s", f"ARCHIVE_RELAY={config.broker}", "-s", f"ARCHIVE_RELAY_RUN={run_key}"]
    with tempfile.TemporaryFile() as output:
        # A session of its own: a Ctrl-C in the worker's terminal reaches the worker, which forwards one SIGTERM.
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        _running.add(process)
        try:
            code = process.wait()
        finally:
            _running.discard(process)
        output.seek(0)
        return code, output.read()[-OUTPUT_KEPT:].decode("utf-8", "replace").strip()


def handed_over(state_dir: Path) -> int:
    """How many crawls of this machine (scratch archives in `state_dir`) have ended their run: everything they
    fetched is in the broker, and they wait for the writer to apply it (crawler/distributed/outbox.py)."""
    count = 0
    for scratch in state_dir.glob("*.db"):
        connection = sqlite3.connect(f"{scratch.as_uri()}?mode=ro", uri=True)
        with closing(connection), suppress(sqlite3.OperationalError):  # a crawl that has not made its tables yet
            count += connection.execute("SELECT 1 FROM crawl_runs WHERE status = 'finished'").fetchone() is not None
    return count


def _record_failure(config: WorkerConfig, run_key: str, name: str, urls: list[str], message: str) -> None:
    """The archive learns of a crawl that could not run or kept dying: a failed run with the crawl's last output."""
    outbox = Outbox(config.broker, run_key, max_units=1, max_bytes=1, max_queued=10**9, resend_after=RESEND_AFTER)
    outbox.open_run(urls, name)
    outbox.add([("record_error", (urls[0] if urls else "", message)), ("finish_run", ("failed",))])
    outbox.settle()


def _forget(config: WorkerConfig, name: str, scratch: Path) -> None:
    """The job is over: its scratch archive goes, and the broker may queue the site again."""
    for path in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
        path.unlink(missing_ok=True)
    with make_app(config.broker).connection_for_write() as connection:
        connection.default_channel.client.delete(mark(name))
