"""When a site is due, and its crawl run as a child process (`python -m crawler crawl … --job NAME`).

All state lives in the archive, so a cron-driven `run-due` and a long-lived `schedule` agree: a site is due when
the first cron time (UTC) after its last run's start has passed; never run, or its last run interrupted (stopped,
killed), means due now — the crawl resumes by job name. A failed run waits for the next cron time like any
other. One crawl per site at a time, across processes: an exclusive lock file per site next to the archive
(`archive.db.locks/NAME.lock`), held by the child itself, and no start while a live run holds the job.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from croniter import croniter

from archive import Archive
from archive.runs import process_alive
from crawler.alerts.webhook import WEBHOOK_ENV
from crawler.archivist.sites import Site
from crawler.errors import EXIT_INCOMPLETE, BlogarchiveError
from crawler.members.session import HEADERS_ENV

logger = logging.getLogger("blogarchive.schedule")

OUTPUT_KEPT = 2000  # characters of a crashed crawl's output recorded in crawl_errors


@dataclass(frozen=True)
class LastRun:
    """A job's latest crawl_runs row."""

    id: int
    started: datetime
    status: str
    pid: int | None
    articles_new: int
    articles_updated: int
    errors: int

    @property
    def live(self) -> bool:
        return self.status == "running" and process_alive(self.pid)

    @property
    def interrupted(self) -> bool:
        """Stopped, or killed (marked 'interrupted' by the next crawl, or still 'running' with a dead pid)."""
        return self.status in ("shutdown", "interrupted") or (self.status == "running" and not self.live)


def last_runs(db: Path) -> dict[str, LastRun]:
    """The latest run of each job in the archive ({} when there is no archive yet). Read-only."""
    if not db.is_file():
        return {}
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT id, started, status, pid, articles_new, articles_updated, errors, job FROM crawl_runs"
            " WHERE id IN (SELECT max(id) FROM crawl_runs WHERE job IS NOT NULL GROUP BY job)"
        ).fetchall()
    except sqlite3.OperationalError:  # an archive from before crawl_runs had a job column
        return {}
    finally:
        connection.close()
    return {row[-1]: LastRun(row[0], datetime.fromisoformat(row[1]), *row[2:-1]) for row in rows}


def next_due(site: Site, last: LastRun | None, now: datetime) -> datetime:
    """When the site is next due (`now` if it is due now)."""
    if last is None or last.interrupted:
        return now
    return croniter(site.schedule, last.started.astimezone(UTC)).get_next(datetime)


