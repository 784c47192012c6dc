"""Comments the page renders (WordPress comment lists, Blogger, static-site comments, schema.org Comment)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from crawler.extraction.article import Comment
from crawler.extraction.selecting import select
from crawler.extraction.selectors import COMMENT_AUTHOR, COMMENT_ITEMS, COMMENT_TEXT

MAX_COMMENTS = 2000


_SAYS = re.compile(r"\s+(?:says|sagt|dice|dit|zegt|diz|scrive|schreibt)\s*:?\s*$", re.IGNORECASE)


def find_comments(soup: BeautifulSoup, base_url: str, classes: frozenset[str] | None = None) -> list[Comment]:
    """`classes`: the page's class names (selecting.page_classes), to skip selectors that cannot match."""
    found = select(soup, COMMENT_ITEMS, classes, limit=MAX_COMMENTS)
    items = [i for i in found if not i.find_parent("form")]
    chosen = set(map(id, items))
    comments = []
    for item in items:
        if any(id(parent) in chosen for parent in item.parents):
            continue  # the schema.org Comment inside an <li> already taken, or a reply nested in its parent
        comment = _comment(item)
        if comment is not None:
            comments.append(comment)
    return comments


def _comment(item: Tag) -> Comment | None:
    body = _first(item, COMMENT_TEXT)
    if body is None:
        return None
    paragraphs = [p for p in body.find_all("p") if not _in_nested_comment(p, item)] or [body]
    text = "\n".join(" ".join(p.get_text(" ", strip=True).split()) for p in paragraphs).strip()
    if not text:
        return None
    author = _first(item, COMMENT_AUTHOR)
    time = item.find("time")
    published = time.get("datetime") if time is not None and time.get("datetime") else None
    author_text = _SAYS.sub("", " ".join(author.get_text(" ", strip=True).split())) if author is not None else ""
    return Comment(author=author_text.strip() or None, published=published, text=text)


def _first(item: Tag, selectors: tuple[str, ...]) -> Tag | None:
    for selector in selectors:
        for found in item.select(selector):
            if not _in_nested_comment(found, item):
                return found
    return None


def _in_nested_comment(node: Tag, item: Tag) -> bool:
    """True when `node` belongs to a reply nested inside `item` (threaded comments)."""
    for parent in node.parents:
        if parent is item:
            return False
        if parent.name == "li" and parent.css.match(COMMENT_ITEMS):
            return True
    return False
