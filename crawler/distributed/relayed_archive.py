"""RelayedArchive: a crawl's archive on a worker machine, whose writes also go to the archive's writer.

The crawl runs exactly as `blogarchive crawl` does, into a scratch archive of the worker's (its frontier, the
pages it has seen this run); every write the archive pipeline makes there is also put in the outbox, unit by unit
(one `batch()`, one unit), and reaches the one real archive through the broker (archive/relayed.py applies it).
Only the calls a crawl makes on the Archive are relayed; the frontier's own rows stay on the worker. The batches sent
and not yet applied are kept here too (the outbox's relay_outbox), and a crawl that ends, unless stopped to resume
later, ends only once the writer has applied them all.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from os import PathLike
from typing import Any

from archive import Archive
from crawler.distributed.outbox import Outbox
from crawler.errors import RelayFailed
from crawler.extraction_pool.worker import BODY_COMPRESSION_LEVEL, exit_with_parent

logger = logging.getLogger(__name__)

EXIT_RELAY_FAILED = 75  # EX_TEMPFAIL: the worker puts the job back in the queue


class RelayedArchive(Archive):
    def __init__(self, path: str | PathLike[str], outbox: Outbox) -> None:
        super().__init__(path)
        self.group_commits()  # commit() is where the outbox is emptied, so the crawl always groups its commits
        self.outbox = outbox
        outbox.keep_sent_in(self.conn)
        self._settle = False  # the run ended for good: wait for the writer to apply everything sent
        self._unit: list[tuple[str, tuple[Any, ...]]] | None = None  # calls of the open batch()
        self._calls = 0  # relayed calls in progress: one made inside another (save_article's touch) is not sent

    @contextmanager
    def batch(self) -> Iterator[None]:
        outermost = self._unit is None
        if outermost:
            self._unit = []
        try:
            with super().batch():
                yield
        except BaseException:
            if outermost:
                self._unit = None  # undone here, so not sent
            raise
        if outermost:
            unit, self._unit = self._unit, None
            if unit:
                self.outbox.add(unit)

    def commit(self) -> None:
        """Send what is ready first: a page's frontier row is done here only once its results are in the broker."""
        with _relay_or_exit():
            self.outbox.flush()
        super().commit()

    def disconnect(self) -> None:
        """The crawl is over. Unless it was stopped (SIGTERM: its job resumes from this archive), wait until the
        writer has applied every batch sent: a batch the broker lost is sent again from here."""
        if self._settle:
            with _relay_or_exit(), _stoppable():
                self.outbox.settle()
        super().disconnect()

    def start_run(self, start_urls: list[str], job: str | None = None, rules: str | None = None) -> int:
        run_id = super().start_run(start_urls, job, rules)
        self.outbox.open_run(start_urls, job, rules)
        return run_id

    def finish_run(self, run_id: int, status: str) -> dict[str, Any]:
        self._settle = status != "shutdown"
        return self._relayed("finish_run", super().finish_run, (run_id, status), (status,))

    def record_page(self, run_id: int, page: dict[str, Any]) -> None:
        return self._relayed("record_page", super().record_page, (run_id, page), (_compressed(page),))

    def record_error(self, run_id: int, url: str, message: str) -> None:
        return self._relayed("record_error", super().record_error, (run_id, url, message), (url, message))

    def save_article(self, run_id: int, article: dict[str, Any], fetched_at: str, refresh: bool = False) -> str:
        arguments = (run_id, article, fetched_at, refresh)
        return self._relayed("save_article", super().save_article, arguments, (article, fetched_at))

    def touch_article(self, url: str, fetched_at: str) -> bool:
        return self._relayed("touch_article", super().touch_article, (url, fetched_at), (url, fetched_at))

    def mark_gone(self, run_id: int, url: str, fetched_at: str) -> bool:
        return self._relayed("mark_gone", super().mark_gone, (run_id, url, fetched_at), (url, fetched_at))

    def save_author_page(self, run_id: int, url: str, person: dict[str, Any], fetched_at: str) -> int:
        arguments = (run_id, url, person, fetched_at)
        return self._relayed("save_author_page", super().save_author_page, arguments, (url, person, fetched_at))

    def settle_page(self, run_id: int, url: str, kind: str, reason: str) -> None:
        return self._relayed("settle_page", super().settle_page, (run_id, url, kind, reason), (url, kind, reason))

    def retire_article(self, run_id: int, url: str, reason: str, at: str) -> bool:
        arguments = (run_id, url, reason, at)
        return self._relayed("retire_article", super().retire_article, arguments, (url, reason, at))

    def restore_article(self, run_id: int, url: str) -> bool:
        return self._relayed("restore_article", super().restore_article, (run_id, url), (url,))

    def move_post(self, run_id: int, url: str, to: str, redirect: str, at: str) -> str | None:
        arguments = (run_id, url, to, redirect, at)
        return self._relayed("move_post", super().move_post, arguments, (url, to, redirect, at))

    def date_posts_from_feed(self, dates: dict[str, str]) -> int:
        return self._relayed("date_posts_from_feed", super().date_posts_from_feed, (dates,), (dates,))

    def identify_posts(self, identities: dict[str, str]) -> int:
        return self._relayed("identify_posts", super().identify_posts, (identities,), (identities,))

    def zone_comments(self, times: dict[str, dict[str, list[str]]]) -> int:
        return self._relayed("zone_comments", super().zone_comments, (times,), (times,))

    def credit_posts_from_feed(self, run_id: int, credits: dict[str, dict[str, Any]], seen_at: str) -> int:
        arguments = (run_id, credits, seen_at)
        return self._relayed("credit_posts_from_feed", super().credit_posts_from_feed, arguments, (credits, seen_at))

    def _relayed(self, name: str, method: Any, arguments: tuple[Any, ...], relayed: tuple[Any, ...]) -> Any:
        self._calls += 1
        try:
            result = method(*arguments)
        finally:
            self._calls -= 1
        if self._calls == 0:
            if self._unit is not None:
                self._unit.append((name, relayed))
            else:
                self.outbox.add([(name, relayed)])
        return result


