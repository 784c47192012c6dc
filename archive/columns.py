"""What the archive's columns hold beyond SQLite's storage types, for output that keeps real types.

SQLite stores lists as JSON text and times as ISO 8601 text. JSON output (export jsonl, --format json) turns the
JSON lists back into lists; Parquet gets list<string> (or list<struct>) and timestamp columns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from archive.content import content_columns
from archive.database import database

# (table or view, column) -> what each item of the JSON list is: "string", or "rows of T": objects with the content
# columns of table T (archive/content.py), as a version keeps a post's images and comments.
JSON_LISTS: dict[tuple[str, str], str] = {
    ("articles", "categories"): "string",
    ("articles", "tags"): "string",
    ("v_posts", "categories"): "string",
    ("v_posts", "tags"): "string",
    ("v_posts", "authors"): "string",
    ("authors", "links"): "string",
    ("crawl_runs", "start_urls"): "string",
    ("article_versions", "images"): "rows of images",
    ("article_versions", "comments"): "rows of comments",
    ("article_versions", "authors"): "string",
    ("article_versions", "tags"): "string",
    ("article_versions", "categories"): "string",
}
# ISO 8601 text wherever a column of these names appears (dates as pages state them, times as blogarchive records).
TIMESTAMPS = frozenset(
    {
        "published",
        "updated",
        "first_seen",
        "last_fetched",
        "gone_at",
        "fetched_at",
        "started",
        "finished",
        "at",
        "updated_at",
    }
)


@dataclass(frozen=True)
class Column:
    """A column as output sees it. kind: integer, real, text, blob, list (JSON list) or timestamp (ISO 8601 text);
    items: what a list holds ("string" or a struct's field names)."""

    name: str
    kind: str
    items: str | tuple[tuple[str, str], ...] = ""  # "string", or a struct's (field, kind) pairs


STORAGE_KINDS = {"INTEGER": "integer", "REAL": "real", "BLOB": "blob", "TEXT": "text"}


def describe(conn: sqlite3.Connection, table: str) -> list[Column]:
    """The columns of a table or view. A view column without a declared type (a count, a json_group_array …)
    takes the storage type of its first non-NULL value."""
    described = []
    for column in database(conn)[table].columns:
        name = column.name
        if (table, name) in JSON_LISTS:
            described.append(Column(name, "list", _items(conn, JSON_LISTS[table, name])))
        elif name in TIMESTAMPS:
            described.append(Column(name, "timestamp"))
        else:
            declared = column.type or _first_type(conn, table, name)
            described.append(Column(name, STORAGE_KINDS.get(declared.upper(), "text")))
    return described


def _items(conn: sqlite3.Connection, spec: str) -> str | tuple[tuple[str, str], ...]:
    """What a JSON list's items are: "string", or a struct's fields with their kinds (from the table's schema)."""
    if not spec.startswith("rows of "):
        return spec
    table = spec.removeprefix("rows of ")
    declared = {
        column.name: STORAGE_KINDS.get((column.type or "TEXT").upper(), "text")
        for column in database(conn)[table].columns
    }
    return tuple((column, declared[column]) for column in content_columns(conn, table))


def _first_type(conn: sqlite3.Connection, table: str, column: str) -> str:
    row = conn.execute(f'SELECT typeof("{column}") FROM "{table}" WHERE "{column}" IS NOT NULL LIMIT 1').fetchone()
    return row[0] if row else "text"


def json_lists(table: str, columns: Iterable[str]) -> list[str]:
    """The columns of `table` that hold JSON lists."""
    return [column for column in columns if (table, column) in JSON_LISTS]


def decode_lists(record: dict[str, Any], list_columns: Iterable[str]) -> dict[str, Any]:
    """The record with its JSON-list columns as lists."""
    for column in list_columns:
        record[column] = json_list(record.get(column))
    return record


def json_list(value: Any) -> Any:
    """A JSON list's text as a list; anything else (NULL, text that is no JSON list) as it is."""
    if not isinstance(value, str):
        return value
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if isinstance(parsed, list) else value


def to_timestamp(value: Any) -> datetime | None:
    """An ISO 8601 text as a UTC datetime (a date is its midnight; no offset is UTC); None when it is none."""
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
