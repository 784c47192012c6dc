"""Read-only questions analysts ask of an archive: full-text search and statistics.

Over a read-only connection (archive/readonly.py), so these work while a crawl writes and can never modify the
archive.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from archive.columns import decode_lists, json_lists
from archive.filters import ON_SITE, Filters


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


SEARCH_SQL = """
SELECT a.title, a.url, a.site, a.author, a.published, a.language,
       snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, round(bm25(articles_fts), 3) AS score
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH ? {filters}
ORDER BY bm25(articles_fts) LIMIT ?
"""


def search(conn: sqlite3.Connection, query: str, filters: Filters, limit: int = 20) -> Rows:
    """FTS5 search ranked by bm25. The query is used as FTS5 syntax when it is valid (phrases, OR, NEAR,
    prefix*, title: filters); otherwise every word is searched literally — never an error for user text.
    FilterError when a filter matches nothing in the archive."""
    filters.check(conn)
    clauses, params = filters.where("a")
    sql = SEARCH_SQL.format(filters="".join(f" AND {c}" for c in clauses))
    match = query if query.strip() else '""'  # an empty query finds nothing
    try:
        return Rows.of(conn.execute(sql, [match, *params, limit]))
    except sqlite3.OperationalError:  # not valid FTS5 syntax (unbalanced quote, bare NEAR(, unknown column: …)
        return Rows.of(conn.execute(sql, [literal_query(query), *params, limit]))


def literal_query(query: str) -> str:
    """Each word as a quoted FTS5 string: operators, quotes and colons lose their meaning."""
    words = re.findall(r"\w+", query)
    return " ".join('"' + word.replace('"', '""') + '"' for word in words) or '""'


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
