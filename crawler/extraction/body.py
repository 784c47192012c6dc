"""The post's body through trafilatura, as plain text and as Markdown, from one extraction run.

Known chrome (share bars, related posts, author boxes, comment lists, widgets) is removed from a copy of the
page's tree before trafilatura sees it: its heuristics keep such blocks when they hold enough prose. A region
holding a large share of the page's text is never removed: a theme's classes (`div.entry.share`) or a form
around the whole page (ASP.NET's `aspnetForm`) would take the post with it. trafilatura runs without
`include_images` (see markdown_images.py); links and formatting are kept for the Markdown and dropped from the text.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.xml import xmltotxt

from crawler.extraction.page import Page, text_of
from crawler.extraction.selectors import COMMENT_LISTS

MAX_CHROME_SHARE = 0.3  # of the page's text: a "chrome" match larger than this holds the post
_TRAFILATURA_OPTIONS = {
    "include_images": False, "include_tables": True, "include_formatting": True, "include_links": True,
    "include_comments": False, "with_metadata": True, "deduplicate": False,
}  # fmt: skip


@dataclass
class Body:
    text: str
    markdown: str
    document: Any  # trafilatura's Document, for its metadata fallbacks; None when nothing was found


def extract_body(page: Page) -> Body:
    tree = _without_chrome(page)
    document = trafilatura.bare_extraction(tree, url=page.base, **_TRAFILATURA_OPTIONS)
    if document is None or document.body is None:
        return Body("", "", document)
    markdown = xmltotxt(document.body, include_formatting=True) or ""
    etree.strip_tags(document.body, "ref")  # … and no link markup: the anchor text stays
    text = xmltotxt(document.body, include_formatting=False) or ""
    return Body(text.strip(), markdown.strip(), document)


def _without_chrome(page: Page) -> Any:
    """A copy of the tree without the chrome regions that hold a small share of the page's text."""
    chrome = [e for e in page.chrome if e.tag != "form"] + page.select(COMMENT_LISTS)
    if not chrome:
        return page.tree
    limit = MAX_CHROME_SHARE * len(text_of(page.tree))
    small = {e for e in chrome if len(text_of(e)) <= limit}
    if not small:
        return page.tree
    # The copy's elements are in the same document order as the original's: find them by position.
    positions = [i for i, element in enumerate(page.tree.iter()) if element in small]
    tree = deepcopy(page.tree)
    copies = list(tree.iter())
    for element in [copies[i] for i in positions]:
        if element.getparent() is not None:
            element.drop_tree()
    return tree
