"""A post's history: find it however its URL is written, its versions oldest first, and what changed between two.

Read-only over an archive connection. Versions 1 … n-1 are the rows of article_versions; version n is the current
articles row.
"""

from __future__ import annotations

import difflib
import sqlite3
from typing import Any


def find_post(conn: sqlite3.Connection, spellings: list[str]) -> str | None:
    """The stored URL of the post that one of `spellings` (best first) names, by URL or declared canonical URL."""
    marks = ", ".join("?" for _ in spellings)
    rows = conn.execute(
        f"SELECT url, canonical_url FROM articles WHERE url IN ({marks}) OR canonical_url IN ({marks})",
        [*spellings, *spellings],
    ).fetchall()
    rank = {spelling: number for number, spelling in enumerate(spellings)}
    best = min(rows, key=lambda row: min(rank.get(row[0], len(rank)), rank.get(row[1], len(rank))), default=None)
    return best[0] if best else None


def versions(conn: sqlite3.Connection, url: str) -> list[dict[str, Any]]:
    """Every archived state of the post at `url` with its title and text, oldest first; [] when it is no post."""
    current = conn.execute(
        "SELECT id, title, text, last_fetched AS fetched_at, gone_at FROM articles WHERE url = ?", (url,)
    ).fetchone()
    if current is None:
        return []
    cursor = conn.execute(
        "SELECT version, fetched_at, title, text, diff_summary FROM article_versions WHERE article_id = ?"
        " ORDER BY version",
        (current[0],),
    )
    older = [dict(zip(("version", "fetched_at", "title", "text", "diff_summary"), row, strict=True)) for row in cursor]
    latest = {
        "version": len(older) + 1,
        "fetched_at": current[3],
        "title": current[1],
        "text": current[2],
        "diff_summary": "current",
        "gone_at": current[4],
    }
    return [*[{**version, "gone_at": None} for version in older], latest]


def unified_diff(older: dict[str, Any], newer: dict[str, Any]) -> list[str]:
    """The lines of a unified diff from one version to another: the title line, then the text."""
    return list(
        difflib.unified_diff(
            _lines(older),
            _lines(newer),
            lineterm="",
            fromfile=f"version {older['version']} ({older['fetched_at']})",
            tofile=f"version {newer['version']} ({newer['fetched_at']})",
        )
    )


def _lines(version: dict[str, Any]) -> list[str]:
    return [f"title: {version['title'] or ''}", "", *(version["text"] or "").splitlines()]