@contextmanager
def _relay_or_exit() -> Iterator[None]:
    """RelayFailed ends the crawl as if killed: nothing written since the last commit counts as done, and the job
    is crawled again (from this archive, on this machine)."""
    try:
        yield
    except RelayFailed as exc:
        logger.critical("%s", exc)
        print(f"error: {exc}; the site job goes back to the queue", file=sys.stderr, flush=True)
        os._exit(EXIT_RELAY_FAILED)


class _Stopped(Exception):
    """SIGTERM or SIGINT while the crawl waits for the writer."""


@contextmanager
def _stoppable() -> Iterator[None]:
    """A worker stopped while its crawl waits for the writer (down for the night) stops at once, as it does while
    crawling: the crawl ends as a stopped one (exit 143 or 130), its job goes back to the queue, and the job's next
    run on this machine waits again for what the writer has not applied (relay_outbox keeps it)."""

    def stop(number: int, _: object) -> None:
        raise _Stopped(number)

    handlers = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    except _Stopped as stopped:
        print("stopped while waiting for the archive's writer; the site job goes back to the queue", file=sys.stderr)
        sys.stderr.flush()
        os._exit(128 + stopped.args[0])
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def _compressed(page: dict[str, Any]) -> dict[str, Any]:
    """The page as the writer needs it: the body compressed (as page_bodies keeps it), not raw."""
    body = page.get("body")
    if not body:
        return page
    return {
        **page,
        "body": None,
        "body_sha256": page.get("body_sha256") or hashlib.sha256(body).hexdigest(),
        "body_zlib": page.get("body_zlib") or zlib.compress(body, BODY_COMPRESSION_LEVEL),
    }


def relayed_archive(settings: Any) -> RelayedArchive:
    """The crawl's archive when ARCHIVE_RELAY names a broker. The crawl ends with the worker that started it: a
    worker gone (killed, its machine lost) has its job handed to another, which must not crawl it twice."""
    exit_with_parent(os.getppid())
    outbox = Outbox(
        settings.get("ARCHIVE_RELAY"),
        settings.get("ARCHIVE_RELAY_RUN"),
        settings.getint("RELAY_BATCH_UNITS"),
        settings.getint("RELAY_BATCH_BYTES"),
        settings.getint("RELAY_MAX_QUEUED"),
        settings.getfloat("RELAY_RESEND_AFTER"),
    )
    return RelayedArchive(settings.get("ARCHIVE_DB"), outbox)
