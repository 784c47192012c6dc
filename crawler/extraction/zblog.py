"""What Z-BlogPHP says about its own pages: the type of view its core names on the `<body>`.

Z-BlogPHP (a PHP blog engine of China's) prints `<meta name="generator" content="Z-BlogPHP 1.7.5">` and hands every
template the view's type (`$type`: `article` or `page` for a single post, its post type's name; `index`,
`category`, `tag`, `author`, `date` for a list of posts, `search`), which its themes print as the body's class —
`<body class="single {$type}">` and `<body class="multi {$type}">` in its default theme and WhitePage,
`<body class="{$type}">` in Zit and tpure. As Dotclear's body classes do, that settles what the page is: a day's or
a tag's list holding one post, printed whole, is no post. Its default theme prints a post's time in the blog's
clock and the core's default format, "2024-05-07 12:17:00", in a span.post-date inside the title's heading, and
its author and category as plain text in the post's footer.
"""

from __future__ import annotations

import re

from crawler.extraction.page import Page, first

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

# The post's time as its default theme prints it (post-single.php: `h2.post-title > span.post-date`)
POST_DATE = ".post-title > span.post-date"
_PRINTED_TIME = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d)(?::\d\d)?")
# The default theme's post footer (post-single.php): "作者:Name <small>|</small> 分类:Category <small>|</small>
# 浏览:12 <small>|</small> 评论:3" — each field a label of the blog's language pack ("Author:" in English) and its
# value, the author's name first, the category second, neither a link
_POST_FOOTER = "div.post.single > p.post-footer"
_LABEL = re.compile(r"^[^:：]{1,20}[:：]\s*")
# Its lists of a term's posts without URL rewriting (its default, ZC_STATIC_MODE "ACTIVE"): `/?tags=9`, `/?cate=2`,
# the term's number in the query — the post's tag links (`p.post-tags`), no rel nor term path
TERM_QUERY = re.compile(r"(?:^|&)(tags|cate)=\d+(?:&|$)")


def generated_by_zblog(page: Page) -> bool:
    """Z-BlogPHP rendered the page (its generator tag says so)."""
    return any(generator.startswith("Z-BlogPHP") for generator in page.meta.get("generator", []))


def printed_time(text: str) -> str | None:
    """A time printed in Z-BlogPHP's default format as ISO 8601 to the minute, in the blog's clock: "2024-05-07
    12:17:00" is "2024-05-07T12:17"; None for any other text."""
    match = _PRINTED_TIME.fullmatch(" ".join(text.split()))
    return f"{match[1]}T{match[2]}" if match else None


def zblog_kind(page: Page) -> str | None:
    """The page's kind as Z-BlogPHP's view type names it on the body; None for a page Z-BlogPHP did not render, or a
    theme that prints no view type there."""
    if not generated_by_zblog(page):
        return None
    body = page.tree.find("body")
    names = (body.get("class") or "").split() if body is not None else []
    kinds = {VIEW_KINDS[name] for name in names if name in VIEW_KINDS}
    return kinds.pop() if len(kinds) == 1 else None


def footer_fields(page: Page) -> tuple[str | None, str | None]:
    """(author, category) as the default theme's post footer prints them (_POST_FOOTER); None for each it does not
    print, or on another engine's page."""
    if not generated_by_zblog(page) or (footer := first(page.tree, _POST_FOOTER)) is None:
        return None, None
    fields = [footer.text or "", *(separator.tail or "" for separator in footer.iterchildren("small"))]
    author, category = (_labelled(field) for field in (fields + ["", ""])[:2])
    return author, category


def _labelled(field: str) -> str | None:
    """The value of a "label:value" field; None for a field without its label."""
    field = " ".join(field.split())
    return (_LABEL.sub("", field) or None) if _LABEL.match(field) else None
