"""Comments from WordPress's REST API (`/wp-json/wp/v2/comments?post=N`): pure, JSON in, Comments out; and the
post's date from its own entry (`/wp-json/wp/v2/posts/N`).

The API answers an anonymous reader with approved comments only, each with its id, its parent's id (0 at the top
level), its author's name and URL, its time (`date`, the site's local time, and `date_gmt`) and its rendered HTML.
"""

from __future__ import annotations

import json
import re
from typing import Any

from crawler.extraction.article import Comment
from crawler.extraction.comments import body_text
from crawler.extraction.page import Page
from crawler.extraction.threads import threaded


def rest_comments(payloads: list[bytes], base_url: str) -> list[Comment]:
    """The comments of every page of the API's answer, replies after their parent (the API lists by date)."""
    entries = {str(entry["id"]): entry for payload in payloads for entry in _entries(payload) if entry.get("id")}
    return threaded([c for c in (_comment(entry, base_url) for entry in entries.values()) if c.text])


def rest_published(payload: bytes) -> str | None:
    """The publication time of a post as its REST API entry (`/wp-json/wp/v2/posts/N`) states it, in UTC
    (`date_gmt`, ISO 8601 without an offset: "+00:00" is added); None for an answer without one."""
    try:
        entry = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None
    gmt = entry.get("date_gmt") if isinstance(entry, dict) else None
    return f"{gmt}+00:00" if isinstance(gmt, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", gmt) else None


def _entries(payload: bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return []
    return [entry for entry in data if isinstance(entry, dict)] if isinstance(data, list) else []


def _comment(entry: dict[str, Any], base_url: str) -> Comment:
    rendered = (entry.get("content") or {}).get("rendered") or ""
    page = Page.from_html(f"<html><body>{rendered}</body></html>", base_url)
    gmt = entry.get("date_gmt")
    parent = str(entry.get("parent") or 0)
    return Comment(
        author=(entry.get("author_name") or "").strip() or None,
        published=f"{gmt}+00:00" if gmt else entry.get("date"),
        text=body_text(next(page.tree.iter("body"), page.tree)),
        id=str(entry["id"]),
        parent=None if parent == "0" else parent,
        author_url=(entry.get("author_url") or "").strip() or None,
    )
