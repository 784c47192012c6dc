"""Bring an opened archive to the current schema version, one forward migration at a time.

The version lives in PRAGMA user_version (0 = empty file). Each migration runs in its own transaction together
with the version bump, so an interrupted upgrade leaves the file at the last completed version, never between.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archive import schema
from archive.errors import ArchiveError, storage_fault


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Apply the migrations `conn` has not had yet; return the version it ends at.

    Refuses a file from a newer blogarchive (we cannot know its tables) and a SQLite file that is not an archive.
    """
    steps = schema.MIGRATIONS  # looked up at call time: a test adds a migration by patching the list
    version = schema_version(conn)
    if version > len(steps):
        raise ArchiveError(
            f"{path} has schema version {version}, newer than this blogarchive knows ({len(steps)}); upgrade it"
        )
    if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise ArchiveError(f"{path} is a SQLite file but not a blogarchive archive; give another path")
    try:
        for number in range(version, len(steps)):
            conn.executescript(f"BEGIN; {steps[number]}; PRAGMA user_version = {number + 1}; COMMIT;")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.rollback()
        raise ArchiveError(
            storage_fault(path, exc) or f"cannot upgrade {path} to schema version {number + 1} ({exc})"
        ) from exc
    return len(steps)
