"""The Archive: the one object that writes (and the CLI reads) a blogarchive SQLite file.

One writer connection; WAL so readers (search, stats, Datasette) work during a crawl and never see half an
article: each article is written in one transaction (or in the caller's `batch()`).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive.errors import ArchiveError, storage_fault
from archive.media import fill_image_files
from archive.migrations import migrate
from archive.schema import INDEX_PENDING

ARTICLE_COLUMNS = ("canonical_url", "title", "author", "published", "updated", "language", "sitename", "description")


def now() -> str:
    """The current UTC time to the second, ISO 8601. A crawl asks several times per page; the text changes once a
    second, and is made once a second."""
    return _iso_second(int(time.time()))


@lru_cache(maxsize=1)
def _iso_second(second: int) -> str:
    return datetime.fromtimestamp(second, UTC).isoformat()


def content_hash(article: dict[str, Any]) -> str:
    """What makes a post 'changed': its title, text and images (src + caption). Not fetch times or comments."""
    images = [(i.get("src"), i.get("caption")) for i in article.get("images", [])]
    payload = json.dumps([article.get("title"), article.get("text"), images], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class Archive:
    def __init__(self, path: str | PathLike[str], busy_timeout: float = 30) -> None:
        """`busy_timeout`: seconds a write waits for another process's lock before it fails."""
        self.path = Path(path)
        self.conn = _connect(self.path, busy_timeout)
        self._depth = 0  # nesting of batch()
        self._grouped = False
        try:
            migrate(self.conn, self.path)
        except ArchiveError:
            self.conn.close()
            raise

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def check_writable(self) -> None:
        """Take the write lock for a moment: ArchiveError (one line, see storage_fault) when the file cannot be
        written now (locked by another process past the busy timeout, a read-only file system, a full disk)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("PRAGMA user_version = " + str(self.conn.execute("PRAGMA user_version").fetchone()[0]))
            self.conn.rollback()
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise ArchiveError(storage_fault(self.path, exc) or f"cannot write to {self.path} ({exc})") from exc

    def rollback(self) -> None:
        """After a storage fault: undo what was not committed (the whole open transaction: whole pages and their
        frontier rows). What was committed stays, intact; the next crawl of the job redoes the rest."""
        try:
            if self.conn.in_transaction:
                self.conn.rollback()
        except sqlite3.Error:
            pass  # SQLite rolled it back itself

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes as one unit: readers see all of them or none, and a failure undoes all of them.

        Nested batches join the outer one. With grouped commits (a crawl), the outermost batch is a savepoint
        inside the open transaction, and the writes become visible at the next `commit()`.
        """
        self._depth += 1
        try:
            if self._depth > 1:
                yield
            elif self._grouped:
                with self._savepoint():
                    yield
            else:
                with self.conn:
                    yield
                    self._index_pending()
        finally:
            self._depth -= 1

    _tx = batch

    def write(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        """One statement, atomic by itself: it joins an open batch, or with grouped commits the open transaction
        (no savepoint of its own: one statement cannot half-succeed), or else commits at once. The crawl's
        frontier writes a few such statements per request, and the savepoints around them cost more than they do.
        """
        if self._depth:
            return self.conn.execute(sql, parameters)
        if self._grouped:
            if not self.conn.in_transaction:
                self.conn.execute("BEGIN")
            return self.conn.execute(sql, parameters)
        with self.conn:
            cursor = self.conn.execute(sql, parameters)
            self._index_pending()
            return cursor

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")  # else the savepoint opens the transaction, and its RELEASE commits it
        self.conn.execute("SAVEPOINT unit")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO unit")
            self.conn.execute("RELEASE unit")
            raise
        self.conn.execute("RELEASE unit")

    def group_commits(self) -> None:
        """From now on, commit only in `commit()` (which the caller calls every second or so) and `close()`.

        A crawl writes a few small transactions per page; one commit per interval instead costs the reactor far
        less. A kill loses at most the last interval, whole pages at a time, and the frontier fetches them again.
        """
        self._grouped = True

    def commit(self) -> None:
        if self.conn.in_transaction:
            self._index_pending()
            self.conn.commit()

    def _index_pending(self) -> None:
        """Put the posts written since the last commit into the full-text index (schema version 3)."""
        for statement in INDEX_PENDING:
            self.conn.execute(statement)

    # -- crawl runs --------------------------------------------------------------------------------------

    def start_run(self, start_urls: list[str], job: str | None = None) -> int:
        """A crawl_runs row for a crawl starting in this process (its pid tells a live run from a killed one)."""
        with self._tx():
            cursor = self.conn.execute(
                "INSERT INTO crawl_runs (started, start_urls, job, pid) VALUES (?, ?, ?, ?)",
                (now(), json.dumps(start_urls), job, os.getpid()),
            )
        return cursor.lastrowid

    def finish_run(self, run_id: int, status: str) -> dict[str, Any]:
        with self._tx():
            self.conn.execute("UPDATE crawl_runs SET finished = ?, status = ? WHERE id = ?", (now(), status, run_id))
        return self.run(run_id)

    def mark_interrupted_runs(self) -> list[int]:
        """Runs still 'running' whose process is gone (killed, machine restarted): set to 'interrupted'."""
        rows = self.conn.execute("SELECT id, pid FROM crawl_runs WHERE status = 'running'").fetchall()
        dead = [row["id"] for row in rows if row["pid"] != os.getpid() and not process_alive(row["pid"])]
        with self._tx():
            self.conn.executemany("UPDATE crawl_runs SET status = 'interrupted' WHERE id = ?", [(i,) for i in dead])
        return dead

    def live_run(self, job: str) -> dict[str, Any] | None:
        """Another process's run of `job` that is still going, if any."""
        rows = self.conn.execute("SELECT * FROM crawl_runs WHERE status = 'running' AND job = ?", (job,)).fetchall()
        live = [dict(row) for row in rows if row["pid"] != os.getpid() and process_alive(row["pid"])]
        return live[0] if live else None

    def run(self, run_id: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM crawl_runs WHERE id = ?", (run_id,)).fetchone()
        return dict(row) if row else {}

    def record_error(self, run_id: int, url: str, message: str) -> None:
        with self._tx():
            self.conn.execute(
                "INSERT INTO crawl_errors (run_id, url, message, at) VALUES (?, ?, ?, ?)", (run_id, url, message, now())
            )
            self.conn.execute("UPDATE crawl_runs SET errors = errors + 1 WHERE id = ?", (run_id,))

    # -- pages -------------------------------------------------------------------------------------------

    def record_page(self, run_id: int, page: dict[str, Any]) -> None:
        """One fetch. The raw body is stored once per distinct content (sha256), zlib-compressed; a caller that
        already has both passes them as `body_sha256` and `body_zlib` instead of `body`."""
        body = page.get("body")
        sha = page.get("body_sha256") or (hashlib.sha256(body).hexdigest() if body else None)
        with self._tx():
            compressed = page.get("body_zlib")
            if sha and compressed is None and not self._has_body(sha):
                compressed = zlib.compress(body, 6)
            if compressed is not None:
                self.conn.execute("INSERT OR IGNORE INTO page_bodies (sha256, body) VALUES (?, ?)", (sha, compressed))
            self.conn.execute(
                "INSERT INTO pages (run_id, url, status, content_type, kind, fetched_at, etag, last_modified,"
                " body_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, page["url"], page.get("status"), page.get("content_type"), page.get("kind"),
                 page.get("fetched_at") or now(), page.get("etag"), page.get("last_modified"), sha),
            )  # fmt: skip
            self.conn.execute("UPDATE crawl_runs SET pages_fetched = pages_fetched + 1 WHERE id = ?", (run_id,))

    def _has_body(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM page_bodies WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def page_validators(self, url: str) -> dict[str, str] | None:
        """ETag / Last-Modified of the latest successful fetch of `url`, for a conditional GET."""
        row = self.conn.execute(
            "SELECT etag, last_modified FROM pages WHERE url = ? AND status = 200 AND body_sha256 IS NOT NULL"
            " ORDER BY id DESC LIMIT 1",
            (url,),
        ).fetchone()
        if row is None or not (row["etag"] or row["last_modified"]):
            return None
        return {"etag": row["etag"], "last_modified": row["last_modified"]}

    def same_body_kind(self, url: str, sha256: str) -> str | None:
        """The page kind of the latest fetch of `url` when it had exactly this body (else None): extracting the
        same bytes again would give the same result."""
        row = self.conn.execute(
            "SELECT kind, body_sha256 FROM pages WHERE url = ? AND status = 200 AND kind != 'not-modified'"
            " ORDER BY id DESC LIMIT 1",
            (url,),
        ).fetchone()
        if row is None or row["body_sha256"] != sha256 or row["kind"] == "error":  # a failed one is tried again
            return None
        return row["kind"]

    def touch_article(self, url: str, fetched_at: str) -> bool:
        """The post at `url` was fetched again, unchanged: note when (and that it is online). False if none."""
        with self._tx():
            cursor = self.conn.execute(
                "UPDATE articles SET last_fetched = ?, gone_at = NULL WHERE url = ?", (fetched_at, url)
            )
        return cursor.rowcount > 0

    def stored_page(self, url: str) -> tuple[bytes, str] | None:
        """The raw body and content type (no parameters) of the latest 200 fetch of `url` that kept its body."""
        row = self.conn.execute(
            "SELECT b.body, p.content_type FROM pages p JOIN page_bodies b ON b.sha256 = p.body_sha256"
            " WHERE p.url = ? AND p.status = 200 ORDER BY p.id DESC LIMIT 1",
            (url,),
        ).fetchone()
        return (zlib.decompress(row["body"]), row["content_type"] or "") if row else None

    # -- articles ----------------------------------------------------------------------------------------

    def save_article(self, run_id: int, article: dict[str, Any], fetched_at: str, refresh: bool = False) -> str:
        """Insert or update one post with its authors, images and comments: "new", "updated", "unchanged", or
        with `refresh` (re-extraction) "refreshed" — same content, derived rows rebuilt, no new version.

        A changed post's previous state is first copied to article_versions; nothing is overwritten unsaved.
        """
        digest = content_hash(article)
        with self._tx():
            old = self.conn.execute("SELECT * FROM articles WHERE url = ?", (article["url"],)).fetchone()
            if old is not None and old["content_hash"] == digest:
                if refresh:
                    self._write_children(self._write_article(article, digest, old["last_fetched"], old), article)
                    return "refreshed"
                self.touch_article(article["url"], fetched_at)
                return "unchanged"
            if old is not None:
                self._keep_version(old, article)
            article_id = self._write_article(article, digest, fetched_at, old)
            self._write_children(article_id, article)
            column = "articles_updated" if old is not None else "articles_new"
            self.conn.execute(f"UPDATE crawl_runs SET {column} = {column} + 1 WHERE id = ?", (run_id,))
        return "updated" if old is not None else "new"

    def article_fetch_times(self) -> dict[str, str]:
        """URL → last fetch of every archived post still online: what a recrawl may skip or must revisit."""
        rows = self.conn.execute("SELECT url, last_fetched FROM articles WHERE gone_at IS NULL ORDER BY id")
        return {url: fetched for url, fetched in rows}

    def latest_pages(self, site: str | None = None, since: str | None = None) -> Iterator[tuple[str, str, bytes]]:
        """(url, fetched_at, raw body) of the latest stored fetch of every HTML page, for re-extraction; `since` is
        a UTC time as SQLite's datetime() writes it (archive.filters.Moment.utc)."""
        sql = (
            "SELECT p.url, p.fetched_at, b.body FROM pages p JOIN page_bodies b ON b.sha256 = p.body_sha256"
            " WHERE p.id IN (SELECT max(id) FROM pages WHERE content_type IN ('text/html', 'application/xhtml+xml')"
            " AND status = 200 GROUP BY url)"
        )
        params: list[str] = []
        if since:
            sql += " AND datetime(p.fetched_at) >= ?"
            params.append(since)
        for url, fetched_at, body in self.conn.execute(sql + " ORDER BY p.id", params).fetchall():
            if site is None or site_of(url) == site:
                yield url, fetched_at, zlib.decompress(body)

    def mark_gone(self, url: str, fetched_at: str) -> bool:
        """The post answered 404/410: keep everything, note when it went. False when `url` is no archived post."""
        with self._tx():
            cursor = self.conn.execute(
                "UPDATE articles SET gone_at = coalesce(gone_at, ?) WHERE url = ?", (fetched_at, url)
            )
        return cursor.rowcount > 0

    def _write_article(self, article: dict[str, Any], digest: str, fetched_at: str, old: sqlite3.Row | None) -> int:
        row = {key: article.get(key) for key in ARTICLE_COLUMNS}
        row.update(
            url=article["url"],
            site=site_of(article["url"]),
            categories=json.dumps(article.get("categories") or [], ensure_ascii=False),
            tags=json.dumps(article.get("tags") or [], ensure_ascii=False),
            text=article.get("text") or "",
            markdown=article.get("markdown") or "",
            word_count=article.get("word_count") or 0,
            content_hash=digest,
            last_fetched=fetched_at,
            gone_at=None,
        )
        if old is None:
            row["first_seen"] = fetched_at
            return self._insert("articles", row)
        self._update("articles", old["id"], row)
        return old["id"]

    def _write_children(self, article_id: int, article: dict[str, Any]) -> None:
        for table in ("images", "comments", "article_authors"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        images = [
            {"article_id": article_id, "position": i.get("position") or n, "src": i["src"], "alt": i.get("alt"),
             "title": i.get("title"), "caption": i.get("caption"), "width": i.get("width"), "height": i.get("height")}
            for n, i in enumerate(article.get("images") or [], start=1)
        ]  # fmt: skip
        comments = [
            {"article_id": article_id, "position": n, "author": c.get("author"), "published": c.get("published"),
             "text": c.get("text") or ""}
            for n, c in enumerate(article.get("comments") or [], start=1)
        ]  # fmt: skip
        for image in images:
            self._insert("images", image)
        fill_image_files(self.conn, article_id)
        for comment in comments:
            self._insert("comments", comment)
        site = site_of(article["url"])
        for position, person in enumerate(_people(article), start=1):
            author_id = self._upsert_author(site, person)
            self.conn.execute(
                "INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)",
                (article_id, author_id, position),
            )

    def _upsert_author(self, site: str, person: dict[str, Any]) -> int:
        """One row per person per site; a newer page's non-empty fields win, empty ones keep what we had."""
        row = self.conn.execute("SELECT * FROM authors WHERE site = ? AND name = ?", (site, person["name"])).fetchone()
        fields = {k: v for k, v in person.items() if v not in (None, "", []) and k != "name"}
        if "links" in fields:
            fields["links"] = json.dumps(fields["links"], ensure_ascii=False)
        if row is None:
            return self._insert("authors", {"site": site, "name": person["name"], **fields})
        if fields:
            self._update("authors", row["id"], fields)
        return row["id"]

    def _keep_version(self, old: sqlite3.Row, new: dict[str, Any]) -> None:
        version = self.conn.execute(
            "SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE article_id = ?", (old["id"],)
        ).fetchone()[0]
        images = [dict(r) for r in self.conn.execute(
            "SELECT src, caption, alt FROM images WHERE article_id = ? ORDER BY position", (old["id"],))]  # fmt: skip
        self._insert(
            "article_versions",
            {"article_id": old["id"], "version": version, "fetched_at": old["last_fetched"], "title": old["title"],
             "text": old["text"], "images": json.dumps(images, ensure_ascii=False),
             "content_hash": old["content_hash"], "diff_summary": diff_summary(old, new)},
        )  # fmt: skip

    # Plain SQL rather than sqlite-utils' insert/update here: those commit on their own, which would split an
    # article (row, images, authors) or a batch into several transactions that a reader could see half of.
    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        return self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())).lastrowid

    def _update(self, table: str, row_id: int, row: dict[str, Any]) -> None:
        assignments = ", ".join(f"{column} = ?" for column in row)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), row_id])


