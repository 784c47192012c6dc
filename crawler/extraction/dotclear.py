"""What Dotclear says about its own pages: the template its themes name on the `<body>`.

Dotclear's themes (berlin, its default, among them) print the template's name as the body's class: `dc-post` for a
post, `dc-page` for a page (About, Impressum), `dc-home`, `dc-archive` and `dc-archive-month` (a month's posts printed
whole, each under a heading linking to the post), `dc-category`, `dc-tag`, `dc-search`. As WordPress's and Ghost's
body classes do, that settles what the page is: a month's archive holding one post is no post.
"""

from __future__ import annotations

from crawler.extraction.page import Page

# (body class, page kind)
BODY_KINDS = {
    "dc-post": "article",
    "dc-page": "page",
    "dc-home": "listing",
    "dc-archive": "archive",
    "dc-archive-month": "archive",
    "dc-category": "category",
    "dc-tag": "tag",
    "dc-search": "search",
}


def dotclear_kind(page: Page) -> str | None:
    """The page's kind as Dotclear's body class names it; None for a page Dotclear did not render (or a body with
    another class beside it)."""
    body = page.tree.find("body")
    names = (body.get("class") or "").split() if body is not None else []
    kinds = {BODY_KINDS[name] for name in names if name in BODY_KINDS}
    if len(kinds) != 1 or not all(name.startswith("dc-") for name in names):
        return None
    return kinds.pop()
