"""Crawl runs: a crawl_runs row per crawl (its pid tells a live run from a killed one) and its crawl_errors."""

from __future__ import annotations

import json
import os
from typing import Any

from archive.connection import Connection, now


class Runs(Connection):
    def start_run(self, start_urls: list[str], job: str | None = None) -> int:
        """A crawl_runs row for a crawl starting in this process (its pid tells a live run from a killed one)."""
        with self._tx():
            cursor = self.conn.execute(
                "INSERT INTO crawl_runs (started, start_urls, job, pid) VALUES (?, ?, ?, ?)",
                (now(), json.dumps(start_urls), job, os.getpid()),
            )
        return cursor.lastrowid

    def finish_run(self, run_id: int, status: str) -> dict[str, Any]:
        with self._tx():
            self.conn.execute("UPDATE crawl_runs SET finished = ?, status = ? WHERE id = ?", (now(), status, run_id))
        return self.run(run_id)

    def mark_interrupted_runs(self) -> list[int]:
        """Runs still 'running' whose process is gone (killed, machine restarted): set to 'interrupted'."""
        rows = self.conn.execute("SELECT id, pid FROM crawl_runs WHERE status = 'running'").fetchall()
        dead = [row["id"] for row in rows if row["pid"] != os.getpid() and not process_alive(row["pid"])]
        with self._tx():
            self.conn.executemany("UPDATE crawl_runs SET status = 'interrupted' WHERE id = ?", [(i,) for i in dead])
        return dead

    def live_run(self, job: str) -> dict[str, Any] | None:
        """Another process's run of `job` that is still going, if any."""
        rows = self.conn.execute("SELECT * FROM crawl_runs WHERE status = 'running' AND job = ?", (job,)).fetchall()
        live = [dict(row) for row in rows if row["pid"] != os.getpid() and process_alive(row["pid"])]
        return live[0] if live else None

    def run(self, run_id: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM crawl_runs WHERE id = ?", (run_id,)).fetchone()
        return dict(row) if row else {}

    def record_error(self, run_id: int, url: str, message: str) -> None:
        with self._tx():
            self.conn.execute(
                "INSERT INTO crawl_errors (run_id, url, message, at) VALUES (?, ?, ?, ?)", (run_id, url, message, now())
            )
            self.conn.execute("UPDATE crawl_runs SET errors = errors + 1 WHERE id = ?", (run_id,))


def process_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
