"""A post's comments view: a page of its own that prints the post again with its comments, while the post's page
shows none — FlatPress's, at the post's address plus `comments/` (its PrettyURLs plugin, `/2024/03/09/slug/
comments/`) or plus `;comments:1` (`?x=entry:entry240309-111100;comments:1`), its rel=canonical the post's page.

Both pages are the one post: stored each as it came, the one stored last was the post's row, with or without its
comments, and a recrawl could add a version either way. So the view is read as the post's companion for its
comments, as WordPress's REST comments and Blogger's comment feeds are (comment_sources.py): the post's page asks for
the view its "3 comments" link names (`…/comments/#comments`, an anchor the page itself lacks), and the view, reached
by a link of its own (FlatPress links every title and its "Last entries" widget to it), is no page to store: the
post it is the view of is asked for instead.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from crawler.urls import clean_url, joined

FRAGMENT = "comments"  # what the post's link to its view points at: the view's list of comments
_PATH = re.compile(r"^(/.+/)comments/?$")  # PrettyURLs: the post's folder, then comments/
_ENTRY = re.compile(r"^(entry:[^;]+);comments:1$")  # ?x=entry:ID;comments:1
_LINK_TO_COMMENTS = re.compile(rb"""href\s*=\s*["']?([^"'\s>#]+)#comments["'\s>]""", re.IGNORECASE)
_OWN_COMMENTS = re.compile(rb"""\sid\s*=\s*["']?comments["'\s>]""", re.IGNORECASE)
_CANONICAL = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_REL_CANONICAL = re.compile(rb"""\srel\s*=\s*["']?canonical\b""", re.IGNORECASE)
_HREF = re.compile(rb"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def post_of(url: str) -> str | None:
    """The address of the post whose comments view `url` is by its form (clean, without fragment); else None."""
    parts = urlsplit(clean_url(url))
    if not parts.query and (path := _PATH.match(parts.path)) is not None:
        return parts._replace(path=path.group(1)).geturl()
    query = parse_qsl(parts.query, keep_blank_values=True)
    if len(query) == 1 and query[0][0] == "x" and (entry := _ENTRY.match(query[0][1])) is not None:
        return clean_url(parts._replace(query=urlencode([("x", entry.group(1))], safe=":")).geturl())
    return None


def view_url(body: bytes, url: str) -> str | None:
    """The comments view of the post at `url`, when the page shows no comment list (no element `#comments`) but
    links to one at its view's address: that link as printed, with its `#comments`; None otherwise."""
    if b"#comments" not in body or _OWN_COMMENTS.search(body):
        return None
    own = clean_url(url)
    for match in _LINK_TO_COMMENTS.finditer(body):
        link = joined(url, match.group(1).decode("utf-8", "replace").replace("&amp;", "&"))
        if link is not None and post_of(link) == own:
            return f"{link}#{FRAGMENT}"
    return None


def is_view(url: str) -> bool:
    """An address of a comments view by its form (view_url's, with or without its fragment: the answer's address
    has none)."""
    return post_of(url) is not None


def viewed_post(body: bytes, url: str) -> str | None:
    """The post the page at `url` is the comments view of: its rel=canonical, where that is the post the view's
    address names (post_of); None for any other page."""
    post = post_of(url)
    if post is None:
        return None
    canonical = canonical_url(body, url)
    return post if canonical is not None and clean_url(canonical) == post else None


def canonical_url(body: bytes, url: str) -> str | None:
    """The page's <link rel="canonical"> address, absolute; None without one."""
    head = body[: body.find(b"</head>")] if b"</head>" in body else body
    for tag in _CANONICAL.finditer(head):
        if _REL_CANONICAL.search(tag.group()) and (href := _HREF.search(tag.group())) is not None:
            value = next(group for group in href.groups() if group is not None)
            return joined(url, value.decode("utf-8", "replace").replace("&amp;", "&"))
    return None
