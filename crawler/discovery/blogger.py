"""What a Blogger post page says about its comments, read from its raw bytes (no parse on the reactor): where
Blogger's comment feed serves them.

Blogger serves a post's published comments as an Atom feed at `/feeds/POSTID/comments/default` (`?alt=json` as
JSON), paged with `start-index` (from 1) and `max-results`, and says how many there are in `openSearch:totalResults`;
every comment of the blog is at `/feeds/comments/default`. A post page links its comment feed in its head (Blogger's
`all-head-content`: `<link rel="alternate" type="application/atom+xml" href=".../feeds/POSTID/comments/default">`),
and its templates print the post's id (`<meta itemprop="postId" content="POSTID">`). A theme that loads the comments
by script (the embedded comment frame, a "load comments" button) shows none on the page: the crawl then reads the
post's feed, on the blog's own host (crawler/extraction/blogger_feed.py reads it).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from crawler.urls import joined

COMMENTS_PER_PAGE = 200
MAX_COMMENT_PAGES = 10  # so at most 2,000 comments of one post from its feed

_FEED_PATH = re.compile(r"/feeds/(\d+)/comments/default/?$")
_FEED_LINK = re.compile(rb"""<link\b[^>]*?\bhref=["']([^"'?#]*/feeds/\d+/comments/default)[^"']*["'][^>]*>""")
_POST_ID = re.compile(
    rb"""<meta\b(?=[^>]*\bitemprop=["']postId["'])[^>]*\bcontent=["'](\d+)["'][^>]*>""", re.IGNORECASE
)
_GENERATOR = re.compile(
    rb"""<meta\b(?=[^>]*\bname=["']generator["'])[^>]*\bcontent=["']blogger["'][^>]*>""", re.IGNORECASE
)
# Blogger's comment markup: every comment its themes print is an element with id="cN" (N: the comment's id). A post
# with more comments than the page holds (Blogger prints the first 200) shows its "Load more…" link: class "loadmore"
# without "hidden".
_SHOWN_COMMENT = re.compile(rb"""\bid=["']?c\d+["'\s>]""")
_LOAD_MORE = re.compile(rb"""\bclass=["']loadmore\s*["']""")
_TOTAL = re.compile(rb"<(?:\w+:)?totalResults>\s*(\d+)\s*<")


def comment_feed_url(body: bytes, url: str) -> str | None:
    """The first page of the comment feed of the Blogger post at `url`, when the page shows no comment (a theme
    that loads them by script, or a post without any) or not all of them ("Load more…"); None for a page that is no
    Blogger post or shows them all."""
    if not _names_blogger(body):
        return None
    if _SHOWN_COMMENT.search(body) and not _LOAD_MORE.search(body):
        return None
    if (link := _FEED_LINK.search(body)) is not None:
        feed = joined(url, link.group(1).decode("ascii", "replace"))
    elif _GENERATOR.search(body) and (post := _POST_ID.search(body)) is not None:
        feed = joined(url, f"/feeds/{post.group(1).decode()}/comments/default")
    else:
        return None
    if feed is None:
        return None
    own = urlsplit(url)
    parts = urlsplit(feed)._replace(scheme=own.scheme, netloc=own.netloc)  # the blog's host, never www.blogger.com
    return comment_feed_page(parts.geturl(), 1)


def _names_blogger(body: bytes) -> bool:
    """Whether the page names a post's comment feed or Blogger at all: a substring search, where the patterns below
    each scan the whole page (0.44 ms a page of the benchmark's blog, for every page of every crawl)."""
    return b"/comments/default" in body or b"logger" in body or b"LOGGER" in body


def comment_feed_page(feed: str, start: int) -> str:
    """The page of `feed` (…/feeds/POSTID/comments/default) that starts at comment number `start` (from 1)."""
    query = urlencode([("max-results", str(COMMENTS_PER_PAGE)), ("start-index", str(start))])
    return urlsplit(feed)._replace(query=query, fragment="").geturl()


def is_comment_feed(url: str) -> bool:
    """An address of a Blogger post's comment feed."""
    return _FEED_PATH.search(urlsplit(url).path) is not None


def next_comment_feed_page(url: str, body: bytes) -> str | None:
    """The next page of the comment feed at `url` while the feed says there are more (openSearch:totalResults), up
    to MAX_COMMENT_PAGES; None after the last."""
    total = _TOTAL.search(body)
    query = dict(parse_qsl(urlsplit(url).query))
    start, size = int(query.get("start-index", "1")), int(query.get("max-results", str(COMMENTS_PER_PAGE)))
    following = start + size
    if total is None or following > int(total.group(1)) or following > MAX_COMMENT_PAGES * size:
        return None
    return comment_feed_page(url, following)
