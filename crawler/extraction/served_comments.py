"""Comments a platform serves apart from the post's page, each answer read by its format: WordPress's REST API
(JSON, wordpress_rest.py) and Blogger's comment feeds (Atom, blogger_feed.py)."""

from __future__ import annotations

from crawler.extraction.article import Comment
from crawler.extraction.blogger_feed import feed_comments
from crawler.extraction.wordpress_rest import rest_comments


def served_comments(payloads: list[bytes], base_url: str) -> list[Comment]:
    """The comments of every answer the crawl got about one post (crawler/discovery/comment_sources.py)."""
    feeds = [payload for payload in payloads if is_xml(payload)]
    answers = [payload for payload in payloads if not is_xml(payload)]
    return [*rest_comments(answers, base_url), *feed_comments(feeds, base_url)]


def is_xml(payload: bytes) -> bool:
    return payload.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"
