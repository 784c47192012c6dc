"""A recrawl asks a post's comments again though its page is unchanged: comments a script loads (Ghost's comments
API here; WordPress's REST API, Blogger's comment feeds and comments views alike) come and go while the page answers
304, the same bytes, or is not fetched at all because its sitemap's lastmod is older than the last crawl. They were
asked for only with a changed page, so a comment added since the last crawl was never archived, and nothing said so.
Now the crawl asks them every time (COMMENTS_RECHECK_LIMIT posts at most), and a post whose comments changed is
read again from its archived page and stored as any changed post: a version, a change row, the run's "updated"."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.conftest import run_cli
from tests.local_http import QuietHandler, serving

POST_ID = "65f1a2b3c4d5e6f708192a3b"
COMMENTS_API = f"/members/api/comments/post/{POST_ID}/"


def _comment(cid: str, name: str, text: str) -> dict[str, Any]:
    """One top-level comment as Ghost's comments API answers it, without replies."""
    member = {"id": f"m-{cid}", "uuid": f"u-{cid}", "name": name, "expertise": None, "avatar_image": None}
    return {
        "id": cid,
        "in_reply_to_id": None,
        "status": "published",
        "html": f"<p>{text}</p>",
        "created_at": f"2024-05-0{cid[-1]}T10:00:00.000Z",
        "member": member,
        "replies": [],
        "count": {"replies": 0, "likes": 0},
    }


def _post_page(base: str) -> bytes:
    """A Ghost post whose comments Ghost's `{{comments}}` helper loads by script."""
    text = "".join(f"<p>Sourdough needs time, paragraph {n} of the post about it.</p>" for n in range(6))
    script = (
        f'<script defer src="https://cdn.example/comments-ui.min.js" data-ghost-comments="{base}"'
        f' data-api="{base}ghost/api/content/" data-key="0a1b2c" data-post-id="{POST_ID}"></script>'
    )
    return (
        '<html><head><meta name="generator" content="Ghost 5.130">'
        '<meta property="article:published_time" content="2024-05-01T09:00:00.000Z">'
        "<title>Sourdough</title></head><body>"
        f'<article class="article post"><h1 class="article-title">Sourdough</h1><section class="gh-content">{text}'
        f"</section></article>{script}</body></html>"
    ).encode()


