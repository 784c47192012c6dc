"""A post that moved between two crawls: its author edited the slug (WordPress answers the old address with a 301,
wp_old_slug_redirect), the blog changed its permalink structure (a 301 or 308 from each old address), or a static
blog renamed the file and left an alias page (Hugo's `aliases:`, jekyll-redirect-from: a refresh page naming the new
address as its canonical). A recrawl stored the post again at its new address as a new post and left the old row a
live post — the same post twice in search and exports, its history split in two, the redirect recorded nowhere. Now
the post's row moves: one row at the new address, its earlier state a version of it, the address it left kept with
the redirect, the move a change; a temporary redirect, or one to a page that is no post, moves nothing.

The blog is served on 127.0.0.1 and changes between crawls as a blog does; each crawl is a real one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import archive_rows, crawl_summary, run_cli
from tests.local_http import QuietHandler, serving

OLD, NEW = "/2024/05/river-walk/", "/river-walk-in-spring/"
TEXT = "The river was high after the rain and the path along it was closed for a week. " * 4


def _post(base: str, path: str, title: str, text: str, day: str) -> bytes:
    """A post as a WordPress theme prints it: its canonical, schema.org BlogPosting, an <article>."""
    ld = {"@type": "BlogPosting", "headline": title, "datePublished": f"{day}T10:00:00+00:00"}
    return (
        f'<html><head><title>{title} - Notes</title><link rel="canonical" href="{base}{path[1:]}">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body><nav><a href="{base}">Notes</a>'
        f'</nav><article class="post"><h1>{title}</h1><time datetime="{day}">{day}</time><p>{text}</p></article>'
        "</body></html>"
    ).encode()


def _alias(target: str, canonical: bool) -> bytes:
    """The page Hugo writes at an alias's path (jekyll-redirect-from's is the same): a refresh to the new address,
    naming it as canonical."""
    link = f'<link rel="canonical" href="{target}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{target}</title>{link}<meta name="robots" content="noindex">'
        f'<meta charset="utf-8"><meta http-equiv="refresh" content="0; url={target}"></head></html>'
    ).encode()


@contextmanager
def _blog() -> Iterator[dict[str, Any]]:
    """A blog of two posts; `blog["moved"]` None while the river post is at OLD, else how OLD answers once it is at
    NEW (edited too): 301, 302, 308, "alias" (a refresh page naming NEW as canonical), "refresh" (one naming none),
    "home" (a 301 to the home page: the post deleted). `blog["linked"]`: the address the home page and the sitemap
    give the post (a stale one: the redirect is read first)."""
    blog: dict[str, Any] = {"moved": None, "linked": None}

    def pages(base: str) -> dict[str, bytes]:
        at = OLD if blog["moved"] in (None, "home") else NEW
        text = TEXT if blog["moved"] is None else TEXT + " Update: the path reopened in June."
        hills = _post(base, "/2024/04/hills/", "Hills", "The hills were green. " * 12, "2024-04-03")
        posts = {"/2024/04/hills/": hills}
        if blog["moved"] != "home":
            posts[at] = _post(base, at, "River walk", text, "2024-05-03")
        linked = blog["linked"] or at
        home = f'<html><body><ul><li><a href="{base}{linked[1:]}">River walk</a></li></ul></body></html>'
        listed = [*(path for path in posts if path != at), linked]
        urls = "".join(f"<url><loc>{base}{path[1:]}</loc></url>" for path in listed)
        sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return {"/": home.encode(), "/sitemap.xml": sitemap.encode(), **posts}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            base, moved = blog["base"], blog["moved"]
            if self.path == "/robots.txt":
                self.answer(200, "text/plain", f"Sitemap: {base}sitemap.xml\n".encode())
            elif self.path == OLD and moved in (301, 302, 308, "home"):
                target = base if moved == "home" else base + NEW[1:]
                self.answer(301 if moved == "home" else moved, "text/html", b"", {"Location": target})
            elif self.path == OLD and moved in ("alias", "refresh"):
                self.answer(200, "text/html", _alias(base + NEW[1:], canonical=moved == "alias"))
            elif (body := pages(base).get(self.path)) is not None:
                self.answer(200, "application/xml" if self.path.endswith(".xml") else "text/html", body)
            else:
                self.answer(404, "text/plain", b"no such page")

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def _river(db: Path) -> list[tuple[Any, ...]]:
    return archive_rows(db, "SELECT id, url FROM articles WHERE title = 'River walk' ORDER BY id")


def test_a_post_whose_address_redirects_for_good_is_one_row_its_history_kept_its_old_address_recorded(tmp_path):
    db = tmp_path / "archive.db"
    with _blog() as blog:
        base = blog["base"]
        crawl_summary(base, db)
        [(post_id, _)] = _river(db)
        blog["moved"] = 301  # the slug edited, and the post: the sitemap lists the new address, read first
        again = crawl_summary(base, db)
        assert _river(db) == [(post_id, base + NEW[1:])]
        assert again["moved (a permanent redirect)"] == "1" and again["new articles"] == "0"
        [(version, text)] = archive_rows(db, "SELECT version, text FROM article_versions WHERE article_id = ?", post_id)
        assert version == 1 and "reopened" not in text
        assert "reopened" in archive_rows(db, "SELECT text FROM articles WHERE id = ?", post_id)[0][0]
        assert archive_rows(db, "SELECT url, moved_to, redirect FROM article_addresses") == [
            (base + OLD[1:], base + NEW[1:], "301")
        ]
        assert archive_rows(db, "SELECT change, url, version, fields, summary FROM changes WHERE run_id = 2") == [
            ("moved", base + NEW[1:], 1, '["text"]', f"moved from {base}{OLD[1:]} (301); text +1/-1 lines")
        ]
        assert archive_rows(db, "SELECT status, kind FROM pages WHERE url = ? AND run_id = 2", base + OLD[1:]) == [
            (301, "redirect")
        ]
        third = crawl_summary(base, db)
        assert _river(db) == [(post_id, base + NEW[1:])]
        assert third["moved (a permanent redirect)"] == "0" and third["new articles"] == "0"
    assert archive_rows(db, "SELECT count(*) FROM changes WHERE change = 'moved'") == [(1,)]
    shown = run_cli("history", base + OLD[1:], "--db", str(db), "--format", "table")
    assert shown.returncode == 0, shown.stderr
    assert f"moved from {base}{OLD[1:]} to {base}{NEW[1:]} (301)" in shown.stdout
    assert run_cli("verify", "--db", str(db)).returncode == 0
    # re-extraction reads the post at its new address, not its old page again as a post of its own
    assert run_cli("reextract", "--db", str(db)).returncode == 0
    assert _river(db) == [(post_id, base + NEW[1:])]


@pytest.mark.parametrize("moved", [301, 308, "alias"])
def test_a_post_reached_at_its_old_address_first_moves_there(tmp_path, moved):
    """The home page still links the old address (a stale link, a Hugo alias): the post is first read through the
    redirect, and its row moves before the new state is stored."""
    db = tmp_path / "archive.db"
    with _blog() as blog:
        crawl_summary(blog["base"], db)
        [(post_id, _)] = _river(db)
        blog["moved"], blog["linked"] = moved, OLD
        again = crawl_summary(blog["base"], db)
    assert _river(db) == [(post_id, blog["base"] + NEW[1:])]
    assert again["moved (a permanent redirect)"] == "1" and again["new articles"] == "0"
    how = {301: "301", 308: "308", "alias": "meta refresh (canonical)"}[moved]
    assert archive_rows(db, "SELECT redirect FROM article_addresses") == [(how,)]
    assert archive_rows(db, "SELECT count(*) FROM article_versions WHERE article_id = ?", post_id) == [(1,)]
    assert archive_rows(db, "SELECT change FROM changes WHERE run_id = 2 ORDER BY id") == [("moved",), ("changed",)]


@pytest.mark.parametrize("moved", [302, "refresh", "home"])
def test_a_temporary_redirect_or_one_to_no_post_moves_nothing(tmp_path, moved):
    """A 302 (elsewhere for now), a refresh page naming no canonical (a splash), a 301 to the home page (WordPress
    sends a deleted post's address there with a redirect plugin): the post stays archived at its address."""
    db = tmp_path / "archive.db"
    with _blog() as blog:
        base = blog["base"]
        crawl_summary(base, db)
        [(post_id, _)] = _river(db)
        blog["moved"], blog["linked"] = moved, OLD
        again = crawl_summary(base, db)
    assert (post_id, base + OLD[1:]) in _river(db)
    assert again["moved (a permanent redirect)"] == "0"
    assert archive_rows(db, "SELECT count(*) FROM article_addresses") == [(0,)]
    assert archive_rows(db, "SELECT gone_at, retired_at FROM articles WHERE id = ?", post_id) == [(None, None)]
