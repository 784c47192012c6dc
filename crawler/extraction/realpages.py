"""Scoring extraction on real pages nobody here wrote, next to plain trafilatura in the same run.

The set's format is trafilatura's evaluation corpus: `evaldata.json` maps each URL to {"file", "with", "without",
"author", "date", …}, and the page is `eval/<file>` or `cache/<file>` beside it. The metric is that corpus's own
(trafilatura's tests/eval_common.py): whitespace-normalised substring matching of the snippets, micro-averaged
over all snippets of all pages; author exact (a gold list joined with "; "), date by its first ten characters.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.extraction.evaluation import fold

SYSTEMS = ("blogarchive", "trafilatura")


@dataclass
class RealPage:
    url: str
    path: Path
    with_: list[str]
    without: list[str]
    author: str | None
    date: str | None


@dataclass
class Outcome:
    """What one system made of one page."""

    text: str = ""
    author: str | None = None
    date: str | None = None
    cpu_ms: float = 0.0
    error: str | None = None


@dataclass
class Tally:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    empty: int = 0
    authors: int = 0
    authors_right: int = 0
    dates: int = 0
    dates_right: int = 0
    cpu_ms: list[float] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        precision = self.tp / max(self.tp + self.fp, 1)
        recall = self.tp / max(self.tp + self.fn, 1)
        return {
            "precision": precision,
            "recall": recall,
            "f1": 2 * precision * recall / max(precision + recall, 1e-9),
            "accuracy": (self.tp + self.tn) / max(self.tp + self.tn + self.fp + self.fn, 1),
            "empty": self.empty,
            "author_exact": self.authors_right / max(self.authors, 1),
            "date_exact": self.dates_right / max(self.dates, 1),
            "cpu_ms_mean": sum(self.cpu_ms) / max(len(self.cpu_ms), 1),
        }


def load_realpages(root: Path) -> list[RealPage]:
    """The pages of a set unpacked at `root` (the folder holding evaldata.json, or its parent's `tests/`)."""
    folder = root if (root / "evaldata.json").exists() else root / "tests"
    index = folder / "evaldata.json"
    if not index.exists():
        raise FileNotFoundError(f"{root}: no evaldata.json (give the unpacked set's folder)")
    pages = []
    for url, item in sorted(json.loads(index.read_text("utf-8")).items()):
        path = next(
            (folder / d / item["file"] for d in ("eval", "cache") if (folder / d / item["file"]).exists()), None
        )
        if path is not None:
            pages.append(
                RealPage(
                    url,
                    path,
                    item.get("with") or [],
                    item.get("without") or [],
                    _gold_author(item.get("author")),
                    item.get("date") or None,
                )
            )
    return pages


def _gold_author(value: Any) -> str | None:
    if isinstance(value, list):
        return "; ".join(value) or None
    return value or None


def judge(page: RealPage, outcome: Outcome) -> dict[str, list[str]]:
    """The page's snippets sorted into found / lost (`with` missing) / added (`without` present) / absent."""
    text = fold(outcome.text)
    sorted_snippets: dict[str, list[str]] = {"found": [], "lost": [], "added": [], "absent": []}
    for snippet in page.with_:
        sorted_snippets["found" if fold(snippet) in text else "lost"].append(snippet)
    for snippet in page.without:
        sorted_snippets["added" if fold(snippet) in text else "absent"].append(snippet)
    return sorted_snippets


def run_page(page: RealPage) -> dict[str, Outcome]:
    """Both systems on one page, in one process, one after the other (CPU time of each measured alone)."""
    html = page.path.read_bytes()
    return {"blogarchive": _timed(_blogarchive, html, page.url), "trafilatura": _timed(_trafilatura, html, page.url)}


def _timed(system: Any, html: bytes, url: str) -> Outcome:
    started = time.process_time()
    try:
        outcome = system(html, url)
    except Exception as exc:  # noqa: BLE001 — a crash on one page is that page's result, not the run's end
        outcome = Outcome(error=f"{type(exc).__name__}: {exc}")
    outcome.cpu_ms = (time.process_time() - started) * 1000
    return outcome


def _blogarchive(html: bytes, url: str) -> Outcome:
    from crawler.extraction.extract import extract

    article = extract(html, url)
    author = "; ".join(person.name for person in article.authors) or article.author
    return Outcome(article.text, author, article.published)


def _trafilatura(html: bytes, url: str) -> Outcome:
    """Plain trafilatura as its users call it: extract() for the text, extract_metadata() for author and date."""
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False) or ""
    metadata = trafilatura.extract_metadata(html, default_url=url)
    return Outcome(text, metadata.author if metadata else None, metadata.date if metadata else None)


@dataclass
class RealReport:
    pages: int
    scores: dict[str, dict[str, float]]
    worst: list[dict[str, Any]]
    empty_where_trafilatura_is_not: list[str]


def evaluate_realpages(pages: list[RealPage], jobs: int = 2, worst: int = 15) -> RealReport:
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(run_page, pages, chunksize=8))
    tallies = {system: Tally() for system in SYSTEMS}
    per_page = []
    for page, outcomes in zip(pages, results, strict=True):
        verdicts = {system: judge(page, outcomes[system]) for system in SYSTEMS}
        for system in SYSTEMS:
            _count(tallies[system], page, outcomes[system], verdicts[system])
        per_page.append((page, outcomes, verdicts))
    empty = [
        page.url
        for page, outcomes, _ in per_page
        if not outcomes["blogarchive"].text.strip() and outcomes["trafilatura"].text.strip()
    ]
    return RealReport(len(pages), {s: tallies[s].scores() for s in SYSTEMS}, _worst(per_page, worst), empty)


def _count(tally: Tally, page: RealPage, outcome: Outcome, verdict: dict[str, list[str]]) -> None:
    tally.tp += len(verdict["found"])
    tally.fn += len(verdict["lost"])
    tally.fp += len(verdict["added"])
    tally.tn += len(verdict["absent"])
    tally.empty += not outcome.text.strip()
    tally.cpu_ms.append(outcome.cpu_ms)
    if page.author:
        tally.authors += 1
        tally.authors_right += fold(outcome.author) == fold(page.author)
    if page.date:
        tally.dates += 1
        tally.dates_right += (outcome.date or "")[:10] == page.date[:10]


def _worst(per_page: list[Any], count: int) -> list[dict[str, Any]]:
    """The pages where blogarchive does worst against trafilatura: snippets it got wrong that trafilatura got
    right, most first; with what it lost and added."""

    def wrong(verdict: dict[str, list[str]]) -> int:
        return len(verdict["lost"]) + len(verdict["added"])

    ranked = sorted(per_page, key=lambda row: wrong(row[2]["trafilatura"]) - wrong(row[2]["blogarchive"]))
    return [
        {
            "url": page.url,
            "file": page.path.name,
            "blogarchive_wrong": wrong(verdicts["blogarchive"]),
            "trafilatura_wrong": wrong(verdicts["trafilatura"]),
            "lost": verdicts["blogarchive"]["lost"],
            "added": verdicts["blogarchive"]["added"],
            "error": outcomes["blogarchive"].error,
        }
        for page, outcomes, verdicts in ranked[:count]
        if wrong(verdicts["blogarchive"]) > wrong(verdicts["trafilatura"])
    ]
