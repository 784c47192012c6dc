"""A real Ghost (Ghost 5 from npm, started by scripts/ghost.sh) crawled once per test run: on its default theme,
Source; then an editor changes two posts' slugs through Ghost's Admin API — one its RSS feed lists, one older than
the feed's fifteen — and the Source archive is crawled again; then the blog is crawled afresh on Casper. The tests
hold each archive against what Ghost's own database holds (tests/ghost/truth.py).

The run's test processes (pytest-xdist) share it: the first to ask starts Ghost, crawls, reads the database, stops
Ghost and leaves what it found in the run's shared temporary folder, under a file lock the others wait on. No server
outlives the fixture's setup.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from bench.wordpress_site import Crawl, crawl
from tests.ghost.truth import ghost_truth

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "ghost.sh"
SKIP = 77  # the script's exit status where Ghost cannot be installed
# (old slug, new slug): a post the feed lists, and one older than the feed's newest fifteen
SLUG_CHANGES = (("fog", "morning-fog"), ("notebook-3", "notebook-week-three"))


@pytest.fixture(scope="session")
def ghost_blog(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every test process of this run
    results = shared / "ghost.json"
    with open(shared / "ghost.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not results.exists():
            results.write_text(json.dumps(_start_and_crawl(shared / "ghost"), default=str))
    found = json.loads(results.read_text())
    if "unavailable" in found:
        pytest.skip(found["unavailable"])
    if "failed" in found:
        pytest.fail(found["failed"], pytrace=False)
    for name in ("source", "casper", "moved"):
        found[name] = Crawl(**{**found[name], "db": Path(found[name]["db"])})
    return found


def _ghost(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GHOST_STOP_WITH": str(os.getpid())}  # stopped even if this process is killed
    return subprocess.run(["bash", str(SCRIPT), *arguments], env=env, capture_output=True, text=True, timeout=1800)


def _start_and_crawl(folder: Path) -> dict[str, Any]:
    """The crawls and Ghost's truth before and after the slug changes; what went wrong instead, once for every test
    process (none tries again)."""
    folder.mkdir(exist_ok=True)
    site = folder / "site"
    try:
        started = _ghost("start", str(site))
        if started.returncode == SKIP:
            return {"unavailable": started.stderr.strip()}
        if started.returncode != 0:
            return {"failed": f"scripts/ghost.sh start failed: {started.stderr.strip()}"}
        url = started.stdout.split()[-1]
        found: dict[str, Any] = {"url": url, "truth": ghost_truth(site / "content" / "data" / "ghost.db", url)}
        found["source"] = asdict(crawl("source", url, folder / "source.db"))
        for old, new in SLUG_CHANGES:
            _checked(_ghost("slug", str(site), old, new))
        found["truth_moved"] = ghost_truth(site / "content" / "data" / "ghost.db", url)
        moved = folder / "moved.db"
        moved.write_bytes((folder / "source.db").read_bytes())
        found["moved"] = asdict(crawl("moved", url, moved))
        _checked(_ghost("theme", str(site), "casper"))
        found["casper"] = asdict(crawl("casper", url, folder / "casper.db"))
        return found
    except Exception:
        return {"failed": traceback.format_exc()}
    finally:
        _ghost("stop", str(site))


def _checked(done: subprocess.CompletedProcess[str]) -> None:
    if done.returncode != 0:
        raise RuntimeError(f"{done.args}: {done.stderr.strip()}")
