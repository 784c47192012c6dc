"""Writes relayed from crawls on other machines, applied to the archive once each (`blogarchive writer`).

A crawl on a worker machine makes the same Archive calls as a crawl in this process (the archive pipeline's
record_page, save_article, …); each unit of them (what one page led to, one transaction there) travels in a batch
to the single writer, which makes the same calls here. So the archive's rules apply unchanged: a post fetched twice
(a job re-delivered after its worker was lost) is 'unchanged' the second time, a changed one gets a version.

Each batch is applied in one transaction together with its row in `relay_batches`, so a batch delivered twice
(its writer killed before the broker heard it was done) is applied once. `relay_runs` maps a worker's run key to
the crawl_runs row it writes into.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import msgpack
from sqlite_utils.db import NotFoundError

from archive.connection import now
from archive.pages import site_of
from archive.store import Archive

logger = logging.getLogger(__name__)


# The calls a crawl relays: name → how the writer makes it (archive, run id, arguments). The worker leaves out the
# run id its own archive gave: the writer's run is the batch's.
OPERATIONS: dict[str, Callable[..., Any]] = {
    "record_page": lambda archive, run_id, page: archive.record_page(run_id, page),
    "record_error": lambda archive, run_id, url, message: archive.record_error(run_id, url, message),
    "save_article": lambda archive, run_id, article, fetched_at: archive.save_article(run_id, article, fetched_at),
    "finish_run": lambda archive, run_id, status: archive.finish_run(run_id, status),
    "touch_article": lambda archive, run_id, url, fetched_at: archive.touch_article(url, fetched_at),
    "mark_gone": lambda archive, run_id, url, fetched_at: archive.mark_gone(run_id, url, fetched_at),
    "save_author_page": lambda archive, run_id, url, person, at: archive.save_author_page(run_id, url, person, at),
    "settle_page": lambda archive, run_id, url, kind, reason: archive.settle_page(run_id, url, kind, reason),
    "retire_article": lambda archive, run_id, url, reason, at: archive.retire_article(run_id, url, reason, at),
    "restore_article": lambda archive, run_id, url: archive.restore_article(run_id, url),
    "move_post": lambda archive, run_id, url, to, redirect, at: archive.move_post(run_id, url, to, redirect, at),
    "date_posts_from_feed": lambda archive, run_id, dates: archive.date_posts_from_feed(dates),
    "identify_posts": lambda archive, run_id, identities: archive.identify_posts(identities),
    "zone_comments": lambda archive, run_id, times: archive.zone_comments(times),
    "credit_posts_from_feed": lambda archive, run_id, credits, at: archive.credit_posts_from_feed(run_id, credits, at),
}


# What makes one unit unstorable (its data), as opposed to the archive being unusable for now (sqlite3's
# OperationalError: locked, disk full, I/O), which fails the whole batch: it is rolled back and tried again later.
UNIT_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError, KeyError, TypeError, ValueError)


def pack_unit(calls: list[tuple[str, tuple[Any, ...]]]) -> bytes:
    """One unit (the calls one transaction made on the worker) as the bytes a batch carries."""
    return msgpack.packb([[name, list(arguments)] for name, arguments in calls], use_bin_type=True)


@dataclass(frozen=True)
class Applied:
    run_id: int
    units: int  # 0 when the batch had been applied before
    failed: int  # units that could not be stored (each recorded in crawl_errors)
    finished: str | None  # the run's status when this batch finished it


def prepare(archive: Archive) -> None:
    """The writer's own tables, created by sqlite-utils on its first start (docs/schema.md)."""
    runs = [("run_id", "crawl_runs", "id")]
    with archive.batch():
        archive.db.table("relay_runs").create(
            {"run_key": str, "run_id": int, "worker": str},
            pk="run_key",
            not_null={"run_id"},
            foreign_keys=runs,
            if_not_exists=True,
        )
        archive.db.table("relay_batches").create(
            {"batch_id": str, "run_id": int, "units": int, "applied_at": str},
            pk="batch_id",
            not_null={"units", "applied_at"},
            foreign_keys=runs,
            if_not_exists=True,
        )
    archive.commit()


def apply_batch(archive: Archive, batch: dict[str, Any]) -> Applied:
    """Apply one batch ({"id", "run": {"key", "job", "start_urls", "worker", "rules"}, "units": [packed unit, …]}) and
    commit. The archive must group its commits (Archive.group_commits): each unit is a savepoint, so a unit that
    fails is undone alone and recorded as an error of its run, and the batch still lands. When the archive cannot
    be written (sqlite3.OperationalError), nothing of the batch is kept and the error is raised."""
    try:
        return _apply(archive, batch)
    except sqlite3.OperationalError:
        archive.conn.rollback()
        raise


