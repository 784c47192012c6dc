"""What `blogarchive verify` reads: the sitemaps and feeds a crawl fetched, what became of each URL they list, and
the URLs the crawls gave up on.

Read-only SQL over an archive connection; turning sitemap/feed bodies into URLs is the crawler's job.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterator
from typing import Any

from archive.pages import site_of


def discovery_documents(conn: sqlite3.Connection, site: str | None = None) -> Iterator[tuple[str, str, bytes]]:
    """(url, kind, raw body) of the latest fetch of every sitemap and feed, optionally of one site."""
    rows = conn.execute(
        "SELECT p.url, p.kind, b.body FROM pages p JOIN page_bodies b ON b.sha256 = p.body_sha256"
        " WHERE p.id IN (SELECT max(id) FROM pages WHERE kind IN ('sitemap', 'feed') GROUP BY url) ORDER BY p.id"
    )
    for url, kind, body in rows:
        if site is None or site_of(url) == site:
            yield url, kind, zlib.decompress(body)


def url_outcomes(conn: sqlite3.Connection, urls: list[str]) -> dict[str, dict[str, Any]]:
    """For each URL: whether it is an archived post (gone or not; not one retired as no post) — at that address, or at
    the one it moved to from it —, its latest page kind and latest error."""
    outcomes: dict[str, dict[str, Any]] = {url: {"article": False, "gone_at": None} for url in urls}
    for url, gone_at in conn.execute("SELECT url, gone_at FROM articles WHERE retired_at IS NULL"):
        if url in outcomes:
            outcomes[url].update(article=True, gone_at=gone_at)
    moved = "SELECT ad.url, a.gone_at FROM article_addresses ad JOIN articles a ON a.id = ad.article_id"
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_addresses'").fetchone():
        for url, gone_at in conn.execute(moved + " WHERE a.retired_at IS NULL"):
            if url in outcomes:  # a post's address before it moved: the post is archived, at its new one
                outcomes[url].update(article=True, gone_at=gone_at)
    for url, kind in conn.execute(
        "SELECT url, kind FROM pages WHERE id IN (SELECT max(id) FROM pages WHERE kind != 'not-modified' GROUP BY url)"
    ):
        if url in outcomes:
            outcomes[url]["kind"] = kind
    for url, message in conn.execute(
        "SELECT url, message FROM crawl_errors WHERE id IN (SELECT max(id) FROM crawl_errors GROUP BY url)"
    ):
        if url in outcomes:
            outcomes[url]["error"] = message
    return outcomes


# Page kinds that stored nothing of use: a later fetch of one of these does not make up for an earlier error.
_FAILED_KINDS = ("error", "empty", "non-html")


def given_up(conn: sqlite3.Connection, site: str | None = None) -> list[tuple[str, str]]:
    """(url, cause) of each URL whose latest crawl error no later run made up for (with a page of another kind)."""
    rows = conn.execute(
        "SELECT e.url, e.message FROM crawl_errors e"
        " WHERE e.id IN (SELECT max(id) FROM crawl_errors GROUP BY url)"
        " AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.url = e.url AND p.run_id > e.run_id"
        f" AND p.kind NOT IN {_FAILED_KINDS!r}) ORDER BY e.id"
    )
    return [(url, message) for url, message in rows if site is None or site_of(url) == site]
