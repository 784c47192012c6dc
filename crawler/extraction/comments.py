"""Comments the page renders (WordPress comment lists, Blogger, static-site comments, schema.org Comment)."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from crawler.extraction.article import Comment
from crawler.extraction.selectors import COMMENT_AUTHOR, COMMENT_ITEMS, COMMENT_TEXT

MAX_COMMENTS = 2000


def find_comments(soup: BeautifulSoup, base_url: str) -> list[Comment]:
    comments = []
    for item in soup.select(COMMENT_ITEMS, limit=MAX_COMMENTS):
        if item.find_parent(["form"]) or item.css.match("#respond, .comment-respond"):
            continue
        comment = _comment(item)
        if comment is not None:
            comments.append(comment)
    return comments


def _comment(item: Tag) -> Comment | None:
    body = item.select_one(COMMENT_TEXT)
    if body is None:
        return None
    text = "\n".join(
        " ".join(p.get_text(" ", strip=True).split()) for p in (body.find_all("p", recursive=True) or [body])
    ).strip()
    if not text:
        return None
    author = item.select_one(COMMENT_AUTHOR)
    time = item.find("time")
    published = time.get("datetime") if time is not None and time.get("datetime") else None
    author_text = " ".join(author.get_text(" ", strip=True).split()) if author is not None else None
    if author_text:
        author_text = author_text.removesuffix(" says:").removesuffix(" sagt:").removesuffix(" says").strip()
    return Comment(author=author_text or None, published=published, text=text)
