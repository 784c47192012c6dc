"""Each engine's blog built, served and crawled once per test run, shared by the test processes (pytest-xdist):
the first process to need it builds and crawls under a lock in the run's shared temporary folder, the others
read what it left there."""

from __future__ import annotations

import fcntl
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.engines.sites import EngineMissing, served_blog
from tests.engines.truth import TruthPost, truth

_ORIGIN = re.compile(r"^https?://[^/]+")


@dataclass(frozen=True)
class CrawledBlog:
    engine: str
    base: str  # where the blog was served while it was crawled
    site: Path  # the built site
    db: Path
    returncode: int
    stderr: str
    posts: list[TruthPost]  # from the sources

    def query(self, sql: str, *params: object) -> list[tuple]:
        connection = sqlite3.connect(self.db)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def articles(self) -> dict[str, dict[str, object]]:
        """The archived posts by URL path, with their fields and their authors in byline order."""
        connection = sqlite3.connect(self.db)
        connection.row_factory = sqlite3.Row
        try:
            found = {}
            for row in connection.execute("SELECT * FROM articles"):
                authors = connection.execute(
                    "SELECT a.name FROM article_authors aa JOIN authors a ON a.id = aa.author_id"
                    " WHERE aa.article_id = ? ORDER BY aa.position",
                    (row["id"],),
                ).fetchall()
                found[path_of(row["url"])] = {**dict(row), "authors": [name for (name,) in authors]}
            return found
        finally:
            connection.close()


def path_of(url: str) -> str:
    return _ORIGIN.sub("", url)


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def crawled(engine: str, tmp_path_factory: pytest.TempPathFactory) -> CrawledBlog:
    base_temp = tmp_path_factory.getbasetemp()
    shared = base_temp.parent if base_temp.name.startswith("popen-gw") else base_temp  # one folder per run
    folder = shared / f"engine-{engine}"
    with _locked(shared / f"engine-{engine}.lock"):
        outcome = folder / "outcome.json"
        if not outcome.exists():
            outcome.parent.mkdir(parents=True, exist_ok=True)
            outcome.write_text(json.dumps(_build_and_crawl(engine, folder)))
    found = json.loads(outcome.read_text())
    if "missing" in found:
        pytest.skip(f"{engine} is not installed and cannot be: {found['missing']}")
    site, db = folder / "site", folder / "archive.db"
    return CrawledBlog(engine, found["base"], site, db, found["returncode"], found["stderr"], truth(engine))


def _build_and_crawl(engine: str, folder: Path) -> dict[str, object]:
    try:
        with served_blog(engine, folder / "site") as base:
            options = ("--db", str(folder / "archive.db"), "--quiet", "-s", "EXTRACT_PROCESSES=1")
            result = run_cli("crawl", base, *options, timeout=300)
    except EngineMissing as exc:
        return {"missing": str(exc)}
    return {"base": base, "returncode": result.returncode, "stderr": result.stderr}


def _crawled_blog(engine: str) -> Callable[[pytest.TempPathFactory], CrawledBlog]:
    """The session fixture `<engine>_blog` ("mkdocs_material_blog" for mkdocs-material): the engine's blog, crawled."""

    def blog(tmp_path_factory: pytest.TempPathFactory) -> CrawledBlog:
        return crawled(engine, tmp_path_factory)

    return pytest.fixture(scope="session", name=f"{engine.replace('-', '_')}_blog")(blog)


hugo_blog = _crawled_blog("hugo")
jekyll_blog = _crawled_blog("jekyll")
chronicle_blog = _crawled_blog("chronicle")
nanoc_blog = _crawled_blog("nanoc")
pelican_blog = _crawled_blog("pelican")
hexo_blog = _crawled_blog("hexo")
ikiwiki_blog = _crawled_blog("ikiwiki")
mkdocs_material_blog = _crawled_blog("mkdocs-material")


@pytest.fixture(params=["chronicle", "nanoc"])
def compiled_blog(request: pytest.FixtureRequest) -> CrawledBlog:
    """A small blog of a blog compiler whose markup is its own (chronicle's default theme, nanoc's create-site
    layout), not a theme family many sites share."""
    return request.getfixturevalue(f"{request.param}_blog")


@pytest.fixture(params=["hugo", "jekyll"])
def blog(request: pytest.FixtureRequest) -> CrawledBlog:
    return request.getfixturevalue(f"{request.param}_blog")
