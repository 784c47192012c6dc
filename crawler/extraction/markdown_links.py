"""The page's links put back into the post's Markdown, on their anchor text.

trafilatura runs without `include_links` (crawler/extraction/body.py says why), so its output has the post's text
but not its links. They are read from the post's container instead and set, in document order, on the first
occurrence of their anchor text after the previous link: a link never lands before one that precedes it in the
page, nor inside a longer word.
"""

from __future__ import annotations

import re

from crawler.extraction.page import HtmlElement, Page
from crawler.urls import joined

MIN_ANCHOR_CHARS = 3  # "1" or "»" would land on any digit or arrow of the text
MAX_LINKS = 500
_SKIPPED_SCHEMES = ("javascript:", "data:")


def with_links(markdown: str, page: Page, root: HtmlElement | None) -> str:
    if not markdown:
        return markdown
    pieces: list[str] = []
    cursor = 0
    for text, href in _links(page, page.tree if root is None else root):
        match = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)").search(markdown, cursor)
        if match is None:
            continue
        pieces.append(markdown[cursor : match.start()])
        pieces.append(f"[{_escaped(text)}]({_href(href)})")
        cursor = match.end()
    pieces.append(markdown[cursor:])
    return "".join(pieces)


def _links(page: Page, root: HtmlElement) -> list[tuple[str, str]]:
    links = []
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIPPED_SCHEMES) or page.in_chrome(anchor):
            continue
        text = " ".join("".join(anchor.itertext()).split())
        if len(text) >= MIN_ANCHOR_CHARS and (url := joined(page.base, href)):
            links.append((text, url))
            if len(links) == MAX_LINKS:
                break
    return links


def _escaped(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]")


def _href(href: str) -> str:
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
