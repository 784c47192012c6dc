"""`python -m bench.distributed`: many blogs over workers, 1 worker against 3, and what the single writer takes.

Twelve copies of the sample blog, each served on its own port of 127.0.0.1 and crawled politely (one request at a
time, DOWNLOAD_DELAY apart): latency-bound, as real crawls of many blogs are. A Redis of our own
(scripts/redis.sh), one `blogarchive writer` and N `blogarchive worker` processes (each standing for a machine,
crawling --concurrency sites at once); the twelve site jobs are queued and the clock runs until the writer has
recorded all twelve runs finished. Then the same with 3 workers, into a new archive: the posts/s ratio and the two
archives' contents (URL and content hash of every post) are compared.

Last, the writer alone: three workers crawl the twelve blogs without politeness and no writer running, so every
batch waits in Redis; then a writer starts and drains them. That is the single writer's ceiling (pages and bytes
per second) that the sizing in docs/distributed.md uses, and Redis's peak memory with all of it queued.
Prints a table and writes bench-results/distributed.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import redis

from bench.rss import PeakSampler
from crawler.demo.server import DemoSite, serve
from crawler.distributed.jobs import SiteJob, enqueue
from crawler.distributed.worker import handed_over

RESULTS = Path("bench-results")
REDIS_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "redis.sh"
TARGET = 2.5  # 3 workers' posts/s over 1 worker's


def politeness(delay: float) -> tuple[str, ...]:
    settings = ("AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=1", f"DOWNLOAD_DELAY={delay}")
    return tuple(arg for setting in settings for arg in ("-s", setting))


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    started = subprocess.run(["bash", str(REDIS_SCRIPT), "start", str(folder)], capture_output=True, text=True)
    if started.returncode != 0:
        sys.exit(f"cannot start Redis: {started.stderr.strip()}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(REDIS_SCRIPT), "stop", str(folder)], capture_output=True)


class Roles:
    """The writer and worker processes of one measurement; each in its own session, stopped with everything it
    started at the end."""

    def __init__(self, broker: str, folder: Path) -> None:
        self.broker, self.folder = broker, folder
        self.processes: list[subprocess.Popen[bytes]] = []
        self.samplers: list[PeakSampler] = []

    def start(self, role: str, *options: str) -> None:
        log = open(self.folder / f"{role}-{len(self.processes)}.log", "wb")  # noqa: SIM115 (the process keeps it)
        command = [sys.executable, "-m", "crawler", role, "--broker", self.broker, *options]
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.processes.append(process)
        self.samplers.append(PeakSampler(process.pid).__enter__())

    def wait_ready(self) -> None:
        """Until every Celery worker has said it is ready (its start-up is not the crawl's time)."""
        for number in range(len(self.processes)):
            log = next(self.folder.glob(f"*-{number}.log"))
            wait(lambda log=log: b" ready." in log.read_bytes(), f"{log.name} to be ready", 60)

    def stop(self) -> dict[str, float]:
        """Stop everything. For each kind of role, its crawls and extraction processes included: the peak RSS of
        one process (`ROLE_rss_mb`) and the CPU seconds of all (`ROLE_cpu_s`)."""
        figures: dict[str, float] = {}
        for process, sampler in zip(self.processes, self.samplers, strict=True):
            sampler.__exit__(None, None, None)
            role = process.args[3]
            figures[f"{role}_rss_mb"] = max(figures.get(f"{role}_rss_mb", 0.0), sampler.peak / 2**20)
            figures[f"{role}_cpu_s"] = figures.get(f"{role}_cpu_s", 0.0) + cpu_seconds(process.pid)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        return figures


def cpu_seconds(pid: int) -> float:
    """User and system CPU of a live process and of the children it has waited for (its crawls, theirs)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def wait(condition: object, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            sys.exit(f"gave up waiting for {what}")
        time.sleep(0.1)


def query(db: Path, sql: str) -> list[tuple]:
    if not db.exists():
        return []
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()


def jobs(bases: list[str], options: tuple[str, ...]) -> list[SiteJob]:
    return [SiteJob(f"blog-{n}", (base,), ("--job", f"blog-{n}", *options)) for n, base in enumerate(bases)]


def measure(broker: str, folder: Path, bases: list[str], workers: int, concurrency: int, delay: float) -> dict:
    """One measurement: a writer, `workers` workers, all sites queued; until the archive has every run finished."""
    redis.Redis.from_url(broker).flushall()
    db = folder / f"{workers}-workers.db"
    roles = Roles(broker, folder / f"{workers}-workers")
    roles.folder.mkdir()
    roles.start("writer", "--db", str(db))
    for _ in range(workers):
        roles.start("worker", "--concurrency", str(concurrency), "--state-dir", str(roles.folder / "state"))
    roles.wait_ready()
    started = time.perf_counter()
    enqueue(broker, jobs(bases, politeness(delay)))
    finished = "SELECT count(*) FROM crawl_runs WHERE status = 'finished'"
    wait(lambda: query(db, finished) == [(len(bases),)], f"{len(bases)} finished runs", 1800)
    seconds = time.perf_counter() - started
    figures = roles.stop()
    [(posts, pages)] = query(db, "SELECT sum(articles_new), sum(pages_fetched) FROM crawl_runs")
    [(batches,)] = query(db, "SELECT count(*) FROM relay_batches")
    contents = query(db, "SELECT url, content_hash FROM articles ORDER BY url")
    return {
        "workers": workers,
        "seconds": seconds,
        "posts": posts,
        "pages": pages,
        "posts_per_s": posts / seconds,
        "batches": batches,
        **figures,
        "contents": contents,
    }


def writer_ceiling(broker: str, folder: Path, bases: list[str], concurrency: int) -> dict:
    """Three workers crawl every site with no writer running; then one writer drains what they queued."""
    client = redis.Redis.from_url(broker)
    client.flushall()
    db = folder / "drain.db"
    roles = Roles(broker, folder / "drain")
    roles.folder.mkdir()
    for _ in range(3):
        roles.start("worker", "--concurrency", str(concurrency), "--state-dir", str(roles.folder / "state"))
    enqueue(broker, jobs(bases, ("-s", "RELAY_MAX_QUEUED=1000000")))  # nothing drains the queue yet
    # A job ends once the writer applied its batches: the workers have crawled every site when each crawl ended its run
    wait(lambda: handed_over(roles.folder / "state") == len(bases), "the workers to crawl every site", 1800)
    batches = client.llen("blogarchive.writes")
    queued_bytes = sum(len(message) for message in client.lrange("blogarchive.writes", 0, -1))
    redis_peak = int(client.info("memory")["used_memory_peak"])
    roles.start("writer", "--db", str(db))
    roles.wait_ready()
    started = time.perf_counter()
    wait(lambda: query(db, "SELECT count(*) FROM relay_batches") == [(batches,)], "the writer to drain", 1800)
    seconds = time.perf_counter() - started
    roles.stop()
    [(pages, posts)] = query(db, "SELECT sum(pages_fetched), sum(articles_new) FROM crawl_runs")
    return {
        "batches": batches,
        "queued_mb": queued_bytes / 2**20,
        "redis_peak_mb": redis_peak / 2**20,
        "seconds": seconds,
        "pages": pages,
        "posts": posts,
        "pages_per_s": pages / seconds,
        "mb_per_s": queued_bytes / 2**20 / seconds,
        "archive_mb": db.stat().st_size / 2**20,
    }


def report(one: dict, three: dict, drain: dict, args: argparse.Namespace) -> str:
    ratio = three["posts_per_s"] / one["posts_per_s"]
    same = one["contents"] == three["contents"]
    lines = [
        f"{args.sites} blogs of {one['posts'] // args.sites} posts, one request at a time, {args.delay} s apart;"
        f" each worker crawls {args.concurrency} sites at once",
        "",
        "| workers | seconds | pages | posts | posts/s | batches | worker peak RSS (MB) | workers' CPU per page (ms)"
        " | writer's CPU per page (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in (one, three):
        lines.append(
            f"| {row['workers']} | {row['seconds']:.1f} | {row['pages']} | {row['posts']} |"
            f" {row['posts_per_s']:.2f} | {row['batches']} | {row['worker_rss_mb']:.0f} |"
            f" {row['worker_cpu_s'] / row['pages'] * 1000:.0f} |"
            f" {row['writer_cpu_s'] / row['pages'] * 1000:.1f} |"
        )
    lines += [
        "",
        f"3 workers / 1 worker: {ratio:.2f}x posts/s (target >= {TARGET}: {'met' if ratio >= TARGET else 'NOT met'})",
        f"same archive contents (URL and content hash of all {len(one['contents'])} posts): {'yes' if same else 'NO'}",
        "",
        f"writer alone: {drain['batches']} batches ({drain['queued_mb']:.1f} MB) of {drain['pages']} pages and"
        f" {drain['posts']} posts applied in {drain['seconds']:.2f} s: {drain['pages_per_s']:.0f} pages/s,"
        f" {drain['mb_per_s']:.1f} MB/s; Redis peak memory {drain['redis_peak_mb']:.1f} MB with all of it queued;"
        f" archive {drain['archive_mb']:.1f} MB",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=12)
    parser.add_argument("--delay", type=float, default=0.5, help="DOWNLOAD_DELAY between a site's requests (s)")
    parser.add_argument("--concurrency", type=int, default=2, help="sites each worker crawls at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-distributed-") as temporary, ExitStack() as stack:
        folder = Path(temporary)
        broker = stack.enter_context(redis_server(folder / "redis"))
        bases = [stack.enter_context(serve(DemoSite())) for _ in range(args.sites)]
        one = measure(broker, folder, bases, 1, args.concurrency, args.delay)
        three = measure(broker, folder, bases, 3, args.concurrency, args.delay)
        drain = writer_ceiling(broker, folder, bases, args.concurrency)
    text = report(one, three, drain, args)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "distributed.md").write_text(text + "\n")
    summary = {"one": one, "three": three, "writer": drain, "ratio": three["posts_per_s"] / one["posts_per_s"]}
    for row in (summary["one"], summary["three"]):
        row["contents"] = len(row["contents"])
    (RESULTS / "distributed.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
