"""A page an older blogarchive stored as a post that today's rules decide is no post (a Movable Type category archive,
mt-archive-listing, printing its one post in full: stored as a post before the listing rule): once in `articles` it
stayed there. A recrawl that got a 304 or the same bytes reused the old decision, a changed page decided a listing
left its row, and `reextract` counted it "skipped". Now such a row is retired — kept whole, marked with when and why,
left out of v_posts and the exports, said by `history` — and restored if a later decision makes it a post again; each
run records which rules decided its pages, and an unchanged page is decided again only when other rules decided it.

The older archive is written as such a file holds it: the page's row in `articles`, its fetch decided 'article', and
its run's rules unknown (NULL, as the migration leaves every run made before)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from archive import Archive, schema
from archive.migrations import migrate
from tests.conftest import archive_rows, crawl_summary, run_cli
from tests.local_http import QuietHandler, serving

HEAD = '<meta name="generator" content="Movable Type">'


def _entry(base: str, number: int, title: str) -> str:
    """One entry as Movable Type's Classic Blog prints it, on its own page or in full on a listing."""
    text = "<p>" + f"{title}: the river was high after the rain and the path along it was closed. " * 4 + "</p>"
    return (
        f'<div id="entry-{number}" class="entry-asset asset hentry"><div class="asset-header">'
        f'<h2 class="asset-name entry-title"><a href="{base}2024/0{number}/post-{number}.html" rel="bookmark">'
        f'{title}</a></h2><div class="asset-meta"><span class="byline"><span class="vcard author">Hanako Suzuki'
        f'</span> (<abbr class="published" title="2024-0{number}-15T10:30:00+09:00">March 15, 2024</abbr>)'
        f'</span></div></div><div class="asset-content entry-content"><div class="asset-body">{text}</div></div></div>'
    )


def _page(base: str, body_class: str, content: str, title: str) -> bytes:
    sidebar = f'<div id="beta"><ul><li><a href="{base}travel/kyoto/">京都 (1)</a></li></ul></div>'
    return (
        f"<html><head>{HEAD}<title>{title} - Everyday Notes</title></head>"
        f'<body id="classic-blog" class="{body_class} layout-wtt"><div id="container"><div id="content">'
        f'<div id="alpha">{content}</div>{sidebar}</div></div></body></html>'
    ).encode()


def _pages(base: str) -> dict[str, bytes]:
    listing = '<h1 id="page-title" class="archive-title">Recently in <em>京都</em> Category</h1>'
    return {
        "/": _page(base, "mt-main-index", _entry(base, 3, "Autumn leaves"), "Everyday Notes"),
        "/2024/03/post-3.html": _page(base, "mt-entry-archive", _entry(base, 3, "Autumn leaves"), "Autumn leaves"),
        "/travel/kyoto/": _page(
            base, "mt-archive-listing mt-category-archive", listing + _entry(base, 3, "Autumn"), "京都"
        ),
    }


@contextmanager
def _blog(etag: bool) -> Iterator[dict[str, Any]]:
    """A Movable Type blog of one post and its category's archive; with `etag` each page answers a conditional GET
    with 304, else the same bytes again."""
    blog: dict[str, Any] = {}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = _pages(blog["base"]).get(self.path)
            if body is None:
                self.answer(404, "text/plain", b"no such page")
            elif etag and self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
            else:
                self.answer(200, "text/html", body, {"ETag": '"v1"'} if etag else None)

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def _as_an_older_blogarchive_left_it(db: Path, url: str) -> None:
    """The page at `url` stored as a post, its fetch decided 'article', by rules no run recorded."""
    archive = Archive(db)
    run = archive.conn.execute("SELECT max(id) FROM crawl_runs").fetchone()[0]
    article = {"url": url, "title": "京都 - Everyday Notes", "text": "Autumn: the river was high.", "word_count": 6}
    archive.save_article(run, article, "2024-06-01T00:00:00+00:00")
    archive.write("UPDATE pages SET kind = 'article', reason = 'post markup (hAtom hentry)' WHERE url = ?", (url,))
    if "rules" in archive.db["crawl_runs"].columns_dict:  # a file before schema version 13 has no such column
        archive.write("UPDATE crawl_runs SET rules = NULL")
    archive.close()


