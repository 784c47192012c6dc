"""A Docsify blog: one index.html whose script (docsify 4, from npm, served beside the Markdown:
scripts/static_engines.sh) fetches README.md, _sidebar.md and posts/x.md and renders each at a route after '#'
(`/#/posts/x`, Docsify's default hash router). Crawled once with Chromium: every route's page is a post archived
under its route URL, with its body, title, picture and caption and code, the shell's URL no post, the Markdown the
browser loaded in the WARC. Before, the crawl rendered the shell and ended "nothing was archived … routes after '#'",
exit 1. With --render never, the crawl still ends in one line that says to render."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.chromium import install_chromium
from tests.conftest import run_cli
from tests.engines.sites import SOURCES, EngineMissing, served_blog

SLUGS = ("broad-beans", "compost-bays", "tomato-seed")


@dataclass(frozen=True)
class Blog:
    base: str  # where it is served
    site: Path  # the folder served


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Blog]:
    """The blog served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("docsify") / "site"
    try:
        with served_blog("docsify", site) as base:
            yield Blog(base, site)
    except EngineMissing as exc:
        pytest.skip(str(exc))


def _rows(db: Path, sql: str, *params: object) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _source(slug: str) -> str:
    return (SOURCES / "docsify" / "posts" / f"{slug}.md").read_text("utf-8")


def test_every_route_of_a_docsify_blog_is_a_post_under_its_route_url(blog: Blog, tmp_path: Path) -> None:
    """One crawl and a recrawl (each test process of pytest-xdist would crawl again for a test of its own): the posts
    and their bodies, their pictures and captions, what was rendered and how a recrawl asks for it, the WARC; then a
    post deleted, and marked gone."""
    if (reason := install_chromium()) is not None:
        pytest.skip(reason)
    docsify_blog = blog.base
    db, warc = tmp_path / "a.db", tmp_path / "warc"
    options = ("--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1")
    result = run_cli("crawl", docsify_blog, "--warc", str(warc), *options)
    assert result.returncode == 0, result.stderr
    assert _rows(db, "SELECT url, message FROM crawl_errors") == []
    posts = {url: (title, text) for url, title, text in _rows(db, "SELECT url, title, text FROM articles")}
    assert sorted(posts) == [f"{docsify_blog}#/posts/{slug}" for slug in SLUGS]
    for slug in SLUGS:
        title, text = posts[f"{docsify_blog}#/posts/{slug}"]
        heading, first, *_ = (block.strip() for block in _source(slug).split("\n\n"))
        assert title == heading.removeprefix("# ")
        assert first in text and "print(" in text  # its prose and its code block
    # the shell's own URL shows README.md, the blog's home: a page, no post
    assert _rows(db, "SELECT kind FROM pages WHERE url = ?", docsify_blog) == [("listing",)]

    images = _rows(
        db, "SELECT a.url, i.src, i.caption FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.url"
    )
    assert [(url.removeprefix(docsify_blog), src.removeprefix(docsify_blog)) for url, src, _ in images] == [
        ("#/posts/broad-beans", "images/beans.png"),
        ("#/posts/compost-bays", "images/bays.png"),
        ("#/posts/tomato-seed", "images/seed.png"),
    ]
    assert all(caption and caption in _source(url.rsplit("/", 1)[1]) for url, _, caption in images)

    rendered = _rows(db, "SELECT url, rendered, etag, last_modified FROM pages WHERE url LIKE '%#/%'")
    assert sorted(url.rsplit("/", 1)[1] for url, *_ in rendered) == sorted(SLUGS)
    assert all(reason.startswith("a route of a script-routed app (#/posts/") for _, reason, *_ in rendered)
    # the shell every route shares is unchanged when a post changes: no validator kept, a recrawl asks in full
    assert {validator for *_, etag, modified in rendered for validator in (etag, modified)} == {None}

    via: dict[str, str] = {}  # the page each response was fetched for, from its metadata record
    for path in sorted(warc.glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "metadata":
                    fields = dict(line.split(": ", 1) for line in record.content_stream().read().decode().splitlines())
                    via[record.rec_headers.get_header("WARC-Target-URI")] = fields.get("via", "")
    for slug in SLUGS:
        assert via[f"{docsify_blog}posts/{slug}.md"] == f"{docsify_blog}#/posts/{slug}"

    # The writer deletes a post and its links: Docsify shows its "404 - Not found" at the route, under HTTP 200.
    (blog.site / "posts" / "tomato-seed.md").unlink()
    for name in ("README.md", "_sidebar.md"):
        listing = blog.site / name
        listing.write_text("".join(line for line in listing.open() if "tomato-seed" not in line))
    assert run_cli("crawl", docsify_blog, *options).returncode == 0
    gone = _rows(db, "SELECT url FROM articles WHERE gone_at IS NOT NULL")
    assert gone == [(f"{docsify_blog}#/posts/tomato-seed",)]


def test_with_render_never_a_docsify_blog_ends_in_one_line_that_says_to_render(
    blog: Blog, crawl: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """Before, the line said "nothing was archived from URL" and no more; crawl_errors alone said why."""
    docsify_blog = blog.base
    result = crawl(docsify_blog, "--render", "never")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert len(lines) == 1 and lines[0].startswith(
        f"nothing was archived from {docsify_blog}: its page needs a browser"
    )
    assert "crawl with --render auto" in lines[0]
