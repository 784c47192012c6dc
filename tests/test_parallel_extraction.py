"""The parallel path (extraction in worker processes) stores exactly what the serial path stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import FAULTS_EXIT, run_cli

# Everything extraction decides, per table; ids, fetch times and run ids differ between any two crawls.
SNAPSHOT = {
    "articles": "SELECT url, canonical_url, site, title, author, published, updated, language, sitename, description,"
    " categories, tags, text, markdown, word_count, content_hash FROM articles ORDER BY url",
    "authors": "SELECT site, name, bio, url, avatar_url, article_count, links FROM authors ORDER BY site, name",
    "article_authors": "SELECT a.url, au.name, aa.position FROM article_authors aa JOIN articles a"
    " ON a.id = aa.article_id JOIN authors au ON au.id = aa.author_id ORDER BY 1, 3",
    "images": "SELECT a.url, i.position, i.src, i.alt, i.title, i.caption, i.width, i.height FROM images i"
    " JOIN articles a ON a.id = i.article_id ORDER BY 1, 2",
    "comments": "SELECT a.url, c.position, c.author, c.published, c.text FROM comments c"
    " JOIN articles a ON a.id = c.article_id ORDER BY 1, 2",
    "pages": "SELECT url, status, kind, body_sha256 FROM pages ORDER BY url",
    "errors": "SELECT url, message FROM crawl_errors ORDER BY url",
}


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {table: conn.execute(sql).fetchall() for table, sql in SNAPSHOT.items()}
    finally:
        conn.close()


def test_worker_processes_store_the_same_rows_as_extraction_in_a_thread(site, tmp_path):
    snapshots = {}
    for processes in (0, 2):
        db = tmp_path / f"archive-{processes}.db"
        result = run_cli("crawl", site.base, "--db", str(db), "--quiet", "-s", f"EXTRACT_PROCESSES={processes}")
        assert result.returncode == FAULTS_EXIT, result.stderr
        snapshots[processes] = _snapshot(db)
    serial, parallel = snapshots[0], snapshots[2]
    assert len(serial["articles"]) == 33 and len(serial["images"]) > 30 and serial["comments"]
    for table in SNAPSHOT:
        assert parallel[table] == serial[table], table
