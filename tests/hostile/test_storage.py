"""Storage faults: a full disk, an archive another process holds locked, a read-only file system. Each ends the
crawl with one line and exit status 1; the archive passes PRAGMA integrity_check (and the full-text index its
own), holds no half-written post, and the same command, run again once the fault is gone, finishes the crawl.

The full disk and the read-only file system are a small tmpfs the test mounts (the tests run as root, as CI does);
where mounting is not allowed, the full disk is the crawl process's file size limit (RLIMIT_FSIZE: SQLite then
gets EFBIG and says "database or disk is full" just the same), and the read-only case is skipped.
"""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from crawler.demo.server import DemoSite, serve
from tests.conftest import REPO

POSTS = 33  # the demo blog's


@contextmanager
def tmpfs(path: Path, size: str) -> Iterator[bool]:
    """A tmpfs of `size` at `path`; False when this machine does not let us mount one."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    try:
        yield mounted.returncode == 0
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", "-l", str(path)], check=True)


def remount(path: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True)


def crawl(url: str, db: Path, *settings: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def file_size_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    args = ["crawl", url, "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1", *settings]
    return subprocess.run(
        [sys.executable, "-m", "crawler", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=file_size_limit if limit else None,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr, result.stderr


def assert_intact(db: Path) -> int:
    """integrity_check ok, the full-text index consistent, every post whole; the number of posts."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) FROM articles WHERE text = '' OR title IS NULL").fetchone() == (0,)
        done = conn.execute(
            "SELECT count(*) FROM frontier f WHERE state = 'done' AND f.url LIKE '%/20__/__/%'"
            " AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.url = f.url)"
        ).fetchone()
        assert done == (0,)  # no post marked done without its page
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def assert_resumes_and_finishes(url: str, db: Path) -> None:
    result = crawl(url, db)
    assert result.returncode == 0, result.stderr
    assert assert_intact(db) == POSTS
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(DISTINCT url) FROM articles").fetchone() == (POSTS,)
    conn.close()


@pytest.fixture
def blog() -> Iterator[DemoSite]:
    site = DemoSite()
    with serve(site):
        yield site


def test_a_full_disk_stops_the_crawl_with_one_line_and_the_archive_intact(blog, tmp_path):
    with tmpfs(tmp_path / "fs", "512k") as mounted:
        db = tmp_path / "fs" / "archive.db" if mounted else tmp_path / "archive.db"
        result = crawl(blog.base, db, limit=None if mounted else 512 * 1024)
        # Past RLIMIT_FSIZE, SQLite says "disk I/O error" rather than "disk is full".
        assert_one_line(result, "the disk holding it is full" if mounted else "cannot write to the archive")
        assert assert_intact(db) < POSTS
        if mounted:
            remount(tmp_path / "fs", "size=64m")
        assert_resumes_and_finishes(blog.base, db)


def test_an_archive_locked_by_another_process_stops_the_crawl_and_a_rerun_finishes_it(blog, tmp_path):
    db = tmp_path / "archive.db"
    slow = ("-s", "DOWNLOAD_DELAY=0.3", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    args = [sys.executable, "-m", "crawler", "crawl", blog.base, "--db", str(db), "--quiet", *slow]
    crawler = subprocess.Popen(
        [*args, "-s", "ARCHIVE_BUSY_TIMEOUT=1", "-s", "EXTRACT_PROCESSES=1"],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(lambda: count_posts(db) >= 5, crawler)
    holder = sqlite3.connect(db, timeout=30, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, holding the lock (as a long sqlite-utils import would)
    try:
        assert crawler.wait(timeout=60) == 1
        assert_one_line(subprocess.CompletedProcess(args, 1, "", crawler.stderr.read()), "another process holds it")
        started = crawl(blog.base, db, "-s", "ARCHIVE_BUSY_TIMEOUT=1")  # a crawl started while it is locked
        assert_one_line(started, "another process holds it locked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert 5 <= assert_intact(db) < POSTS
    assert_resumes_and_finishes(blog.base, db)


def test_an_archive_on_a_read_only_file_system_is_refused_in_one_line_and_left_as_it_was(blog, tmp_path):
    with tmpfs(tmp_path / "fs", "16m") as mounted:
        if not mounted:
            pytest.skip("this machine does not let the test mount a file system")
        db = tmp_path / "fs" / "archive.db"
        assert crawl(blog.base, db).returncode == 0
        before = db.read_bytes()
        remount(tmp_path / "fs", "ro")
        try:
            assert_one_line(crawl(blog.base, db), "it is on a read-only file system")
            assert db.read_bytes() == before
        finally:
            remount(tmp_path / "fs", "rw")
        assert assert_intact(db) == POSTS


def count_posts(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=30)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # no tables yet
        return 0


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "not reached in 60 s"
        time.sleep(0.05)