@contextmanager
def _ghost_blog(etag: bool = True) -> Iterator[dict[str, Any]]:
    """A Ghost blog of one post, its comments in blog["comments"] (newest first, as Ghost lists them), blog["limit"]
    to a page of the API's answers; blog["refused"]: the pages of them that answer 403. With `etag` the post's page
    answers a conditional GET with 304; its sitemap dates the post in 2024."""
    blog: dict[str, Any] = {"seen": [], "comments": [_comment("c1", "Ann", "Lovely crumb.")], "limit": 100}
    blog["refused"] = set()

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            blog["seen"].append(self.path)
            path, base = urlsplit(self.path).path, blog["base"]
            page, limit = int(dict(parse_qsl(urlsplit(self.path).query)).get("page", "1")), blog["limit"]
            total = len(blog["comments"])
            following = page + 1 if page * limit < total else None
            pagination = {"page": page, "limit": limit, "pages": -(-total // limit), "total": total, "next": following}
            shown = blog["comments"][(page - 1) * limit : page * limit]
            answers = {
                "/": ("text/html", f'<html><body><a href="{base}sourdough/">Sourdough</a></body></html>'.encode()),
                "/sitemap.xml": ("application/xml", _sitemap(base)),
                "/sourdough/": ("text/html", _post_page(base)),
                COMMENTS_API: (
                    "application/json",
                    json.dumps({"comments": shown, "meta": {"pagination": pagination}}).encode(),
                ),
            }
            if path not in answers or (path == COMMENTS_API and page in blog["refused"]):
                self.send_response(404 if path not in answers else 403)
                self.end_headers()
                return
            content_type, body = answers[path]
            if path == "/sourdough/" and etag and self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self.answer(200, content_type, body, {"ETag": '"v1"'} if path == "/sourdough/" and etag else None)

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def _sitemap(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}sourdough/</loc><lastmod>2024-05-01</lastmod></url></urlset>"
    ).encode()


def _crawl(blog: dict[str, Any], db: Path, *options: str) -> None:
    crawled = run_cli("crawl", blog["base"], "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=0", *options)
    assert crawled.returncode == 0, crawled.stderr


def _comments(db: Path) -> list[tuple[str, str]]:
    return sqlite3.connect(db).execute("SELECT author, text FROM comments ORDER BY position").fetchall()


def _last_run(db: Path) -> tuple[int, int]:
    return (
        sqlite3.connect(db).execute("SELECT articles_new, articles_updated FROM crawl_runs ORDER BY id DESC").fetchone()
    )


def _changes(db: Path) -> list[tuple[str, str]]:
    return sqlite3.connect(db).execute("SELECT change, fields FROM changes ORDER BY id").fetchall()


def test_a_recrawl_archives_a_comment_added_to_a_post_that_answers_304(tmp_path):
    db = tmp_path / "archive.db"
    with _ghost_blog() as blog:
        _crawl(blog, db)
        assert _comments(db) == [("Ann", "Lovely crumb.")]
        blog["comments"].insert(0, _comment("c2", "Bo", "Which flour?"))
        blog["seen"].clear()
        _crawl(blog, db, "-s", "RECRAWL_ARCHIVED=False")  # every page asked for: the post's answers 304
    assert "/sourdough/" in blog["seen"]
    assert _comments(db) == [("Ann", "Lovely crumb."), ("Bo", "Which flour?")]
    assert _last_run(db) == (0, 1)
    assert _changes(db)[-1] == ("changed", '["comments"]')


def test_a_comment_removed_since_stays_in_the_posts_earlier_version(tmp_path):
    db = tmp_path / "archive.db"
    with _ghost_blog() as blog:
        blog["comments"].insert(0, _comment("c2", "Bo", "Spam, removed later."))
        _crawl(blog, db)
        blog["comments"].pop(0)
        _crawl(blog, db, "-s", "RECRAWL_ARCHIVED=False")
    assert _comments(db) == [("Ann", "Lovely crumb.")]
    (kept,) = sqlite3.connect(db).execute("SELECT comments FROM article_versions").fetchone()
    assert [c["author"] for c in json.loads(kept)] == ["Ann", "Bo"]


def test_a_recrawl_asks_the_comments_of_a_post_its_sitemap_says_is_unchanged(tmp_path):
    db = tmp_path / "archive.db"
    with _ghost_blog() as blog:
        _crawl(blog, db)
        blog["comments"].insert(0, _comment("c2", "Bo", "Which flour?"))
        blog["seen"].clear()
        _crawl(blog, db)
    assert "/sourdough/" not in blog["seen"]  # the sitemap's lastmod: the page is not fetched
    assert any(path.startswith(COMMENTS_API) for path in blog["seen"])
    assert _comments(db) == [("Ann", "Lovely crumb."), ("Bo", "Which flour?")]
    assert _last_run(db) == (0, 1)
    fetches = sqlite3.connect(db).execute("SELECT count(*) FROM pages WHERE url LIKE '%/sourdough/'").fetchone()
    assert fetches == (1,)  # the page not fetched again is not recorded as a fetch


def test_a_recrawl_archives_a_comment_added_to_a_post_that_answers_the_same_bytes(tmp_path):
    db = tmp_path / "archive.db"
    with _ghost_blog(etag=False) as blog:
        _crawl(blog, db)
        blog["comments"].insert(0, _comment("c2", "Bo", "Which flour?"))
        _crawl(blog, db, "-s", "RECRAWL_ARCHIVED=False")
    assert _comments(db) == [("Ann", "Lovely crumb."), ("Bo", "Which flour?")]
    assert _last_run(db) == (0, 1)


def test_unchanged_comments_leave_the_post_unchanged_and_the_limit_bounds_the_requests(tmp_path):
    db = tmp_path / "archive.db"
    with _ghost_blog() as blog:
        _crawl(blog, db)
        _crawl(blog, db, "-s", "RECRAWL_ARCHIVED=False")
        assert _last_run(db) == (0, 0)
        assert sqlite3.connect(db).execute("SELECT count(*) FROM article_versions").fetchone() == (0,)
        blog["comments"].insert(0, _comment("c2", "Bo", "Which flour?"))
        blog["seen"].clear()
        _crawl(blog, db, "-s", "COMMENTS_RECHECK_LIMIT=0")
    assert not any(path.startswith(COMMENTS_API) for path in blog["seen"])
    assert _comments(db) == [("Ann", "Lovely crumb.")]


def test_a_page_of_comments_that_does_not_answer_leaves_the_post_as_archived_until_the_next_crawl(tmp_path):
    db = tmp_path / "archive.db"
    with _ghost_blog() as blog:
        _crawl(blog, db)
        blog["comments"].insert(0, _comment("c2", "Bo", "Which flour?"))
        blog["limit"], blog["refused"] = 1, {2}  # Ann's comment now on the answers' second page, which fails
        _crawl(blog, db)
        assert _comments(db) == [("Ann", "Lovely crumb.")]  # not taken for deleted
        assert sqlite3.connect(db).execute("SELECT count(*) FROM article_versions").fetchone() == (0,)
        blog["refused"] = set()
        _crawl(blog, db)
    assert _comments(db) == [("Ann", "Lovely crumb."), ("Bo", "Which flour?")]


def _wordpress_post(title: str, comments: list[tuple[str, str]]) -> bytes:
    """A WordPress post that prints its comments (comment_class()'s items) and comment_form()'s form."""
    items = "".join(
        f'<li id="comment-{n}" class="comment depth-1"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{name}</b></div></footer>'
        f'<div class="comment-content"><p>{text}</p></div></article></li>'
        for n, (name, text) in enumerate(comments, 1)
    )
    text = "".join(f"<p>{title} bread wants a slow oven, paragraph {n} of the post about it.</p>" for n in range(6))
    return (
        f'<html><head><meta name="generator" content="WordPress 6.5"><title>{title}</title>'
        '<meta property="article:published_time" content="2024-05-01T09:00:00+00:00"></head><body>'
        f'<article class="post type-post"><h1 class="entry-title">{title}</h1><div class="entry-content">{text}</div>'
        f'</article><div id="comments" class="comments-area"><ol class="comment-list">{items}</ol>'
        '<div id="respond" class="comment-respond"><form id="commentform"></form></div></div></body></html>'
    ).encode()


def _comments_feed(blog: dict[str, Any]) -> bytes:
    """WordPress's comment feed (/comments/feed/): the latest blog["feed_size"] comments (posts_per_rss), each at
    its permalink — its post's address (blog["pages_of"] its page of comments) with the comment's fragment —
    dated when it was posted."""
    items = "".join(
        f"<item><title>Comment on {post} by {name}</title><link>{_permalink(blog, post, n)}</link>"
        f"<dc:creator>{name}</dc:creator><pubDate>{format_datetime(posted)}</pubDate>"
        f"<description>{text}</description></item>"
        for n, post, name, text, posted in _newest_first(blog)[: blog["feed_size"]]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Comments for Bakery</title><link>{blog['base']}</link>{items}</channel></rss>"
    ).encode()


def _newest_first(blog: dict[str, Any]) -> list[tuple[int, str, str, str, datetime]]:
    numbered = [(n, *comment) for n, comment in enumerate(blog["comments"], 1)]
    return sorted(numbered, key=lambda comment: comment[4], reverse=True)


def _permalink(blog: dict[str, Any], post: str, n: int) -> str:
    page = f"comment-page-{blog['pages_of']}/" if blog["pages_of"] else ""
    return f"{blog['base']}{post}/{page}#comment-{n}"


def _rest_comments(blog: dict[str, Any], query: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """WordPress's REST API's list of comments (`after`, `per_page`, `page`, `_fields=link,date_gmt`), newest
    first, and its X-WP-TotalPages."""
    after = datetime.fromisoformat(query["after"]).replace(tzinfo=UTC)
    since = [c for c in _newest_first(blog) if c[4] > after]
    size, page = int(query["per_page"]), int(query["page"])
    entries = [
        {"link": _permalink(blog, post, n), "date_gmt": posted.strftime("%Y-%m-%dT%H:%M:%S")}
        for n, post, _, _, posted in since[(page - 1) * size : page * size]
    ]
    return json.dumps(entries).encode(), {"X-WP-TotalPages": str(max(1, -(-len(since) // size)))}


POSTS = ("rye", "spelt", "oat")


@contextmanager
def _wordpress_blog() -> Iterator[dict[str, Any]]:
    """A WordPress blog of three posts that print their comments, blog["comments"] (post, name, text, time), and
    link its comment feed, which holds the latest blog["feed_size"]; its sitemap dates the posts' last edits in
    2024, as SEO plugins state a post's modification time, which a comment does not change. blog["api"] is the
    status its REST API answers with."""
    posted = datetime(2024, 5, 2, 10, tzinfo=UTC)
    blog: dict[str, Any] = {"seen": [], "comments": [("rye", "Ann", "Dark and good.", posted)], "feed_size": 10}
    blog.update(pages_of=0, api=200)

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            blog["seen"].append(self.path)
            base, path = blog["base"], urlsplit(self.path).path
            links = "".join(f'<a href="{base}{post}/">{post}</a>' for post in POSTS)
            home = (
                f'<html><head><link rel="alternate" type="application/rss+xml" title="Bakery &raquo; Comments Feed"'
                f' href="{base}comments/feed/"></head><body>{links}</body></html>'
            )
            sitemap = "".join(f"<url><loc>{base}{post}/</loc><lastmod>2024-05-01</lastmod></url>" for post in POSTS)
            answers = {
                "/": ("text/html", home.encode()),
                "/sitemap.xml": ("application/xml", _urlset(sitemap)),
                "/comments/feed/": ("application/rss+xml", _comments_feed(blog)),
            }
            for post in POSTS:
                comments = [(name, text) for on, name, text, _ in blog["comments"] if on == post]
                answers[f"/{post}/"] = ("text/html", _wordpress_post(post.title(), comments))
            if path == "/wp-json/wp/v2/comments":
                body, headers = _rest_comments(blog, dict(parse_qsl(urlsplit(self.path).query)))
                self.answer(blog["api"], "application/json", body if blog["api"] == 200 else b"{}", headers)
                return
            content_type, body = answers.get(path, ("text/html", b""))
            self.answer(200 if body else 404, content_type, body)

    with serving(Handler) as base:
        blog["base"] = base
        yield blog


def _urlset(urls: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>"
    ).encode()


def _post_fetches(blog: dict[str, Any]) -> list[str]:
    return sorted(path.strip("/") for path in blog["seen"] if path.strip("/") in POSTS)


def _api_asked(blog: dict[str, Any]) -> list[str]:
    return [path for path in blog["seen"] if path.startswith("/wp-json/")]


def test_a_post_its_comment_feed_lists_a_new_comment_of_is_fetched_though_its_sitemap_says_it_is_unchanged(
    tmp_path: Path,
) -> None:
    """WordPress prints a post's comments in its page, and its sitemap's lastmod (an SEO plugin's: the post's
    edit time) says nothing of a comment; the blog's comment feed dates each comment. A post a comment was posted
    on since its last fetch is fetched; one without is not (its lastmod)."""
    db = tmp_path / "archive.db"
    with _wordpress_blog() as blog:
        _crawl(blog, db)
        assert _comments(db) == [("Ann", "Dark and good.")]
        blog["seen"].clear()
        _crawl(blog, db)
        assert _post_fetches(blog) == []  # no comment since: skipped by their lastmod
        blog["comments"].append(("rye", "Bo", "Which flour?", datetime.now(UTC) + timedelta(seconds=2)))
        blog["seen"].clear()
        _crawl(blog, db)
        assert _post_fetches(blog) == ["rye"]
        assert _api_asked(blog) == []  # the feed holds every comment since the last crawl
    assert _comments(db) == [("Ann", "Dark and good."), ("Bo", "Which flour?")]
    assert _last_run(db) == (0, 1)


def _comment_on_each_post(blog: dict[str, Any]) -> None:
    """A comment on each post since the last crawl, oat's first: each posted over a second after that crawl ended
    (its fetch times are kept to the second) and before the next begins, as on a real blog — a comment dated after
    the next crawl's fetch of its post would be new again to the crawl after."""
    time.sleep(1.2)
    now = datetime.now(UTC)
    for n, post in enumerate(reversed(POSTS), 1):
        posted = now - timedelta(milliseconds=100 * (4 - n))
        blog["comments"].append((post, f"Reader {n}", f"A question about {post}.", posted))


def _recrawl_after_a_comment_on_each_post(blog: dict[str, Any], db: Path, *options: str) -> None:
    """A first crawl, a comment on each post, and the recrawl (with `options`)."""
    _crawl(blog, db)
    _comment_on_each_post(blog)
    blog["seen"].clear()
    _crawl(blog, db, *options)


def test_comments_since_the_last_crawl_past_the_comment_feeds_latest_are_listed_by_the_rest_api(
    tmp_path: Path,
) -> None:
    """WordPress's comment feed holds its latest comments only (posts_per_rss, two here) and pages no further:
    with three posted since the last crawl, the one on oat was in no feed, and oat, its sitemap's lastmod older
    than its last fetch, kept its old page. The REST API lists every comment since; each post is fetched once."""
    db = tmp_path / "archive.db"
    with _wordpress_blog() as blog:
        blog["feed_size"] = 2
        _recrawl_after_a_comment_on_each_post(blog, db)
        assert _post_fetches(blog) == ["oat", "rye", "spelt"]
        assert len(_api_asked(blog)) == 1
        blog["seen"].clear()
        _crawl(blog, db)  # nothing since
        assert _post_fetches(blog) == [] and _api_asked(blog) == []
    assert sorted(_comments(db))[-3:] == [
        (f"Reader {n}", f"A question about {post}.") for n, post in ((1, "oat"), (2, "spelt"), (3, "rye"))
    ]
    assert _last_run(db) == (0, 0)


def test_a_comment_whose_permalink_is_on_a_page_of_comments_brings_its_post(tmp_path: Path) -> None:
    """With its comments paginated, a comment's permalink is on a page of its post's comments
    (/rye/comment-page-1/#comment-2), in the comment feed and the REST API alike: the post is what changed."""
    db = tmp_path / "archive.db"
    with _wordpress_blog() as blog:
        blog.update(feed_size=2, pages_of=1)
        _recrawl_after_a_comment_on_each_post(blog, db)
        assert _post_fetches(blog) == ["oat", "rye", "spelt"]


def test_a_rest_api_closed_to_anonymous_readers_leaves_the_feeds_posts_fetched_and_says_so(tmp_path: Path) -> None:
    """Security plugins close the REST API to visitors (401): the posts the feed names are fetched, the crawl ends
    well, and its log says that comments past the feed are not known."""
    db = tmp_path / "archive.db"
    with _wordpress_blog() as blog:
        blog.update(feed_size=2, api=401)
        _recrawl_after_a_comment_on_each_post(blog, db, "--log-file", str(log := tmp_path / "crawl.log"))
        assert _post_fetches(blog) == ["rye", "spelt"]
        assert "comments posted since the last crawl past the comment feed's latest are not known" in log.read_text()
