"""WARC files a stopped crawl left open, closed so that nothing it captured is lost.

A crawl writes each WARC file as `<name>.open` and renames it when it closes it. A crawl stopped outright — SIGKILL,
a second Ctrl-C, a crash — leaves the `.open` file behind: valid up to its last complete record (each record is a
gzip member of its own, flushed per exchange), perhaps with a record cut off mid-write after it. A writer holds an
exclusive lock (flock) on its `.open` file for as long as it writes it, and the system releases the lock when the
process ends however it ends; so a `.open` file nobody holds is known to be abandoned, never one that a live crawl
into the same folder is still writing.

`close_abandoned()` cuts an abandoned file after its last complete record and gives it its final name, as its
writer would have; the next crawl into the folder does so before it writes (crawler/downloadermiddlewares/warc.py),
and `blogarchive wacz` before it packages (crawler/capture/wacz.py). The folder's digest index forgets responses that
were cut off, so that no later revisit record points at a record that is not there.
"""

from __future__ import annotations

import fcntl
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from crawler.capture.warc_index import DigestIndex

OPEN_SUFFIX = ".open"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Closed:
    """An abandoned file, closed: its final path, the records kept, the bytes of an unfinished record cut off."""

    path: Path
    records: int
    cut: int

    def describe(self) -> str:
        cut = f", {self.cut} bytes of an unfinished record cut off" if self.cut else ""
        name = self.path.name + OPEN_SUFFIX
        return f"{name} (left open by a crawl that was stopped): {self.records} records kept{cut}"


@dataclass
class Recovery:
    closed: list[Closed]  # abandoned files, now closed under their final names
    removed: list[Path]  # abandoned files without one complete record, deleted
    left: list[tuple[Path, str]]  # `.open` files not closed, and why: a live crawl is writing it …


def lock(handle: BinaryIO) -> bool:
    """Take the writer's lock on an open file; False when another process holds it."""
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def close_abandoned(directory: Path) -> Recovery:
    """Close every `.open` WARC file in `directory` that no live writer holds."""
    recovery = Recovery([], [], [])
    for path in sorted(directory.glob(f"*.warc.gz{OPEN_SUFFIX}")):
        final = path.with_name(path.name.removesuffix(OPEN_SUFFIX))
        try:
            closed = _close(path, final)
        except OSError as exc:
            recovery.left.append((path, f"it cannot be closed here ({exc.strerror or exc})"))
            continue
        if isinstance(closed, str):
            recovery.left.append((path, closed))
        elif closed is None:
            recovery.removed.append(path)
        else:
            _forget_cut_records(directory, final)
            recovery.closed.append(closed)
    return recovery


def _close(path: Path, final: Path) -> Closed | str | None:
    """Close `path` as `final`: what was kept; None when it held no complete record (it is removed); or why not."""
    try:
        handle = path.open("r+b")
    except FileNotFoundError:
        return "its crawl closed it meanwhile"
    with handle:
        if not lock(handle):
            return "a crawl is still writing it"
        if final.exists():
            return f"{final.name} exists beside it; move one of them away"
        length, records = _complete_length(handle)
        if records == 0:
            path.unlink()  # created and never written, or not even its warcinfo record finished
            return None
        size = os.fstat(handle.fileno()).st_size
        os.truncate(handle.fileno(), length)
        os.replace(path, final)
    return Closed(final, records, size - length)


def _complete_length(handle: BinaryIO) -> tuple[int, int]:
    """The bytes up to the end of the last complete gzip member (record), and how many members there are."""
    end = position = members = 0
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    handle.seek(0)
    while chunk := handle.read(_CHUNK):
        while chunk:
            try:
                inflater.decompress(chunk, _CHUNK)
                while inflater.unconsumed_tail and not inflater.eof:
                    inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            except zlib.error:  # a member written over, or bytes that never were one: stop before them
                return end, members
            if not inflater.eof:
                position += len(chunk)
                break
            position += len(chunk) - len(inflater.unused_data)
            end, members = position, members + 1
            chunk = inflater.unused_data
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    return end, members


def _forget_cut_records(directory: Path, path: Path) -> None:
    with path.open("rb") as stream:
        kept = {record.rec_headers.get_header("WARC-Record-ID") for record in ArchiveIterator(stream)}
    index = DigestIndex(directory)
    try:
        index.forget_missing(path.name, kept)
    finally:
        index.close()
