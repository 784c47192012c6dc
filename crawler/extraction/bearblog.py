"""What Bear Blog (bearblog.dev) says about its own pages: its template's body class, a post's date and its tags.

Bear Blog renders every blog with one set of templates (HermanMartinus/bearblog's templates/; a blog's owner changes
its CSS, not its markup), and names itself in each page's <head>: `<meta name="{subdomain}"
content="look-for-the-bear-necessities">`. The <body>'s class names the template: `post` for a post, `page` for a
page (Now, About: post.html without its title, date and tags), `home` for the home page, `blog` for the list of posts
(and of a tag's posts, /blog/?q=walking). A post prints its date under its <h1> as `<p><i><time
datetime="2024-04-14T09:30Z">` (the minute, UTC), and its tags after the text as `<p class="tags">`, each
`<a href="/blog/?q=walking">#walking</a>` — a search of the blog by the tag, no rel nor term path to read it by.
"""

from __future__ import annotations

from lxml import etree

from crawler.extraction.page import Page, text_of

MARK = "look-for-the-bear-necessities"
_MARKED = etree.XPath(f"boolean(/html/head/meta[@content='{MARK}'])")
# (body class, page kind)
BODY_KINDS = {"post": "article", "page": "page", "home": "listing", "blog": "listing"}
# post.html: the post's <h1>, then its date alone in a paragraph
_POST_TIME = etree.XPath("//main/h1/following-sibling::*[1][self::p]/i/time/@datetime", smart_strings=False)
_POST_TAGS = etree.XPath(
    "//main/p[contains(concat(' ', normalize-space(@class), ' '), ' tags ')]/a[contains(@href, '?q=')]"
)


def rendered_by_bear(page: Page) -> bool:
    """Whether Bear Blog rendered the page: its <head> holds Bear's mark (MARK)."""
    return bool(_MARKED(page.tree))


def _template(page: Page) -> str | None:
    body = page.tree.find("body")
    names = [name for name in (body.get("class") or "").split() if name in BODY_KINDS] if body is not None else []
    return names[0] if len(names) == 1 else None


def bear_kind(page: Page) -> str | None:
    """The page's kind as Bear Blog's body class names it; None for a page Bear Blog did not render."""
    if not rendered_by_bear(page):
        return None
    template = _template(page)
    return BODY_KINDS[template] if template else None


def bear_published(page: Page) -> str | None:
    """A Bear Blog post's <time datetime> under its title: the minute it was published, in UTC."""
    if not rendered_by_bear(page) or _template(page) != "post":
        return None
    return next(iter(_POST_TIME(page.tree)), None)


def bear_tags(page: Page) -> list[str]:
    """A Bear Blog post's tags as it prints them after the text, without their "#"."""
    if not rendered_by_bear(page) or _template(page) != "post":
        return []
    return list(dict.fromkeys(name for link in _POST_TAGS(page.tree) if (name := text_of(link).lstrip("#").strip())))
