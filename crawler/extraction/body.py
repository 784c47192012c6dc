"""The post's body through trafilatura, as plain text and as Markdown, from one extraction run.

Known chrome (share bars, related posts, author boxes, comment lists, widgets) is removed from a copy of the
page's tree before trafilatura sees it: its heuristics keep such blocks when they hold enough prose. A region
holding a large share of the page's text is never removed: a theme's classes (`div.entry.share`) or a form
around the whole page (ASP.NET's `aspnetForm`) would take the post with it. trafilatura runs without
`include_images` (see markdown_images.py); links and formatting are kept for the Markdown and dropped from the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
    with _chrome_detached(page):
        document = trafilatura.bare_extraction(page.tree, url=page.base, **_TRAFILATURA_OPTIONS)  # it copies the tree
    if document is None or document.body is None:
        return Body("", "", document)
    markdown = xmltotxt(document.body, include_formatting=True) or ""
    etree.strip_tags(document.body, "ref")  # plain text carries no link markup: the anchor text stays
    text = xmltotxt(document.body, include_formatting=False) or ""
    return Body(text.strip(), markdown.strip(), document)


@contextmanager
def _chrome_detached(page: Page) -> Iterator[None]:
    """The page's tree without the chrome regions that hold a small share of its text, for the time of the block.

    The regions are taken out and put back where they were (trafilatura copies the tree it is given), which costs
    far less than a copy of our own."""
    chrome = list(dict.fromkeys([e for e in page.chrome if e.tag != "form"] + page.select(COMMENT_LISTS)))
    limit = MAX_CHROME_SHARE * len(text_of(page.tree)) if chrome else 0
    small = [e for e in chrome if len(text_of(e)) <= limit]
    taken = set(small)
    outermost = [e for e in small if not any(a in taken for a in e.iterancestors())]
    # Siblings come out last first and go back first first, so every index holds.
    places = sorted(((e, e.getparent(), e.getparent().index(e)) for e in outermost), key=lambda place: place[2])
    for element, parent, _ in reversed(places):
        parent.remove(element)
    try:
        yield
    finally:
        for element, parent, index in places:
            parent.insert(index, element)
