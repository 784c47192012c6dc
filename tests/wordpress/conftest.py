"""A real WordPress (Debian's packages, started by scripts/wordpress.sh) with a site per theme × permalink style,
each crawled once per test run; the tests hold each archive against what the site's database holds.

The run's test processes (pytest-xdist) share it: the first to ask starts WordPress, crawls every site, reads each
database and the server's log, stops WordPress and leaves what it found in the run's shared temporary folder, under
a file lock the others wait on. No server outlives the fixture's setup.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from bench.wordpress_site import Crawl, WordPress, WordPressUnavailable, crawl, requests_seen, wordpress


@dataclass
class Site:
    name: str
    url: str
    crawl: Crawl
    truth: dict
    requests: list[str]  # what the site's server answered during the crawl (method and URI)

    def query(self, sql: str, *params: object) -> list[tuple]:
        connection = sqlite3.connect(self.crawl.db)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()


@pytest.fixture(scope="session")
def wordpress_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every test process of this run
    results = shared / "wordpress.json"
    with open(shared / "wordpress.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not results.exists():
            results.write_text(json.dumps(_start_and_crawl(shared / "wordpress"), default=str))
    found = json.loads(results.read_text())
    if "unavailable" in found:
        pytest.skip(found["unavailable"])
    if "failed" in found:
        pytest.fail(found["failed"], pytrace=False)
    return {name: _site(name, data) for name, data in found.items()}


def _start_and_crawl(folder: Path) -> dict:
    """The sites' crawls and truths; what went wrong instead, once for every test process (none tries again)."""
    folder.mkdir(exist_ok=True)
    try:
        with wordpress(folder) as wp:
            return _crawled(wp, folder)
    except WordPressUnavailable as exc:
        return {"unavailable": str(exc)}
    except Exception:
        return {"failed": traceback.format_exc()}


def _crawled(wp: WordPress, folder: Path) -> dict:
    def one(name: str) -> tuple[str, dict]:
        result = crawl(name, wp.sites[name], folder / f"{name}.db")
        data = {"url": wp.sites[name], "crawl": asdict(result), "truth": wp.truth(name)}
        return name, {**data, "requests": requests_seen(wp, name)}

    with ThreadPoolExecutor(2) as pool:
        return dict(pool.map(one, wp.sites))


def _site(name: str, data: dict) -> Site:
    crawled = Crawl(**{**data["crawl"], "db": Path(data["crawl"]["db"])})
    return Site(name, data["url"], crawled, data["truth"], data["requests"])
