"""trafilatura's real-page metric (its tests/eval_common.py): each page's `with` snippets found in the body are
true positives (missing: false negatives), its `without` snippets found are false positives (absent: true
negatives); precision, recall, F1 and accuracy are micro-averaged over all snippets of all pages."""

from __future__ import annotations

from collections.abc import Sequence

from crawler.extraction.evaluation import fold

Snippets = tuple[int, int, int, int]  # tp, fn, fp, tn of one page


def page_snippets(with_: Sequence[str], without: Sequence[str], text: str) -> Snippets:
    folded = fold(text)
    found = sum(fold(s) in folded for s in with_)
    added = sum(fold(s) in folded for s in without)
    return found, len(with_) - found, added, len(without) - added


def snippet_scores(pages: Sequence[Snippets]) -> dict[str, float]:
    tp, fn, fp, tn = (sum(column) for column in zip(*pages, strict=True)) if pages else (0, 0, 0, 0)
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "accuracy": (tp + tn) / max(tp + tn + fp + fn, 1),
    }
