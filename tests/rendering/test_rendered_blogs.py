"""Blogs that need a browser (bench/browser_blogs.py), crawled as a user crawls them: one crawl of the four with
`--render auto` (the default; one Chromium for the crawl) and the comment services named in RENDER_HOSTS reaches
every post with its body, image and comments — those of a Disqus-style frame of another origin too, with their
threads —, and the browser's requests for the cloud metadata address and another port are refused; the same crawl
with `--render never` archives less, and says so in crawl_errors; a crawl of the Disqus-style blog that does not
name its comment service sends that service no request, and says so. The auto crawl's WARC files, packaged as a WACZ and
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

from bench.browser_blogs import COMMENTS, DISQUS_POSTS, POSTS, THREADS, Blogs, serve_blogs
from tests.chromium import Browser, install_chromium
from tests.conftest import REPO, run_cli
from tests.test_replay import pywb


@dataclass
class Crawl:
    blogs: Blogs
    db: Path
    warc: Path
    log: str
    result: subprocess.CompletedProcess[str]
    requests: dict[str, list[str]]  # the paths each origin was asked for during this crawl

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


BLOGS = ("spa", "scroll", "frames", "disqus")
ORIGINS = (*BLOGS, "comments", "discussions", "probe")


def _crawl(blogs: Blogs, folder: Path, render: str, names: tuple[str, ...] = BLOGS, allow: bool = True) -> Crawl:
    comment_hosts = [blogs.comments.base, blogs.discussions.base]
    db, log = folder / "archive.db", folder / "crawl.log"
    command = [sys.executable, "-m", "crawler", "crawl", *(getattr(blogs, name).base for name in names)]
    command += ["--db", str(db), "--quiet", "--log-file", str(log), "--render", render]
    command += ["--warc", str(folder / "warc")] if render == "auto" and allow else []  # replayed below
    command += ["-s", "EXTRACT_PROCESSES=1"]
    if allow:  # the comment servers are other origins on this machine: a site allows them by name (host:port)
        hosts = ",".join(base.removeprefix("http://").rstrip("/") for base in comment_hosts)
        command += ["-s", f"RENDER_HOSTS=*,{hosts}"]
    seen = {name: len(getattr(blogs, name).seen) for name in ORIGINS}
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=400)
    requests = {name: getattr(blogs, name).seen[seen[name] :] for name in ORIGINS}
    return Crawl(blogs, db, folder / "warc", log.read_text(), result, requests)


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Crawl]]:
    if (reason := install_chromium()) is not None:
        pytest.skip(reason)
    with serve_blogs() as blogs:
        yield {
            **{mode: _crawl(blogs, tmp_path_factory.mktemp(mode), mode) for mode in ("auto", "never")},
            # The Disqus-style blog alone, its comment service not named in RENDER_HOSTS (`*` reaches no loopback).
            "not allowed": _crawl(blogs, tmp_path_factory.mktemp("refused"), "auto", ("disqus",), allow=False),
        }


def test_render_auto_archives_every_post_with_its_body_image_and_comments(crawls: dict[str, Crawl]) -> None:
    crawl = crawls["auto"]
    assert crawl.result.returncode == 0, crawl.result.stderr
    posts = {**dict.fromkeys(BLOGS, len(POSTS)), "disqus": len(DISQUS_POSTS)}
    assert crawl.per_blog("SELECT url FROM articles WHERE word_count > 40") == posts
    assert crawl.per_blog("SELECT a.url FROM images i JOIN articles a ON a.id = i.article_id") == posts
    comments = crawl.per_blog("SELECT a.url FROM comments c JOIN articles a ON a.id = c.article_id")
    threads = sum(len(thread) for thread in THREADS.values())
    assert comments == {"spa": 0, "scroll": 2 * len(POSTS), "frames": 2 * len(POSTS), "disqus": threads}
    assert crawl.rows("SELECT url, message FROM crawl_errors") == []
    # A post in a frame is archived under the post's URL; the frame's own page is not a post of its own.
    assert all(
        "/garden/post-" in url
        for (url,) in crawl.rows("SELECT url FROM articles WHERE url LIKE ?", crawl.blogs.frames.base + "%")
    )
    assert not crawl.rows("SELECT url FROM articles WHERE url LIKE '%PostView%'")


def _threads(crawl: Crawl) -> dict[str, list[tuple]]:
    """Each Disqus-style post's comments as archived: (author, published, text, platform id, parent's author, depth)."""
    rows = crawl.rows(
        "SELECT a.url, c.author, c.published, c.text, c.comment_id, p.author, c.depth FROM comments c"
        " JOIN articles a ON a.id = c.article_id LEFT JOIN comments p ON p.id = c.parent_id"
        " WHERE a.url LIKE ? ORDER BY a.url, c.position",
        crawl.blogs.disqus.base + "%",
    )
    threads: dict[str, list[tuple]] = {}
    for url, *comment in rows:
        threads.setdefault(url.removeprefix(crawl.blogs.disqus.base), []).append(tuple(comment))
    return threads


def test_comments_of_another_origins_frame_are_archived_with_their_threads(crawls: dict[str, Crawl]) -> None:
    crawl = crawls["auto"]
    assert crawl.result.returncode == 0, crawl.result.stderr
    authors = {c.id: c.author for thread in THREADS.values() for c in thread}
    depths: dict[int, int] = {}
    for thread in THREADS.values():
        for c in thread:
            depths[c.id] = 1 if c.parent is None else depths[c.parent] + 1
    expected = {
        f"posts/{slug}/": [
            (c.author, c.created, c.message, str(c.id), authors.get(c.parent or 0), depths[c.id]) for c in thread
        ]
        for slug, thread in THREADS.items()
    }
    assert _threads(crawl) == expected
    assert {depth for thread in expected.values() for *_, depth in thread} == {1, 2, 3}
    # Only the thread is taken from the frame: neither its chrome nor the comments are in the post's text, nor its
    # avatars among the post's images.
    for (text,) in crawl.rows("SELECT text FROM articles WHERE url LIKE ?", crawl.blogs.disqus.base + "posts/%"):
        assert not any(word in text for word in ("Sort by Best", "Powered by", "Log in", "Copper tape", "Bookmarked"))
    assert not crawl.rows("SELECT src FROM images WHERE src LIKE '%/avatars/%'")
    rendered = crawl.rows("SELECT rendered FROM pages WHERE url LIKE ?", crawl.blogs.disqus.base + "posts/%")
    assert rendered == [("comments loaded by script (Disqus)",)] * len(DISQUS_POSTS)
    assert "'comment frames inlined': 1" in crawl.log


def test_a_comment_service_not_allowed_is_never_asked_and_that_is_said(crawls: dict[str, Crawl]) -> None:
    crawl = crawls["not allowed"]
    assert crawl.result.returncode == 0, crawl.result.stderr
    assert crawl.requests["discussions"] == [] and crawl.requests["disqus"]
    refusals = [line for line in crawl.log.splitlines() if f"{crawl.blogs.discussions.base}embed.js refused" in line]
    assert len(refusals) == len(DISQUS_POSTS)
    assert all("another origin on a loopback address, not named in RENDER_HOSTS" in line for line in refusals)
    assert crawl.per_blog("SELECT url FROM articles WHERE word_count > 40")["disqus"] == len(DISQUS_POSTS)
    assert not crawl.rows("SELECT 1 FROM comments")


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
    assert archived["disqus"] == len(DISQUS_POSTS)  # the posts are in their HTML; their comments are not
    assert not crawl.rows("SELECT 1 FROM comments")
    assert crawl.requests["discussions"] == []
    errors = crawl.rows("SELECT url, message FROM crawl_errors")
    needing = {url for url, message in errors if "needs a browser" in message and "--render auto" in message}
    assert {crawl.blogs.spa.base, crawl.blogs.scroll.base, crawl.blogs.frames.base} <= needing
    disqus = {url for url, message in errors if "comments loaded by script (Disqus)" in message}
    assert disqus == {f"{crawl.blogs.disqus.base}posts/{post.slug}/" for post in DISQUS_POSTS} and disqus <= needing
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
