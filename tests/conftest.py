"""Shared test helpers: the sample blog served on 127.0.0.1 and crawls run as real child processes.

Each crawl runs in its own process because Scrapy's reactor starts once per process — exactly how users run it.
"""

from __future__ import annotations

import re
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.demo.server import DemoSite, serve
from crawler.errors import EXIT_INCOMPLETE

REPO = Path(__file__).resolve().parent.parent


# The `site` fixture's sample blog has the faults a real blog has: /broken/ answers HTTP 500 and /empty/ an empty
# page, so a crawl of it archives less than it should and exits so.
FAULTS_EXIT = EXIT_INCOMPLETE


@pytest.fixture
def site() -> Iterator[DemoSite]:
    demo = DemoSite(faults=True)
    with serve(demo):
        yield demo


def pytest_configure(config: pytest.Config) -> None:
    """A test run stopped by SIGTERM or SIGHUP (a CI timeout, a closed terminal) unwinds as after Ctrl-C: pytest
    tears its fixtures down, whose finally blocks stop the servers, Redis, writers and workers they started. Python's
    own answer to those signals ends the process at once, and the processes in sessions of their own ran on."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.default_int_handler)


def run_cli(*args: str, cwd: Path = REPO, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def archive_rows(db: Path, sql: str, *params: object) -> list[tuple]:
    """The rows `sql` reads from the archive at `db`, the connection closed after."""
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def crawl_summary(base: str, db: Path) -> dict[str, str]:
    """Crawl `base` into `db` (extraction in the crawl's own process), asserting exit 0; the summary's rows."""
    crawled = run_cli("crawl", base, "--db", str(db), "-s", "EXTRACT_PROCESSES=0")
    assert crawled.returncode == 0, crawled.stdout + crawled.stderr
    return dict(re.findall(r"│ ([^│]+?) +│ ([^│]+?) +│", crawled.stdout))


def unused_port() -> int:
    """A port nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def crawl(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """crawl(url, *options) into tmp_path/archive.db, quietly, with one extraction process to spare the CPU."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("crawl", *args, "--db", str(tmp_path / "archive.db"), "--quiet", "-s", "EXTRACT_PROCESSES=1")

    return run


@pytest.fixture
def db(tmp_path: Path) -> Callable[[str], list[tuple]]:
    def query(sql: str, *params: object) -> list[tuple]:
        connection = sqlite3.connect(tmp_path / "archive.db")
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    return query


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample blog crawled twice (one post edited and one author's bio rewritten in between, so article_versions
    and author_versions have a row): shared, read-only, by the docs-example and analyst tests."""
    path = tmp_path_factory.mktemp("demo") / "archive.db"
    site = DemoSite()
    with serve(site):
        options = ("--db", str(path), "--quiet", "-s", "EXTRACT_PROCESSES=1")
        assert run_cli("crawl", site.base, *options).returncode == 0
        site.edit_post("winter-squash-soup", paragraph="Update: a pinch of smoked paprika works well too.")
        site.edit_author(
            "jane-holloway", bio="Jane writes about food, tests every recipe three times and edits the blog."
        )
        assert run_cli("crawl", site.base, *options).returncode == 0
    return path


@dataclass(frozen=True)
class DemoCapture:
    db: Path
    warc: Path
    posts: list[tuple[str, str]]  # (URL, title) of every post
    base: str  # the sample blog's address, no longer served


@pytest.fixture(scope="session")
def demo_capture(tmp_path_factory: pytest.TempPathFactory) -> DemoCapture:
    """The sample blog crawled with --warc --requisites (its server then stopped): shared, read-only, by the WACZ
    and replay tests."""
    folder = tmp_path_factory.mktemp("capture")
    site = DemoSite()
    with serve(site):
        options = ("--db", str(folder / "archive.db"), "--warc", str(folder / "warc"), "--requisites", "--quiet")
        result = run_cli("crawl", site.base, *options, "-s", "EXTRACT_PROCESSES=1")
        assert result.returncode == 0, result.stderr
    return DemoCapture(folder / "archive.db", folder / "warc", site.expected_posts(), site.base)
