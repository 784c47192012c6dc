"""What each run changed in the archive (table `changes`), and where its alerts went (`alert_deliveries`).

A writer notes a change in the transaction that makes it (archive/articles.py: a post new, changed, gone,
retired or restored;
archive/people.py: a person new or changed), so a run's changes are exactly what it committed, whether it finished
or was stopped. Readers ask for the changes of a run, of the runs an alert covers, or since a moment: the crawl's
alerts (crawler/alerts/) and `blogarchive changes`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from archive.connection import Connection, now
from archive.pages import site_of

COLUMNS = ("run", "site", "subject", "change", "url", "title", "fields", "summary", "version", "at")
_SELECT = (
    "SELECT run_id AS run, site, subject, change, url, title, fields, summary, version, at FROM changes"
    " WHERE {where} ORDER BY id"
)


def note(
    conn: sqlite3.Connection,
    run_id: int,
    site: str,
    subject: str,
    change: str,
    *,
    url: str | None,
    title: str | None,
    article_id: int | None = None,
    author_id: int | None = None,
    version: int | None = None,
    fields: Sequence[str] = (),
    summary: str | None = None,
) -> None:
    """One change of run `run_id`: `subject` 'post' or 'person', `change` 'new', 'changed' or 'gone' — or, of a post,
    'retired' (no post by today's rules, `summary` saying why) and 'restored' (a post again); a changed one names its
    changed `fields` and the `version` row keeping the state before."""
    conn.execute(
        "INSERT INTO changes (run_id, site, subject, change, url, title, article_id, author_id, version, fields,"
        " summary, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            run_id,
            site,
            subject,
            change,
            url,
            title,
            article_id,
            author_id,
            version,
            json.dumps(list(fields)),
            summary,
            now(),
        ),
    )


def of_runs(conn: sqlite3.Connection, runs: Sequence[int], site: str | None = None) -> list[dict[str, Any]]:
    """The changes the runs `runs` made (of `site` only, when given), in the order they were made."""
    marks = ", ".join("?" for _ in runs)
    return _listed(conn, f"run_id IN ({marks})", list(runs), site)


def since(conn: sqlite3.Connection, utc: str, site: str | None = None) -> list[dict[str, Any]]:
    """The changes made at or after `utc` (SQLite's datetime() form, archive/filters.py: Moment.utc)."""
    return _listed(conn, "datetime(at) >= ?", [utc], site)


def _listed(conn: sqlite3.Connection, where: str, params: list[Any], site: str | None) -> list[dict[str, Any]]:
    if site is not None:
        where, params = f"{where} AND site = ?", [*params, site]
    names = [column[0] for column in conn.execute(_SELECT.format(where="0")).description]
    found = [dict(zip(names, row, strict=True)) for row in conn.execute(_SELECT.format(where=where), params)]
    for change in found:
        change["fields"] = json.loads(change["fields"])
    return found


def alert_runs(conn: sqlite3.Connection, run_id: int) -> list[int]:
    """The runs whose changes an alert after run `run_id` reports: it, and the runs of its job since the job's last
    finished run before it — a crawl stopped or killed half-way was no alert, its resumption reports its changes."""
    row = conn.execute("SELECT job FROM crawl_runs WHERE id = ?", (run_id,)).fetchone()
    if row is None or not row[0]:
        return [run_id]
    previous = conn.execute(
        "SELECT coalesce(max(id), 0) FROM crawl_runs WHERE job = ? AND id < ? AND status = 'finished'",
        (row[0], run_id),
    ).fetchone()[0]
    cursor = conn.execute(
        "SELECT id FROM crawl_runs WHERE job = ? AND id > ? AND id <= ? ORDER BY id", (row[0], previous, run_id)
    )
    return [run for (run,) in cursor]


def last_run(conn: sqlite3.Connection, site: str | None = None) -> int | None:
    """The latest run (that crawled `site` or changed something of it, when given); None when there is none."""
    if site is None:
        return conn.execute("SELECT max(id) FROM crawl_runs").fetchone()[0]
    crawled = [
        run
        for run, start_urls in conn.execute("SELECT id, start_urls FROM crawl_runs ORDER BY id DESC")
        if site in {site_of(url) for url in json.loads(start_urls or "[]")}
    ]
    changed = conn.execute("SELECT max(run_id) FROM changes WHERE site = ?", (site,)).fetchone()[0]
    return max([*crawled[:1], *([changed] if changed else [])], default=None)


class Deliveries(Connection):
    def record_delivery(
        self, run_id: int, kind: str, target: str, changes: int, attempts: int, error: str | None
    ) -> None:
        """One delivery of run `run_id`'s alert: `kind` 'webhook' or 'feed', sent unless `error` says why not."""
        with self._tx():
            self.db.table("alert_deliveries").insert(
                {
                    "run_id": run_id,
                    "kind": kind,
                    "target": target,
                    "changes": changes,
                    "attempts": attempts,
                    "status": "failed" if error else "sent",
                    "error": error,
                    "at": now(),
                },
            )
