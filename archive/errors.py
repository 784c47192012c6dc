"""The archive's exceptions. Messages name the file and the fix."""

from __future__ import annotations

import os
import sqlite3
from os import PathLike
from pathlib import Path


class ArchiveError(Exception):
    """The archive file cannot be used: unwritable, not SQLite, corrupt, or from a newer blogarchive."""


class FilterError(ValueError):
    """A filter is malformed (a date that is no ISO 8601 date), names nothing in the archive (a mistyped site),
    or does not apply to the chosen table. The message names the option and what would work."""


class OutputError(Exception):
    """A file a command writes for people (export, wacz) cannot be written there: a missing or read-only folder, a
    full disk. The message names the file, the cause and the fix (archive/outfile.py)."""


class SearchRefused(ValueError):
    """A search the archive will not run to the end: more words than a search may have, or longer than its time
    bound. The message says which, and how to narrow the search."""


# SQLite's words for a storage fault (sqlite3 gives them as text only) → what is wrong and the fix.
_STORAGE_FAULTS = (
    ("disk is full", "the disk holding it is full (or over its file size limit); free some space"),
    ("database is locked", "another process holds it locked; wait for that process, or stop it"),
    ("readonly", "it cannot be written (a read-only file system, or no write permission)"),
    ("read-only", "it cannot be written (a read-only file system, or no write permission)"),
    ("unable to open", "it cannot be opened for writing (a read-only file system, a missing folder?)"),
    ("disk i/o error", "the disk failed to read or write it"),
)


def storage_fault(path: str | PathLike[str], exc: sqlite3.Error) -> str | None:
    """One line naming the archive and the fault, or None when `exc` is no storage fault (a bug, a bad query)."""
    text = str(exc).lower()
    if any(words in text for words in ("readonly", "read-only", "unable to open")) and _on_read_only_fs(path):
        return f"cannot write to the archive {path}: it is on a read-only file system (SQLite: {exc})"
    for words, meaning in _STORAGE_FAULTS:
        if words in text:
            return f"cannot write to the archive {path}: {meaning} (SQLite: {exc})"
    return None


def _on_read_only_fs(path: str | PathLike[str]) -> bool:
    try:
        return bool(os.statvfs(Path(path).parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False
