"""A real Redis for the distributed tests (scripts/redis.sh: installed if missing, started on a free loopback port
with its own data folder, stopped after the tests), and the roles — writer, workers — as real processes."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis

from crawler.demo.server import DemoSite, serve
from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "redis.sh"


@dataclass
class Broker:
    url: str
    folder: Path
    client: redis.Redis

    def restart(self) -> None:
        """Stop Redis and start it again on the same port with the same data: a broker restart."""
        subprocess.run(["bash", str(SCRIPT), "restart", str(self.folder)], check=True, capture_output=True)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broker]:
    folder = tmp_path_factory.mktemp("redis")
    started = subprocess.run(["bash", str(SCRIPT), "start", str(folder)], capture_output=True, text=True)
    if started.returncode != 0:
        pytest.skip(f"no Redis for the distributed tests: scripts/redis.sh could not start one: {started.stderr}")
    url = started.stdout.strip().splitlines()[-1]
    try:
        yield Broker(url, folder, redis.Redis.from_url(url))
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True)


@pytest.fixture
def broker(redis_server: Broker) -> Broker:
    """The session's Redis, emptied for this test."""
    redis_server.client.flushall()
    return redis_server


class SlowSite(DemoSite):
    """The sample blog's first `posts` posts, answering each request after `delay` seconds: a crawl long enough to
    be interrupted, short enough for a test."""

    def __init__(self, delay: float, posts: int) -> None:
        super().__init__()
        self.posts = self.posts[:posts]
        self.delay = delay

    def respond(self, target: str):  # noqa: ANN201 (DemoSite's Response)
        time.sleep(self.delay)
        return super().respond(target)


@pytest.fixture
def slow_site() -> Iterator[SlowSite]:
    site = SlowSite(delay=0.04, posts=16)
    with serve(site):
        yield site


@pytest.fixture
def slower_site() -> Iterator[SlowSite]:
    """The slow site at three times its pace, for a test that must act while the crawl is still under way: at
    0.04 s a request, a loaded machine's test process polled once more after the fourth post and found the whole
    crawl archived (CI, once)."""
    site = SlowSite(delay=0.12, posts=16)
    with serve(site):
        yield site


# Job options: one request at a time at the site's own pace, small batches (many of them for the writer).
PACED = ("-s", "AUTOTHROTTLE_ENABLED=false", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "RELAY_BATCH_UNITS=2")


@dataclass
class Roles:
    """`blogarchive writer` and `blogarchive worker` processes of a test, each in a session of its own so that a
    test can kill one with everything it started; whatever is left is killed at the end."""

    broker: Broker
    folder: Path
    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def db(self) -> Path:
        return self.folder / "archive.db"

    def start(self, role: str, *options: str) -> subprocess.Popen[bytes]:
        log = open(self.folder / f"{role}-{len(self.started)}.log", "wb")  # noqa: SIM115 (the process keeps it)
        command = [sys.executable, "-m", "crawler", role, "--broker", self.broker.url, *options]
        process = subprocess.Popen(
            command, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.started.append(process)
        return process

    def writer(self, *options: str) -> subprocess.Popen[bytes]:
        return self.start("writer", "--db", str(self.db), *options)

    def worker(self, *options: str, state: str = "") -> subprocess.Popen[bytes]:
        """A worker with a state folder of its own, or the one named `state` (another worker's, the same machine)."""
        folder = self.folder / (state or f"state-{len(self.started)}")
        return self.start("worker", "--state-dir", str(folder), *options)

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        """SIGKILL to the role and every process it started (its crawls, their extraction processes) at once."""
        for pid in [process.pid, *descendants(process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.wait()

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                self.kill(process)

    def query(self, sql: str, *params: object) -> list[tuple]:
        if not self.db.exists():
            return []
        connection = sqlite3.connect(f"{self.db.as_uri()}?mode=ro", uri=True)
        try:
            return connection.execute(sql, params).fetchall()
        except sqlite3.OperationalError:  # the writer has not made its tables yet
            return []
        finally:
            connection.close()


@pytest.fixture
def roles(broker: Broker, tmp_path: Path) -> Iterator[Roles]:
    started = Roles(broker, tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, from /proc."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):
                children = [int(child) for child in (task / "children").read_text().split()]
                found += children
                stack += children
    return found


def wait_for(condition: Callable[[], object], what: str, timeout: float = 90) -> None:
    """Poll until `condition` holds; fail naming `what` after `timeout` seconds (a deadline, not a measurement)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)
