"""Comments the page renders (WordPress comment lists, Blogger, static-site comments, schema.org Comment)."""

from __future__ import annotations

import re

from crawler.extraction.article import Comment
from crawler.extraction.page import HtmlElement, Page, compiled, text_of
from crawler.extraction.selectors import COMMENT_AUTHOR, COMMENT_ITEMS, COMMENT_TEXT

MAX_COMMENTS = 2000


_SAYS = re.compile(r"\s+(?:says|sagt|dice|dit|zegt|diz|scrive|schreibt)\s*:?\s*$", re.IGNORECASE)


def find_comments(page: Page) -> list[Comment]:
    """The page's comments in document order, replies after their parent; at most MAX_COMMENTS items read."""
    matching = page.select(COMMENT_ITEMS)
    replies = {item for item in matching if item.tag == "li"}  # what marks a nested reply (_in_nested_comment)
    items = [i for i in matching[:MAX_COMMENTS] if next(i.iterancestors("form"), None) is None]
    chosen = set(items)
    comments = []
    for item in items:
        if any(parent in chosen for parent in item.iterancestors()):
            continue  # the schema.org Comment inside an <li> already taken, or a reply nested in its parent
        comment = _comment(item, replies)
        if comment is not None:
            comments.append(comment)
    return comments


def _comment(item: HtmlElement, replies: set[HtmlElement]) -> Comment | None:
    body = _first(item, COMMENT_TEXT, replies)
    if body is None:
        return None
    paragraphs = [p for p in body.iterdescendants("p") if not _in_nested_comment(p, item, replies)] or [body]
    text = "\n".join(text_of(p) for p in paragraphs).strip()
    if not text:
        return None
    author = _first(item, COMMENT_AUTHOR, replies)
    time = next(item.iterdescendants("time"), None)
    published = time.get("datetime") if time is not None and time.get("datetime") else None
    author_text = _SAYS.sub("", text_of(author)) if author is not None else ""
    return Comment(author=author_text.strip() or None, published=published, text=text)


def _first(item: HtmlElement, selectors: tuple[str, ...], replies: set[HtmlElement]) -> HtmlElement | None:
    """The first match of the most specific selector that has one outside the item's nested replies."""
    for selector in selectors:
        for found in compiled((selector,))(item):
            if found is not item and not _in_nested_comment(found, item, replies):
                return found
    return None


def _in_nested_comment(node: HtmlElement, item: HtmlElement, replies: set[HtmlElement]) -> bool:
    """True when `node` belongs to a reply nested inside `item` (threaded comments): an <li> comment item
    between them. `replies`: the page's <li> elements matching COMMENT_ITEMS."""
    for parent in node.iterancestors():
        if parent is item:
            return False
        if parent in replies:
            return True
    return False
