"""What web-archive captures need to know of the archive: which fetched pages are archived posts (their requisites
are captured with them) and the posts' titles (the page list of a WACZ package)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class ArchivedPost:
    url: str  # the post's key: its canonical URL when that is in the site
    canonical_url: str | None
    title: str | None
    gone: bool


def is_archived_post(conn: sqlite3.Connection, url: str) -> bool:
    """The page fetched from `url` is an archived post: an article row has that URL and is not gone, or the page's
    latest fetch was classified an article (one stored under its canonical URL)."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE url = ? AND gone_at IS NULL)"
        " OR (SELECT kind FROM pages WHERE url = ? ORDER BY id DESC LIMIT 1) = 'article'",
        (url, url),
    ).fetchone()
    return bool(row[0])


def archived_posts(conn: sqlite3.Connection) -> list[ArchivedPost]:
    """Every post in the archive, gone ones too (their captures are still worth replaying), oldest first."""
    rows = conn.execute("SELECT url, canonical_url, title, gone_at FROM articles ORDER BY id").fetchall()
    return [ArchivedPost(row[0], row[1], row[2], row[3] is not None) for row in rows]
