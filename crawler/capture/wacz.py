"""A WARC folder packaged as WACZ 1.1 (`blogarchive wacz`): one file that ReplayWeb.page, pywb and Browsertrix
open, and an archivist hands on.

py-wacz (the `wacz` package, Webrecorder's) writes the package: the WARC files under `archive/`, a CDXJ index of
every record (`indexes/index.cdx.gz` and `indexes/index.idx`), `pages/pages.jsonl`, and `datapackage.json` (every
file's size and sha256) with `datapackage-digest.json`. blogarchive chooses what goes in: the finished WARC
files of the folders given and of every folder under them (per-site folders of a collection) — after closing the
files stopped crawls left open there (crawler/capture/warc_recovery.py), but not one a live crawl is writing — and
the page list of crawler/capture/pages.py, each page matched to its latest capture there, which py-wacz copies as
it is (`--copy-pages`): its own matching keys a page by its URL and time, so it drops the page of an app's route
after '#' (`https://host/#/posts/x`), which no record is under, and keys one given without a time by its URL without
the fragment, so an app's routes would collapse into one. The package is written beside OUT and renamed to OUT once
complete (archive/outfile.py): a failure never leaves a half-written OUT, nor replaces an older one, and the
package gets the permissions of any new file.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from wacz.main import main as py_wacz

from archive.captures import ArchivedPost
from archive.outfile import check_writable, replacing
from crawler import __version__
from crawler.capture.pages import Page, all_pages, post_pages, scan_captures
from crawler.capture.warc_recovery import Recovery, close_abandoned
from crawler.errors import WaczError

WARC_SUFFIXES = (".warc.gz", ".warc")


@dataclass
class Package:
    out: Path
    warcs: list[Path]
    pages: list[Page]
    missing: list[ArchivedPost] = field(default_factory=list)  # archived posts without a capture in the folders
    recovery: Recovery = field(default_factory=lambda: Recovery([], [], []))  # `.open` files closed or left out


def warc_files(directories: list[Path]) -> tuple[list[Path], Recovery]:
    """The finished WARC files of `directories` and every folder under them (a collection's per-site folders), by
    name, once the files stopped crawls left open there are closed; and what became of those."""
    recovery = Recovery([], [], [])
    files: dict[str, Path] = {}
    for folder in _folders(directories):
        found = close_abandoned(folder)
        for part in ("closed", "removed", "left"):
            getattr(recovery, part).extend(getattr(found, part))
        for path in sorted(p for p in folder.iterdir() if p.name.endswith(WARC_SUFFIXES) and p.is_file()):
            if path.name in files:
                raise WaczError(
                    f"two WARC files are named {path.name} ({files[path.name]} and {path}); a WACZ holds its files"
                    " by name: rename one, or package the folders apart"
                )
            files[path.name] = path
    if not files:
        folders = ", ".join(map(str, directories))
        raise WaczError(
            f"no WARC files (*.warc.gz) in {folders} or the folders under it; crawl with --warc {directories[0]} first"
        )
    return sorted(files.values(), key=lambda path: path.name), recovery


def _folders(directories: list[Path]) -> list[Path]:
    """Each folder given and every folder under it, once each, in order."""
    found: dict[Path, None] = {}
    for directory in directories:
        if not directory.is_dir():
            raise WaczError(f"--warc {directory}: no such folder; give the folder a crawl wrote with --warc")
        for folder, subfolders, _ in os.walk(directory):
            subfolders.sort()
            found.setdefault(Path(folder).resolve(), None)
    return list(found)


def package(
    out: Path,
    warc_dirs: list[Path],
    posts: list[ArchivedPost] | None,
    title: str | None = None,
    description: str | None = None,
) -> Package:
    """Write the WACZ. `posts`: the archive's posts, listed as the pages (None: every HTML page captured)."""
    check_writable(out)
    warcs, recovery = warc_files(warc_dirs)
    captures = scan_captures(warcs, titles=posts is None)
    folders = ", ".join(map(str, warc_dirs))
    if posts is None:
        pages, missing = all_pages(captures), []
        if not pages:
            raise WaczError(f"the WARC files in {folders} hold no HTML page to list; nothing to replay")
    elif not posts:
        raise WaczError("the archive holds no posts to list; leave out --db to list every page captured")
    else:
        pages, missing = post_pages(captures, posts)
        if not pages:
            raise WaczError(
                f"none of the archive's {len(posts)} posts has a capture in {folders}; give the --warc folder of "
                "the crawls that archived them"
            )
    what = "posts" if posts is not None else "pages"
    _write(out, warcs, pages, title or _default_title(pages), description or _default_description(pages, what))
    return Package(out, warcs, pages, missing, recovery)


def _write(out: Path, warcs: list[Path], pages: list[Page], title: str, description: str) -> None:
    """py-wacz writes the package into a temporary file beside OUT, which then replaces OUT (archive/outfile.py)."""
    with replacing(out) as partial, tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "pages.jsonl"
        header = {"format": "json-pages-1.0", "id": "pages", "title": title}
        lines = [json.dumps(header), *(json.dumps(page.as_json(), ensure_ascii=False) for page in pages)]
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        arguments = ["create", "-o", str(partial), "-p", str(listing), "--copy-pages"]
        arguments += ["--title", title, "--desc", description]
        log = io.StringIO()
        with redirect_stdout(log):  # py-wacz reports each step on stdout
            status = py_wacz([*arguments, *map(str, warcs)])
        if status != 0:
            last = (log.getvalue().strip().splitlines() or ["no reason given"])[-1]
            raise WaczError(f"py-wacz could not write {out}: {last}")


def _default_title(pages: list[Page]) -> str:
    hosts = sorted({urlsplit(page.url).netloc for page in pages})
    shown = ", ".join(hosts[:3]) + (f" and {len(hosts) - 3} more" if len(hosts) > 3 else "")
    return f"Blog archive: {shown}"


def _default_description(pages: list[Page], what: str) -> str:
    dates = sorted(page.ts[:10] for page in pages)
    return f"{len(pages)} {what} captured by blogarchive {__version__}, {dates[0]} to {dates[-1]}"
