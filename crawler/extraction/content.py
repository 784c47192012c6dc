"""Locating the post's body container, and telling whether an element sits in chrome rather than the post."""

from __future__ import annotations

import soupsieve
from bs4 import BeautifulSoup, Tag

from crawler.extraction.selecting import compiled, narrowed
from crawler.extraction.selectors import CONTENT_ROOTS, NOT_POST

MIN_ROOT_TEXT = 200  # characters: a smaller match is a teaser or a widget, not the post


_CHROME = soupsieve.compile(NOT_POST)


def find_content_root(soup: BeautifulSoup, classes: frozenset[str] | None = None) -> Tag | None:
    """The match of the most specific selector holding enough text; else the element with the most paragraph
    text. One pass over the document collects every candidate; the priority order then picks among them.
    `classes`: the page's class names (selecting.page_classes), to skip selectors that cannot match."""
    usable = narrowed(", ".join(CONTENT_ROOTS), classes)
    candidates = compiled(usable).select(soup) if usable else []
    for pattern in (compiled((selector,)) for selector in usable):
        for candidate in candidates:
            long_enough = pattern.match(candidate) and len(candidate.get_text(" ", strip=True)) >= MIN_ROOT_TEXT
            if long_enough and not in_chrome(candidate):
                return candidate
    return _densest_parent(soup)


def _densest_parent(soup: BeautifulSoup) -> Tag | None:
    scores: dict[int, tuple[int, Tag]] = {}
    for paragraph in soup.find_all("p", limit=2000):
        parent = paragraph.parent
        if isinstance(parent, Tag):
            score, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (score + len(paragraph.get_text(strip=True)), parent)
    if not scores:
        return None
    return max(scores.values(), key=lambda pair: pair[0])[1]


def in_chrome(element: Tag) -> bool:
    """True when the element or an ancestor is a sidebar, share bar, related-posts block, author box …"""
    return any(
        isinstance(node, Tag) and node.name not in ("[document]", "html", "body") and _CHROME.match(node)
        for node in (element, *element.parents)
    )
