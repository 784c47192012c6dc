"""Running extractors over a set's pages: in worker processes, CPU time per page, the outputs of every extractor
but blogarchive's own kept in a cache folder (they do not change between runs of the same version)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from crawler.evaluation.extractors import EXTRACTORS, Output

# blogarchive in its body modes: the extractor under work, whose outputs change with the code
UNCACHED = ("blogarchive", "blogarchive-trafilatura", "blogarchive-best-of-three")


class Item(Protocol):
    set: str
    id: str
    url: str
    html: bytes


def run_extractor(
    name: str, pages: Sequence[Item], metadata: bool, jobs: int = 1, cache: Path | None = None
) -> list[Output]:
    """`name`'s output on each page, in order. A crash is that page's output (empty text, `error` set)."""
    stored = _Cache(cache, name, metadata) if cache is not None and name not in UNCACHED else None
    keys = [_key(page) for page in pages]
    known = stored.load() if stored else {}
    todo = [n for n, key in enumerate(keys) if key not in known]
    tasks = [(name, pages[n].html, pages[n].url, metadata) for n in todo]
    if jobs > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            fresh = list(pool.map(_timed, tasks, chunksize=4))
    else:
        fresh = [_timed(task) for task in tasks]
    for n, output in zip(todo, fresh, strict=True):
        known[keys[n]] = output
    if stored and todo:
        stored.save(known)
    return [known[key] for key in keys]


def _timed(task: tuple[str, bytes, str, bool]) -> Output:
    name, html, url, metadata = task
    started = time.process_time()
    try:
        output = EXTRACTORS[name].run(html, url, metadata)
    except Exception as exc:  # noqa: BLE001 — a crash on one page is that page's output, not the run's end
        output = Output(error=f"{type(exc).__name__}: {exc}"[:300])
    output.cpu_ms = (time.process_time() - started) * 1000
    return output


def _key(page: Item) -> str:
    digest = hashlib.sha1(page.html + page.url.encode("utf-8", "replace")).hexdigest()[:16]
    return f"{page.set}/{page.id}/{digest}"


class _Cache:
    """One JSON file per extractor, version and metadata choice: page key -> Output."""

    def __init__(self, folder: Path, name: str, metadata: bool) -> None:
        label = f"{name}-{EXTRACTORS[name].version}" + ("-meta" if metadata else "")
        self.path = folder / f"{label}.json"

    def load(self) -> dict[str, Output]:
        if not self.path.is_file():
            return {}
        try:
            return {key: Output(**value) for key, value in json.loads(self.path.read_text("utf-8")).items()}
        except (ValueError, TypeError):
            return {}  # a cache from another version of this code: made again

    def save(self, outputs: dict[str, Output]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps({k: asdict(v) for k, v in outputs.items()}, ensure_ascii=False), "utf-8")
        partial.replace(self.path)
