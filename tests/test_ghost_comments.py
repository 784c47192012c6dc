"""Ghost's native comments: comments-ui loads them by script, never into the page, so a Ghost post was archived with
none and no word of it. The post's page names the post (`data-post-id` on the comments script); the crawl reads its
comments from Ghost's comments API (`/members/api/comments/post/ID/`, paged; a thread's further replies at
`/members/api/comments/CID/replies/`), threaded; `reextract` builds them again from the stored answers; a comments
script that names no post is said, as other comments loaded by script are."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from crawler.discovery.comment_sources import comments_url, next_comments_pages, pages_prefix, source
from crawler.extraction.served_comments import served_comments
from crawler.rendering.detect import needs_browser
from tests.conftest import run_cli
from tests.local_http import QuietHandler, serving

POST_ID = "6b15f800c34e592c148ec071"
POST = "https://blog.example/compilers/"
API = f"https://blog.example/members/api/comments/post/{POST_ID}/"


def _script(site: str = "https://blog.example/", post: str = POST_ID) -> bytes:
    """The script Ghost's `{{comments}}` helper prints where the comments go."""
    return (
        '<div class="gh-comments gh-canvas"><script defer src="https://cdn.jsdelivr.net/ghost/comments-ui@~1.2/umd/'
        f'comments-ui.min.js" data-locale="en" data-ghost-comments="{site}" data-api="{site}ghost/api/content/"'
        f' data-key="76907852a5" data-count="true" data-post-id="{post}" data-comments-enabled="all"'
        ' crossorigin="anonymous"></script></div>'
    ).encode()


def _entry(cid: str, name: str | None, when: str, html: str | None, **more: Any) -> dict[str, Any]:
    member = {"id": f"m{cid}", "uuid": f"u-{cid}", "name": name, "expertise": None, "avatar_image": None}
    status = "published" if html else "deleted"
    return {"id": cid, "in_reply_to_id": None, "status": status, "html": html, "created_at": when, "member": member}


def _top(cid: str, name: str | None, when: str, html: str | None, replies: list[dict], total: int = 0) -> dict:
    return {**_entry(cid, name, when, html), "replies": replies, "count": {"replies": total or len(replies)}}


def _answer(comments: list[dict], page: int = 1, pages: int = 1) -> bytes:
    following = page + 1 if page < pages else None
    pagination = {"page": page, "limit": 100, "pages": pages, "total": len(comments), "next": following}
    return json.dumps({"comments": comments, "meta": {"pagination": pagination}}).encode()


def _reply(cid: str, name: str, when: str, text: str, answers: str | None = None) -> dict:
    return {**_entry(cid, name, when, f"<p>{text}</p>"), "in_reply_to_id": answers, "count": {"likes": 0}}


REPLIES = [_reply(f"r{n}", "Bo", f"2024-03-0{n}T12:00:00.000Z", f"Reply {n}.") for n in range(1, 6)]
# Ghost lists the newest first; the first comment has five replies, three shown; the second was removed (its reply
# stays); the third, by a member who gave no name, is on the second page.
PAGE_1 = [
    _top("c2", "Bo", "2024-03-02T09:00:00.000Z", None, [_reply("r9", "Ann", "2024-03-02T10:00:00.000Z", "Orphan.")]),
    _top("c1", "Ann", "2024-03-01T09:00:00.000Z", "<p>First.</p><p>Second line.</p>", REPLIES[:3], total=5),
]
PAGE_2 = [_top("c0", None, "2024-02-28T09:00:00.000Z", "<p>Oldest, no name.</p>", [])]


def test_a_ghost_post_page_names_where_ghost_serves_its_comments():
    first = f"{API}?limit=100&page=1"
    assert comments_url(_script(), POST) == first
    assert source(first) == "ghost"
    assert pages_prefix(first) == f"{API}?limit=100&page="
    # a Ghost installed under a path: its API is under it too
    assert comments_url(_script("https://blog.example/news/"), POST).startswith("https://blog.example/news/members/")
    # Ghost writes the attributes' values unescaped: a theme's title for the comments may hold a ">"
    titled = _script().replace(b'data-key="', b'data-title="Comments > replies" data-key="')
    assert comments_url(titled, POST) == first
    assert comments_url(_script(post=""), POST) is None
    assert comments_url(b"<p>No comments script.</p>", POST) is None


def test_ghosts_answer_leads_to_its_next_page_and_to_the_replies_it_does_not_hold():
    following = next_comments_pages(f"{API}?limit=100&page=1", _answer(PAGE_1, 1, 2), 0)
    assert following == [
        f"{API}?limit=100&page=2",
        "https://blog.example/members/api/comments/c1/replies/?limit=all",
    ]
    assert next_comments_pages(f"{API}?limit=100&page=2", _answer(PAGE_2, 2, 2), 0) == []


