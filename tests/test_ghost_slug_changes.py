"""A Ghost editor changed a post's slug between two crawls: Ghost answers the old address 404 (no redirect unless the
owner writes one), and a recrawl marked the post gone and stored it again as a new post — its history split. Ghost
numbers every post (its id) and the crawl can read the id: Ghost's RSS feed gives each post it lists its id as the
item's `<guid isPermaLink="false">`, and a post's page names it in the script of Ghost's comments where the blog has
them on. The same id gone at the archived address and read at a new one is the post moved: one row, its history
kept, the old address recorded.

The blog is served on 127.0.0.1 in the markup Ghost 5 prints (its Source theme, ghost_head's RSS link, its feed);
each crawl is a real one. A real Ghost is crawled in tests/ghost/."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from crawler.discovery.feeds import feed_entries
from crawler.extraction.extract import extract
from tests.conftest import archive_rows, crawl_summary
from tests.local_http import QuietHandler, serving

FOG, SWIFTS = "6650c00000000000000000a1", "6650c00000000000000000a2"
# id → (title, time, slug, text)
POSTS = {
    FOG: ("Fog on the River", "2024-06-04T05:30:00.000Z", "fog", "The river was gone under fog."),
    SWIFTS: ("Swifts", "2024-06-01T19:05:00.000Z", "swifts", "Forty-two swifts over the mill."),
}


def _post(base: str, post_id: str, slug: str, comments: bool) -> bytes:
    """A post as Ghost 5 prints it with its Source theme: ghost_head's canonical link, JSON-LD and RSS link, the
    `post-template` body class, the post in `.gh-content`; with Ghost's comments on, their script naming the post."""
    title, published, _, text = POSTS[post_id]
    script = (
        f'<script defer src="https://cdn.jsdelivr.net/ghost/comments-ui@~1.2/umd/comments-ui.min.js" '
        f'data-ghost-comments="{base}" data-api="{base}ghost/api/content/" data-post-id="{post_id}" '
        'data-admin="/ghost/" crossorigin="anonymous"></script>'
        if comments
        else ""
    )
    jsonld = (
        f'{{"@context": "https://schema.org", "@type": "Article", "headline": "{title}", "url": "{base}{slug}/", '
        f'"datePublished": "{published}", "author": {{"@type": "Person", "name": "Mira Holt"}}}}'
    )
    return (
        f'<html lang="en"><head><title>{title}</title><link rel="canonical" href="{base}{slug}/">'
        f'<script type="application/ld+json">{jsonld}</script><meta name="generator" content="Ghost 5.130">'
        f'<link rel="alternate" type="application/rss+xml" title="River Notes" href="{base}rss/"></head>'
        f'<body class="post-template"><main class="gh-main"><article class="gh-article post">'
        f'<header class="gh-article-header"><h1 class="gh-article-title">{title}</h1></header>'
        f'<section class="gh-content gh-canvas"><p>{text} {text} {text}</p></section>{script}</article></main>'
        "</body></html>"
    ).encode()


def _feed(base: str, slugs: dict[str, str]) -> bytes:
    """Ghost's RSS feed (its generate-feed): each item's link the post's address, its guid the post's id."""
    items = "".join(
        f"<item><title><![CDATA[{POSTS[i][0]}]]></title><link>{base}{slugs[i]}/</link>"
        f'<guid isPermaLink="false">{i}</guid><dc:creator><![CDATA[Mira Holt]]></dc:creator>'
        f"<pubDate>{POSTS[i][1]}</pubDate><content:encoded><![CDATA[<p>{POSTS[i][3]}</p>]]></content:encoded></item>"
        for i in slugs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel>'
        f"<title><![CDATA[River Notes]]></title><link>{base}</link><generator>Ghost 5.130</generator>"
        f"{items}</channel></rss>"
    ).encode()


