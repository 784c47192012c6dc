"""Blogger's comment feeds (#34): a post page that shows no comment (its theme loads them by script) has them read
from the post's feed, `/feeds/POSTID/comments/default`, page by page, on the blog's own host, threaded; a crawl of a
local Blogger blog (tests/blogger_blog.py) archives them, and `reextract` builds them again from the stored feed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crawler.discovery.blogger import MAX_COMMENT_PAGES, comment_feed_url, next_comment_feed_page
from crawler.extraction.blogger_feed import feed_comments
from crawler.extraction.served_comments import served_comments
from tests.blogger_blog import BloggerBlog, Comment, Post, serve_blogger
from tests.conftest import run_cli

POST_ID = "4412093340921730001"
URL = "https://cellar.blogspot.com/2024/03/winter-squash-soup.html"
HEAD = b"<head><meta content='blogger' name='generator'/>"
FEED_LINK = (
    b'<link rel="alternate" type="application/atom+xml" title="Cellar - Atom"'
    b' href="https://cellar.blogspot.com/feeds/4412093340921730001/comments/default" />'
)
POST_META = b"<meta content='4412093340921730001' itemprop='postId'/>"


def comments_of(db: Path) -> dict[str, list[tuple]]:
    rows = sqlite3.connect(db).execute(
        "SELECT a.url, c.comment_id, p.comment_id, c.depth, c.author, c.published, c.author_url, c.text"
        " FROM comments c JOIN articles a ON a.id = c.article_id LEFT JOIN comments p ON p.id = c.parent_id"
        " ORDER BY a.url, c.position"
    )
    found: dict[str, list[tuple]] = {}
    for url, *comment in rows:
        found.setdefault(url.rsplit("/", 1)[1], []).append(tuple(comment))
    return found


def test_a_crawl_reads_each_blogger_posts_comment_feed_page_by_page_and_threads_it(tmp_path):
    blog = BloggerBlog()
    db = tmp_path / "archive.db"
    with serve_blogger(blog):
        crawled = run_cli("crawl", blog.base, "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1")
    assert crawled.returncode == 0, crawled.stderr

    comments = comments_of(db)
    soup = comments["winter-squash-soup.html"]
    # 7 comments, the 5th removed by its author; the 3rd and 6th answer the one before (the 6th a removed one)
    assert [(c[0][-2:], c[1] and c[1][-2:], c[2]) for c in soup] == [
        ("01", None, 1),
        ("02", None, 1),
        ("03", "02", 2),
        ("04", None, 1),
        ("06", None, 1),
        ("07", None, 1),
    ]
    first = soup[0]
    assert first[3:] == (
        "Reader 1",
        "2024-03-01T01:15:00.000+01:00",
        f"https://www.blogger.com/profile/{first[0]}",
        "Comment number 1 on this post.\nIts second line, with bold words.",
    )
    assert len(comments["cellar-notes.html"]) == 449  # 450 in three pages of the feed, one removed
    assert "quiet-post.html" not in comments
    feed = f"/feeds/{blog.posts[1].id}/comments/default"
    asked = [path for path in blog.seen if path.startswith(feed)]
    assert asked == [f"{feed}?max-results=200&start-index={start}" for start in (1, 201, 401)]
    assert not [path for path in blog.seen if path.endswith("/comments/default")]  # not read as a feed of pages
    archive = sqlite3.connect(db)
    assert archive.execute("SELECT url, message FROM crawl_errors").fetchall() == []
    kept = archive.execute("SELECT DISTINCT content_type FROM pages WHERE kind = 'comments-api'").fetchall()
    assert kept == [("application/atom+xml",)]  # each page of the feeds, for reextract

    sqlite3.connect(db, isolation_level=None).execute("DELETE FROM comments")
    again = run_cli("reextract", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert comments_of(db) == comments  # from the stored feed pages, without the network


def test_the_feed_is_asked_only_of_a_blogger_post_whose_page_does_not_hold_every_comment():
    first = "https://cellar.blogspot.com/feeds/4412093340921730001/comments/default?max-results=200&start-index=1"
    assert comment_feed_url(HEAD + FEED_LINK, URL) == first
    assert comment_feed_url(HEAD + POST_META, URL) == first  # no feed link: the post's id, on a Blogger page
    assert comment_feed_url(POST_META, URL) is None  # no Blogger page
    shown = HEAD + FEED_LINK + b"<li class='comment' id='c8800001'>"
    assert comment_feed_url(shown, URL) is None
    assert comment_feed_url(shown + b"<div class='loadmore hidden' data-post-id='1'>", URL) is None
    assert comment_feed_url(shown + b"<div class='loadmore ' data-post-id='1'>", URL) == first  # "Load more…"
    elsewhere = FEED_LINK.replace(b"https://cellar.blogspot.com", b"https://www.blogger.com")
    assert comment_feed_url(HEAD + elsewhere, URL) == first  # the blog's own host, always


def test_the_feed_is_followed_while_it_says_there_are_more_up_to_its_bound():
    page = "https://b.example/feeds/1/comments/default?max-results=200&start-index={}"
    total = b"<feed><openSearch:totalResults>450</openSearch:totalResults></feed>"
    assert next_comment_feed_page(page.format(1), total) == page.format(201)
    assert next_comment_feed_page(page.format(401), total) is None
    many = b"<feed><openSearch:totalResults>100000</openSearch:totalResults></feed>"
    starts, url = [], page.format(1)
    while url is not None:
        starts.append(url)
        url = next_comment_feed_page(url, many)
    assert len(starts) == MAX_COMMENT_PAGES
    assert next_comment_feed_page(page.format(1), b"<html>not a feed</html>") is None


def test_replies_are_threaded_by_their_related_link_and_a_removed_comment_is_left_out():
    post = Post(POST_ID, "soup", "Soup", "2024-03-01T09:30:00+01:00")
    blog = BloggerBlog(posts=[post], base="https://cellar.blogspot.com/")
    post.comments = [
        Comment("11", "Ann", "2024-03-02T10:00:00.000+01:00", "First."),
        Comment("12", "Ben", "2024-03-02T11:00:00.000+01:00", "A reply.", parent="11"),
        Comment("13", "Cy", "2024-03-02T12:00:00.000+01:00", "A reply to the reply.", parent="12"),
        Comment("14", "Dee", "2024-03-02T13:00:00.000+01:00", "Gone.", removed=True),
        Comment("15", "Eve", "2024-03-02T14:00:00.000+01:00", "Second."),
    ]
    feed = blog.answer(f"/feeds/{POST_ID}/comments/default")[2]
    comments = feed_comments([feed], "https://cellar.blogspot.com/2024/03/soup.html")
    assert [(c.id, c.parent, c.depth, c.author, c.text) for c in comments] == [
        ("11", None, 1, "Ann", "First."),
        ("12", "11", 2, "Ben", "A reply."),
        ("13", "12", 3, "Cy", "A reply to the reply."),
        ("15", None, 1, "Eve", "Second."),
    ]
    assert served_comments([feed], "https://cellar.blogspot.com/2024/03/soup.html") == comments
    assert feed_comments([b"<html>a login page</html>", b"not xml <"], URL) == []


def test_a_reply_named_by_its_in_reply_to_alone_is_threaded_and_one_naming_the_post_is_not():
    entry = (
        "<entry><id>tag:blogger.com,1999:blog-1.post-{id}</id><published>2024-03-0{id}T10:00:00Z</published>"
        "<content type='html'>Text {id}</content><author><name>N{id}</name></author>"
        "<thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-{parent}' href='https://b.example/p.html'/></entry>"
    )
    feed = (
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        + entry.format(id=1, parent=POST_ID)
        + entry.format(id=2, parent=1)
        + "</feed>"
    ).encode()
    comments = feed_comments([feed], "https://b.example/p.html")
    assert [(c.id, c.parent, c.depth) for c in comments] == [("1", None, 1), ("2", "1", 2)]
