"""A post's archived content — what makes a version when any of it changes: its title, authors, text, tags,
categories, images (with their captions) and comments — in one form, whether read from the rows the archive holds
or built from a new extraction, so that the two compare, hash and diff as a whole (archive/articles.py, history.py).

The `images` and `comments` parts are their tables' rows, as many columns of them as the schema has: every column
but the row's key, its post, its position (the list's order is the position) and, for images, what the media
pipeline adds (the saved file). A column a later schema version adds to either table is part of the content with no
change here. A column that refers to another row of the same table (a reply's parent comment) holds that row's
position in the content, in the rows a writer builds as in those read back: unlike a row id, a position does not
change when a post's rows are written again.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import sqlite3
from collections import Counter
from typing import Any

from archive.database import database

# The parts, in the order history shows them; each is a column of article_versions.
PARTS = ("title", "authors", "text", "tags", "categories", "images", "comments")
LIST_PARTS = ("authors", "tags", "categories", "images", "comments")
ROW_PARTS = ("images", "comments")  # tables of rows per post
NOT_CONTENT = {
    "images": {"id", "article_id", "position", "sha256", "local_path", "bytes"},
    "comments": {"id", "article_id", "position"},
}

Content = dict[str, Any]


def content_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of `table` ("images", "comments") that are part of a post's content, in schema order."""
    return [column.name for column in database(conn).table(table).columns if column.name not in NOT_CONTENT[table]]


def self_references(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of `table` that name another row of it (a comment's parent)."""
    return [key.column for key in database(conn).table(table).foreign_keys if key.other_table == table]


def built(conn: sqlite3.Connection, article: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> Content:
    """The content of a post about to be written: `article` as extraction gave it, `rows` its images and comments
    as the writer will store them (references between comments as positions) and its people (`authors`)."""
    content: Content = {
        "title": article.get("title"),
        "authors": [person["name"] for person in rows["authors"]],
        "text": article.get("text") or "",
        "tags": list(article.get("tags") or []),
        "categories": list(article.get("categories") or []),
    }
    for table in ROW_PARTS:
        columns = content_columns(conn, table)
        content[table] = [{column: row.get(column) for column in columns} for row in rows[table]]
    return content


def stored(conn: sqlite3.Connection, article: sqlite3.Row) -> Content:
    """The content the archive holds for the post of the `articles` row `article`."""
    authors = conn.execute(
        "SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ?"
        " ORDER BY aa.position",
        (article["id"],),
    )
    content: Content = {
        "title": article["title"],
        "authors": [name for (name,) in authors],
        "text": article["text"] or "",
        "tags": json.loads(article["tags"] or "[]"),
        "categories": json.loads(article["categories"] or "[]"),
    }
    for table in ROW_PARTS:
        content[table] = _stored_rows(conn, table, article["id"])
    return content


def _stored_rows(conn: sqlite3.Connection, table: str, article_id: int) -> list[dict[str, Any]]:
    columns = content_columns(conn, table)
    references = self_references(conn, table)
    cursor = conn.execute(
        f"SELECT id, {', '.join(columns)} FROM {table} WHERE article_id = ? ORDER BY position, id", (article_id,)
    )
    found = [dict(zip(["id", *columns], row, strict=True)) for row in cursor]
    positions = {row.pop("id"): number for number, row in enumerate(found, start=1)}
    for row in found:
        for column in references:
            row[column] = positions.get(row[column])
    return found


def digest(content: Content) -> str:
    """The content's sha256: equal contents, equal digests (articles.content_hash)."""
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def changed_parts(old: Content, new: Content) -> list[str]:
    """The parts that differ from `old` to `new`, in PARTS order; a part `old` did not record (a version made
    before blogarchive kept it) is not counted as changed."""
    return [part for part in PARTS if (old.get(part) is not None or part == "title") and old.get(part) != new.get(part)]


def summary(old: Content, new: Content) -> str:
    """One line saying which parts changed and how much: 'title changed; text +3/-1 lines; comments +1/-0'."""
    said = []
    for part in changed_parts(old, new):
        before, after = old[part], new[part]
        if part == "title":
            said.append("title changed")
        elif part == "text":
            said.append("text {}/{} lines".format(*_line_counts(before.splitlines(), after.splitlines())))
        else:
            said.append(_list_change(part, before, after))
    return "; ".join(said) or "unchanged"


def _line_counts(before: list[str], after: list[str]) -> tuple[str, str]:
    diff = list(difflib.unified_diff(before, after, lineterm="", n=0))
    added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
    return f"+{added}", f"-{removed}"


def _list_change(part: str, before: list[Any], after: list[Any]) -> str:
    """'tags +1/-0', or 'authors reordered' when the same items came in another order."""
    old, new = Counter(map(_key, before)), Counter(map(_key, after))
    added, removed = sum((new - old).values()), sum((old - new).values())
    return f"{part} reordered" if not added and not removed else f"{part} +{added}/-{removed}"


def _key(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)
