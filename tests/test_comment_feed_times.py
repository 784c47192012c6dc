"""A comment whose page prints its time on the site's clock with no offset (WordPress's default comment walker, as
Hueman, ColorMag and Blocksy print it: "April 12, 2023 at 3:07 pm") is stored with the offset its time in the post's
comment feed shows (each item's pubDate, in UTC, to the second): the feed's moment on the page's clock, as a post's
time is. The comment feed is linked from the post's page, so it is read after the post is stored."""

from __future__ import annotations

from crawler.extraction.dates import zoned_by_feed, zoned_comments
from tests.hostile.servers import Server, serve

POST = "/2023/04/12/walking-the-burren/"
# (id, parent, author, printed on the page, the comment feed's pubDate)
COMMENTS = [
    ("2", None, "Margaret Flynn", "April 12, 2023 at 3:07 pm", "Wed, 12 Apr 2023 13:07:41 +0000"),
    ("3", "2", "Daniel", "April 12, 2023 at 9:21 pm", "Wed, 12 Apr 2023 19:21:05 +0000"),
    ("4", None, "Siobhán", "April 13, 2023 at 4:12 am", "Thu, 13 Apr 2023 02:12:59 +0000"),
]
ZONED = [
    ("2", "2023-04-12T15:07:41+02:00"),
    ("3", "2023-04-12T21:21:05+02:00"),
    ("4", "2023-04-13T04:12:59+02:00"),
]


def _comment(number: str, author: str, printed: str, replies: str = "") -> str:
    """A comment as WordPress's Walker_Comment prints it for a classic theme (Hueman's comments.php)."""
    return (
        f'<li class="comment even depth-1" id="comment-{number}"><div id="div-comment-{number}" class="comment-body">'
        f'<div class="comment-author vcard"><cite class="fn">{author}</cite> <span class="says">says:</span></div>'
        f'<div class="comment-meta commentmetadata"><a href="{POST}#comment-{number}">{printed}</a></div>'
        f"<p>A word from {author} about the limestone and the gentians.</p>"
        f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="{POST}?replytocom={number}#respond">'
        f"Reply</a></div></div>{replies}</li>"
    )


def _site(comments: list[tuple[str, str | None, str, str, str]]) -> Server:
    top = [c for c in comments if c[1] is None]
    thread = "".join(
        _comment(
            number,
            author,
            printed,
            "".join(
                f'<ul class="children">{_comment(n, a, p)}</ul>' for n, parent, a, p, _ in comments if parent == number
            ),
        )
        for number, _, author, printed, _ in top
    )
    paragraphs = "".join(
        f"<p>The Burren in April: limestone pavement, gentians and orchids in the grikes, walk {n}.</p>"
        for n in range(6)
    )
    page = (
        "<!doctype html><html lang='en-US'><head><title>Walking the Burren in April &#8211; Stone and Bread</title>"
        '<meta property="article:published_time" content="2023-04-12T09:30:00+02:00">'
        f'<link rel="alternate" type="application/rss+xml" title="Walking the Burren Comments Feed" href="{POST}feed/">'
        '</head><body class="post-template-default single single-post postid-14">'
        '<article id="post-14" class="post-14 post type-post status-publish hentry"><h1 class="post-title entry-title">'
        f'Walking the Burren in April</h1><div class="entry-inner">{paragraphs}</div></article>'
        f'<section id="comments" class="themeform"><ol class="commentlist">{thread}</ol></section></body></html>'
    )
    items = "".join(
        f"<item><title>By: {author}</title><link>{POST}#comment-{number}</link><dc:creator>{author}</dc:creator>"
        f"<pubDate>{posted}</pubDate><guid isPermaLink='false'>{POST}#comment-{number}</guid>"
        f"<description>A word from {author}.</description></item>"
        for number, _, author, _, posted in comments
    )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Comments on: Walking the Burren in April</title><link>{POST}</link>{items}</channel></rss>"
    )
    home = f'<!doctype html><html><head><title>Stone and Bread</title></head><body><a href="{POST}">Walk</a></body>'
    return Server(
        routes={
            "/": (200, {}, home.encode()),
            POST: (200, {}, page.encode()),
            f"{POST}feed/": (200, {"Content-Type": "application/rss+xml; charset=UTF-8"}, feed.encode()),
        }
    )


def test_comments_printed_on_the_sites_clock_get_the_offset_their_comment_feed_shows(crawl, db):
    with serve(_site(COMMENTS)) as site:
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT comment_id, published FROM comments ORDER BY comment_id") == ZONED
    assert db("SELECT count(*) FROM article_versions") == [(0,)]


def test_a_recrawl_keeps_the_offsets_and_a_new_comment_is_the_only_change(crawl, db):
    """The page changed (a comment more): read again before its comment feed, its comments printed without an
    offset keep the moments stored, so the new comment alone is the change; the feed then zones it too."""
    with serve(_site(COMMENTS)) as site:
        assert crawl(site.base).returncode == 0
        later = ("5", None, "Anna", "April 14, 2023 at 8:00 am", "Fri, 14 Apr 2023 06:00:12 +0000")
        site.routes.update(_site([*COMMENTS, later]).routes)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT comment_id, published FROM comments ORDER BY comment_id") == [
        *ZONED,
        ("5", "2023-04-14T08:00:12+02:00"),
    ]
    assert db("SELECT diff_summary FROM article_versions") == [("comments +1/-0",)]


def test_the_feeds_moment_in_the_minute_the_page_prints_is_the_same_comment():
    assert zoned_by_feed("2023-04-12T13:07:41+00:00", "2023-04-12T15:07") == "2023-04-12T15:07:41+02:00"
    assert zoned_by_feed("2023-04-12T13:07:41+00:00", "2023-04-12T15:07:00") is None  # seconds printed: not them
    assert zoned_by_feed("2023-04-12T13:08:00+00:00", "2023-04-12T15:07") is None  # another minute
    comments = [{"id": "2", "published": "2023-04-12T15:07"}, {"id": "9", "published": "2023-04-12T16:00"}]
    assert zoned_comments(comments, {"2": "2023-04-12T13:07:41+00:00"}) == [
        {"id": "2", "published": "2023-04-12T15:07:41+02:00"},
        {"id": "9", "published": "2023-04-12T16:00"},  # no feed time of its own: as printed
    ]
