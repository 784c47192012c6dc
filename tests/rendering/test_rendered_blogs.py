"""Blogs that need a browser (tests/rendering/blogs.py), crawled as a user crawls them: one crawl of the three with
`--render auto` (the default; one Chromium for the crawl) reaches every post with its body, image and comments,
and the browser's requests for the cloud metadata address and another port are refused; the same crawl with
`--render never` archives less, and says so in crawl_errors. The auto crawl's WARC files, packaged as a WACZ and
served by pywb with the blogs stopped, replay a client-rendered post and a post whose comments come from another
origin in Chromium: the browser's traffic went into the WARC."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.chromium import Browser, install_chromium
from tests.conftest import REPO, run_cli
from tests.rendering.blogs import COMMENTS, POSTS, Blogs, serve_blogs
from tests.test_replay import pywb


@dataclass
class Crawl:
    blogs: Blogs
    db: Path
    warc: Path
    log: str
    result: subprocess.CompletedProcess[str]

    def rows(self, sql: str, *params: object) -> list[tuple]:
        connection = sqlite3.connect(self.db)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def per_blog(self, table_sql: str) -> dict[str, int]:
        """Rows of `table_sql` (selecting one URL column) counted per blog."""
        urls = [url for (url,) in self.rows(table_sql)]
        return {name: sum(url.startswith(getattr(self.blogs, name).base) for url in urls) for name in BLOGS}


BLOGS = ("spa", "scroll", "frames")


def _crawl(blogs: Blogs, folder: Path, render: str) -> Crawl:
    comments_host = blogs.comments.base.removeprefix("http://").rstrip("/")
    db, log = folder / "archive.db", folder / "crawl.log"
    command = [sys.executable, "-m", "crawler", "crawl", *(getattr(blogs, name).base for name in BLOGS)]
    command += ["--db", str(db), "--quiet", "--log-file", str(log), "--render", render]
    command += ["--warc", str(folder / "warc")] if render == "auto" else []  # replayed below
    # The comment server is another origin on this machine: a site allows it by name, as requisites hosts are.
    command += ["-s", "EXTRACT_PROCESSES=1", "-s", f"RENDER_HOSTS=*,{comments_host}"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=400)
    return Crawl(blogs, db, folder / "warc", log.read_text(), result)


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Crawl]]:
    if (reason := install_chromium()) is not None:
        pytest.skip(reason)
    with serve_blogs() as blogs:
        yield {mode: _crawl(blogs, tmp_path_factory.mktemp(mode), mode) for mode in ("auto", "never")}


def test_render_auto_archives_every_post_with_its_body_image_and_comments(crawls: dict[str, Crawl]) -> None:
    crawl = crawls["auto"]
    assert crawl.result.returncode == 0, crawl.result.stderr
    posts = len(POSTS)
    assert crawl.per_blog("SELECT url FROM articles WHERE word_count > 40") == dict.fromkeys(BLOGS, posts)
    assert crawl.per_blog("SELECT a.url FROM images i JOIN articles a ON a.id = i.article_id") == dict.fromkeys(
        BLOGS, posts
    )
    comments = crawl.per_blog("SELECT a.url FROM comments c JOIN articles a ON a.id = c.article_id")
    assert comments == {"spa": 0, "scroll": 2 * posts, "frames": 2 * posts}  # the SPA's posts have none
    assert crawl.rows("SELECT url, message FROM crawl_errors") == []
    # A post in a frame is archived under the post's URL; the frame's own page is not a post of its own.
    assert all(
        "/garden/post-" in url
        for (url,) in crawl.rows("SELECT url FROM articles WHERE url LIKE ?", crawl.blogs.frames.base + "%")
    )
    assert not crawl.rows("SELECT url FROM articles WHERE url LIKE '%PostView%'")


def test_rendered_pages_keep_the_raw_html_beside_the_dom(crawls: dict[str, Crawl]) -> None:
    crawl = crawls["auto"]
    rows = crawl.rows(
        "SELECT p.url, p.rendered, raw.body IS NOT NULL, p.raw_sha256 != p.body_sha256 FROM pages p"
        " LEFT JOIN page_bodies raw ON raw.sha256 = p.raw_sha256 WHERE p.url LIKE ?",
        crawl.blogs.spa.base + "posts/%",
    )
    assert len(rows) == len(POSTS)
    assert all(rendered.startswith("a shell") and has_raw and differs for _, rendered, has_raw, differs in rows)


def test_the_browser_never_reaches_the_metadata_address_or_another_port(crawls: dict[str, Crawl]) -> None:
    crawl = crawls["auto"]
    assert crawl.blogs.probe.seen == []  # another port of this machine, not named in RENDER_HOSTS
    probe_refusals = [line for line in crawl.log.splitlines() if crawl.blogs.probe.base in line and "refused" in line]
    assert probe_refusals and "not named in RENDER_HOSTS" in probe_refusals[0]
    metadata = [line for line in crawl.log.splitlines() if "169.254.169.254" in line]
    assert metadata and all("refused" in line for line in metadata)
    assert "metadata address 169.254.169.254" in "\n".join(metadata)


def test_render_never_records_what_it_loses(crawls: dict[str, Crawl]) -> None:
    crawl, rendered = crawls["never"], crawls["auto"]
    archived = crawl.per_blog("SELECT url FROM articles WHERE word_count > 40")
    assert archived["spa"] == 0 and archived["frames"] == 0 and archived["scroll"] < len(POSTS)
    assert not crawl.rows("SELECT 1 FROM comments")
    errors = crawl.rows("SELECT url, message FROM crawl_errors")
    needing = {url for url, message in errors if "needs a browser" in message and "--render auto" in message}
    assert {crawl.blogs.spa.base, crawl.blogs.scroll.base, crawl.blogs.frames.base} <= needing
    # Every page that auto rendered and this crawl reached is an error here: nothing lost is unrecorded.
    reached = {url for (url,) in crawl.rows("SELECT url FROM pages")}
    rendered_urls = {url for (url,) in rendered.rows("SELECT url FROM pages WHERE rendered IS NOT NULL")}
    assert rendered_urls & reached and rendered_urls & reached <= needing
    assert not [line for line in crawl.log.splitlines() if "Chromium" in line and "started" in line]


# What a reader of the replayed page sees, once its scripts have run and it is scrolled to the end.
READ_REPLAY = """(async () => {
  const pause = () => new Promise(done => setTimeout(done, 100));
  for (let i = 0; i < 50 && !document.querySelector("article h1, .post h1"); i++) { await pause(); }
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await pause();
  }
  for (let i = 0; i < 50 && (Array.from(document.images).some(img => !img.complete)
       || (document.querySelector("#isso-thread") && !document.querySelector(".isso-comment"))); i++) {
    await pause();
  }
  return {
    title: (document.querySelector("article h1") || {}).textContent || null,
    text: document.body.innerText,
    images: Array.from(document.images).map(img => img.complete && img.naturalWidth > 0),
    comments: Array.from(document.querySelectorAll(".isso-comment .isso-author")).map(e => e.textContent),
  };
})()"""


def test_a_rendered_post_replays_from_the_warc_with_what_its_scripts_loaded(
    crawls: dict[str, Crawl], tmp_path: Path
) -> None:
    crawl = crawls["auto"]
    assert crawl.result.returncode == 0, crawl.result.stderr
    package = tmp_path / "rendered.wacz"
    packed = run_cli("wacz", str(package), "--warc", str(crawl.warc))
    assert packed.returncode == 0, packed.stderr
    post = POSTS[0]
    urls = {
        name: crawl.rows(
            "SELECT url FROM articles WHERE url LIKE ?", f"{getattr(crawl.blogs, name).base}%{post.slug}/"
        )[0][0]
        for name in ("spa", "scroll")
    }
    with pywb({"rendered": package}, tmp_path / "pywb") as server, Browser() as browser:
        for name, url in urls.items():
            page = browser.new_page()
            page.open(f"{server}/rendered/{url}")
            shown = page.evaluate(READ_REPLAY)
            requested = [r["request"]["url"] for r in page.network("requestWillBeSent")]
            assert [u for u in requested if not u.startswith((f"{server}/", "data:", "about:"))] == [], name
            assert shown["title"] == post.title, (name, shown)
            assert post.paragraphs()[0][:60] in shown["text"], name
            assert shown["images"] and all(shown["images"]), (name, shown["images"])
            expected = [author for author, _ in COMMENTS[post.slug]] if name == "scroll" else []
            assert shown["comments"] == expected, name
