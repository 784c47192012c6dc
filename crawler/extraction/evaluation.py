"""Scoring extraction against the fixture set (tests/fixtures/<platform>/<case>/): one definition of "correct",
used by `blogarchive eval` and by the parametrised fixture test. The format is in tests/fixtures/README.md."""

from __future__ import annotations

import json
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.extraction.article import Article
from crawler.extraction.extract import extract


@dataclass
class Case:
    platform: str
    name: str
    html: bytes
    url: str
    expected: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.platform}/{self.name}"


def load_cases(root: Path) -> list[Case]:
    cases = []
    for folder in sorted(p.parent for p in root.glob("*/*/expected.json")):
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        expected = json.loads((folder / "expected.json").read_text("utf-8"))
        cases.append(Case(folder.parent.name, folder.name, (folder / "page.html").read_bytes(), meta["url"], expected))
    return cases


def fold(text: str | None) -> str:
    return " ".join((text or "").split())


def score(article: Article, expected: dict[str, Any]) -> dict[str, float]:
    """Per-field scores in [0, 1] for the keys `expected` has."""
    got = article.to_dict()
    scores: dict[str, float] = {}
    for key in ("title", "author", "language", "sitename", "kind"):
        if key in expected:
            scores[key] = float(fold(got.get(key)) == fold(expected[key]))
    for key in ("published", "updated"):
        if key in expected:
            scores[key] = float((got.get(key) or "")[:10] == expected[key])
    for key in ("categories", "tags"):
        if key in expected:
            scores[key] = float(set(got.get(key) or []) == set(expected[key]))
    body, markdown = fold(article.text), fold(article.markdown)
    if "body_contains" in expected:
        scores["body_recall"] = _share(fold(s) in body for s in expected["body_contains"])
    if "body_excludes" in expected:
        scores["boilerplate_absence"] = _share(
            fold(s) not in body and fold(s) not in markdown for s in expected["body_excludes"]
        )
    if "markdown_contains" in expected:
        scores["markdown_recall"] = _share(s in article.markdown for s in expected["markdown_contains"])
    if "text_starts_with" in expected:
        scores["text_start"] = float(body.startswith(fold(expected["text_starts_with"])))
    if "authors" in expected:
        scores["authors"] = float([{"name": p["name"], "url": p["url"]} for p in got["authors"]] == expected["authors"])
    if "author_box" in expected:
        scores["author_box"] = _author_box_score(got.get("author_box"), expected["author_box"])
    if "author_boxes_count" in expected:
        scores["author_boxes_count"] = float(len(article.author_boxes) == expected["author_boxes_count"])
    if "images" in expected:
        scores.update(_image_scores(got["images"], expected["images"]))
    if "comments" in expected:
        scores["comments"] = _comment_score(got["comments"], expected["comments"])
    return scores


def _share(checks: Any) -> float:
    results = list(checks)
    return sum(results) / len(results) if results else 1.0


def _author_box_score(got: dict[str, Any] | None, expected: dict[str, Any] | None) -> float:
    if expected is None or got is None:
        return float(expected is None and got is None)
    checks = []
    for key, value in expected.items():
        if key == "bio_contains":
            checks.append(fold(value) in fold(got.get("bio")))
        elif key == "links":
            checks.append(set(value) == set(got.get("links") or []))
        else:
            checks.append(got.get(key) == value)
    return _share(checks)


def _image_scores(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> dict[str, float]:
    got_srcs = [image["src"] for image in got]
    expected_srcs = [image["src"] for image in expected]
    matched = [e for e in expected if e["src"] in got_srcs]
    by_src = {image["src"]: image for image in got}
    fields = [_same(by_src[e["src"]].get(k), v) for e in matched for k, v in e.items() if k not in ("src", "caption")]
    return {
        "image_precision": _share(src in expected_srcs for src in got_srcs) if got_srcs else float(not expected),
        "image_recall": _share(src in got_srcs for src in expected_srcs),
        "caption_accuracy": _share(fold(by_src[e["src"]].get("caption")) == fold(e.get("caption")) for e in matched)
        if matched
        else float(not expected),
        "image_fields": _share(fields),
    }


def _same(got: Any, expected: Any) -> bool:
    return fold(got) == fold(expected) if isinstance(expected, str) else got == expected


def _comment_score(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> float:
    if len(got) != len(expected):
        return 0.0
    return _share(
        fold(g.get("author")) == fold(e["author"]) and fold(e["text_contains"]) in fold(g.get("text"))
        for g, e in zip(got, expected, strict=True)
    )


@dataclass
class Report:
    per_case: dict[str, dict[str, float]]
    per_platform: dict[str, dict[str, float]]
    overall: dict[str, float]
    timings_ms: dict[str, float]


def evaluate(root: Path) -> Report:
    cases = load_cases(root)
    if cases:
        extract(cases[0].html, cases[0].url)  # warm-up: first-call imports and caches are not per-page cost
    per_case: dict[str, dict[str, float]] = {}
    durations: list[tuple[int, float]] = []
    for case in cases:
        started = time.perf_counter()
        article = extract(case.html, case.url)
        durations.append((len(case.html), (time.perf_counter() - started) * 1000))
        per_case[case.id] = score(article, case.expected)
    grouped: dict[str, list[dict[str, float]]] = defaultdict(list)
    for case in cases:
        grouped[case.platform].append(per_case[case.id])
    per_platform = {platform: _average(rows) for platform, rows in sorted(grouped.items())}
    return Report(per_case, per_platform, _average(list(per_case.values())), _timings(durations))


def _average(rows: list[dict[str, float]]) -> dict[str, float]:
    fields: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        for key, value in row.items():
            fields[key].append(value)
    return {key: statistics.fmean(values) for key, values in fields.items()}


def _timings(durations: list[tuple[int, float]]) -> dict[str, float]:
    """Mean and p95 per page, and the time of the fixture closest to 50 KB (the issue's 'typical page')."""
    if not durations:
        return {}
    times = sorted(ms for _, ms in durations)
    typical = min(durations, key=lambda pair: abs(pair[0] - 50_000))
    return {
        "mean_ms": statistics.fmean(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "typical_page_bytes": typical[0],
        "typical_page_ms": typical[1],
    }
