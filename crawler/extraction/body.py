"""The post's body through trafilatura, as plain text and as Markdown, from one extraction run.

Known chrome (share bars, related posts, author boxes, comment forms, widgets) is removed from a copy of the
tree before trafilatura sees it: its heuristics keep such blocks when they hold enough prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector
from trafilatura.xml import xmltotxt

from crawler.extraction.selectors import IMAGE_EXCLUDED_SRC, NOT_POST

_CHROME = CSSSelector(NOT_POST + ", form, .comment-list, .commentlist, script, style, noscript")


@dataclass
class Body:
    text: str
    markdown: str
    document: Any  # trafilatura's Document, for its metadata fallbacks; None when nothing was found


def extract_body(html: str, url: str) -> Body:
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return Body("", "", None)
    for element in _CHROME(tree):
        if element.getparent() is not None and element.tag not in ("html", "body"):
            element.drop_tree()
    document = trafilatura.bare_extraction(
        tree, url=url, include_images=True, include_tables=True, include_formatting=True, include_links=True,
        include_comments=False, with_metadata=True, deduplicate=False, favor_recall=True,
    )  # fmt: skip
    if document is None or document.body is None:
        return Body("", "", document)
    for graphic in document.body.iter("graphic"):
        if any(part in (graphic.get("src") or "") for part in IMAGE_EXCLUDED_SRC):
            graphic.getparent().remove(graphic)  # tracking pixels and emoji are not the post's images
    markdown = xmltotxt(document.body, include_formatting=True) or ""
    for graphic in list(document.body.iter("graphic")):
        graphic.getparent().remove(graphic)  # plain text carries no image markup
    text = xmltotxt(document.body, include_formatting=False) or ""
    return Body(text.strip(), markdown.strip(), document)