@pytest.mark.parametrize("etag", [True, False], ids=["304", "same bytes"])
def test_a_recrawl_decides_again_an_unchanged_page_older_rules_stored_as_a_post_and_retires_it(tmp_path, etag):
    db = tmp_path / "archive.db"
    with _blog(etag) as blog:
        kyoto = blog["base"] + "travel/kyoto/"
        crawl_summary(blog["base"], db)
        _as_an_older_blogarchive_left_it(db, kyoto)
        again = crawl_summary(blog["base"], db)
        retired = archive_rows(db, "SELECT retired_at, retired_reason FROM articles WHERE url = ?", kyoto)
        assert retired[0][0] is not None and retired[0][1].startswith("listing: ")
        assert "Movable Type" in retired[0][1]
        assert again["retired (no post by today's rules)"] == "1"
        assert again["unchanged, decided again (other rules)"] == ("3" if etag else "0")  # the home and post too
        assert again["same body, not re-extracted"] == "0"
        assert archive_rows(db, "SELECT change, url FROM changes WHERE change = 'retired'") == [("retired", kyoto)]
        # the same rules since: nothing unchanged is read again, nothing retired twice
        third = crawl_summary(blog["base"], db)
    assert third["unchanged, decided again (other rules)"] == "0" and third["retired (no post by today's rules)"] == "0"
    assert third["not modified (304)" if etag else "same body, not re-extracted"] == "3"
    assert archive_rows(db, "SELECT count(*) FROM changes WHERE change = 'retired'") == [(1,)]
    assert archive_rows(db, "SELECT count(*) FROM articles") == [(2,)]  # kept
    assert archive_rows(db, "SELECT url FROM v_posts") == [(blog["base"] + "2024/03/post-3.html",)]


