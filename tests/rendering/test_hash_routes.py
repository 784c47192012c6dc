"""A Docsify blog: one index.html whose script (docsify 4, from npm, served beside the Markdown:
scripts/static_engines.sh) fetches README.md, _sidebar.md and posts/x.md and renders each at a route after '#'
(`/#/posts/x`, Docsify's default hash router). Crawled once with Chromium: every route's page is a post archived
under its route URL, with its body, title, picture and caption and code, the shell's URL no post, the Markdown the
browser loaded in the WARC. Before, the crawl rendered the shell and ended "nothing was archived … routes after '#'",
exit 1. With --render never, the crawl still ends in one line that says to render."""

from __future__ import annotations

import json
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.chromium import Browser, install_chromium
from tests.conftest import archive_rows, run_cli
from tests.engines.sites import SOURCES, EngineMissing, served_blog
from tests.test_replay import pywb
from tests.test_wacz import WACZ
from tests.test_warc import records, warc_files

SLUGS = ("broad-beans", "compost-bays", "tomato-seed")
# The heading Docsify renders for the route shown, once its Markdown has come (from the replay server, in a replay).
SHOWN_HEADING = """(async () => {
  for (let i = 0; i < 400 && !document.querySelector(".markdown-section h1"); i++) {
    await new Promise(done => setTimeout(done, 50));
  }
  const heading = document.querySelector(".markdown-section h1");
  return heading && heading.textContent.trim();
})()"""


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
    assert archive_rows(db, "SELECT url, message FROM crawl_errors") == []
    posts = {url: (title, text) for url, title, text in archive_rows(db, "SELECT url, title, text FROM articles")}
    assert sorted(posts) == [f"{docsify_blog}#/posts/{slug}" for slug in SLUGS]
    for slug in SLUGS:
        title, text = posts[f"{docsify_blog}#/posts/{slug}"]
        heading, first, *_ = (block.strip() for block in _source(slug).split("\n\n"))
        assert title == heading.removeprefix("# ")
        assert first in text and "print(" in text  # its prose and its code block
    # the shell's own URL shows README.md, the blog's home: a page, no post
    assert archive_rows(db, "SELECT kind FROM pages WHERE url = ?", docsify_blog) == [("listing",)]

    images = archive_rows(
        db, "SELECT a.url, i.src, i.caption FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.url"
    )
    assert [(url.removeprefix(docsify_blog), src.removeprefix(docsify_blog)) for url, src, _ in images] == [
        ("#/posts/broad-beans", "images/beans.png"),
        ("#/posts/compost-bays", "images/bays.png"),
        ("#/posts/tomato-seed", "images/seed.png"),
    ]
    assert all(caption and caption in _source(url.rsplit("/", 1)[1]) for url, _, caption in images)

    rendered = archive_rows(db, "SELECT url, rendered, etag, last_modified FROM pages WHERE url LIKE '%#/%'")
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
    _packaged_at_their_routes(db, warc, tmp_path / "blog.wacz", docsify_blog, posts)

    # The writer deletes a post and its links: Docsify shows its "404 - Not found" at the route, under HTTP 200.
    (blog.site / "posts" / "tomato-seed.md").unlink()
    for name in ("README.md", "_sidebar.md"):
        listing = blog.site / name
        listing.write_text("".join(line for line in listing.open() if "tomato-seed" not in line))
    assert run_cli("crawl", docsify_blog, *options).returncode == 0
    gone = archive_rows(db, "SELECT url FROM articles WHERE gone_at IS NOT NULL")
    assert gone == [(f"{docsify_blog}#/posts/tomato-seed",)]


def _packaged_at_their_routes(db: Path, warc: Path, out: Path, base: str, posts: dict[str, tuple[str, str]]) -> None:
    """`blogarchive wacz --db` lists each route post at its route URL, at the time of its document's latest capture
    (the shell's record, which replay starts from), and pywb replays each listed page at its url and ts: the route's
    post. Before, it ended "none of the archive's 3 posts has a capture", exit 2; listed by py-wacz, the routes would
    have been dropped (no record is under a route URL) or collapsed into one."""
    result = run_cli("wacz", str(out), "--warc", str(warc), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("3 posts listed") and result.stderr == ""
    validate = subprocess.run([WACZ, "validate", "-f", str(out)], capture_output=True, text=True)
    assert validate.returncode == 0 and "Validation succeeded" in validate.stdout, validate.stdout
    with zipfile.ZipFile(out) as package:
        _, *pages = (json.loads(line) for line in package.read("pages/pages.jsonl").decode().splitlines())
    shell = max(  # the latest exchange for the document: each route's request fetched it again, a revisit
        r["WARC-Date"]
        for r in records(warc_files(warc))
        if r["WARC-Type"] in ("response", "revisit") and r["WARC-Target-URI"] == base
    )
    assert sorted((page["url"], page["title"], page["ts"]) for page in pages) == [
        (url, title, shell[:19] + "Z") for url, (title, _) in sorted(posts.items())
    ]
    with pywb({"blog": out}, out.parent / "pywb") as server, Browser() as chromium:
        for page in pages:  # opened as a replay tool opens a listed page: at its url and ts
            replay = chromium.new_page()
            replay.open(f"{server}/blog/{page['ts'].translate(str.maketrans('', '', '-:TZ'))}/{page['url']}")
            assert replay.evaluate(SHOWN_HEADING) == page["title"]


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
