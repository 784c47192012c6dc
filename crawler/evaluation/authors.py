"""The author box field by field: name, bio, author page URL, avatar, article count and social links, scored on the
fixture pages (what extract() finds against expected.json's `author_box`) or on an archive's `authors` table
against the people a real engine holds (a truth file). `blogarchive eval --authors` prints them.

A field is scored on the pages (or people) whose truth states it: 1 when found and equal (the bio: when the truth's
text is in the one found, whitespace folded; links: as a set), else 0 — a missing box scores 0 on every field its
truth states. A page whose truth has no box scores `no_box`: 1 when none was found.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from crawler.extraction.evaluation import fold, load_cases
from crawler.extraction.extract import extract

FIELDS = ("name", "bio", "url", "avatar_url", "article_count", "links")
_TRUTH_KEYS = {"bio": "bio_contains"}  # expected.json's key for a field, where it differs
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})


def field_scores(got: dict[str, Any] | None, expected: dict[str, Any] | None) -> dict[str, float]:
    """Per-field scores of one box found (`got`, or None) against its truth (`expected`, None: no box)."""
    if expected is None:
        return {"no_box": float(got is None)}
    scores = {}
    for field in FIELDS:
        key = _TRUTH_KEYS.get(field, field)
        if key in expected:
            scores[field] = float(got is not None and _same(field, got.get(field), expected[key]))
    return scores


def _same(field: str, got: Any, expected: Any) -> bool:
    if field == "bio":
        return bool(got) and fold(expected) in fold(got)
    if field == "links":
        return set(got or []) == set(expected)
    if field == "name":
        return _name_key(got) == _name_key(expected)
    return got == expected


def fixture_scores(root: Path) -> dict[str, dict[str, tuple[float, int]]]:
    """platform → field → (mean score, pages scored), over the fixture cases with an `author_box` truth; the
    platform "all" pools every page."""
    grouped: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for case in load_cases(root):
        if "author_box" not in case.expected:
            continue
        got = extract(case.html, case.url).to_dict()["author_box"]
        for field, value in field_scores(got, case.expected["author_box"]).items():
            grouped[case.platform][field].append(value)
            grouped["all"][field].append(value)
    return {platform: _means(fields) for platform, fields in sorted(grouped.items(), key=lambda p: p[0] == "all")}


def archive_scores(db: Path, truth: Path) -> dict[str, dict[str, tuple[float, int]]]:
    """site → field → (mean, people scored) of the archive's `authors` rows against the people of the truth file:
    a JSON list of {site, name, bio, url, avatar_url, article_count, links}, each key but site and name optional.
    A person is matched by author page URL, then by name on the site, as the archive matches them."""
    people = json.loads(truth.read_text("utf-8"))
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        rows = [dict(row) for row in connection.execute("SELECT * FROM authors")]
    finally:
        connection.close()
    for row in rows:
        row["links"] = json.loads(row.get("links") or "[]")
    grouped: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for person in people:
        same_site = [row for row in rows if row["site"] == person["site"]]
        found = next((r for r in same_site if person.get("url") and r["url"] == person["url"]), None) or next(
            (r for r in same_site if _name_key(r["name"]) == _name_key(person["name"])), None
        )
        expected = {_TRUTH_KEYS.get(k, k): v for k, v in person.items() if k in FIELDS}
        for field, value in field_scores(found, expected).items():
            grouped[person["site"]][field].append(value)
            grouped["all"][field].append(value)
    return {site: _means(fields) for site, fields in sorted(grouped.items(), key=lambda p: p[0] == "all")}


def _name_key(name: str | None) -> str:
    """A name as compared: whitespace folded, typeset quotes as typed (WordPress prints O'Connor as O’Connor)."""
    return fold(name).translate(_QUOTES)


def _means(fields: dict[str, list[float]]) -> dict[str, tuple[float, int]]:
    return {field: (sum(values) / len(values), len(values)) for field, values in fields.items()}
