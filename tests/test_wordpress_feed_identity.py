"""A WordPress blog whose pages print no post ID — a security plugin (or a theme) removes the shortlink, the REST
API's links and the body class — changed Settings → Permalinks between two crawls, its old addresses answering 404:
a recrawl marked every post gone and stored each again as a new post. WordPress's RSS feed names each post it lists
by its shortlink all the same, the item's `<guid isPermaLink="false">https://site/?p=ID</guid>` (the guid WordPress
writes when the post is made): the same ID gone at the archived address and read at a new one is the post moved.

The blog is served on 127.0.0.1 in the markup WordPress prints; each crawl is a real one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crawler.discovery.feeds import feed_entries
from crawler.extraction.extract import extract
from tests.conftest import archive_rows, crawl_summary
from tests.local_http import QuietHandler, serving

# ID → (title, time, slug)
POSTS = {
    12: ("River walk", "Fri, 03 May 2024 10:00:00 +0000", "river-walk"),
    15: ("Hills", "Wed, 03 Apr 2024 10:00:00 +0000", "hills"),
}
TEXT = "The river was high after the rain and the path along it was closed for a week. " * 4


def _post(base: str, number: int, path: str) -> bytes:
    """A single post as a classic theme prints it, with no shortlink, REST link or ID in the body class."""
    title, published, _ = POSTS[number]
    day = {12: "2024-05-03", 15: "2024-04-03"}[number]
    return (
        f"<html><head><title>{title} – Notes</title><link rel='canonical' href='{base}{path[1:]}'>"
        f'<link rel="alternate" type="application/rss+xml" title="Notes &raquo; Feed" href="{base}feed/">'
        f'<meta name="generator" content="WordPress 6.4.2"></head><body class="single single-post">'
        f'<article class="post type-post"><h1 class="entry-title">{title}</h1>'
        f'<time class="entry-date published" datetime="{day}T10:00:00+00:00">{day}</time>'
        f'<div class="entry-content"><p>{TEXT}</p></div></article></body></html>'
    ).encode()


def _feed(base: str, paths: dict[int, str], guid_home: str) -> bytes:
    """WordPress's RSS2 feed (feed-rss2.php): the home as the channel's link, each item's guid its shortlink."""
    items = "".join(
        f"<item><title>{POSTS[n][0]}</title><link>{base}{path[1:]}</link><dc:creator><![CDATA[mara]]></dc:creator>"
        f'<pubDate>{POSTS[n][1]}</pubDate><guid isPermaLink="false">{guid_home}?p={n}</guid>'
        f"<description><![CDATA[{TEXT[:60]}]]></description></item>"
        for n, path in paths.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Notes</title>'
        f'<atom:link href="{base}feed/" rel="self" type="application/rss+xml" /><link>{base.rstrip("/")}</link>'
        f"<generator>https://wordpress.org/?v=6.4.2</generator>{items}</channel></rss>"
    ).encode()


def _dated(number: int) -> str:
    return f"/2024/05/{POSTS[number][2]}/"


@contextmanager
def _blog() -> Iterator[dict[str, Any]]:
    """The blog; `blog["at"]`: the permalink structure now (_dated, then /%postname%/)."""
    blog: dict[str, Any] = {"at": _dated}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            base = blog["base"]
            paths = {n: blog["at"](n) for n in POSTS}
            posts = {path: _post(base, n, path) for n, path in paths.items()}
            if self.path == "/feed/":
                self.answer(200, "application/rss+xml", _feed(base, paths, base))
            elif self.path == "/":
                links = "".join(f'<a href="{path}">{path}</a>' for path in posts)
                head = f'<head><link rel="alternate" type="application/rss+xml" href="{base}feed/"></head>'
                self.answer(200, "text/html", f"<html>{head}<body class='home blog'>{links}</body></html>".encode())
            elif self.path in posts:
                self.answer(200, "text/html", posts[self.path])
            else:
                self.answer(404, "text/html", b"<html><body class='error404'>Nothing here</body></html>")

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def test_a_wordpress_post_without_a_shortlink_is_moved_by_the_id_its_feed_gives(tmp_path):
    db = tmp_path / "archive.db"
    with _blog() as blog:
        base = blog["base"]
        assert extract(_post(base, 12, _dated(12)).decode(), base + _dated(12)[1:]).platform_id is None
        crawl_summary(base, db)
        assert sorted(archive_rows(db, "SELECT url, platform_id FROM articles")) == sorted(
            (base + _dated(n)[1:], f"{base}?p={n}") for n in POSTS
        )
        blog["at"] = lambda n: f"/{POSTS[n][2]}/"
        again = crawl_summary(base, db)
        assert again["moved (the same post ID, its old address gone)"] == "2"
        assert again["new articles"] == "0" and again["gone (404/410)"] == "0"
        assert sorted(archive_rows(db, "SELECT url, moved_to FROM article_addresses")) == sorted(
            (base + _dated(n)[1:], f"{base}{POSTS[n][2]}/") for n in POSTS
        )


def test_a_guid_of_another_scheme_is_read_with_the_home_and_one_of_another_blog_is_not():
    """A guid keeps the address of the day it was written: http:// on a blog now https://; an imported post keeps
    the guid of the blog it came from, whose number is no ID of this one."""
    base, paths = "https://notes.example/", {12: _dated(12)}
    assert feed_entries(_feed(base, paths, "http://notes.example/"), base + "feed/")[0].platform_id == base + "?p=12"
    assert feed_entries(_feed(base, paths, "https://old.example/"), base + "feed/")[0].platform_id is None
    other = _feed(base, paths, base).replace(b"https://wordpress.org/?v=6.4.2", b"Hugo")
    assert feed_entries(other, base + "index.xml")[0].platform_id is None
