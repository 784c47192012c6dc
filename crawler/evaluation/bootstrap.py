"""Bootstrap intervals over pages: how much a score moves when the set's pages are drawn again.

Both follow the shared extraction sets' definitions (seed 0, `random.Random(seed).randint` draws), so the figures
are the same as their runner's: `spread` is the standard deviation of each score over resamples of the pages;
`paired` draws the same pages for two extractors and gives F1(A) − F1(B), its 95 % interval and the share of
resamples where A is ahead. A metric is any function from a list of per-page records to named scores.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
Metric = Callable[[Sequence[Any]], dict[str, float]]
RESAMPLES = 1000


def _draws(n: int, resamples: int, seed: int) -> list[list[int]]:
    rng = random.Random(seed)
    return [[rng.randint(0, n - 1) for _ in range(n)] for _ in range(resamples)]


def spread(pages: Sequence[T], metric: Metric, resamples: int = RESAMPLES, seed: int = 0) -> dict[str, float]:
    """The metric over `pages` and, for each of its scores, `<score>_std` over `resamples` resamples."""
    scores = metric(pages)
    if not pages or resamples < 2:
        return scores
    drawn: dict[str, list[float]] = {}
    for draw in _draws(len(pages), resamples, seed):
        for key, value in metric([pages[i] for i in draw]).items():
            drawn.setdefault(key, []).append(value)
    return scores | {f"{key}_std": statistics.stdev(values) for key, values in drawn.items()}


def paired(
    a: Sequence[T], b: Sequence[T], metric: Metric, resamples: int = RESAMPLES, seed: int = 0
) -> dict[str, float]:
    """F1(a) − F1(b) (and the precision and recall differences) on the same pages; `f1_lo`, `f1_hi`: its 95 %
    interval; `share_a_better`: the share of resamples where a's F1 is higher."""
    if len(a) != len(b):
        raise ValueError("a paired bootstrap needs the same pages for both extractors")
    whole_a, whole_b = metric(a), metric(b)
    result = {key: whole_a[key] - whole_b[key] for key in ("f1", "precision", "recall")}
    if not a or resamples < 1:
        return result
    diffs = sorted(
        metric([a[i] for i in draw])["f1"] - metric([b[i] for i in draw])["f1"]
        for draw in _draws(len(a), resamples, seed)
    )
    result["f1_lo"] = diffs[int(0.025 * (len(diffs) - 1))]
    result["f1_hi"] = diffs[int(round(0.975 * (len(diffs) - 1)))]
    result["share_a_better"] = sum(d > 0 for d in diffs) / len(diffs)
    return result
