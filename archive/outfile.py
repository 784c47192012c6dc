"""Files the commands write for people (`export`, `wacz`): written beside the target, renamed to it once complete.

The content goes into a hidden temporary file in OUT's own folder (so the rename is atomic) and replaces OUT only
when it is complete: a stop halfway (Ctrl-C, a full disk, an error) leaves no truncated OUT, and an older complete
OUT stays as it was. The finished file gets the permissions a file created the ordinary way would have (or those of
the OUT it replaces), not the owner-only ones of a temporary file. A folder that is missing, read-only or full is
one line naming OUT and the cause (OutputError).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from archive.errors import OutputError


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """The path to write OUT's new content to; it becomes OUT when the block ends without an exception, and is
    removed otherwise."""
    partial = _partial_beside(out)
    try:
        yield partial
        partial.chmod(_mode_for(out))
        os.replace(partial, out)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {_reason(out, exc)}") from exc
    finally:
        partial.unlink(missing_ok=True)


def check_writable(out: Path) -> None:
    """OutputError unless a file can be written as OUT (before the work that would fill it starts); OUT is left
    as it is."""
    _partial_beside(out).unlink()


def _partial_beside(out: Path) -> Path:
    if out.is_dir():
        raise OutputError(f"cannot write {out}: it is a folder; give the name of a file to write")
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {_reason(out, exc)}") from exc
    os.close(handle)
    return Path(name)


def _mode_for(out: Path) -> int:
    """The mode OUT has, or the one `open()` would give a new file: 0666 less the umask."""
    try:
        return stat.S_IMODE(out.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(out: Path, exc: OSError) -> str:
    folder = out.parent
    reasons = {
        errno.ENOENT: f"folder {folder} does not exist; create it or give another path",
        errno.ENOTDIR: f"{_first_file(folder)} is not a folder; give another path",
        errno.EROFS: f"folder {folder} is on a read-only file system; give a path on a writable one",
        errno.EACCES: f"no permission to write in {folder}; give a path in a writable folder",
        errno.ENOSPC: "the disk is full; free some space or give a path on another disk",
        errno.EDQUOT: "the disk quota is used up; free some space or give a path on another disk",
    }
    return reasons.get(exc.errno, f"{exc.strerror or exc}; give a path in a writable folder")


def _first_file(folder: Path) -> Path:
    """The part of `folder` that is a file, not a folder (notes.txt in notes.txt/out/)."""
    for part in reversed([folder, *folder.parents]):
        if part.exists() and not part.is_dir():
            return part
    return folder
