"""The alert of a run: what it and the runs of its job it completed changed, as one JSON-ready dict (the webhook's
body, the feed entry's source), and its one-line headline."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from archive import changes

SUBJECTS = {"post": "posts", "person": "people"}
# Every kind of change each subject has (archive/changes.py notes them): the headline counts each, so that an alert
# of moves alone (a blog's permalink structure changed) or of posts retired says so, not "no changes".
KINDS = {"post": ("new", "changed", "gone", "moved", "retired", "restored"), "person": ("new", "changed")}


def run_alert(conn: sqlite3.Connection, run_id: int, db: Path) -> dict[str, Any]:
    """The alert after run `run_id` of the archive `db` (`conn`): the run, the runs it covers and their changes."""
    runs = changes.alert_runs(conn, run_id)
    run = conn.execute(
        "SELECT job, start_urls, started, finished, status FROM crawl_runs WHERE id = ?", (run_id,)
    ).fetchone()
    found = changes.of_runs(conn, runs)
    return {
        "archive": str(db.resolve()),
        "run": run_id,
        "runs": runs,
        "job": run[0],
        "start_urls": json.loads(run[1] or "[]"),
        "started": run[2],
        "finished": run[3],
        "status": run[4],
        "counts": counts(found),
        "changes": found,
    }


def counts(found: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """{"posts": {"new": 3, "changed": 1, "gone": 1, "moved": 0, "retired": 0, "restored": 0}, "people": {"new": 2,
    "changed": 0}}: every kind, 0 too."""
    tally = Counter((change["subject"], change["change"]) for change in found)
    return {SUBJECTS[subject]: {change: tally[subject, change] for change in kinds} for subject, kinds in KINDS.items()}


def headline(counted: dict[str, dict[str, int]]) -> str:
    """'posts: 3 new, 1 changed, 1 gone, 2 moved; people: 1 changed' (kinds with none left out), or 'no changes'."""
    said = []
    for subject, tally in counted.items():
        parts = [f"{number} {change}" for change, number in tally.items() if number]
        if parts:
            said.append(f"{subject}: {', '.join(parts)}")
    return "; ".join(said) or "no changes"