def test_ghosts_comments_are_read_oldest_first_with_their_threads():
    replies = _answer(REPLIES)
    found = served_comments([_answer(PAGE_1, 1, 2), _answer(PAGE_2, 2, 2), replies], POST)
    assert [(c.id, c.parent, c.depth, c.author, c.text) for c in found] == [
        ("c0", None, 1, None, "Oldest, no name."),
        ("c1", None, 1, "Ann", "First.\nSecond line."),
        *[(f"r{n}", "c1", 2, "Bo", f"Reply {n}.") for n in range(1, 6)],
        ("r9", None, 1, "Ann", "Orphan."),  # the comment it answered was removed
    ]
    assert found[1].published == "2024-03-01T09:00:00.000Z"
    # a reply to a reply of the thread answers that reply
    answered = _reply("r6", "Ann", "2024-03-09T12:00:00.000Z", "To Bo.", answers="r2")
    [*_, last] = served_comments([_answer([_top("c1", "Ann", "2024-03-01T09:00:00Z", "<p>A</p>", [answered])])], POST)
    assert (last.id, last.parent, last.depth) == ("r6", "c1", 2)  # r2 is not among them (removed): in the thread
    thread = [_top("c1", "Ann", "2024-03-01T09:00:00Z", "<p>A</p>", [*REPLIES[:2], answered])]
    assert [(c.id, c.parent, c.depth) for c in served_comments([_answer(thread)], POST)][-1] == ("r6", "r2", 3)


def test_a_ghost_comments_script_that_names_no_post_is_said():
    page = b"<html><body><p>Post.</p><p>More.</p><p>End.</p>" + _script(post="") + b"</body></html>"
    assert needs_browser(page) == "comments loaded by script (Ghost), for no post the page names"
    assert needs_browser(page.replace(_script(post=""), _script())) is None  # read from the API
    # Ghost's script that counts each listed post's comments, on every page of a blog with comments, loads none
    counts = (
        b'<script defer src="/public/comment-counts.min.js?v=df54ff0491"'
        b' data-ghost-comments-counts-api="https://blog.example/members/api/comments/counts/"></script>'
    )
    assert needs_browser(page.replace(_script(post=""), counts)) is None
    assert comments_url(counts, POST) is None


@contextmanager
def _ghost_blog() -> Iterator[dict[str, Any]]:
    blog: dict[str, Any] = {"seen": []}

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            blog["seen"].append(self.path)
            parts = urlsplit(self.path)
            page = dict(parse_qsl(parts.query)).get("page", "1")
            base = blog["base"]
            answers = {
                "/": ("text/html", f'<html><body><article><a href="{base}compilers/">Compilers</a></article>'),
                "/compilers/": ("text/html", _post_page(base)),
                f"/members/api/comments/post/{POST_ID}/": (
                    "application/json",
                    _answer([PAGE_1, PAGE_2][page == "2"], int(page), 2),
                ),
                "/members/api/comments/c1/replies/": ("application/json", _answer(REPLIES)),
            }
            content_type, body = answers.get(parts.path, ("text/html", ""))
            data = body if isinstance(body, bytes) else body.encode()
            self.answer(200 if parts.path in answers else 404, content_type, data)

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def _post_page(base: str) -> str:
    meta = '<meta name="generator" content="Ghost 5.130">'
    text = "".join(f"<p>Compilers translate programs, paragraph {n} of the post about them.</p>" for n in range(6))
    script = _script(base).decode()
    body = f'<article class="article post"><h1 class="article-title">Compilers</h1><section class="gh-content">{text}'
    return f"<html><head>{meta}<title>Compilers</title></head><body>{body}</section></article>{script}</body></html>"


def _comments_of(db: Path) -> list[tuple]:
    rows = sqlite3.connect(db).execute(
        "SELECT c.comment_id, p.comment_id, c.depth, c.author, c.text FROM comments c"
        " LEFT JOIN comments p ON p.id = c.parent_id ORDER BY c.position"
    )
    return rows.fetchall()


def test_a_crawl_of_a_ghost_blog_archives_each_posts_comments_and_reextract_builds_them_again(tmp_path):
    db = tmp_path / "archive.db"
    with _ghost_blog() as blog:
        crawled = run_cli("crawl", blog["base"], "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1")
    assert crawled.returncode == 0, crawled.stderr
    comments = _comments_of(db)
    assert [c[0] for c in comments] == ["c0", "c1", "r1", "r2", "r3", "r4", "r5", "r9"]
    assert comments[2] == ("r1", "c1", 2, "Bo", "Reply 1.")

    sqlite3.connect(db, isolation_level=None).execute("DELETE FROM comments")
    again = run_cli("reextract", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert _comments_of(db) == comments  # from the stored answers, the replies' too, without the network
