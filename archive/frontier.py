"""A crawl job's durable frontier: every request it will make, as a row that goes pending → leased → done.

Scrapy's in-memory queues (and JOBDIR, whose queue state is written only on a clean close) lose what was pending
when a crawl is killed. Here each step is a committed row in the archive, so a crawl killed at any point —
SIGKILL included — is resumed by starting the same job again: leased rows (in flight when it died) go back to
pending, done rows are not fetched again, and the job's rows are cleared only when it finishes.

Requests are opaque blobs to the archive (the crawler serialises them); rows are unique per (job, url).
"""

from __future__ import annotations

import sqlite3

from archive.connection import now
from archive.store import Archive


class Frontier:
    def __init__(self, archive: Archive, job: str) -> None:
        self.archive = archive
        self.conn = archive.conn
        self.job = job

    def resume(self) -> dict[str, int]:
        """Put back what a killed run had in flight; the job's row counts by state (all 0 for a fresh job)."""
        with self.archive.batch():
            self.conn.execute(
                "UPDATE frontier SET state = 'pending', updated_at = ? WHERE job = ? AND state = 'leased'",
                (now(), self.job),
            )
        return self.counts()

    def counts(self) -> dict[str, int]:
        counts = {"pending": 0, "leased": 0, "done": 0}
        rows = self.conn.execute("SELECT state, count(*) FROM frontier WHERE job = ? GROUP BY state", (self.job,))
        counts.update({state: number for state, number in rows})
        return counts

    def add(self, url: str, priority: int, request: bytes) -> bool:
        """Queue `url` unless the job already has it (pending, leased or done). True when queued."""
        cursor = self.archive.write(
            "INSERT OR IGNORE INTO frontier (job, url, priority, request, updated_at) VALUES (?, ?, ?, ?, ?)",
            (self.job, url, priority, request, now()),
        )
        return cursor.rowcount > 0

    def requeue(self, url: str, priority: int, request: bytes) -> None:
        """Queue `url` again whatever its state: a retry, or a request that asked not to be filtered."""
        self.archive.write(
            "INSERT INTO frontier (job, url, priority, request, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (job, url) DO UPDATE SET state = 'pending', priority = excluded.priority,"
            " request = excluded.request, updated_at = excluded.updated_at",
            (self.job, url, priority, request, now()),
        )

    def lease(self, at_least: int | None = None) -> tuple[int, bytes] | None:
        """The next pending request, now leased; None when nothing is pending. The next is the one of the highest
        priority, then the oldest. With `at_least`, only a request of that priority or higher."""
        floor, params = ("", (self.job,)) if at_least is None else (" AND priority >= ?", (self.job, at_least))
        row = self.conn.execute(
            f"SELECT id, request FROM frontier WHERE job = ? AND state = 'pending'{floor}"
            " ORDER BY priority DESC, id LIMIT 1",
            params,
        ).fetchone()
        if row is None:
            return None
        self.archive.write("UPDATE frontier SET state = 'leased', updated_at = ? WHERE id = ?", (now(), row[0]))
        return row[0], row[1]

    def unfinished(self, at_least: int) -> bool:
        """Whether a request of priority `at_least` or higher is pending or leased."""
        row = self.conn.execute(
            "SELECT 1 FROM frontier WHERE job = ? AND state IN ('pending', 'leased') AND priority >= ? LIMIT 1",
            (self.job, at_least),
        ).fetchone()
        return row is not None

    def row_url(self, row_id: int) -> str | None:
        row = self.conn.execute("SELECT url FROM frontier WHERE id = ?", (row_id,)).fetchone()
        return row[0] if row else None

    def done(self, row_id: int) -> None:
        """The request's results are in the archive. Call inside the batch that wrote them, so both land."""
        self.archive.write("UPDATE frontier SET state = 'done', updated_at = ? WHERE id = ?", (now(), row_id))

    def clear(self) -> None:
        """The job finished: forget its rows, so the next crawl of the job starts from its start URLs."""
        with self.archive.batch():
            self.conn.execute("DELETE FROM frontier WHERE job = ?", (self.job,))


def unfinished_jobs(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """Jobs with requests still pending or leased: crawls that were stopped or killed and not yet resumed."""
    rows = conn.execute(
        "SELECT job, sum(state = 'pending') AS pending, sum(state = 'leased') AS leased,"
        " sum(state = 'done') AS done, max(updated_at) AS last_change FROM frontier GROUP BY job"
        " HAVING sum(state != 'done') > 0 ORDER BY job"
    )
    return [dict(row) for row in rows]
