"""One evaluation run: every extractor on every chosen set, each set scored by its own metric, a bootstrap spread
for each score, a paired bootstrap of each extractor against one of them, and the pages pooled across the
cleaning sets (one metric, each page weighing the same)."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from crawler.evaluation.bootstrap import Metric, paired, spread
from crawler.evaluation.extractors import EXTRACTORS, Output
from crawler.evaluation.realpages import RealPage
from crawler.evaluation.shingles import Counts, exact, page_counts, shingle_scores
from crawler.evaluation.snippets import page_snippets, snippet_scores
from crawler.extraction.evaluation import fold

POOLED = "overall"


@dataclass
class SetScores:
    """One set (or the pooled pages) and what each extractor scored on it."""

    name: str
    pages: int
    rows: dict[str, dict[str, Any]]  # extractor -> scores (+ _std), errors, empty, cpu_ms
    paired: dict[str, dict[str, float]] = field(default_factory=dict)  # extractor -> against `vs`
    worst: list[dict[str, Any]] = field(default_factory=list)  # realpages: where blogarchive loses most
    empty_where_trafilatura_is_not: list[str] = field(default_factory=list)  # realpages: the pages' URLs
    # realpages: the pages blogarchive does not keep as posts (url, kind, reason), left out of every row's scores
    left_out: list[dict[str, str | None]] = field(default_factory=list)


def shingle_metric(records: Sequence[tuple[Counts, float]]) -> dict[str, float]:
    scores = shingle_scores([counts for counts, _ in records])
    return scores | {"accuracy": statistics.fmean(e for _, e in records) if records else 0.0}


def snippet_metric(records: Sequence[tuple[int, int, int, int]]) -> dict[str, float]:
    return snippet_scores(records)


def score_set(
    name: str,
    outputs: dict[str, list[Output]],
    judge: Callable[[int, Output], Any],
    metric: Metric,
    vs: str,
    resamples: int,
) -> tuple[SetScores, dict[str, list[Any]]]:
    """The set's table; and each extractor's per-page records (for pooling)."""
    records = {e: [judge(n, out) for n, out in enumerate(outs)] for e, outs in outputs.items()}
    rows = {e: spread(records[e], metric, resamples) | _counts(outputs[e]) for e in outputs}
    pages = len(next(iter(outputs.values()), []))
    result = SetScores(name, pages, rows)
    result.paired = _paired(records, metric, vs, resamples)
    return result, records


def _paired(records: dict[str, list[Any]], metric: Metric, vs: str, resamples: int) -> dict[str, dict[str, float]]:
    if vs not in records:
        return {}
    return {e: paired(records[e], records[vs], metric, resamples) for e in records if e != vs}


def pooled(per_set: list[tuple[dict[str, list[Any]], dict[str, list[Output]]]], vs: str, resamples: int) -> SetScores:
    """The cleaning sets' pages together, each page weighing the same."""
    names = list(per_set[0][0])
    records = {e: [r for recs, _ in per_set for r in recs[e]] for e in names}
    outputs = {e: [o for _, outs in per_set for o in outs[e]] for e in names}
    rows = {e: spread(records[e], shingle_metric, resamples) | _counts(outputs[e]) for e in names}
    result = SetScores(POOLED, len(records[names[0]]), rows)
    result.paired = _paired(records, shingle_metric, vs, resamples)
    return result


def _counts(outputs: list[Output]) -> dict[str, Any]:
    return {
        "errors": sum(o.error is not None for o in outputs),
        "empty": sum(not o.text.strip() for o in outputs),
        "cpu_ms": statistics.fmean(o.cpu_ms for o in outputs) if outputs else 0.0,
    }


def cleaning_judge(golds: list[str]) -> Callable[[int, Output], tuple[Counts, float]]:
    return lambda n, output: (page_counts(golds[n], output.text), exact(golds[n], output.text))


def realpages_judge(pages: list[RealPage]) -> Callable[[int, Output], tuple[int, int, int, int]]:
    return lambda n, output: page_snippets(pages[n].with_, pages[n].without, output.text)


def metadata_scores(pages: list[RealPage], outputs: list[Output]) -> dict[str, float]:
    """Author exact (a gold list joined with "; ") and date by its first ten characters, over the pages that
    have each."""
    authors = [fold(o.author) == fold(p.author) for p, o in zip(pages, outputs, strict=True) if p.author]
    dates = [(o.date or "")[:10] == p.date[:10] for p, o in zip(pages, outputs, strict=True) if p.date]
    return {
        "author_exact": sum(authors) / max(len(authors), 1),
        "date_exact": sum(dates) / max(len(dates), 1),
    }


def worst_pages(pages: list[RealPage], ours: list[Output], theirs: list[Output], count: int) -> list[dict[str, Any]]:
    """The real pages where blogarchive does worst against trafilatura: the snippets it got wrong that trafilatura
    got right, most first, with what it lost and added."""

    def judged(page: RealPage, output: Output) -> tuple[list[str], list[str]]:
        text = fold(output.text)
        return [s for s in page.with_ if fold(s) not in text], [s for s in page.without if fold(s) in text]

    rows = []
    for page, mine, other in zip(pages, ours, theirs, strict=True):
        lost, added = judged(page, mine)
        other_wrong = sum(map(len, judged(page, other)))
        if len(lost) + len(added) > other_wrong:
            wrong = len(lost) + len(added)
            rows.append(
                {
                    "url": page.url,
                    "file": page.id,
                    "blogarchive_wrong": wrong,
                    "trafilatura_wrong": other_wrong,
                    "lost": lost,
                    "added": added,
                    "error": mine.error,
                }
            )
    rows.sort(key=lambda row: row["trafilatura_wrong"] - row["blogarchive_wrong"])
    return rows[:count]


def versions(names: Sequence[str]) -> dict[str, str]:
    return {name: EXTRACTORS[name].version for name in names}
