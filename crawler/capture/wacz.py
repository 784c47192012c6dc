"""A WARC folder packaged as WACZ 1.1 (`blogarchive wacz`): one file that ReplayWeb.page, pywb and Browsertrix
open, and an archivist hands on.

py-wacz (the `wacz` package, Webrecorder's) writes the package: the WARC files under `archive/`, a CDXJ index of
every record (`indexes/index.cdx.gz` and `indexes/index.idx`), `pages/pages.jsonl`, and `datapackage.json` (every
file's size and sha256) with `datapackage-digest.json`. blogarchive chooses what goes in: the folder's finished
WARC files (not the `.open` file of a crawl still writing), and the page list of crawler/capture/pages.py, each
page at its latest capture. The package is written beside OUT and renamed to OUT once complete: a failure never
leaves a half-written OUT, nor replaces an older one.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from wacz.main import main as py_wacz

from archive.captures import ArchivedPost
from crawler import __version__
from crawler.capture.pages import Page, all_pages, post_pages, scan_captures
from crawler.capture.warc_writer import OPEN_SUFFIX
from crawler.errors import WaczError

WARC_SUFFIXES = (".warc.gz", ".warc")
OPEN_SUFFIXES = tuple(suffix + OPEN_SUFFIX for suffix in WARC_SUFFIXES)  # a file a crawl is still writing


@dataclass
class Package:
    out: Path
    warcs: list[Path]
    pages: list[Page]
    missing: list[ArchivedPost] = field(default_factory=list)  # archived posts without a capture in the folder
    still_open: list[Path] = field(default_factory=list)  # left out: a crawl is writing them, or was killed


def warc_files(directory: Path) -> tuple[list[Path], list[Path]]:
    """The finished WARC files of `directory`, by name, and those still open."""
    if not directory.is_dir():
        raise WaczError(f"--warc {directory}: no such folder; give the folder a crawl wrote with --warc")
    files = sorted(p for p in directory.iterdir() if p.name.endswith(WARC_SUFFIXES) and p.is_file())
    still_open = sorted(p for p in directory.iterdir() if p.name.endswith(OPEN_SUFFIXES))
    if not files:
        raise WaczError(f"no WARC files (*.warc.gz) in {directory}; crawl with --warc {directory} first")
    return files, still_open


def check_output(out: Path) -> None:
    """OUT can be written: not a folder, and its folder exists and takes a new file."""
    if out.is_dir():
        raise WaczError(f"{out} is a folder; give a file name, such as {out / 'collection.wacz'}")
    try:
        with tempfile.TemporaryFile(dir=out.parent.resolve()):
            pass
    except OSError as exc:
        raise WaczError(f"cannot write {out} ({exc.strerror}); give a path in a writable folder") from exc


def package(
    out: Path,
    warc_dir: Path,
    posts: list[ArchivedPost] | None,
    title: str | None = None,
    description: str | None = None,
) -> Package:
    """Write the WACZ. `posts`: the archive's posts, listed as the pages (None: every HTML page captured)."""
    check_output(out)
    warcs, still_open = warc_files(warc_dir)
    captures = scan_captures(warcs, titles=posts is None)
    if posts is None:
        pages, missing = all_pages(captures), []
        if not pages:
            raise WaczError(f"the WARC files in {warc_dir} hold no HTML page to list; nothing to replay")
    elif not posts:
        raise WaczError("the archive holds no posts to list; leave out --db to list every page captured")
    else:
        pages, missing = post_pages(captures, posts)
        if not pages:
            raise WaczError(
                f"none of the archive's {len(posts)} posts has a capture in {warc_dir}; give the --warc folder of "
                "the crawls that archived them"
            )
    what = "posts" if posts is not None else "pages"
    _write(out, warcs, pages, title or _default_title(pages), description or _default_description(pages, what))
    return Package(out, warcs, pages, missing, still_open)


def _write(out: Path, warcs: list[Path], pages: list[Page], title: str, description: str) -> None:
    """py-wacz writes the package into a temporary file beside OUT, which then replaces OUT."""
    folder = out.parent.resolve()
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".partial")
    os.close(handle)
    partial = Path(name)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            listing = Path(scratch) / "pages.jsonl"
            header = {"format": "json-pages-1.0", "id": "pages", "title": title}
            lines = [json.dumps(header), *(json.dumps(page.as_json(), ensure_ascii=False) for page in pages)]
            listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
            arguments = ["create", "-o", str(partial), "-p", str(listing), "--title", title, "--desc", description]
            log = io.StringIO()
            with redirect_stdout(log):  # py-wacz reports each step on stdout
                status = py_wacz([*arguments, *map(str, warcs)])
        if status != 0:
            last = (log.getvalue().strip().splitlines() or ["no reason given"])[-1]
            raise WaczError(f"py-wacz could not write {out}: {last}")
        _check_pages(partial, len(pages))
        os.replace(partial, out)
    except OSError as exc:  # the disk filled up, the folder went away
        raise WaczError(f"cannot write {out} ({exc.strerror or exc}); give a path in a writable folder") from exc
    finally:
        partial.unlink(missing_ok=True)


def _check_pages(path: Path, expected: int) -> None:
    """Every page given made it into pages/pages.jsonl (py-wacz drops a page it finds no record for)."""
    with zipfile.ZipFile(path) as package_file:
        lines = package_file.read("pages/pages.jsonl").decode("utf-8").splitlines()
    if len(lines) - 1 != expected:
        raise WaczError(f"py-wacz listed {len(lines) - 1} of {expected} pages; the package was not written")


def _default_title(pages: list[Page]) -> str:
    hosts = sorted({urlsplit(page.url).netloc for page in pages})
    shown = ", ".join(hosts[:3]) + (f" and {len(hosts) - 3} more" if len(hosts) > 3 else "")
    return f"Blog archive: {shown}"


def _default_description(pages: list[Page], what: str) -> str:
    dates = sorted(page.ts[:10] for page in pages)
    return f"{len(pages)} {what} captured by blogarchive {__version__}, {dates[0]} to {dates[-1]}"
