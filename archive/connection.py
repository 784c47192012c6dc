"""The archive's one writer connection: opening the file (WAL, foreign keys, the schema's migrations) and its
transactions — `batch()` for many writes as one unit, grouped commits during a crawl, and the full-text index
brought up to date at each commit.

One writer connection; WAL while it is open, so readers (search, stats, Datasette) work during a crawl and never see
half an article: each article is written in one transaction (or in the caller's `batch()`). Closed, the file goes
back to rollback-journal mode (`_at_rest`), which opens read-only anywhere. `Archive` (archive/store.py)
adds the crawl runs, pages and articles on top.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

from archive.database import database
from archive.errors import ArchiveError, storage_fault
from archive.migrations import migrate
from archive.schema import INDEX_PENDING, PENDING_POSTS
from archive.terms import search_terms


def now() -> str:
    """The current UTC time to the second, ISO 8601. A crawl asks several times per page; the text changes once a
    second, and is made once a second."""
    return _iso_second(int(time.time()))


@lru_cache(maxsize=1)
def _iso_second(second: int) -> str:
    return datetime.fromtimestamp(second, UTC).isoformat()


class Connection:
    def __init__(self, path: str | PathLike[str], busy_timeout: float = 30) -> None:
        """`busy_timeout`: seconds a write waits for another process's lock before it fails."""
        self.path = Path(path)
        self.conn = _connect(self.path, busy_timeout)
        self.db = database(self.conn)  # sqlite-utils over the same connection: its writes join our transactions
        self._depth = 0  # nesting of batch()
        self._grouped = False
        try:
            migrate(self.conn, self.path)
            self._index_left_pending()
        except ArchiveError:
            self.conn.close()
            raise

    def close(self) -> None:
        self.commit()
        self.disconnect()

    def disconnect(self) -> None:
        """Close without committing (an open transaction is rolled back), leaving the file in rollback-journal mode
        when this was its last connection (see _at_rest)."""
        if self.conn.in_transaction:
            self.rollback()
        _at_rest(self.conn)
        self.conn.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the file now, so that closing later has little left to do. Passive: it
        copies what no reader (a live `serve`) still needs, and never waits for one."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

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
                    if not self.conn.in_transaction:  # opened now, so that sqlite-utils' writes join it
                        self.conn.execute("BEGIN")
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
        """Put the posts written since the last commit into the full-text index (schema version 3), with the
        forms of their words a reader searches for (schema version 6)."""
        pending = self.conn.execute(PENDING_POSTS).fetchall()
        if not pending:
            return
        self.conn.executemany(
            "UPDATE articles SET search_terms = ? WHERE id = ?",
            [(search_terms(title, text, language), post) for post, title, text, language in pending],
        )
        for statement in INDEX_PENDING:
            self.conn.execute(statement)

    def _index_left_pending(self) -> None:
        """Index what waits since before this connection: every post after the migration to version 6, rows
        another tool inserted into articles. Nothing to do (one indexed lookup) on a current archive."""
        if not self.conn.execute("SELECT 1 FROM articles_fts_pending LIMIT 1").fetchone():
            return
        try:
            with self.conn:
                self._index_pending()
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(storage_fault(self.path, exc) or f"cannot index {self.path} ({exc})") from exc

    # The crawl's rows (a post, its images, comments, people and versions) by plain SQL rather than sqlite-utils'
    # table.insert() and update(): those check the table and the row before writing, and each opens a savepoint of
    # its own; `python -m bench.archive_writes --posts 2000` saved posts 1.5x as fast this way (503 against 336
    # posts/s, docs/benchmarks.md). Small writes off that path (runs, errors, media files, alert deliveries, relay
    # batches) use sqlite-utils through `self.db`.
    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        return self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())).lastrowid

    def _update(self, table: str, row_id: int, row: dict[str, Any]) -> None:
        assignments = ", ".join(f"{column} = ?" for column in row)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), row_id])


def _at_rest(conn: sqlite3.Connection) -> None:
    """WAL is for while the archive is written: readers then see every commit without waiting. An archive at rest
    goes back to rollback-journal mode, so that it opens anywhere it is handed on — a read-only file system or
    share, where a reader of a WAL file cannot create the -shm index it needs (archive/readonly.py) — in plain
    sqlite3, Datasette or pandas. SQLite refuses the switch at once while another connection has the file open (a
    crawl, Datasette): it then stays in WAL mode, which is what they work in."""
    with contextlib.suppress(sqlite3.Error):  # another connection has it open, or it cannot be written now
        conn.execute("PRAGMA journal_mode = DELETE")


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