@contextmanager
def site_lock(db: Path, name: str) -> Iterator[int | None]:
    """An fd holding the site's exclusive lock, or None when another process holds it. The lock is released when
    every copy of the fd is closed, so a crawl child that inherits it keeps the site locked even if we die."""
    folder = db.parent / f"{db.name}.locks"
    folder.mkdir(exist_ok=True)
    fd = os.open(folder / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        yield None
        return
    try:
        yield fd
    finally:
        os.close(fd)


def crawl_command(site: Site, db: Path) -> list[str]:
    return [sys.executable, "-m", "crawler", "crawl", *site.urls, "--db", str(db), "--quiet", *crawl_options(site)]


def crawl_environment(site: Site) -> dict[str, str]:
    """The crawl process's environment: ours, and the site's extra headers and webhook (never on its command line,
    which anyone may read in `ps`)."""
    environment = {key: value for key, value in os.environ.items() if key not in (HEADERS_ENV, WEBHOOK_ENV)}
    if site.headers:
        environment[HEADERS_ENV] = json.dumps(list(site.headers))
    if site.webhook:
        environment[WEBHOOK_ENV] = site.webhook
    return environment


def crawl_options(site: Site) -> list[str]:
    """The site's `blogarchive crawl` options: its job name, scope, budget, politeness, cookies file and changes feed
    (no --db; its headers and webhook go through the environment, crawl_environment)."""
    command = ["--job", site.name]
    command += [arg for pattern in site.allow for arg in ("--allow", pattern)]
    command += [arg for pattern in site.deny for arg in ("--deny", pattern)]
    if site.max_pages:
        command += ["--max-pages", str(site.max_pages)]
    if site.user_agent:
        command += ["--user-agent", site.user_agent]
    if site.media:
        command += ["--media", str(site.media)]
    if site.warc:
        command += ["--warc", str(site.warc)]
    if site.requisites:
        command.append("--requisites")
    if site.cookies:
        command += ["--cookies", str(site.cookies)]
    if site.changes_feed:
        command += ["--changes-feed", str(site.changes_feed)]
    if site.requisite_hosts is not None:  # an empty list too: no other host
        command += ["-s", f"REQUISITES_HOSTS={','.join(site.requisite_hosts)}"]
    if site.requisite_deny_hosts:
        command += ["-s", f"REQUISITES_DENY_HOSTS={','.join(site.requisite_deny_hosts)}"]
    if site.render is not None:
        command += ["--render", site.render]
    if site.render_hosts is not None:  # an empty list too: no other host
        command += ["-s", f"RENDER_HOSTS={','.join(site.render_hosts)}"]
    politeness = {
        "DOWNLOAD_DELAY": site.download_delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": site.concurrency,
        "AUTOTHROTTLE_ENABLED": site.autothrottle,
        "ROBOTSTXT_OBEY": site.obey_robots,
    }
    settings = {name: value for name, value in politeness.items() if value is not None} | site.settings
    for name, value in settings.items():  # a list or table as JSON, which `crawl -s` reads (crawler/cli/set_option.py)
        command += ["-s", f"{name}={value if isinstance(value, str) else json.dumps(value)}"]
    return command


class Scheduler:
    """Runs due crawls one after another. SIGTERM/SIGINT: the running crawl gets SIGTERM (Scrapy then stops
    gracefully, finishing the current write), we wait for it and stop; its job resumes on the next start."""

    def __init__(self, db: Path, broker: str | None = None) -> None:
        self.db = db
        self.broker = broker  # queue due sites as jobs for `blogarchive worker` instead of crawling them here
        self.stopping = False
        self.child: subprocess.Popen[bytes] | None = None
        self.forwarded = False  # SIGTERM sent to this child: a second one would make Scrapy stop uncleanly
        self.wake = threading.Event()  # set by a signal: ends the sleep between passes at once
        self.busy: set[str] = set()  # sites skipped in the last pass because another process crawls them
        self.crawled: list[str] = []  # the sites the last pass found due
        self.incomplete: list[str] = []  # the sites of the last pass whose crawl finished with pages lost

    def handle_signals(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._stop)

    def _stop(self, signum: int, frame: object) -> None:
        logger.info("%s: stopping after the current crawl", signal.Signals(signum).name)
        self.stopping = True
        self.wake.set()
        self._forward()

    def _forward(self) -> None:
        if self.child is not None and self.child.poll() is None and not self.forwarded:
            self.child.send_signal(signal.SIGTERM)
            self.forwarded = True

    def run_forever(self, load: Callable[[], list[Site]], max_sleep: float = 60) -> None:
        """Pass after pass until stopped, sleeping until the next site is due (at most max_sleep seconds, so
        runs started by others are noticed). `load` gives the sites before each pass: sites.toml edits apply."""
        while not self.stopping:
            sites = load()
            self.run_due(sites)
            self.wake.wait(self.seconds_to_next(sites, max_sleep))

    def seconds_to_next(self, sites: list[Site], max_sleep: float) -> float:
        """Until the next site is due; at least 1 s. A busy site is rechecked after max_sleep."""
        now = datetime.now(UTC)
        runs = last_runs(self.db)
        times = [
            next_due(site, runs.get(site.name), now) for site in sites if site.enabled and site.name not in self.busy
        ]
        waits = [(due - now).total_seconds() for due in times]
        return min(max(min(waits, default=max_sleep), 1.0), max_sleep)

    def run_due(self, sites: list[Site], now_anyway: bool = False) -> list[str]:
        """One pass: crawl every enabled site that is due now (`now_anyway`: every site given, due or not).
        Returns the names of the sites whose crawl failed; `crawled` names those crawled, `incomplete` those whose
        crawl finished without archiving everything it should have (exit status EXIT_INCOMPLETE)."""
        failed = []
        self.busy.clear()
        self.crawled = []
        self.incomplete = []
        for site in sites:
            if self.stopping:
                break
            last = last_runs(self.db).get(site.name)
            now = datetime.now(UTC)
            if not now_anyway and (not site.enabled or next_due(site, last, now) > now):
                continue
            self.crawled.append(site.name)
            if last is not None and last.live:
                logger.info("%s: skipped, run %d (pid %d) is still crawling it", site.name, last.id, last.pid)
                self.busy.add(site.name)
            elif not self.run_site(site):
                failed.append(site.name)
        return failed

    def run_site(self, site: Site) -> bool:
        """Crawl one site in a child process under its lock (with a broker: queue it); False when that failed."""
        if self.broker:
            return self.queue_site(site)
        with site_lock(self.db, site.name) as lock:
            if lock is None:
                logger.info("%s: skipped, another process is crawling it", site.name)
                self.busy.add(site.name)
                return True
            with closing(Archive(self.db)) as archive:
                first_id = archive.conn.execute("SELECT coalesce(max(id), 0) FROM crawl_runs").fetchone()[0]
            started = datetime.now(UTC).isoformat(timespec="seconds")
            with tempfile.TemporaryFile() as output:
                # A session of its own: a Ctrl-C in the terminal reaches only us, and we forward one SIGTERM.
                self.child = subprocess.Popen(
                    crawl_command(site, self.db),
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    pass_fds=(lock,),
                    start_new_session=True,
                    env=crawl_environment(site),
                )
                self.forwarded = False
                if self.stopping:  # the signal came while the child was being started
                    self._forward()
                logger.info("%s: crawling (pid %d)", site.name, self.child.pid)
                code = self.child.wait()
                pid, stopped, self.child = self.child.pid, self.forwarded, None
                output.seek(0)
                tail = output.read()[-OUTPUT_KEPT:].decode("utf-8", "replace").strip()
            with closing(Archive(self.db)) as archive:
                run = record_outcome(archive, site, first_id, pid, started, code, tail, stopped)
        if run is None:
            logger.info("%s: stopped before the crawl recorded its run (exit %d)", site.name, code)
        else:
            logger.info("%s: %s", site.name, describe_outcome(self.db, run))
        if code == EXIT_INCOMPLETE:
            self.incomplete.append(site.name)
        return code in (0, EXIT_INCOMPLETE) or stopped

    def queue_site(self, site: Site) -> bool:
        """Queue the site's crawl on the broker, unless its last job is still queued or running there."""
        from crawler.distributed.jobs import SiteJob, archived_posts, enqueue

        assert self.broker is not None
        if site.cookies or site.headers:
            logger.error(
                "%s: not queued: its cookies and headers cannot be used with --broker (the session would travel to"
                " the worker machines); crawl this site without --broker",
                site.name,
            )
            return False
        if site.webhook or site.changes_feed:
            logger.error(
                "%s: not queued: its webhook and changes feed cannot be used with --broker (the workers' crawls do"
                " not write the archive); crawl this site without --broker",
                site.name,
            )
            return False
        if site.media:
            logger.error(
                "%s: not queued: media = %s cannot be used with --broker (images would stay on the"
                " worker machines); crawl this site without --broker",
                site.name,
                site.media,
            )
            return False
        try:
            job = SiteJob(site.name, site.urls, tuple(crawl_options(site)), archived_posts(self.db, site.urls))
            queued = enqueue(self.broker, [job])[0]
        except BlogarchiveError as exc:
            logger.error("%s: not queued: %s", site.name, exc)
            return False
        if queued:
            logger.info("%s: queued for the workers", site.name)
        else:
            logger.info("%s: skipped, its last job is still queued or running", site.name)
        self.busy.add(site.name)
        return True


def describe_outcome(db: Path, run: dict[str, Any]) -> str:
    """`run 3 failed: 0 new, 0 updated, 1 error; first: URL: connection refused (is the server running?)`."""
    errors = run["errors"]
    text = f"run {run['id']} {run['status']}: {run['articles_new']} new, {run['articles_updated']} updated, "
    text += f"{errors} error{'s' * (errors != 1)}"
    with closing(Archive(db)) as archive:
        first = archive.conn.execute(
            "SELECT url, message FROM crawl_errors WHERE run_id = ? ORDER BY id LIMIT 1", (run["id"],)
        ).fetchone()
        failed = archive.conn.execute(
            "SELECT kind, target, error FROM alert_deliveries WHERE run_id = ? AND status = 'failed' ORDER BY id",
            (run["id"],),
        ).fetchall()
    if errors and first is not None:
        text += f"; first: {first['url']}: {first['message']}"
    for delivery in failed:  # recorded, and said: the crawl's outcome stays the crawl's
        text += f"; change alert not delivered ({delivery['kind']} {delivery['target']}: {delivery['error']})"
    return text


def next_to_run(sites: list[Site], db: Path) -> tuple[Site, datetime] | None:
    """The enabled site due soonest, and when."""
    now, runs = datetime.now(UTC), last_runs(db)
    times = [(next_due(site, runs.get(site.name), now), site) for site in sites if site.enabled]
    if not times:
        return None
    due, site = min(times, key=lambda pair: pair[0])
    return site, due


def record_outcome(
    archive: Archive, site: Site, first_id: int, pid: int, started: str, code: int, output: str, stopped: bool
) -> dict[str, Any] | None:
    """The crawl_runs row of a child that exited with `code`. The child writes and finishes its own row; a crawl
    that archived nothing (exit 1) or crashed becomes 'failed' with its output as an error, and a child that died
    before writing any row gets one here, so every scheduled run is logged and the site waits for its next cron
    time. A child we stopped keeps what it wrote ('shutdown', or 'running' with a dead pid): it resumes next start.
    """
    runs = archive.db.table("crawl_runs")
    where = "job = ? AND pid = ? AND id > ?"
    row = next(runs.rows_where(where, [site.name, pid, first_id], order_by="id DESC", limit=1), None)
    finished = code in (0, EXIT_INCOMPLETE)  # the child finished its row (with its errors: crawl_errors)
    if row is not None and (finished or stopped or row["status"] not in ("finished", "running")):
        return row
    if stopped:
        return None
    with archive.batch():
        if row is None:
            started_row = {"started": started, "start_urls": json.dumps(list(site.urls)), "job": site.name, "pid": pid}
            row = runs.get(runs.insert(started_row).last_rowid)
        message = f"the crawl process exited with status {code}" + (f": {output}" if output else "")
        archive.record_error(row["id"], site.urls[0], message)
        finished = row["finished"] or datetime.now(UTC).isoformat(timespec="seconds")
        runs.update(row["id"], {"status": "failed", "finished": finished})
    return archive.run(row["id"])
