"""What Z-BlogPHP says about its own pages: the type of view its core names on the `<body>`.

Z-BlogPHP (a PHP blog engine of China's) prints `<meta name="generator" content="Z-BlogPHP 1.7.5">` and hands every
template the view's type (`$type`: `article` or `page` for a single post, its post type's name; `index`,
`category`, `tag`, `author`, `date` for a list of posts, `search`), which its themes print as the body's class —
`<body class="single {$type}">` and `<body class="multi {$type}">` in its default theme and WhitePage,
`<body class="{$type}">` in Zit and tpure. As Dotclear's body classes do, that settles what the page is: a day's or
a tag's list holding one post, printed whole, is no post.
"""

from __future__ import annotations

from crawler.extraction.page import Page

# (view type, page kind)
VIEW_KINDS = {
    "article": "article",
    "page": "page",
    "index": "listing",
    "category": "category",
    "tag": "tag",
    "author": "author",
    "date": "archive",
    "search": "search",
}


def zblog_kind(page: Page) -> str | None:
    """The page's kind as Z-BlogPHP's view type names it on the body; None for a page Z-BlogPHP did not render, or a
    theme that prints no view type there."""
    if not any(generator.startswith("Z-BlogPHP") for generator in page.meta.get("generator", [])):
        return None
    body = page.tree.find("body")
    names = (body.get("class") or "").split() if body is not None else []
    kinds = {VIEW_KINDS[name] for name in names if name in VIEW_KINDS}
    return kinds.pop() if len(kinds) == 1 else None
