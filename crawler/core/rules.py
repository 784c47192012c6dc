"""Which blogarchive decided a page: a fingerprint of the rules that read a page and decide what it is.

Every run records it (crawl_runs.rules). A recrawl that finds a page unchanged (a 304, or the same bytes) reuses the
decision stored with it only when today's rules made it; a page another blogarchive decided is decided again from its
stored body — once after an upgrade, never while the release is the same. The package version alone would not tell
two builds of one version apart (an editable install, a checkout between releases), so the fingerprint also covers
the source of what decides: extraction (crawler/extraction/, its selectors and model data too), the site's structure
that completes it (crawler/discovery/structure.py), the function the extraction processes run, and trafilatura's
version.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import crawler

_CRAWLER = Path(crawler.__file__).parent
DECIDING_SOURCES = ("extraction", "discovery/structure.py", "extraction_pool/worker.py")


@cache
def rules_fingerprint() -> str:
    """'blogarchive <version>, trafilatura <version>, rules <12 hex digits of the sources' digest>'."""
    digest = hashlib.sha256()
    for source in DECIDING_SOURCES:
        path = _CRAWLER / source
        files = sorted(p for p in path.rglob("*") if p.suffix in (".py", ".json")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(_CRAWLER).as_posix().encode())
            digest.update(file.read_bytes())
    return f"blogarchive {crawler.__version__}, trafilatura {_version('trafilatura')}, rules {digest.hexdigest()[:12]}"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


# Kinds of a page that is a post all the same: one behind a password, a paywall or a members' wall holds no text to
# read, and is no less a post for it (a post made members-only since it was archived keeps counting).
POST_KINDS = ("article", "protected")


# Kinds that tell nothing of what an address holds: a page read as no post for want of any sign ("other": no date,
# no post markup, no feed listing it) or holding nothing ("empty") — as a maintenance notice, a challenge or a soft
# 404 served for a while in a post's place is. Such a page retires no post: only a page that shows what it is (a
# listing, a hub, a page of the site) does, and a post an older blogarchive stored from a page that today's rules
# find no sign in keeps counting.
SILENT_KINDS = ("other", "empty")


def no_post(result: dict[str, Any]) -> bool:
    """Extraction decided the page is no post, and what it is (SILENT_KINDS tell nothing): a post stored at its
    address is retired (archive/articles.py)."""
    return result["kind"] not in (*POST_KINDS, *SILENT_KINDS)


def retired_reason(result: dict[str, Any]) -> str:
    """Why a stored post is no post by today's rules, as extraction's decision on its page says: its kind and why
    ("listing: the site's home page"; a reason that names its kind first is kept as it is)."""
    kind, reason = result["kind"], result["kind_reason"] or "no reason given"
    return reason if reason.startswith(kind) else f"{kind}: {reason}"
