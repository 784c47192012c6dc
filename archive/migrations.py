"""Bring an opened archive to the current schema version, one forward migration at a time.

The version lives in PRAGMA user_version (0 = empty file). Each migration runs in its own transaction together
with the version bump, so an interrupted upgrade leaves the file at the last completed version, never between.

A migration is SQL text, or a function of a `sqlite_utils.Database` for a change ALTER TABLE cannot make — a
column's type, NOT NULL or default, dropping or reordering columns — through `table.transform()`, which rebuilds
the table with its data, indexes and foreign keys. Migrations run with foreign keys off, as SQLite's own recipe for
rebuilding a table asks (the old table's DROP would otherwise cascade to the rows that refer to it), and each is
checked with `PRAGMA foreign_key_check` before it commits. A rebuilt table loses its triggers: a migration that
transforms `articles` creates its full-text triggers again (tests/test_archive_open.py compares every migrated
schema with a new archive's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from archive import schema
from archive.database import database
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
    db = database(conn)
    if version == 0 and (db.table_names() or db.view_names()):
        raise ArchiveError(f"{path} is a SQLite file but not a blogarchive archive; give another path")
    if version == len(steps):
        return version
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for number in range(version, len(steps)):
            _apply(db, steps[number], number + 1)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(
            storage_fault(path, exc) or f"cannot upgrade {path} to schema version {number + 1} ({exc})"
        ) from exc
    finally:
        conn.execute(f"PRAGMA foreign_keys = {foreign_keys}")
    return len(steps)


def _apply(db: Database, step: str | Callable[[Database], None], version: int) -> None:
    """One migration and its version bump, in one transaction. SQL runs as one script (sqlite-utils' executescript
    inside a transaction splits it statement by statement in Python: a new archive took 228 ms to make instead of
    158)."""
    conn = db.conn
    try:
        if isinstance(step, str):
            conn.executescript(f"BEGIN; {step};")
        else:
            conn.execute("BEGIN")
            step(db)  # sqlite-utils writes in savepoints inside this transaction
        if conn.execute("PRAGMA foreign_key_check").fetchone():
            raise sqlite3.IntegrityError("the migration leaves rows whose foreign keys point at no row")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