@contextmanager
def _blog(comments: bool = False) -> Iterator[dict[str, Any]]:
    """The blog; `blog["slugs"]`: each post's slug now (an editor changes one, and its old address answers 404)."""
    blog: dict[str, Any] = {"slugs": {i: slug for i, (_, _, slug, _) in POSTS.items()}}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            base, slugs = blog["base"], blog["slugs"]
            posts = {f"/{slug}/": _post(base, i, slug, comments) for i, slug in slugs.items()}
            if self.path == "/rss/":
                self.answer(200, "application/rss+xml", _feed(base, slugs))
            elif self.path == "/":
                links = "".join(f'<a href="{path}">{path}</a>' for path in posts)
                home = f'<html><head><link rel="alternate" type="application/rss+xml" href="{base}rss/"></head>'
                self.answer(200, "text/html", f'{home}<body class="home-template">{links}</body></html>'.encode())
            elif self.path in posts:
                self.answer(200, "text/html", posts[self.path])
            else:
                self.answer(404, "text/html", b"<html><body class='error-template'>Page not found</body></html>")

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


@pytest.mark.parametrize("comments", [False, True], ids=["id-from-the-feed", "id-from-the-page"])
def test_a_ghost_post_whose_slug_changed_is_moved_by_its_ghost_id(tmp_path, comments):
    db = tmp_path / "archive.db"
    with _blog(comments) as blog:
        base = blog["base"]
        crawl_summary(base, db)
        editor = f"{base}ghost/#/editor/post/{FOG}"
        assert (base + "fog/", editor) in archive_rows(db, "SELECT url, platform_id FROM articles")
        (fog_row,) = archive_rows(db, "SELECT id FROM articles WHERE url LIKE '%/fog/'")
        blog["slugs"][FOG] = "morning-fog"
        again = crawl_summary(base, db)
        assert again["moved (the same post ID, its old address gone)"] == "1"
        assert again["new articles"] == "0" and again["gone (404/410)"] == "0"
        assert archive_rows(db, f"SELECT id, url, gone_at FROM articles WHERE platform_id = '{editor}'") == [
            (fog_row[0], base + "morning-fog/", None)
        ]
        assert archive_rows(db, "SELECT url, moved_to, redirect FROM article_addresses") == [
            (base + "fog/", base + "morning-fog/", f"404, the same post {editor}")
        ]


def test_the_id_in_ghosts_comments_script_is_the_posts_identity():
    base = "https://notes.example/"
    assert (
        extract(_post(base, FOG, "fog", True).decode(), base + "fog/").platform_id == f"{base}ghost/#/editor/post/{FOG}"
    )
    assert extract(_post(base, FOG, "fog", False).decode(), base + "fog/").platform_id is None


def test_a_ghost_feeds_guid_is_the_posts_identity_and_another_feeds_is_not():
    base = "https://notes.example/"
    (first, _) = feed_entries(_feed(base, {i: s for i, (_, _, s, _) in POSTS.items()}), base + "rss/")
    assert first.platform_id == f"{base}ghost/#/editor/post/{FOG}"
    other = _feed(base, {FOG: "fog"}).replace(b"<generator>Ghost 5.130</generator>", b"<generator>Hugo</generator>")
    assert feed_entries(other, base + "index.xml")[0].platform_id is None


def test_a_post_stored_before_its_feed_was_read_gets_the_id_the_feed_gives(tmp_path):
    """The crawl may store a post before it reads the feed that names its id: the post then gets it, no new version;
    a post that has an identity keeps it."""
    from archive import Archive

    archive = Archive(tmp_path / "a.db")
    try:
        run = archive.start_run([])
        for slug, identity in (("fog", None), ("swifts", "https://notes.example/ghost/#/editor/post/kept")):
            row = {"url": f"https://notes.example/{slug}/", "title": slug, "text": "Text.", "platform_id": identity}
            archive.save_article(run, row, "2024-06-05T10:00:00+00:00")
        editor = "https://notes.example/ghost/#/editor/post/"
        feed = {f"https://notes.example/{slug}/": editor + slug for slug in ("fog", "swifts")}
        assert archive.identify_posts(feed) == 1
        assert sorted(tuple(r) for r in archive.conn.execute("SELECT url, platform_id FROM articles")) == [
            ("https://notes.example/fog/", editor + "fog"),
            ("https://notes.example/swifts/", editor + "kept"),
        ]
        assert [tuple(r) for r in archive.conn.execute("SELECT count(*) FROM article_versions")] == [(0,)]
    finally:
        archive.close()
