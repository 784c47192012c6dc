"""Read-only questions analysts ask of an archive: full-text search and statistics.

Over a read-only connection (archive/readonly.py), so these work while a crawl writes and can never modify the
archive.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from archive.columns import decode_lists, json_lists
from archive.database import database
from archive.errors import SearchRefused
from archive.filters import ON_SITE, Filters
from archive.snippets import mark_matches, query_words


@dataclass
class Rows:
    """A result: its column names (known even when there are no rows) and its rows as dicts."""

    columns: list[str]
    records: list[dict[str, Any]]

    @classmethod
    def of(cls, cursor: sqlite3.Cursor, table: str = "") -> Rows:
        columns = [d[0] for d in cursor.description]
        lists = json_lists(table, columns)
        return cls(columns, [decode_lists(dict(zip(columns, row, strict=True)), lists) for row in cursor])


SNIPPET_MARKS = ("[", "]")
SEARCH_SQL = """
SELECT a.title, a.url, a.site, a.author, a.published, a.language,
       snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, round(bm25(articles_fts), 3) AS score
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH ? {filters}
ORDER BY bm25(articles_fts) LIMIT ?
"""
# A search's bounds (issue: a search of hundreds of words ran for many seconds). Each word of an FTS5 query is
# a posting list read and merged; a few dozen words is already more than any reader types, and a query within
# the bound still has SEARCH_SECONDS to finish (prefix* over a large vocabulary can be slow with few words).
MOST_SEARCH_WORDS = 64
SEARCH_SECONDS = 10.0


def search(
    conn: sqlite3.Connection, query: str, filters: Filters, limit: int = 20, seconds: float = SEARCH_SECONDS
) -> Rows:
    """FTS5 search ranked by bm25. The query is used as FTS5 syntax when it is valid (phrases, OR, NEAR,
    prefix*, title: filters); otherwise every word is searched literally — never an error for user text.
    FilterError when a filter matches nothing in the archive; SearchRefused past the search's bounds (more than
    MOST_SEARCH_WORDS words, or running longer than `seconds`)."""
    check_search_words(query)
    filters.check(conn)
    clauses, params = filters.where("a")
    sql = SEARCH_SQL.format(filters="".join(f" AND {c}" for c in clauses))
    match = query if query.strip() else '""'  # an empty query finds nothing
    with _time_bound(conn, seconds) as expired:
        try:
            found = Rows.of(conn.execute(sql, [match, *params, limit]))
        except sqlite3.OperationalError:  # not valid FTS5 syntax (unbalanced quote, bare NEAR(, unknown column: …)
            if expired():
                raise SearchRefused(_too_long(query, seconds)) from None
            try:
                found = Rows.of(conn.execute(sql, [literal_query(conn, query), *params, limit]))
            except sqlite3.OperationalError:
                if expired():
                    raise SearchRefused(_too_long(query, seconds)) from None
                raise
    for record in found.records:
        if SNIPPET_MARKS[0] not in record["snippet"]:
            record["snippet"] = _marked_snippet(conn, record, query) or record["snippet"]
    return found


def check_search_words(query: str) -> None:
    """SearchRefused when the query has more words than a search may have."""
    words = len(re.findall(r"\w+", query))
    if words > MOST_SEARCH_WORDS:
        raise SearchRefused(
            f"the search has {words} words, more than the {MOST_SEARCH_WORDS} a search may have; search for fewer"
        )


def _too_long(query: str, seconds: float) -> str:
    return (
        f"the search {query[:40]!r}{'…' if len(query) > 40 else ''} took longer than {seconds:g} s and was"
        " stopped; search for fewer or longer words (a prefix* of one or two letters matches most of the index)"
    )


@contextmanager
def _time_bound(conn: sqlite3.Connection, seconds: float) -> Iterator[Callable[[], bool]]:
    """SQLite's progress handler interrupts the running statement once the bound is past; yields the test
    "has it passed?", which tells an interruption from a syntax error."""
    deadline = time.monotonic() + seconds

    def expired() -> bool:
        return time.monotonic() > deadline

    conn.set_progress_handler(expired, 10_000)
    try:
        yield expired
    finally:
        conn.set_progress_handler(None, 0)


def _marked_snippet(conn: sqlite3.Connection, record: dict[str, Any], query: str) -> str:
    """For a post found through its search terms, whose FTS5 snippet marks nothing."""
    if not query_words(query):
        return ""
    text = conn.execute("SELECT text FROM articles WHERE url = ?", (record["url"],)).fetchone()[0]
    return mark_matches(text, query, record["language"], SNIPPET_MARKS)


def literal_query(conn: sqlite3.Connection, query: str) -> str:
    """Each word as a quoted FTS5 string (sqlite-utils' quote_fts): operators, quotes and colons lose their
    meaning. The words are split out first: quote_fts alone quotes whitespace-separated tokens whole, and a token
    such as `seven-day` or `Brot/Teig` then becomes a phrase, which ranks and finds otherwise than its words (5 of
    48 such queries on the sample blog, one of them losing its only result): the words keep the results as they were.
    """
    return database(conn).quote_fts(" ".join(re.findall(r"\w+", query))) or '""'


STATS_SQL = {
    "posts_per_site": "SELECT site, count(*) AS posts FROM articles a {w} GROUP BY site ORDER BY posts DESC",
    "posts_per_author": "SELECT au.name AS author, count(*) AS posts FROM article_authors aa"
    " JOIN authors au ON au.id = aa.author_id JOIN articles a ON a.id = aa.article_id {w}"
    " GROUP BY au.id ORDER BY posts DESC LIMIT 25",
    "posts_per_language": "SELECT coalesce(language, '?') AS language, count(*) AS posts FROM articles a {w}"
    " GROUP BY language ORDER BY posts DESC",
    "posts_per_month": "SELECT substr(published, 1, 7) AS month, count(*) AS posts FROM articles a {w}"
    " GROUP BY month ORDER BY month",
    "images": "SELECT count(*) AS images, sum(i.caption IS NOT NULL AND i.caption != '') AS captioned,"
    " round(1.0 * sum(i.caption IS NOT NULL AND i.caption != '') / max(count(*), 1), 3) AS caption_coverage"
    " FROM images i JOIN articles a ON a.id = i.article_id {w}",
    "last_crawls": "SELECT id, start_urls, started, finished, status, pages_fetched, articles_new,"
    " articles_updated, errors FROM crawl_runs ORDER BY id DESC LIMIT 10",
}


# A site's last crawl is the newest run that fetched one of its posts; errors are matched to a site by the
# host in their URL (crawl_errors has no site column).
LAST_CRAWL_SQL = {
    "last_crawl_per_site": "WITH last AS (SELECT a.site, max(p.run_id) AS run_id FROM articles a"
    " JOIN pages p ON p.url = a.url {w} GROUP BY a.site)"
    " SELECT last.site, r.id AS run, r.started, r.finished, r.status, r.pages_fetched, r.articles_new,"
    " r.articles_updated, (SELECT count(*) FROM crawl_errors e WHERE e.run_id = r.id"
    " AND " + ON_SITE.format(url="e.url", site="last.site") + ") AS errors"
    " FROM last JOIN crawl_runs r ON r.id = last.run_id ORDER BY last.site",
    "last_crawl_errors": "SELECT e.run_id AS run, e.url, e.message, e.at FROM crawl_errors e"
    " WHERE e.run_id = (SELECT max(id) FROM crawl_runs) {e} ORDER BY e.id LIMIT 50",
}


# The table a section's rows come from, where its columns hold JSON lists.
SECTION_TABLES = {"last_crawls": "crawl_runs"}


def stats(conn: sqlite3.Connection, site: str | None = None) -> dict[str, Rows]:
    """Every table `blogarchive stats` shows, by name; with `site`, only that site's rows (the list of recent
    crawls stays whole: a run can span sites). FilterError when no such site is in the archive."""
    filters = Filters(site=site)
    filters.check(conn)
    clauses, params = filters.where("a")
    result = {}
    for name, sql in {**STATS_SQL, **LAST_CRAWL_SQL}.items():
        where = ("WHERE " + " AND ".join(clauses)) if clauses and "{w}" in sql else ""
        on_site = " AND " + ON_SITE.format(url="e.url", site="?") if filters.site and "{e}" in sql else ""
        args = params if where else [filters.site] if on_site else []
        result[name] = Rows.of(conn.execute(sql.format(w=where, e=on_site), args), SECTION_TABLES.get(name, ""))
    return result
