"""Deliver a run's alert once the crawl is over (its archive closed): to the webhook, to the feed file, each
delivery a row of alert_deliveries. A failed delivery is one line for the terminal, never an exception: the crawl's
outcome and exit status are the crawl's."""

from __future__ import annotations

import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive import Archive, ArchiveError
from crawler.alerts import atom
from crawler.alerts.report import headline, run_alert
from crawler.alerts.webhook import post_alert
from crawler.urls import redact_url


@dataclass(frozen=True)
class Targets:
    """Where a site's alerts go (`crawl --webhook/--changes-feed`, the sites file's `webhook`, `changes_feed`), and
    the settings they are sent with (ALERT_WEBHOOK_*, CHANGES_FEED_ENTRIES)."""

    webhook: str | None = None
    feed: Path | None = None
    retries: int = 3
    backoff: float = 1.0
    timeout: float = 10.0
    keep: int = 100

    def __bool__(self) -> bool:
        return bool(self.webhook or self.feed)


def deliver(db: Path, run_id: int, targets: Targets) -> list[str]:
    """Send the alert after run `run_id` to `targets`, when it has changes; the lines to show, one per delivery
    (a failure says why and that it is recorded)."""
    try:
        with closing(Archive(db)) as archive:
            alert = run_alert(archive.conn, run_id, db)
            if not alert["changes"]:
                return []
            return _send(archive, alert, targets)
    except ArchiveError as exc:
        return [f"change alerts of run {run_id} not sent: {exc}"]


def _send(archive: Archive, alert: dict[str, Any], targets: Targets) -> list[str]:
    lines: list[str] = []
    count = len(alert["changes"])
    said = headline(alert["counts"])
    if targets.webhook:
        shown = redact_url(targets.webhook)
        began = time.monotonic()
        attempts, error = post_alert(
            targets.webhook, alert, retries=targets.retries, backoff=targets.backoff, timeout=targets.timeout
        )
        archive.record_delivery(alert["run"], "webhook", shown, count, attempts, error)
        took = f"{attempts} attempt{'s' * (attempts != 1)} in {time.monotonic() - began:.1f} s"
        run = alert["run"]
        if error:
            lines.append(
                f"webhook {shown} failed ({error}; {took}): the alert of run {run} ({said}) is recorded in"
                f" alert_deliveries; `blogarchive changes --run {run}` shows it"
            )
    if targets.feed:
        try:
            atom.add_entry(targets.feed, alert, targets.keep)
            error = None
        except atom.FeedError as exc:
            error = str(exc)
        archive.record_delivery(alert["run"], "feed", str(targets.feed), count, 1, error)
        if error:
            lines.append(f"changes feed not written: {error}; the alert of run {alert['run']} is recorded")
    return lines
