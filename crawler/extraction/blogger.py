"""What Blogger says about its own pages: the address, which Blogger fixes for every blog, on a page whose generator
tag names Blogger (`<meta content='blogger' name='generator'/>`, which every theme's `all-head-content` prints).

Blogger serves a blog's static pages at `/p/SLUG.html` (About, Contact, Impressum: the post's layout, a BlogPosting
in microdata or JSON-LD, no date), a label's posts at `/search/label/LABEL`, a search at `/search?q=…`, the older
posts of the home page at `/search?updated-max=…` ("Older Posts"), an archive at `/YYYY/MM/`, `/YYYY/` or, in the
archive widget's older links, `/YYYY_MM_DD_archive.html`; `?m=1` is the mobile view of the same page. As WordPress's
body classes do (wordpress.py), that settles what the page is: a static page is no post, a month's archive holding
one post printed whole is no post.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from crawler.extraction.page import Page

# (path, page kind)
_PATH_KINDS = (
    (re.compile(r"^/p/[^/]+\.html$"), "page"),
    (re.compile(r"^/search/label/[^/]+$"), "tag"),
    (re.compile(r"^/(?:19|20)\d\d/(?:\d\d/)?$|^/(?:19|20)\d\d_\d\d_\d\d_archive\.html$"), "archive"),
)


def served_by_blogger(page: Page) -> bool:
    """Whether Blogger rendered the page: its generator tag names Blogger."""
    return any(generator.strip().casefold() == "blogger" for generator in page.meta.get("generator", []))


def blogger_kind(page: Page) -> str | None:
    """The page's kind as Blogger's address for it says; None for a post's address, another page, or a page Blogger
    did not render."""
    parts = urlsplit(page.url)
    path = parts.path or "/"
    kind = next((kind for pattern, kind in _PATH_KINDS if pattern.match(path)), None)
    if kind is None and path == "/search":
        kind = "search" if "q" in parse_qs(parts.query) else "listing"  # "Older Posts": ?updated-max=…
    return kind if kind is not None and served_by_blogger(page) else None
