"""Opening an archive read-only, wherever it is: beside a running crawl, or handed on, on a read-only file system or
share.

A read-only connection (`mode=ro`) sees every commit of a crawl writing at the same time (WAL). But a file in WAL
mode needs its `-shm` index beside it, which a reader on a read-only file system cannot create: SQLite then says
"unable to open database file". Two things keep such archives readable. A writer leaves the file in rollback-journal
mode when it closes (archive/connection.py), so an archive at rest opens anywhere, in any program. And when a read-only
open still fails that way — the last to close it was a reader, or a crawl was killed — it is opened as immutable
(`immutable=1`): nothing can change it there. A killed crawl may have left committed changes in the `-wal` file that
only a writer folds in; those are not shown, and `unshown_changes()` says so in one line.
"""

from __future__ import annotations

import sqlite3
import time
from os import PathLike
from pathlib import Path

from archive.database import database
from archive.errors import ArchiveError


class ReadOnlyConnection(sqlite3.Connection):
    """A connection `connect_readonly` made; `immutable` when it had to open the file as immutable."""

    immutable = False


def connect_readonly(path: str | PathLike[str]) -> ReadOnlyConnection:
    """A read-only connection to an existing blogarchive file, or ArchiveError saying what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"no archive at {path}; crawl first (blogarchive crawl URL --db {path})")
    try:
        try:
            conn = _checked(path, "mode=ro")
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_CANTOPEN:
                raise
            conn = _checked(path, "mode=ro&immutable=1")  # in WAL mode, on a file system it cannot write
            conn.immutable = True
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot read {path} as an archive ({exc})") from exc
    return conn


def unshown_changes(path: str | PathLike[str], conn: ReadOnlyConnection) -> str | None:
    """One line when `conn` cannot show changes that wait in the archive's -wal file (a killed crawl's), else None."""
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    if not conn.immutable or not wal.is_file() or wal.stat().st_size == 0:
        return None
    return (
        f"note: {wal} holds changes a crawl had not yet written into {path}; they are not shown here. To include"
        f" them, run `sqlite3 {path} 'PRAGMA journal_mode=DELETE'` where the folder can be written"
    )


def _checked(path: Path, options: str) -> ReadOnlyConnection:
    """The connection, once it has read the file; tried again a few times while the file is busy (_BUSY_WAITS)."""
    for wait in _BUSY_WAITS:
        try:
            return _opened(path, options)
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                raise
        time.sleep(wait)
    return _opened(path, options)


# A reader that opens the file just as a writer switches it into or out of WAL mode can get SQLITE_BUSY at once (no
# busy handler is called at that point): it tries again, for about two seconds in all.
_BUSY_WAITS = (0.05, 0.1, 0.2, 0.4, 0.6, 0.8)


def _opened(path: Path, options: str) -> ReadOnlyConnection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, factory=ReadOnlyConnection)
    try:
        conn.row_factory = sqlite3.Row
        if "articles_fts" not in database(conn).table_names():
            raise ArchiveError(f"{path} is not a blogarchive archive (no articles_fts table)")
    except BaseException:
        conn.close()
        raise
    return conn
