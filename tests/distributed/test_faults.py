"""Faults, each with a real Redis and real processes: a worker or the writer killed with SIGKILL, the broker
restarted. Nothing a crawl fetched is lost, and nothing is archived twice."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import time

import msgpack
import pytest

from crawler.distributed.engine import WRITE_REDELIVERY
from crawler.distributed.worker import handed_over
from tests.conftest import run_cli
from tests.distributed.conftest import PACED, Roles, SlowSite, wait_for

POSTS = "SELECT url, title FROM articles"
RESEND = 5  # seconds: RELAY_RESEND_AFTER of a test whose broker loses a batch by chance
WRITES = "blogarchive.writes"  # the writer's queue


def _archived(roles: Roles) -> int:
    return len(roles.query(POSTS))


def _a_batch_of_posts(roles: Roles) -> bytes:
    """A queued batch that stores posts no other batch stores, as the broker holds it (kombu's JSON envelope of
    Celery's msgpack). (A post may be stored twice in a crawl: the second time, unchanged.)"""
    stored: dict[bytes, set[str]] = {}
    for message in roles.broker.client.lrange(WRITES, 0, -1):
        arguments, _, _ = msgpack.unpackb(base64.b64decode(json.loads(message)["body"]), raw=False)
        calls = [call for unit in arguments[0]["units"] for call in msgpack.unpackb(unit, raw=False)]
        stored[message] = {article["url"] for name, (article, *_) in calls if name == "save_article"}
    for message, posts in stored.items():
        if posts and not any(posts & others for other, others in stored.items() if other != message):
            return message
    pytest.fail("no batch storing a post of its own in the writer's queue")


def _assert_complete_once(roles: Roles, site: SlowSite) -> None:
    """Every post of the site archived, each once, none with a second version."""
    assert set(roles.query(POSTS)) == set(site.expected_posts())
    assert _archived(roles) == len(site.expected_posts())
    assert roles.query("SELECT count(*) FROM article_versions") == [(0,)]


def test_worker_killed_mid_site_loses_nothing_its_job_is_redelivered_and_adds_no_duplicates(
    slow_site: SlowSite, roles: Roles
) -> None:
    roles.writer()
    doomed = roles.worker("--concurrency", "1")
    assert run_cli("crawl", slow_site.base, "--broker", roles.broker.url, *PACED).returncode == 0
    wait_for(lambda: _archived(roles) >= 4, "the first posts of the doomed worker")
    roles.kill(doomed)  # the worker, its crawl and its extraction process: a machine lost mid-site
    assert _archived(roles) < len(slow_site.expected_posts())
    assert roles.broker.client.hlen("unacked") == 1  # the job, delivered and never acknowledged

    roles.worker("--concurrency", "1", "--redeliver-after", "1")  # hands the lost worker's job out again
    wait_for(lambda: roles.query("SELECT 1 FROM crawl_runs WHERE status = 'finished'"), "the re-delivered job")
    _assert_complete_once(roles, slow_site)
    statuses = roles.query("SELECT status FROM crawl_runs ORDER BY id")
    assert statuses == [("interrupted",), ("finished",)]  # the lost run, and the one that took its job over


def test_worker_stopped_mid_site_puts_its_job_back_and_resumes_it_where_it_stopped(
    slow_site: SlowSite, roles: Roles
) -> None:
    roles.writer()
    stopped = roles.worker("--concurrency", "1", state="machine")
    assert run_cli("crawl", slow_site.base, "--broker", roles.broker.url, *PACED).returncode == 0
    wait_for(lambda: _archived(roles) >= 4, "the first posts")
    stopped.send_signal(signal.SIGTERM)  # systemctl stop (KillMode=mixed), or Ctrl-C: to the worker alone
    assert stopped.wait(timeout=60) == 0
    assert roles.broker.client.llen("blogarchive.sites") == 1  # back in the queue at once, not after a timeout
    assert roles.broker.client.hlen("unacked") == 0
    wait_for(lambda: roles.query("SELECT status FROM crawl_runs") == [("shutdown",)], "the stopped run's last batch")

    roles.worker("--concurrency", "1", state="machine")  # the same machine again: the crawl resumes
    wait_for(lambda: roles.query("SELECT 1 FROM crawl_runs WHERE status = 'finished'"), "the resumed job")
    _assert_complete_once(roles, slow_site)
    # The second run fetched what the first had not; only the request in flight at the stop was fetched twice.
    twice = roles.query("SELECT url, count(*) FROM pages GROUP BY url HAVING count(*) > 1")
    assert len(twice) <= 2, twice
    assert roles.query("SELECT status FROM crawl_runs ORDER BY id") == [("shutdown",), ("finished",)]


def test_a_worker_stopped_while_its_crawl_waits_for_the_writer_stops_and_its_job_resumes_the_wait(
    slow_site: SlowSite, roles: Roles
) -> None:
    """A crawl that has fetched everything waits until the writer applied every batch (none runs here); a worker
    stopped meanwhile stops at once, puts the job back, and on this machine the job waits again."""
    stopped = roles.worker("--concurrency", "1", state="machine")
    assert run_cli("crawl", slow_site.base, "--job", "slow", "--broker", roles.broker.url, *PACED).returncode == 0
    wait_for(lambda: handed_over(roles.folder / "machine"), "the worker to hand over the whole site")
    time.sleep(1)  # the crawl waits for the writer
    stopped.send_signal(signal.SIGTERM)
    assert stopped.wait(timeout=60) == 0
    assert roles.broker.client.llen("blogarchive.sites") == 1
    assert roles.broker.client.hlen("unacked") == 0

    roles.writer()
    roles.worker("--concurrency", "1", state="machine")
    wait_for(lambda: not roles.broker.client.exists("blogarchive.job:slow"), "the resumed job's end")
    _assert_complete_once(roles, slow_site)


def test_writer_killed_and_restarted_loses_no_batch_a_worker_handed_over(slow_site: SlowSite, roles: Roles) -> None:
    roles.worker("--concurrency", "1", state="machine")
    assert run_cli("crawl", slow_site.base, "--job", "slow", "--broker", roles.broker.url, *PACED).returncode == 0
    wait_for(lambda: handed_over(roles.folder / "machine"), "the worker to hand over the whole site")
    queued = roles.broker.client.llen(WRITES)

    doomed = roles.writer()
    # Probed every 2 ms from its start: a fast writer applied every batch between two 50 ms polls.
    deadline = time.monotonic() + 90
    while not _frozen_holding_a_batch(roles, doomed):
        assert time.monotonic() < deadline, "gave up waiting for the writer to hold a batch"
        time.sleep(0.002)
    roles.kill(doomed)  # it was given a batch and had not acknowledged it: applying it, or about to
    assert len(roles.query("SELECT 1 FROM relay_batches")) < queued

    roles.writer("--redeliver-after", "1")
    wait_for(lambda: len(roles.query("SELECT 1 FROM relay_batches")) == queued, "every batch to be applied")
    _assert_complete_once(roles, slow_site)
    assert roles.query("SELECT status FROM crawl_runs") == [("finished",)]
    # The job ends once its crawl has read the receipt of every batch it sent.
    wait_for(lambda: not roles.broker.client.exists("blogarchive.job:slow"), "the job's end")


def test_a_batch_the_broker_lost_is_sent_again_by_the_crawl_that_sent_it(slow_site: SlowSite, roles: Roles) -> None:
    """A broker can lose a message it took: kombu's Redis transport pops a batch and records it as delivered in two
    steps (a broker restart between them loses it), and a Redis without `appendfsync always` loses its last writes
    in a crash. Here the broker loses a batch of posts outright; the crawl keeps every batch it sent until the
    writer's receipt, and sends this one again."""
    roles.worker("--concurrency", "1", state="machine")
    options = (*PACED, "-s", "RELAY_RESEND_AFTER=2")
    assert run_cli("crawl", slow_site.base, "--job", "slow", "--broker", roles.broker.url, *options).returncode == 0
    wait_for(lambda: handed_over(roles.folder / "machine"), "the worker to hand over the whole site")
    assert roles.broker.client.lrem(WRITES, 1, _a_batch_of_posts(roles)) == 1
    assert roles.broker.client.exists("blogarchive.job:slow")  # the job waits for the writer

    roles.writer()
    wait_for(lambda: not roles.broker.client.exists("blogarchive.job:slow"), "the job's end")
    _assert_complete_once(roles, slow_site)
    assert roles.query("SELECT status FROM crawl_runs") == [("finished",)]
    assert roles.broker.client.keys("blogarchive.writes.applied:*") == []  # every receipt read, and removed


def _frozen_holding_a_batch(roles: Roles, writer: subprocess.Popen[bytes]) -> bool:
    """Stop the writer (SIGSTOP) at a moment it holds a delivered, unacknowledged batch and has more to apply after
    it; else let it go on."""
    os.kill(writer.pid, signal.SIGSTOP)
    if roles.broker.client.hlen("blogarchive.writes.unacked_key") == 1 and roles.broker.client.llen(WRITES):
        return True
    os.kill(writer.pid, signal.SIGCONT)
    return False


def test_broker_restarted_mid_crawl_is_survived_by_workers_writer_and_crawl(
    slower_site: SlowSite, roles: Roles
) -> None:
    roles.writer()
    roles.worker("--concurrency", "1")
    # A batch the broker lost (about one restart in a dozen) is sent again RESEND seconds after it was first.
    options = (*PACED, "-s", f"RELAY_RESEND_AFTER={RESEND}")
    assert run_cli("crawl", slower_site.base, "--broker", roles.broker.url, *options).returncode == 0
    wait_for(lambda: _archived(roles) >= 2, "the first posts")
    roles.broker.restart()
    assert _archived(roles) < len(slower_site.expected_posts())
    # The batch that ends the run may be one the writer had received when the broker went away, handed out again
    # WRITE_REDELIVERY seconds later: the deadline leaves room for that on a loaded machine.
    finished = "SELECT 1 FROM crawl_runs WHERE status = 'finished'"
    wait_for(lambda: roles.query(finished), "the crawl to finish", timeout=WRITE_REDELIVERY + 90)
    # A batch the writer had received when the broker went away is handed out again WRITE_REDELIVERY seconds
    # later, and one the broker lost is sent again by the crawl (test_a_batch_the_broker_lost_…), possibly after
    # the crawl's last batch: every post arrives, not in order.
    expected = len(slower_site.expected_posts())
    wait_for(lambda: _archived(roles) >= expected, "every post", timeout=WRITE_REDELIVERY + 90)
    _assert_complete_once(roles, slower_site)
    # The job was acknowledged over the new connection: it will not be handed out again.
    wait_for(lambda: roles.broker.client.hlen("unacked") == 0, "the job's acknowledgement")
    assert roles.broker.client.llen("blogarchive.sites") == 0
