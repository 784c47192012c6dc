"""trafilatura's published set of real pages: `evaldata.json` maps each URL to {"file", "with", "without",
"author", "date", …}, and the page is `eval/<file>` or `cache/<file>` beside it (author: a gold list is joined
with "; "; date: compared by its first ten characters)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.evaluation.cleaning_sets import SetError


@dataclass
class RealPage:
    set: str
    id: str  # the file's name
    url: str
    html: bytes
    with_: list[str]
    without: list[str]
    author: str | None
    date: str | None


def load_realpages(root: Path) -> list[RealPage]:
    """The pages of a set unpacked at `root` (the folder holding evaldata.json, or its parent's `tests/`)."""
    folder = root if (root / "evaldata.json").exists() else root / "tests"
    index = folder / "evaldata.json"
    if not index.exists():
        raise SetError(f"{root}: no evaldata.json (give the unpacked set's folder)")
    pages = []
    for url, item in sorted(json.loads(index.read_text("utf-8")).items()):
        path = next(
            (folder / d / item["file"] for d in ("eval", "cache") if (folder / d / item["file"]).exists()), None
        )
        if path is not None:
            with_, without = item.get("with") or [], item.get("without") or []
            author, date = _gold_author(item.get("author")), item.get("date") or None
            pages.append(RealPage("realpages", path.name, url, path.read_bytes(), with_, without, author, date))
    if not pages:
        raise SetError(f"{root}: evaldata.json lists no page found under eval/ or cache/")
    return pages


def _gold_author(value: Any) -> str | None:
    if isinstance(value, list):
        return "; ".join(value) or None
    return value or None
