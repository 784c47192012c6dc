"""What a Ghost post page says about its comments, read from its raw bytes (no parse on the reactor): where Ghost's
members API serves them.

Ghost's native comments (Ghost 5's comments-ui) are never in the page: `{{comments}}` prints a `<script
data-ghost-comments="SITE" data-post-id="ID" …>` that loads them from a CDN. Ghost serves them to anyone, as JSON,
at `SITE/members/api/comments/post/ID/`: the top-level comments newest first, paged (`limit`, `page`, and
`meta.pagination.next` while more follow), each with its first three replies and the count of all of them
(`count.replies`); a thread's other replies are at `SITE/members/api/comments/CID/replies/`. The crawl reads them
(crawler/extraction/ghost_comments.py reads the answers).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from crawler.urls import joined

COMMENTS_PER_PAGE = 100
MAX_COMMENT_PAGES = 10  # so at most 1,000 top-level comments of one post, each with all its replies

# The script's tag, read up to the next tag: Ghost writes each attribute's value as it is (getDataAttributes), and a
# theme's `{{comments title="…"}}` may hold a ">".
_COMMENTS_SCRIPT = re.compile(rb"""<script\b[^<]*?\sdata-ghost-comments\s*=\s*["']([^"']+)["'][^<]*""")
# Ghost's ids are 24 hexadecimal digits (MongoDB's ObjectId), read as any word
_POST_ID = re.compile(rb"""\sdata-post-id\s*=\s*["']([\w-]+)["']""")
_API_PATH = re.compile(r"/members/api/comments/(?:post/[\w-]+|([\w-]+)/replies)/$")


def comments_api_url(body: bytes, url: str) -> str | None:
    """The first page of the comments of the Ghost post at `url`, when the page loads Ghost's comments by script
    and names the post; None otherwise."""
    if b"data-ghost-comments" not in body:  # a substring search first: this runs on every page of every crawl
        return None
    tag = _COMMENTS_SCRIPT.search(body)
    post = _POST_ID.search(tag.group()) if tag else None
    if tag is None or post is None:
        return None
    root = joined(url, tag.group(1).decode("ascii", "replace").replace("&amp;", "&"))
    if root is None:
        return None
    root = urlsplit(root)._replace(query="", fragment="").geturl()
    api = joined(root if root.endswith("/") else root + "/", f"members/api/comments/post/{post.group(1).decode()}/")
    return comments_page(api, 1) if api else None


def loads_unreadable_comments(body: bytes) -> bool:
    """The page loads Ghost's comments by script but names no post whose comments the crawl could ask for. (Not
    Ghost's comment counts script, `data-ghost-comments-counts-api`, on every page of a blog with comments.)"""
    tag = _COMMENTS_SCRIPT.search(body) if b"data-ghost-comments" in body else None
    return tag is not None and comments_api_url(tag.group(), "http://localhost/") is None


def comments_page(api: str, page: int) -> str:
    """Page `page` (from 1) of the post's comments at `api` (…/members/api/comments/post/ID/)."""
    query = urlencode([("limit", str(COMMENTS_PER_PAGE)), ("page", str(page))])
    return urlsplit(api)._replace(query=query, fragment="").geturl()


def replies_url(api: str, comment_id: str) -> str:
    """All the replies of the comment `comment_id`, in one answer (`limit=all`): so that each answer begins with the
    replies the post's answer showed, which name its thread (crawler/extraction/ghost_comments.py)."""
    return joined(api, f"/members/api/comments/{comment_id}/replies/?limit=all") or api


def is_comments_api(url: str) -> bool:
    """An address of Ghost's comments of a post, or of a comment's replies."""
    return _API_PATH.search(urlsplit(url).path) is not None


def following_pages(url: str, body: bytes) -> list[str]:
    """What to ask after the answer `body` from `url`: the next page of the post's comments while Ghost says more
    follow (up to MAX_COMMENT_PAGES), and the replies of each comment that has more than the answer shows."""
    match = _API_PATH.search(urlsplit(url).path)
    if match is None or match.group(1):  # a thread's replies come whole
        return []
    answer = _answer(body)
    found = []
    page = dict(parse_qsl(urlsplit(url).query)).get("page", "1")
    following = (answer.get("meta") or {}).get("pagination", {}).get("next")
    if isinstance(following, int) and page.isdigit() and int(page) < following <= MAX_COMMENT_PAGES:
        found.append(comments_page(url, following))
    for comment in answer_comments(body):
        if ((comment.get("count") or {}).get("replies") or 0) > len(comment.get("replies") or []):
            found.append(replies_url(url, str(comment["id"])))
    return found


def _answer(body: bytes) -> dict[str, Any]:
    try:
        answer = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return {}
    return answer if isinstance(answer, dict) else {}


def answer_comments(body: bytes) -> list[dict[str, Any]]:
    """The comments of one answer of Ghost's comments API (its `comments`); [] for an answer that is not one."""
    comments = _answer(body).get("comments")
    return [c for c in comments if isinstance(c, dict) and c.get("id")] if isinstance(comments, list) else []
