"""What a Ghost blog holds, read from its own SQLite database: the truth the Ghost tests hold an archive against."""

from __future__ import annotations

import html
import re
import sqlite3
from pathlib import Path
from typing import Any

_TAG = re.compile(r"<[^>]+>")
_CAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.S)
# an image card's or a gallery's caption (not a code card's or a bookmark card's)
_IMAGE_CAPTION = re.compile(
    r"<figure class=\"kg-card kg-(?:image|gallery)-card[^\"]*\">(?:(?!</figure>).)*?"
    r"<figcaption[^>]*>(.*?)</figcaption>",
    re.S,
)
_IMG = re.compile(r"<img[^>]*?\ssrc=\"([^\"]+)\"")
_CODE = re.compile(r"<code[^>]*>(.*?)</code>", re.S)


def _text(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def ghost_truth(database: Path, site: str) -> dict[str, Any]:
    """The blog's published posts by URL — id, title, publication time (UTC), authors and public tags in Ghost's
    order, feature image, the pictures, captions (of all cards; of its pictures and feature image) and code in their
    HTML, their text — and the URLs of its pages."""
    connection = sqlite3.connect(database)
    connection.row_factory = sqlite3.Row
    try:
        rows = connection.execute("SELECT * FROM posts WHERE status = 'published'").fetchall()
        posts, pages = {}, []
        for row in rows:
            url = f"{site}{row['slug']}/"
            if row["type"] == "page":
                pages.append(url)
                continue
            posts[url] = {
                "id": row["id"],
                "title": row["title"],
                "published": row["published_at"].replace(" ", "T") + "Z",
                "authors": _related(connection, "users", "posts_authors", "author_id", row["id"], "name"),
                "tags": [
                    t
                    for t in _related(connection, "tags", "posts_tags", "tag_id", row["id"], "name")
                    if not t.startswith("#")
                ],
                "feature_image": (row["feature_image"] or "").replace("__GHOST_URL__", site.rstrip("/")) or None,
                "images": [src.replace("__GHOST_URL__", site.rstrip("/")) for src in _IMG.findall(row["html"])],
                "captions": [_line(c) for c in _CAPTION.findall(row["html"])],
                "image_captions": [_line(c) for c in _IMAGE_CAPTION.findall(row["html"])]
                + ([_line(meta)] if (meta := _feature_caption(connection, row["id"])) else []),
                "code": [html.unescape(c) for c in _CODE.findall(row["html"])],
                "text": _text(row["html"]),
            }
        return {"posts": posts, "pages": pages}
    finally:
        connection.close()


def _line(markup: str) -> str:
    """A caption's words as a line: its inline markup dropped."""
    return " ".join(html.unescape(_TAG.sub("", markup)).split())


def _feature_caption(connection: sqlite3.Connection, post: str) -> str | None:
    row = connection.execute("SELECT feature_image_caption FROM posts_meta WHERE post_id = ?", (post,)).fetchone()
    return row[0] if row else None


def _related(connection: sqlite3.Connection, table: str, link: str, column: str, post: str, field: str) -> list[str]:
    query = (
        f"SELECT t.{field} FROM {table} t JOIN {link} l ON l.{column} = t.id WHERE l.post_id = ? ORDER BY l.sort_order"
    )
    return [value for (value,) in connection.execute(query, (post,))]
