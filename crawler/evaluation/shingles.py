"""scrapinghub's article-extraction metric, as the shared extraction sets define it: token 4-gram shingles.

Per page, both texts are cut into `\\w+` tokens and overlapping 4-token shingles (a text of fewer than 4 tokens is
one shorter shingle); the two multisets give tp / fp / fn, normalised so that tp + fp + fn = 1, so a long page
weighs no more than a short one. Precision and recall are means over the pages, F1 the harmonic mean of the two
means (not the mean of per-page F1s).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from crawler.extraction.agreement import SHINGLE, shingles, tokens

__all__ = ["SHINGLE", "Counts", "exact", "page_counts", "page_f1", "shingle_scores", "shingles", "tokens"]

Counts = tuple[float, float, float]  # tp, fp, fn of one page, summing to 1 (or all 0)


def page_counts(gold: str | None, extracted: str | None) -> Counts:
    """tp, fp, fn of one page's extracted text against its gold, normalised to sum to 1."""
    true, pred = shingles(gold), shingles(extracted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def shingle_scores(pages: Sequence[Counts]) -> dict[str, float]:
    """precision, recall (means over the pages where each is defined) and F1 of their means."""
    precisions = [_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in pages if c[0] + c[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def page_f1(counts: Counts) -> float:
    precision, recall = _precision(*counts), _recall(*counts)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def exact(gold: str | None, extracted: str | None) -> float:
    """1.0 when the two token lists are equal."""
    return float(tokens(gold) == tokens(extracted))
