"""Comments a platform serves apart from the post's page, each answer read by its format: WordPress's REST API
(JSON, a list: wordpress_rest.py), Ghost's comments API (JSON, an object: ghost_comments.py), Blogger's comment
feeds (Atom, blogger_feed.py) and a post's comments view (HTML: the post again with its comments, FlatPress's;
crawler/discovery/comment_views.py)."""

from __future__ import annotations

from crawler.discovery.comment_views import canonical_url
from crawler.extraction.article import Comment
from crawler.extraction.blogger_feed import feed_comments
from crawler.extraction.comments import find_comments
from crawler.extraction.decoding import decode_html
from crawler.extraction.ghost_comments import ghost_comments
from crawler.extraction.page import Page
from crawler.extraction.wordpress_rest import rest_comments
from crawler.urls import clean_url


def served_comments(payloads: list[bytes], base_url: str) -> list[Comment]:
    """The comments of every answer the crawl got about one post (crawler/discovery/comment_sources.py)."""
    views = [payload for payload in payloads if is_html(payload)]
    feeds = [payload for payload in payloads if is_xml(payload) and not is_html(payload)]
    answers = [payload for payload in payloads if not is_xml(payload)]
    return [
        *rest_comments(answers, base_url),
        *ghost_comments(answers, base_url),
        *feed_comments(feeds, base_url),
        *view_comments(views, base_url),
    ]


def view_comments(views: list[bytes], base_url: str) -> list[Comment]:
    """The comments a post's comments view prints, of a view whose rel=canonical is the post at `base_url` (a page
    about another post has none of its comments)."""
    found: list[Comment] = []
    for view in views:
        canonical = canonical_url(view, base_url)
        if canonical is not None and clean_url(canonical) == clean_url(base_url):
            found.extend(find_comments(Page.from_html(decode_html(view), base_url)))
    return found


def is_html(payload: bytes) -> bool:
    return payload.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower().startswith((b"<!doctype html", b"<html"))


def is_xml(payload: bytes) -> bool:
    return payload.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"
