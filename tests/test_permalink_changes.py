"""A WordPress blog that changed Settings → Permalinks between two crawls, its old addresses answering 404 (no
redirect: WordPress guesses one for some old addresses only). A recrawl marked every post gone and stored each again
as a new post — the history split, every post twice in search and exports. WordPress prints each post's ID on its
page wherever the post is (the shortlink, the REST API's link to its entry, the body class): the same ID gone at the
archived address and read at a new one is the post moved. One row, its history kept, the old address recorded.

The blog is served on 127.0.0.1 and changes as WordPress does; each crawl is a real one. A real WordPress is crawled
in tests/wordpress/test_wordpress_permalinks.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from crawler.extraction.extract import extract
from tests.conftest import archive_rows, crawl_summary, run_cli
from tests.local_http import QuietHandler, serving

# ID → (title, day, slug); the structures before and after: /%year%/%monthnum%/%day%/%postname%/ → /%postname%/
POSTS = {12: ("River walk", "2024-05-03", "river-walk"), 15: ("Hills in spring", "2024-04-03", "hills-in-spring")}
TEXT = "The river was high after the rain and the path along it was closed for a week. " * 4


def _dated(number: int) -> str:
    _title, day, slug = POSTS[number]
    return f"/{day.replace('-', '/')}/{slug}/"


def _plain(number: int) -> str:
    return f"/{POSTS[number][2]}/"


def _post(base: str, number: int, path: str, day: str, text: str, link: str) -> bytes:
    """A single post as a classic WordPress theme prints it: the shortlink and REST link in the head, body_class()
    with its ID, post_class() on its <article>."""
    title = POSTS[number][0]
    return (
        f"<html><head><title>{title} – Notes</title><link rel='canonical' href='{base}{path[1:]}'>"
        f"<link rel='shortlink' href='{base}?p={number}'>"
        f'<link rel="alternate" title="JSON" type="application/json" href="{base}wp-json/wp/v2/posts/{number}">'
        f'</head><body class="post-template-default single single-post postid-{number} single-format-standard">'
        f'<nav><a href="{base}">Notes</a></nav><article id="post-{number}" class="post-{number} post type-post">'
        f'<h1 class="entry-title">{title}</h1><time class="entry-date published" datetime="{day}T10:00:00+00:00">'
        f'{day}</time><div class="entry-content"><p>{text}</p><p>See also <a href="{base}{link[1:]}">the other walk'
        "</a>.</p></div></article></body></html>"
    ).encode()


@contextmanager
def _blog() -> Iterator[dict[str, Any]]:
    """A blog of two posts under `blog["structure"]` (_dated, then _plain); `blog["days"]`: each post's date as
    printed (a post deleted and its ID given to another on another day). The sitemap lists the posts where they are;
    `blog["stale"]`: each post links the other at its old address (a link in the text the author never updated:
    the 404 is read before the new address)."""
    blog: dict[str, Any] = {"structure": _dated, "days": {n: day for n, (_, day, _) in POSTS.items()}, "stale": False}

    def pages(base: str) -> dict[str, bytes]:
        at = blog["structure"]
        text = TEXT if at is _dated else TEXT + " Update: the path reopened in June."
        posts = {}
        for number, other in ((12, 15), (15, 12)):
            link = _dated(other) if blog["stale"] else at(other)
            posts[at(number)] = _post(base, number, at(number), blog["days"][number], text, link)
        urls = "".join(f"<url><loc>{base}{path[1:]}</loc></url>" for path in posts)
        sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return {"/": b"<html><body>Notes</body></html>", "/sitemap.xml": sitemap.encode(), **posts}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path == "/robots.txt":
                self.answer(200, "text/plain", f"Sitemap: {blog['base']}sitemap.xml\n".encode())
            elif (body := pages(blog["base"]).get(self.path)) is not None:
                self.answer(200, "application/xml" if self.path.endswith(".xml") else "text/html", body)
            else:
                self.answer(404, "text/html", b"<html><body class='error404'>Nothing here</body></html>")

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def _posts(db: Path) -> list[tuple[Any, ...]]:
    return archive_rows(db, "SELECT id, url, platform_id, gone_at FROM articles ORDER BY id")


@pytest.mark.parametrize("stale", [False, True], ids=["new-addresses-first", "old-address-404-first"])
def test_a_post_whose_old_address_answers_404_is_moved_by_its_wordpress_id(tmp_path, stale):
    db = tmp_path / "archive.db"
    with _blog() as blog:
        base = blog["base"]
        crawl_summary(base, db)
        before = {url: (post_id, identity) for post_id, url, identity, _ in _posts(db)}
        assert {url: identity for url, (_, identity) in before.items()} == {
            base + _dated(number)[1:]: f"{base}?p={number}" for number in (12, 15)
        }
        blog["structure"], blog["stale"] = _plain, stale
        again = crawl_summary(base, db)
        after = _posts(db)
        # each post's row, its id kept, at its new address (the posts are stored in the order the crawl reads them)
        assert sorted((post_id, url, gone) for post_id, url, _, gone in after) == sorted(
            (before[base + _dated(number)[1:]][0], base + _plain(number)[1:], None) for number in (12, 15)
        )
        assert again["moved (the same post ID, its old address gone)"] == "2"
        assert again["new articles"] == "0" and again["gone (404/410)"] == "0"
        assert sorted(archive_rows(db, "SELECT url, moved_to, redirect FROM article_addresses")) == [
            (base + _dated(15)[1:], base + _plain(15)[1:], f"404, the same post {base}?p=15"),
            (base + _dated(12)[1:], base + _plain(12)[1:], f"404, the same post {base}?p=12"),
        ]
        assert archive_rows(db, "SELECT count(*) FROM changes WHERE run_id = 2 AND change IN ('new', 'gone')") == [(0,)]
        assert archive_rows(db, "SELECT count(*) FROM changes WHERE run_id = 2 AND change = 'moved'") == [(2,)]
        assert again["updated articles"] == "2"
        # the text before the update kept as the post's version 1
        assert archive_rows(db, "SELECT count(*) FROM article_versions WHERE text NOT LIKE '%reopened%'") == [(2,)]
        third = crawl_summary(base, db)
        assert _posts(db) == after
        assert third["moved (the same post ID, its old address gone)"] == "0" and third["new articles"] == "0"
    shown = run_cli("history", base + _dated(12)[1:], "--db", str(db), "--format", "table")
    assert shown.returncode == 0, shown.stderr
    assert f"moved from {base}{_dated(12)[1:]} to {base}{_plain(12)[1:]} (404, the same post {base}?p=12)" in (
        shown.stdout
    )
    assert run_cli("verify", "--db", str(db)).returncode == 0
    # re-extraction reads each post at its new address, not its old page again as a post of its own
    assert run_cli("reextract", "--db", str(db)).returncode == 0
    assert [(post_id, url) for post_id, url, *_ in _posts(db)] == [(post_id, url) for post_id, url, *_ in after]


def test_an_id_given_to_another_post_on_another_day_moves_nothing(tmp_path):
    """A post deleted, its ID reused (a database restored): the post archived under it is gone, the other is new."""
    db = tmp_path / "archive.db"
    with _blog() as blog:
        crawl_summary(blog["base"], db)
        blog["structure"], blog["days"] = _plain, {12: "2025-01-09", 15: POSTS[15][1]}
        again = crawl_summary(blog["base"], db)
    assert again["moved (the same post ID, its old address gone)"] == "1"
    assert again["new articles"] == "1" and again["gone (404/410)"] == "1"
    river = archive_rows(
        db, "SELECT url, gone_at IS NOT NULL FROM articles WHERE platform_id LIKE '%?p=12' ORDER BY id"
    )
    assert river == [(blog["base"] + _dated(12)[1:], 1), (blog["base"] + _plain(12)[1:], 0)]


HEAD = '<link rel="https://api.w.org/" href="https://example.org/blog/wp-json/">'


@pytest.mark.parametrize(
    ("head", "body_class", "identity"),
    [
        # the shortlink, of a blog in a folder (a multisite network's): its home names the blog
        ("<link rel='shortlink' href='https://example.org/blog/?p=7'>", "", "https://example.org/blog/?p=7"),
        # Jetpack's wp.me shortlink names no ID: the REST API's link to the entry does
        (
            "<link rel='shortlink' href='https://wp.me/p9x-7'><link rel='alternate' type='application/json'"
            " href='https://example.org/blog/wp-json/wp/v2/posts/7'>",
            "",
            "https://example.org/blog/?p=7",
        ),
        # under PATHINFO permalinks the REST API is under index.php, the home is not
        (
            "<link rel='alternate' type='application/json' href='https://example.org/index.php/wp-json/wp/v2/posts/7'>",
            "",
            "https://example.org/?p=7",
        ),
        # under plain permalinks the REST link is a query; a page's type is `pages`
        (
            "<link rel='alternate' type='application/json' href='https://example.org/?rest_route=/wp/v2/pages/2'>",
            "",
            "https://example.org/?p=2",
        ),
        # no shortlink nor entry link (a plugin removes them): the body class's ID, the API root's home
        (HEAD, "single single-post postid-7", "https://example.org/blog/?p=7"),
        (HEAD, "page page-id-2", "https://example.org/blog/?p=2"),
        # a listing: WordPress's API root on every page, no ID
        (HEAD, "home blog", None),
        # no WordPress: a `postid-` class names no home
        ("", "postid-7", None),
    ],
)
def test_the_wordpress_id_a_page_prints_is_its_identity(head, body_class, identity):
    page = f"<html><head>{head}</head><body class='{body_class}'><article><h1>A walk</h1><p>{TEXT}</p></article>"
    assert extract(page + "</body></html>", "https://example.org/blog/a-walk/").platform_id == identity


def test_the_changes_headline_counts_the_posts_that_moved(tmp_path):
    """A recrawl that found every post moved: its alert listed the moves under the headline "no changes" (the
    headline counted new, changed and gone posts only), and its webhook's counts had no moves."""
    db = tmp_path / "archive.db"
    with _blog() as blog:
        crawl_summary(blog["base"], db)
        blog["structure"] = _plain
        crawl_summary(blog["base"], db)
    shown = run_cli("changes", "--db", str(db), "--format", "table")
    assert shown.returncode == 0, shown.stderr
    assert "run 2: posts: 2 moved" in shown.stdout


def test_posts_an_older_blogarchive_archived_get_their_identity_on_the_next_crawl(tmp_path):
    """An archive made before identities were read holds none; the next crawl, by other rules than the ones its pages
    were read by, reads every page it fetches again and keeps each post's: the structure changed after that, the
    posts move."""
    db = tmp_path / "archive.db"
    with _blog() as blog:
        crawl_summary(blog["base"], db)
        with sqlite3.connect(db) as conn:  # as an older blogarchive left it
            conn.execute("UPDATE articles SET platform_id = NULL")
            conn.execute("UPDATE crawl_runs SET rules = 'blogarchive 0.9, trafilatura 2.0.0, rules 000000000000'")
        upgraded = crawl_summary(blog["base"], db)
        assert upgraded["new articles"] == "0" and upgraded["updated articles"] == "0"
        assert sorted(identity for _, _, identity, _ in _posts(db)) == [f"{blog['base']}?p={n}" for n in (12, 15)]
        blog["structure"] = _plain
        again = crawl_summary(blog["base"], db)
    assert again["moved (the same post ID, its old address gone)"] == "2" and again["new articles"] == "0"
