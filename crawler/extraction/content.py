"""Locating the post's body container, and telling whether an element sits in chrome rather than the post."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from crawler.extraction.selectors import CONTENT_ROOTS, NOT_POST

MIN_ROOT_TEXT = 200  # characters: a smaller match is a teaser or a widget, not the post


def find_content_root(soup: BeautifulSoup) -> Tag | None:
    """The first selector match holding enough text; else the element with the most paragraph text."""
    for selector in CONTENT_ROOTS:
        for candidate in soup.select(selector, limit=5):
            if not in_chrome(candidate) and len(candidate.get_text(" ", strip=True)) >= MIN_ROOT_TEXT:
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
        isinstance(node, Tag) and node.name not in ("[document]", "html", "body") and node.css.match(NOT_POST)
        for node in (element, *element.parents)
    )