def _apply(archive: Archive, batch: dict[str, Any]) -> Applied:
    run_id = _run_id(archive, batch["run"])
    if archive.db.table("relay_batches").count_where("batch_id = ?", [batch["id"]]):
        archive.commit()
        return Applied(run_id, 0, 0, None)
    failed, finished = 0, None
    for packed in batch["units"]:
        calls = msgpack.unpackb(packed, raw=False)
        try:
            with archive.batch():
                for name, arguments in calls:
                    OPERATIONS[name](archive, run_id, *arguments)
        except UNIT_ERRORS as exc:
            failed += 1
            logger.error("run %d: a relayed unit could not be stored: %s", run_id, exc)
            archive.record_error(run_id, _unit_url(calls), f"the writer could not store this: {exc}")
        finished = next((arguments[0] for name, arguments in calls if name == "finish_run"), finished)
    with archive.batch():
        applied = {"batch_id": batch["id"], "run_id": run_id, "units": len(batch["units"]), "applied_at": now()}
        archive.db.table("relay_batches").insert(applied)
    archive.commit()
    return Applied(run_id, len(batch["units"]), failed, finished)


def site_posts(conn: sqlite3.Connection, sites: Sequence[str]) -> bytes:
    """What a worker's crawl needs to know of the archive to recrawl these sites (hosts) as a crawl here would: the
    URL, last fetch, gone_at, title, site name, publication date and platform identity of each of their posts,
    compressed (a few KB for 500 posts; the title is what a feed read later completes: credit_posts_from_feed; the
    identity, date and title are what a post that moved without a redirect is recognised by: archive/moves.py)."""
    marks = ", ".join("?" for _ in sites)
    rows = conn.execute(
        "SELECT url, last_fetched, gone_at, title, sitename, published, platform_id FROM articles"
        f" WHERE site IN ({marks})",
        list(sites),
    )
    return zlib.compress(msgpack.packb([list(row) for row in rows]), 9)


def seed_posts(archive: Archive, packed: bytes) -> int:
    """Give a worker's scratch archive the posts the real archive holds (site_posts): with them the crawl skips
    the posts a sitemap says are unchanged, revisits those it did not reach, and tells a gone post from a broken
    link; and with their titles a feed read later completes a post's title as it would in a crawl next to the
    archive. Only URL, times and titles are known here (no text: `content_hash` is empty), so a post saved again
    counts as updated in the scratch archive; the writer, which has the post, decides what it is in the archive.
    A job queued before titles were sent gives URL and times alone; one queued before identities were sent no
    publication date nor platform identity (a post of it that moved without a redirect is gone and new, as before).
    With them a post gone at its address and read at another under the same identity moves (archive/moves.py) on
    the worker as here, and the move is relayed as any write."""
    posts = msgpack.unpackb(zlib.decompress(packed)) if packed else []
    columns = (
        *("url", "site", "content_hash", "first_seen", "last_fetched", "gone_at"),
        *("title", "sitename", "published", "platform_id"),
    )
    rows = [
        dict(zip(columns, (url, site_of(url), "", fetched, fetched, gone, *named), strict=True))
        for url, fetched, gone, *named in ([*post, None, None, None, None][:7] for post in posts)
    ]
    with archive.batch():
        archive.db.table("articles").insert_all(rows, ignore=True)
    return len(rows)


def _run_id(archive: Archive, run: dict[str, Any]) -> int:
    """The crawl_runs row of the worker's run `run["key"]`, made on its first batch. Earlier relayed runs of the
    same job still 'running' are marked 'interrupted': their job was handed to this run (re-delivered)."""
    relay_runs = archive.db.table("relay_runs")
    with contextlib.suppress(NotFoundError):
        return relay_runs.get(run["key"])["run_id"]
    with archive.batch():
        run_id = archive.start_run(list(run["start_urls"]), run["job"], run.get("rules"))
        archive.write(
            "UPDATE crawl_runs SET status = 'interrupted' WHERE job = ? AND status = 'running' AND id != ?"
            " AND id IN (SELECT run_id FROM relay_runs)",
            (run["job"], run_id),
        )
        relay_runs.insert({"run_key": run["key"], "run_id": run_id, "worker": run["worker"]})
    return run_id


def _unit_url(calls: list[list[Any]]) -> str:
    for name, arguments in calls:
        if name in ("record_page", "save_article"):
            return arguments[0].get("url", "")
        if name in (
            "record_error",
            "touch_article",
            "mark_gone",
            "save_author_page",
            "settle_page",
            "retire_article",
            "move_post",
        ):
            return arguments[0]
    return ""
