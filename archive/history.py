"""A post's history: find it however its URL is written (or at an address it moved from), its versions oldest first,
the addresses it moved from, and what changed between two.

Read-only over an archive connection. Versions 1 … n-1 are the rows of article_versions; version n is the current
articles row with its authors, images and comments.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
from typing import Any

from archive.content import LIST_PARTS, PARTS, ROW_PARTS, stored


def find_post(conn: sqlite3.Connection, spellings: list[str]) -> str | None:
    """The stored URL of the post that one of `spellings` (best first) names, by URL or declared canonical URL."""
    marks = ", ".join("?" for _ in spellings)
    rows = conn.execute(
        f"SELECT url, canonical_url FROM articles WHERE url IN ({marks}) OR canonical_url IN ({marks})",
        [*spellings, *spellings],
    ).fetchall()
    rank = {spelling: number for number, spelling in enumerate(spellings)}
    best = min(rows, key=lambda row: min(rank.get(row[0], len(rank)), rank.get(row[1], len(rank))), default=None)
    if best is None and _has_addresses(conn):  # an address the post had before it moved
        best = conn.execute(
            f"SELECT a.url FROM article_addresses ad JOIN articles a ON a.id = ad.article_id WHERE ad.url IN ({marks})"
            " ORDER BY ad.id DESC LIMIT 1",
            spellings,
        ).fetchone()
    return best[0] if best else None


def moves(conn: sqlite3.Connection, url: str) -> list[dict[str, Any]]:
    """The addresses the post at `url` moved from, oldest first: {url, moved_to, redirect, at} each ([] in an
    archive older than schema version 14)."""
    if not _has_addresses(conn):
        return []
    cursor = conn.execute(
        "SELECT ad.url, ad.moved_to, ad.redirect, ad.at FROM article_addresses ad"
        " JOIN articles a ON a.id = ad.article_id WHERE a.url = ? ORDER BY ad.id",
        (url,),
    )
    return [dict(zip(("url", "moved_to", "redirect", "at"), row, strict=True)) for row in cursor]


def _has_addresses(conn: sqlite3.Connection) -> bool:
    """The archive keeps the addresses posts moved from (schema version 14): read-only, an older one is not
    upgraded."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_addresses'").fetchone() is not None


def versions(conn: sqlite3.Connection, url: str) -> list[dict[str, Any]]:
    """Every archived state of the post at `url`, oldest first, each with every part of its content
    (archive/content.py; None for a part a version made before blogarchive kept it does not have); [] when it is
    no post."""
    current = conn.execute(
        "SELECT id, title, text, tags, categories, last_fetched, gone_at, retired_at, retired_reason FROM articles"
        " WHERE url = ?",
        (url,),
    ).fetchone()
    if current is None:
        return []
    columns = ", ".join(PARTS)
    cursor = conn.execute(
        f"SELECT version, fetched_at, diff_summary, {columns} FROM article_versions WHERE article_id = ?"
        " ORDER BY version",
        (current[0],),
    )
    names = ("version", "fetched_at", "diff_summary", *PARTS)
    older = [_decoded(dict(zip(names, row, strict=True))) for row in cursor]
    article = dict(zip(("id", "title", "text", "tags", "categories"), current[:5], strict=True))
    latest = {
        "version": len(older) + 1,
        "fetched_at": current[5],
        "diff_summary": "current",
        **stored(conn, article),
        "gone_at": current[6],
        "retired_at": current[7],
        "retired_reason": current[8],
    }
    return [*[{**version, "gone_at": None, "retired_at": None, "retired_reason": None} for version in older], latest]


def _decoded(version: dict[str, Any]) -> dict[str, Any]:
    for part in LIST_PARTS:
        if version[part] is not None:
            version[part] = json.loads(version[part])
    return version


def unified_diff(older: dict[str, Any], newer: dict[str, Any]) -> list[str]:
    """A unified diff from one version to another, part by part (title, authors, text, tags, categories, images,
    comments), of each part that changed; a part the older version did not record is left out."""
    lines = []
    for part in PARTS:
        before, after = older[part], newer[part]
        if before is None or after is None or before == after:
            continue
        shared = _shared_fields(before, after) if part in ROW_PARTS else None
        lines += difflib.unified_diff(
            part_lines(part, before, shared),
            part_lines(part, after, shared),
            lineterm="",
            fromfile=f"version {older['version']} ({older['fetched_at']}) {part}",
            tofile=f"version {newer['version']} ({newer['fetched_at']}) {part}",
        )
    return lines


def part_lines(part: str, value: Any, fields: set[str] | None = None) -> list[str]:
    """A part as lines of text: the title, the text's lines, one line per author, tag or category, and per image or
    comment its fields (`fields` only, when given) on one line and a comment's text on the lines below it."""
    if part == "title":
        return [value or ""]
    if part == "text":
        return value.splitlines()
    if part not in ROW_PARTS:
        return [str(item) for item in value]
    lines = []
    for number, item in enumerate(value, start=1):
        shown = {
            k: v for k, v in item.items() if k != "text" and v not in (None, "") and (fields is None or k in fields)
        }
        lines.append(f"{number}. " + "; ".join(f"{key}: {field}" for key, field in shown.items()))
        lines += [f"    {line}" for line in (item.get("text") or "").splitlines()]
    return lines


def _shared_fields(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> set[str] | None:
    """The fields both versions' rows have: a version made before blogarchive kept a field does not show it as
    added in the next."""
    old = {key for item in before for key in item}
    new = {key for item in after for key in item}
    return old & new if old and new else None