def diff_summary(old: sqlite3.Row, new: dict[str, Any]) -> str:
    """A one-line account of what changed, e.g. 'title changed; text +3/-1 lines; images 2 -> 3'."""
    parts = []
    if (old["title"] or "") != (new.get("title") or ""):
        parts.append("title changed")
    old_lines, new_lines = (old["text"] or "").splitlines(), (new.get("text") or "").splitlines()
    if old_lines != new_lines:
        diff = list(difflib.unified_diff(old_lines, new_lines, lineterm="", n=0))
        added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
        removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
        parts.append(f"text +{added}/-{removed} lines")
    return "; ".join(parts) or "images changed"


def process_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def site_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _people(article: dict[str, Any]) -> list[dict[str, Any]]:
    """Authors in byline order, enriched by their author boxes (matched by name)."""
    boxes = {box["name"]: box for box in article.get("author_boxes") or [] if box.get("name")}
    people = []
    for person in article.get("authors") or []:
        box = boxes.pop(person["name"], {})
        people.append({**box, "name": person["name"], "url": person.get("url") or box.get("url")})
    people.extend(boxes.values())  # a box whose author the byline did not name
    return people


def _connect(path: Path, busy_timeout: float = 30) -> sqlite3.Connection:
    if path.is_dir():
        raise ArchiveError(f"{path} is a directory; give a file path such as {path / 'archive.db'}")
    if not path.parent.exists():
        raise ArchiveError(f"cannot create {path}: folder {path.parent} does not exist")
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(
            storage_fault(path, exc)
            or f"cannot use {path} as an archive ({exc}); give a new path, or restore the file from a backup"
        ) from exc
    conn.isolation_level = ""  # back to implicit transactions, so `with conn:` commits or rolls back
    return conn
