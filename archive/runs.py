"""Crawl runs: a crawl_runs row per crawl (its pid tells a live run from a killed one) and its crawl_errors.

Small, rare writes and reads, by sqlite-utils (`self.db`, archive/database.py).
"""

from __future__ import annotations

import json
import os
from typing import Any

from sqlite_utils.db import NotFoundError

from archive.connection import Connection, now


class Runs(Connection):
    def start_run(self, start_urls: list[str], job: str | None = None, rules: str | None = None) -> int:
        """A crawl_runs row for a crawl starting in this process (its pid tells a live run from a killed one);
        `rules`: which blogarchive decides its pages (crawler/core/rules.py)."""
        row = {"started": now(), "start_urls": json.dumps(start_urls), "job": job, "pid": os.getpid(), "rules": rules}
        with self._tx():
            return self.db.table("crawl_runs").insert(row).last_rowid

    def crawled_start_urls(self) -> list[str]:
        """The web addresses the crawls were started at (not a reextract's own label): the blogs' homes, for
        `reextract` to decide their pages as the crawl did."""
        rows = self.db.execute("SELECT start_urls FROM crawl_runs").fetchall()
        urls = {url for (urls,) in rows for url in json.loads(urls or "[]")}
        return sorted(url for url in urls if url.startswith(("http://", "https://")))

    def finish_run(self, run_id: int, status: str) -> dict[str, Any]:
        with self._tx():
            self.db.table("crawl_runs").update(run_id, {"finished": now(), "status": status})
        return self.run(run_id)

    def mark_interrupted_runs(self) -> list[int]:
        """Runs still 'running' whose process is gone (killed, machine restarted): set to 'interrupted'."""
        runs = self.db.table("crawl_runs")
        rows = runs.rows_where("status = 'running'", select="id, pid")
        dead = [row["id"] for row in rows if row["pid"] != os.getpid() and not process_alive(row["pid"])]
        with self._tx():
            for run_id in dead:
                runs.update(run_id, {"status": "interrupted"})
        return dead

    def live_run(self, job: str) -> dict[str, Any] | None:
        """Another process's run of `job` that is still going, if any."""
        rows = self.db.table("crawl_runs").rows_where("status = 'running' AND job = ?", [job])
        return next((row for row in rows if row["pid"] != os.getpid() and process_alive(row["pid"])), None)

    def run(self, run_id: int) -> dict[str, Any]:
        try:
            return self.db.table("crawl_runs").get(run_id)
        except NotFoundError:
            return {}

    def record_error(self, run_id: int, url: str, message: str) -> None:
        with self._tx():
            self.db.table("crawl_errors").insert({"run_id": run_id, "url": url, "message": message, "at": now()})
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
