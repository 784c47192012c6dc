"""Kill and resume: a crawl of a 1,000-post blog stopped at 10 random moments (SIGKILL and SIGTERM in turn) and
run again each time loses no post and stores none twice.

The first run is stopped at a random moment while it starts; each later one once it has archived a random number
of posts (1–40, and the archive short of 900, so that ten stops fit in the crawl) and a random fraction of a second
more: the stops fall all along the crawl, mid-fetch and mid-write. The seed is in every assertion message, to
replay a failure.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.synthetic import synthetic_site
from crawler.demo.server import serve
from tests.conftest import REPO, run_cli

POSTS = 1000
KILLS = 10


def start(url: str, db: Path) -> subprocess.Popen[str]:
    args = ["crawl", url, "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1"]
    return subprocess.Popen([sys.executable, "-m", "crawler", *args], cwd=REPO, stderr=subprocess.PIPE, text=True)


def test_a_1000_post_crawl_killed_10_times_at_random_loses_and_duplicates_nothing(tmp_path):
    seed = random.randrange(2**32)
    print(f"seed: {seed}")  # shown with a failure the assertions do not catch (a stop that times out)
    chance = random.Random(seed)
    db = tmp_path / "archive.db"
    site = synthetic_site(POSTS, theme=False)
    stops = []
    with serve(site):
        for kill in range(KILLS):
            before = count(db, "SELECT count(*) FROM articles")
            crawl = start(site.base, db)
            if kill == 0:
                time.sleep(chance.uniform(0.2, 1.5))
            else:
                wait_for_posts(crawl, db, min(before + chance.randint(1, 40), POSTS - 100), seed)
                time.sleep(chance.uniform(0, 0.3))
            if crawl.poll() is not None:
                break  # it finished before this stop: nothing left to interrupt
            crawl.send_signal(signal.SIGKILL if kill % 2 == 0 else signal.SIGTERM)
            # 143: its handler stopped it; -15: a SIGTERM that came before the handler was in place
            assert crawl.wait(timeout=60) in (-signal.SIGKILL, -signal.SIGTERM, 128 + signal.SIGTERM), seed
            stops.append(count(db, "SELECT count(*) FROM articles"))
        result = run_cli("crawl", site.base, "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1", timeout=300)
        assert result.returncode == 0, (seed, result.stderr)

    # every stop interrupted a running crawl, and the first half of them a crawl with posts still to archive (a
    # SIGTERM stop archives what was in flight, so the later ones may find the archive complete on a fast machine)
    assert len(stops) == KILLS and stops[KILLS // 2] < POSTS, (seed, stops)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone() == (POSTS, POSTS), seed
        assert {url for (url,) in conn.execute("SELECT url FROM articles")} == {u for u, _ in site.expected_posts()}
        assert conn.execute("SELECT count(*) FROM article_versions").fetchone() == (0,), seed  # none stored twice
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    verified = run_cli("verify", "--db", str(db))
    assert verified.returncode == 0 and f"{POSTS} archived" in verified.stderr, verified.stderr  # piped: summary
    print(f"kill/resume: seed {seed}, posts archived at each stop: {stops}")


def wait_for_posts(crawl: subprocess.Popen[str], db: Path, posts: int, seed: int) -> None:
    deadline = time.monotonic() + 120
    while count(db, "SELECT count(*) FROM articles") < posts:
        assert crawl.poll() is None, (seed, crawl.stderr.read())
        assert time.monotonic() < deadline, (seed, f"fewer than {posts} posts after 2 minutes")
        time.sleep(0.05)


def count(db: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(db, timeout=30)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # killed before it made its tables
        return 0
