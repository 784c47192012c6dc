"""Which setting names a crawl knows: Scrapy's (its defaults, and the few its components read without one), ours
(crawler/settings.py) and the project's settings module. A name outside them is a typo to report, not a setting
that Scrapy would silently ignore."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# Read by Scrapy's FilesPipeline and ImagesPipeline, which have no default for them in default_settings.
_SCRAPY_WITHOUT_DEFAULT = frozenset(
    {
        "FILES_EXPIRES",
        "FILES_RESULT_FIELD",
        "FILES_URLS_FIELD",
        "IMAGES_EXPIRES",
        "IMAGES_MIN_HEIGHT",
        "IMAGES_MIN_WIDTH",
        "IMAGES_RESULT_FIELD",
        "IMAGES_THUMBS",
        "IMAGES_URLS_FIELD",
    }
)


def unknown_setting(name: str, known: Iterable[str]) -> str | None:
    """None for a known name, else the message: `no such setting; did you mean X?`."""
    names = set(known) | _SCRAPY_WITHOUT_DEFAULT
    if name in names:
        return None
    close = difflib.get_close_matches(name.upper(), names, n=1, cutoff=0.75)
    hint = f"; did you mean {close[0]}?" if close else " (Scrapy's settings and blogarchive's are in docs/settings.md)"
    return f"{name}: no such setting{hint}"


@lru_cache(maxsize=1)
def crawl_setting_names() -> frozenset[str]:
    """Every name a `blogarchive crawl` has a value for: Scrapy's defaults, ours and the project's."""
    from crawler.core.runner import CrawlOptions  # imports Scrapy: only when a name has to be checked

    return frozenset(CrawlOptions(db=Path("archive.db")).settings().attributes)
