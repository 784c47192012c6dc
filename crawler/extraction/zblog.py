"""What Z-BlogPHP says about its own pages: the type of view its core names on the `<body>`.

Z-BlogPHP (a PHP blog engine of China's) prints `<meta name="generator" content="Z-BlogPHP 1.7.5">` and hands every
template the view's type (`$type`: `article` or `page` for a single post, its post type's name; `index`,
`category`, `tag`, `author`, `date` for a list of posts, `search`), which its themes print as the body's class —
`<body class="single {$type}">` and `<body class="multi {$type}">` in its default theme and WhitePage,
`<body class="{$type}">` in Zit and tpure. As Dotclear's body classes do, that settles what the page is: a day's or
a tag's list holding one post, printed whole, is no post. Its default theme prints a post's time in the blog's
clock and the core's default format, "2024-05-07 12:17:00", in a span.post-date inside the title's heading, and
its author and category as plain text in the post's footer. Other themes (Zit) link them: the author's, the
category's and each tag's view by the engine's URLs for them (view_links).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.extraction.page import Page, first, text_of
from crawler.urls import joined

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

# The post's time as its themes print it in the core's format: the default theme's post-single.php in the title's
# heading (`h2.post-title > span.post-date`), Zit's in the post's header after the author, its label in a <dfn>
# (`<span class="kico-time"><dfn>发表于</dfn>2024-03-05 10:11:00</span>`; its lists print the day alone)
POST_DATE = ".post-title > span.post-date, #topic > h5 > span.kico-time"
_PRINTED_TIME = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d(?::\d\d)?)")
# The default theme's post footer (post-single.php): "作者:Name <small>|</small> 分类:Category <small>|</small>
# 浏览:12 <small>|</small> 评论:3" — each field a label of the blog's language pack ("Author:" in English) and its
# value, the author's name first, the category second, neither a link
_POST_FOOTER = "div.post.single > p.post-footer"
_LABEL = re.compile(r"^[^:：]{1,20}[:：]\s*")
# Its lists of a term's posts without URL rewriting (its default, ZC_STATIC_MODE "ACTIVE"): `/?tags=9`, `/?cate=2`,
# the term's number in the query — the post's tag links (`p.post-tags`), no rel nor term path
TERM_QUERY = re.compile(r"(?:^|&)(tags|cate)=\d+(?:&|$)")
# The URLs of its views of an author's, a category's and a tag's posts: without URL rewriting the view's number in
# the query (?auth=2, ?cate=4, ?tags=5), with it (ZC_STATIC_MODE "REWRITE", the forms its STACentre plugin offers) in
# the file's name, the page's number after an "_" (author-2.html, category-4_2.html, tags-5.html; an alias may
# stand for the number: category-travel.html)
_VIEW_URLS = (
    ("author", re.compile(r"(?:^|&)auth=\d+(?:&|$)|/author-[^/_?]+(?:_\d+)?\.html$")),
    ("category", re.compile(r"(?:^|&)cate=\d+(?:&|$)|/category-[^/_?]+(?:_\d+)?\.html$")),
    ("tag", re.compile(r"(?:^|&)tags=\d+(?:&|$)|/tags-[^/_?]+(?:_\d+)?\.html$")),
)
# Where a theme prints the site's chrome: its sidebar (the default theme's and WhitePage's `div#divSidebar`,
# `div#divBottom`) and the modules the core ships, each in an element named by the module's HtmlID (Zit's
# `div#divCatalog`, the default theme's `dl.function#divTags`), the navbar's items
# (`li#navbar-category-4`), the comments (`#cmt12`), the page's <header>, <footer> and <aside>
_MODULES = {
    "divSidebar",
    "divBottom",
    "divNavBar",
    "divCalendar",
    "divCatalog",
    "divTags",
    "divArchives",
    "divAuthors",
    "divPrevious",
    "divComments",
    "divLinkage",
    "divFavorites",
    "divMisc",
    "divStatistics",
    "divContorPanel",
    "divSearchPanel",
}
_ITEM_ID = re.compile(r"^(?:navbar-|cmt\d)")
_CHROME_TAGS = {"header", "footer", "aside"}


def generated_by_zblog(page: Page) -> bool:
    """Z-BlogPHP rendered the page (its generator tag says so)."""
    return any(generator.startswith("Z-BlogPHP") for generator in page.meta.get("generator", []))


def printed_time(text: str) -> str | None:
    """A time printed in Z-BlogPHP's default format as ISO 8601 to the second where printed, in the blog's clock:
    "2024-05-07 12:17:08" is "2024-05-07T12:17:08" (a feed states the same time with its offset); None for any
    other text."""
    match = _PRINTED_TIME.fullmatch(" ".join(text.split()))
    return f"{match[1]}T{match[2]}" if match else None


def post_time(node: HtmlElement) -> str | None:
    """The time a theme prints in `node` (POST_DATE) as printed_time reads it, without the label Zit prints before
    it in a <dfn> ("发表于")."""
    labels = "".join(text_of(label) for label in node.iterchildren("dfn"))
    text = text_of(node)
    return printed_time(text[len(labels) :] if labels and text.startswith(labels) else text)


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


def view_kind(url: str) -> str | None:
    """ "author", "category" or "tag" for a URL of Z-BlogPHP's view of their posts (_VIEW_URLS); None for another."""
    parts = url.split("?", 1)
    path, query = parts[0], parts[1] if len(parts) > 1 else ""
    return next((kind for kind, view in _VIEW_URLS if view.search(query) or view.search(path)), None)


def view_links(page: Page) -> dict[str, list[str]]:
    """The names a Z-BlogPHP post's page links to its author's, categories' and tags' views, by kind, each once in
    page order: Zit prints the category in its breadcrumb, the tags in a heading above the title and the author
    after it, none of them in the post's body nor with a rel or class to tell them. Not the links of the sidebar's
    modules, the navbar, the comments or the page's header and footer (_MODULES, _ITEM_ID, _CHROME_TAGS); empty on a
    page that is not a post's (zblog_kind) or another engine's."""
    found: dict[str, list[str]] = {"author": [], "category": [], "tag": []}
    if zblog_kind(page) not in ("article", "page"):
        return found
    for link in page.tree.iter("a"):
        kind = view_kind(joined(page.base, link.get("href")) or "")
        if kind is not None and (name := text_of(link)) and not _in_modules(link) and name not in found[kind]:
            found[kind].append(name)
    return found


def _in_modules(link: HtmlElement) -> bool:
    """The link lies in the site's chrome as Z-BlogPHP's themes print it (_MODULES, _ITEM_ID, _CHROME_TAGS)."""
    for element in link.iterancestors():
        name = element.get("id") or ""
        if element.tag in _CHROME_TAGS or name in _MODULES or _ITEM_ID.match(name):
            return True
    return False