def test_reextract_retires_a_stored_post_today_s_rules_decide_is_a_listing_and_restores_it_when_a_post_again(tmp_path):
    db = tmp_path / "archive.db"
    with _blog(etag=False) as blog:
        kyoto = blog["base"] + "travel/kyoto/"
        crawl_summary(blog["base"], db)
    _as_an_older_blogarchive_left_it(db, kyoto)
    archive = Archive(db)
    article_id = archive.conn.execute("SELECT id FROM articles WHERE url = ?", (kyoto,)).fetchone()[0]
    archive.write(
        "INSERT INTO comments (article_id, position, author, text) VALUES (?, 1, 'Ann', 'Lovely leaves.')",
        (article_id,),
    )
    archive.close()
    done = run_cli("reextract", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "1 retired, 0 restored" in done.stdout
    assert re.search(rf"^retired {re.escape(kyoto)}: listing: .*Movable Type", done.stderr, re.M)
    (row,) = archive_rows(
        db, "SELECT retired_at IS NOT NULL, retired_reason LIKE 'listing: %' FROM articles WHERE url = ?", kyoto
    )
    assert row == (1, 1)
    assert archive_rows(db, "SELECT count(*) FROM comments WHERE article_id = ?", article_id) == [(1,)]  # nothing lost
    assert kyoto not in {url for (url,) in archive_rows(db, "SELECT url FROM v_posts")}
    assert archive_rows(db, "SELECT sum(posts) FROM v_monthly") == [(1,)]

    # a later decision makes it a post again: its page now a post's
    archive = Archive(db)
    post = _pages(blog["base"])["/2024/03/post-3.html"]
    run = archive.start_run(["https://elsewhere.example/"])
    archive.record_page(
        run, {"url": kyoto, "status": 200, "content_type": "text/html", "kind": "article", "body": post}
    )
    archive.close()
    again = run_cli("reextract", "--db", str(db))
    assert "0 retired, 1 restored" in again.stdout and f"restored {kyoto}" in again.stderr
    assert archive_rows(db, "SELECT retired_at, retired_reason FROM articles WHERE url = ?", kyoto) == [(None, None)]
    changes = [change for (change,) in archive_rows(db, "SELECT change FROM changes WHERE url = ? ORDER BY id", kyoto)]
    assert "retired" in changes and changes[-1] == "restored"  # after the post's new content ('changed')


def test_a_retired_post_leaves_the_exports_and_search_and_history_says_since_when_and_why(tmp_path):
    db = tmp_path / "archive.db"
    archive = Archive(db)
    run = archive.start_run(["https://notes.example/"])
    for slug in ("leaves", "archives"):
        url = f"https://notes.example/{slug}/"
        archive.save_article(
            run, {"url": url, "title": slug, "text": f"autumn {slug}", "published": "2024-03-15"}, "t1"
        )
    reason = "listing: its theme's layout for its archives"
    assert archive.retire_article(run, "https://notes.example/archives/", reason, "2025-01-02T03:04:05+00:00")
    assert not archive.retire_article(run, "https://notes.example/archives/", reason, "2025-01-03T00:00:00+00:00")
    archive.close()
    exported = tmp_path / "posts.jsonl"
    assert run_cli("export", str(exported), "--db", str(db), "--table", "v_posts").returncode == 0
    assert [json.loads(line)["url"] for line in exported.read_text().splitlines()] == ["https://notes.example/leaves/"]
    markdown = run_cli("export", str(tmp_path / "md"), "--db", str(db), "--format", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    texts = [p.read_text() for p in (tmp_path / "md").rglob("*.md")]
    assert len(texts) == 1 and "original_url: https://notes.example/leaves/" in texts[0]
    found = run_cli("search", "autumn", "--db", str(db), "--format", "json")
    assert [hit["url"] for hit in json.loads(found.stdout)] == ["https://notes.example/leaves/"]
    shown = run_cli("history", "https://notes.example/archives/", "--db", str(db), "--format", "table")
    assert f"not a post since 2025-01-02T03:04:05+00:00 ({reason}); the archive keeps it" in shown.stdout


def test_an_archive_of_the_previous_schema_is_upgraded_its_changes_kept_and_retiring_allowed(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:12])
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path)
    conn.execute("INSERT INTO crawl_runs (started) VALUES ('2024-01-01T00:00:00+00:00')")
    conn.execute(
        "INSERT INTO articles (url, site, title, text, content_hash, first_seen, last_fetched)"
        " VALUES ('https://b.example/archives/', 'b.example', 'Archives', 'months', 'h', 't0', 't0')"
    )
    conn.execute(
        "INSERT INTO changes (run_id, site, subject, change, url, article_id, at)"
        " VALUES (1, 'b.example', 'post', 'new', 'https://b.example/archives/', 1, 't0')"
    )
    conn.close()
    monkeypatch.undo()
    archive = Archive(path)
    assert archive.conn.execute("SELECT rules FROM crawl_runs").fetchall()[0][0] is None
    assert archive.retire_article(1, "https://b.example/archives/", "listing: the site's archives", "t1")
    assert [tuple(r) for r in archive.conn.execute("SELECT change FROM changes ORDER BY id")] == [
        ("new",),
        ("retired",),
    ]
    assert archive.conn.execute("SELECT count(*) FROM v_posts").fetchone()[0] == 0
    assert archive.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    archive.close()


def test_a_page_served_in_a_posts_place_that_tells_nothing_of_what_it_is_retires_no_post(tmp_path):
    """A maintenance notice, a challenge or a soft 404 served for a while at a post's address is decided no post
    ('other': no date, no post markup), which says nothing of what the address holds: the post keeps counting."""
    db = tmp_path / "archive.db"
    served: dict[str, bytes] = {}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = served.get(self.path)
            self.answer(200, "text/html", body) if body else self.answer(404, "text/plain", b"no such page")

    with serving(Handler) as base:
        served.update(_pages(base))
        crawl_summary(base, db)
        post = base + "2024/03/post-3.html"
        assert archive_rows(db, "SELECT count(*) FROM v_posts WHERE url = ?", post) == [(1,)]
        served["/2024/03/post-3.html"] = (
            b"<html><body><p>Briefly unavailable for scheduled maintenance.</p></body></html>"
        )
        again = run_cli("crawl", base, "--db", str(db), "-s", "EXTRACT_PROCESSES=0")  # nothing archived: exit 1
    assert re.search(r"│ retired \(no post by today's rules\) +│ 0 ", again.stdout), again.stdout
    assert archive_rows(db, "SELECT retired_at FROM articles WHERE url = ?", post) == [(None,)]
    assert archive_rows(db, "SELECT count(*) FROM v_posts WHERE url = ?", post) == [(1,)]
