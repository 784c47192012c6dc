"""`blogarchive worker` (crawl site jobs from the broker, on any number of machines) and `blogarchive writer`
(the archive's single writer, applying what the workers relay)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import click

from archive import Archive, ArchiveError
from archive.relayed import prepare
from crawler.archivist.scheduling import site_lock
from crawler.cli import options
from crawler.distributed import worker as site_worker
from crawler.distributed import writer as archive_writer
from crawler.distributed.engine import (
    SITE_REDELIVERY,
    SITES_QUEUE,
    WRITE_REDELIVERY,
    WRITES_QUEUE,
    check_reachable,
    make_app,
)
from crawler.errors import BrokerError


def _redeliver_option(default: float, what: str) -> object:
    return click.option(
        "--redeliver-after",
        type=click.FloatRange(min=1),
        default=default,
        show_default=True,
        metavar="SECONDS",
        help=f"{what} whose process vanished is handed out again after this many seconds from its delivery.",
    )


def _start(app: object, broker: str) -> None:
    try:
        check_reachable(app, broker)
    except BrokerError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@options.BROKER_OPTION
@click.option(
    "--concurrency",
    "-c",
    type=click.IntRange(min=1),
    default=4,
    show_default=True,
    help="Sites crawled at once on this machine.",
)
@click.option(
    "--state-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("worker-state"),
    show_default=True,
    help="Scratch archives of the jobs in progress (resumed from here).",
)
@click.option(
    "--extract-processes",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Extraction processes per site crawl (EXTRACT_PROCESSES; 0: a thread of the crawl).",
)
@_redeliver_option(SITE_REDELIVERY, "A site job")
def worker(broker: str, concurrency: int, state_dir: Path, extract_processes: int, redeliver_after: float) -> None:
    """Crawl the site jobs queued on the broker, CONCURRENCY at a time, until SIGTERM or Ctrl-C.

    Each job is crawled as `blogarchive crawl` would, and every write goes to the archive's writer through the
    broker. Run as many workers as you like, on as many machines.
    """
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"cannot use {state_dir} as the worker's state folder: {exc.strerror}") from exc
    app = make_app(broker, "sites", redeliver_after)
    _start(app, broker)
    site_worker.register(app, site_worker.WorkerConfig(broker, state_dir.resolve(), extract_processes))
    app.worker_main(
        [
            "worker",
            "--queues",
            SITES_QUEUE,
            "--pool",
            "threads",
            "--concurrency",
            str(concurrency),
            "--loglevel",
            "INFO",
            "--hostname",
            f"blogarchive-worker-{os.getpid()}@%h",
            "--without-gossip",
            "--without-mingle",
        ]
    )


@click.command()
@options.BROKER_OPTION
@options.DB_OPTION
@_redeliver_option(WRITE_REDELIVERY, "A batch")
def writer(broker: str, db: Path, redeliver_after: float) -> None:
    """Write what the workers crawl into the archive --db, until SIGTERM or Ctrl-C: its single writer.

    Each batch is applied in one transaction and acknowledged to the broker after it committed; one
    applied before (delivered twice) is skipped.
    """
    try:
        archive = Archive(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    with site_lock(db, "blogarchive.writer") as lock:  # a dot: no site of sites.toml has this name
        if lock is None:
            archive.close()
            raise click.ClickException(f"another `blogarchive writer` is writing {db}; one writer per archive")
        archive.group_commits()
        prepare(archive)
        app = make_app(broker, "writes", redeliver_after)
        _start(app, broker)
        archive_writer.register(app, archive)
        logging.getLogger("blogarchive.writer").setLevel(logging.INFO)
        try:
            app.worker_main(
                [
                    "worker",
                    "--queues",
                    WRITES_QUEUE,
                    "--pool",
                    "solo",
                    "--loglevel",
                    "INFO",
                    "--hostname",
                    f"blogarchive-writer-{os.getpid()}@%h",
                    "--without-gossip",
                    "--without-mingle",
                ]
            )
        finally:
            archive.close()
