"""Workers and the writer, with a real Redis: what they archive, and what the commands say."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from crawler.demo.server import DemoSite, serve
from crawler.distributed.jobs import SiteJob, enqueue
from tests.conftest import FAULTS_EXIT, run_cli
from tests.distributed.conftest import Broker, Roles, wait_for

POSTS = "SELECT url, title, content_hash FROM articles ORDER BY url"


def _finished(roles: Roles, runs: int = 1) -> bool:
    return len(roles.query("SELECT 1 FROM crawl_runs WHERE status = 'finished'")) >= runs


def test_site_crawled_by_a_worker_is_archived_as_an_in_process_crawl_archives_it(
    site: DemoSite, roles: Roles, tmp_path: Path
) -> None:
    roles.writer()
    roles.worker("--concurrency", "1")
    in_process = tmp_path / "in-process.db"
    crawl_here = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler",
            "crawl",
            site.base,
            "--db",
            str(in_process),
            "--quiet",
            "-s",
            "EXTRACT_PROCESSES=1",
        ]
    )
    roles.started.append(crawl_here)  # stopped with the roles should the test end early
    queued = run_cli("crawl", site.base, "--broker", roles.broker.url, "-s", "RELAY_BATCH_UNITS=5")
    assert queued.returncode == 0, queued.stderr
    assert f"queued job '{site.base}'" in queued.stdout
    wait_for(lambda: _finished(roles), "the worker's run to reach the archive as finished")

    assert crawl_here.wait(timeout=120) == FAULTS_EXIT
    with sqlite3.connect(in_process) as expected:
        assert roles.query(POSTS) == expected.execute(POSTS).fetchall()
    [(status, job, pages, new)] = roles.query("SELECT status, job, pages_fetched, articles_new FROM crawl_runs")
    assert (status, job, new) == ("finished", site.base, len(site.expected_posts()))
    assert pages > new
    assert len(roles.query("SELECT 1 FROM relay_batches")) > 2  # bounded batches, not one message
    # The job is over (the worker says so once the writer applied every batch of its crawl): it may be queued again.
    wait_for(lambda: not roles.broker.client.exists(f"blogarchive.job:{site.base}"), "the job's end")


def test_a_job_queued_or_running_is_not_queued_again(roles: Roles, tmp_path: Path) -> None:
    first = run_cli("crawl", "http://127.0.0.1:9/", "--job", "kitchen", "--broker", roles.broker.url, cwd=tmp_path)
    again = run_cli("crawl", "http://127.0.0.1:9/", "--job", "kitchen", "--broker", roles.broker.url, cwd=tmp_path)
    assert first.returncode == again.returncode == 0
    # no archive.db here: the job carries no archived posts, and says so
    assert (
        first.stderr.startswith("note: no archive at archive.db: the job carries no archived posts")
        and not again.stderr
    )
    assert "job 'kitchen' is already queued or running (since 20" in again.stdout
    assert roles.broker.client.llen("blogarchive.sites") == 1


def test_run_due_with_broker_queues_due_sites_once_and_crawls_nothing_here(roles: Roles, tmp_path: Path) -> None:
    config = tmp_path / "sites.toml"
    config.write_text(
        textwrap.dedent(f"""
        [defaults]
        db = "{tmp_path / "archive.db"}"
        [sites.kitchen]
        urls = ["http://127.0.0.1:9/kitchen/"]
        [sites.garden]
        urls = ["http://127.0.0.1:9/garden/"]
        download_delay = 2
    """)
    )
    first = run_cli("run-due", "--config", str(config), "--broker", roles.broker.url)
    assert first.returncode == 0, first.stderr
    assert "kitchen: queued for the workers" in first.stderr and "garden: queued for the workers" in first.stderr
    again = run_cli("run-due", "--config", str(config), "--broker", roles.broker.url)
    assert "kitchen: skipped, its last job is still queued or running" in again.stderr
    assert roles.broker.client.llen("blogarchive.sites") == 2
    assert roles.query("SELECT count(*) FROM crawl_runs") == [(0,)]  # nothing crawled in this process


def test_a_second_writer_for_the_same_archive_is_refused(roles: Roles) -> None:
    first = roles.writer()
    wait_for(lambda: roles.query("SELECT 1 FROM sqlite_master WHERE name = 'relay_batches'"), "the writer to start")
    second = run_cli("writer", "--broker", roles.broker.url, "--db", str(roles.db))
    assert second.returncode == 1
    assert f"another `blogarchive writer` is writing {roles.db}; one writer per archive" in second.stderr
    assert first.poll() is None


def test_a_broker_that_is_not_there_is_one_line_and_exit_1(tmp_path: Path, broker: Broker) -> None:
    nowhere = "redis://127.0.0.1:9/0"
    for command in (("crawl", "http://127.0.0.1:9/"), ("writer", "--db", str(tmp_path / "a.db"))):
        result = run_cli(*command, "--broker", nowhere, cwd=tmp_path)
        assert result.returncode == 1
        assert result.stderr.startswith(f"Error: cannot reach the broker at {nowhere} (")
        assert "is Redis running there?" in result.stderr and "Traceback" not in result.stderr


def test_broker_url_that_is_not_redis_and_media_with_broker_are_usage_errors(tmp_path: Path) -> None:
    wrong = run_cli("crawl", "http://127.0.0.1:9/", "--broker", "amqp://127.0.0.1//", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "'amqp://127.0.0.1//' is not a Redis URL; give one such as redis://HOST:6379/0" in wrong.stderr
    media = run_cli("crawl", "http://127.0.0.1:9/", "--media", "m", "--broker", "redis://127.0.0.1:9/0", cwd=tmp_path)
    assert media.returncode == 2
    assert "--media cannot be used with --broker: the images would stay on the worker machines" in media.stderr
    assert not (tmp_path / "archive.db").exists()


def test_a_recrawl_on_a_worker_skips_unchanged_posts_and_marks_a_deleted_post_gone(roles: Roles) -> None:
    site = DemoSite()
    site.posts = site.posts[:12]
    with serve(site):
        roles.writer()
        roles.worker("--concurrency", "1")
        queue = ("crawl", site.base, "--job", "demo", "--broker", roles.broker.url, "--db", str(roles.db))
        assert run_cli(*queue).returncode == 0
        wait_for(lambda: _finished(roles), "the first crawl")
        wait_for(lambda: not roles.broker.client.exists("blogarchive.job:demo"), "the first job's end")
        deleted = site.live_posts()[-1]
        site.posts = [post for post in site.posts if post is not deleted]  # its URL now answers 404
        assert run_cli(*queue).returncode == 0  # the job carries the archive's posts of the site
        wait_for(lambda: _finished(roles, runs=2), "the recrawl")
    gone = roles.query("SELECT url FROM articles WHERE gone_at IS NOT NULL")
    assert gone == [(site.base.rstrip("/") + deleted.path,)]  # revisited though no page links it any more
    assert roles.query("SELECT url, message FROM crawl_errors") == []  # an archived post gone, not a broken link
    [first, second] = roles.query("SELECT pages_fetched, articles_new, articles_updated FROM crawl_runs ORDER BY id")
    assert first[1:] == (12, 0) and second[1:] == (0, 0)
    assert second[0] < first[0]  # the posts the sitemap says are unchanged are not fetched again


def test_a_job_the_crawl_refuses_becomes_a_failed_run_with_the_reason(roles: Roles) -> None:
    roles.writer()
    roles.worker("--concurrency", "1")
    bad = SiteJob("kitchen", ("http://127.0.0.1:9/",), ("--job", "kitchen", "-s", "CONCURENT_REQUESTS=2"))
    assert enqueue(roles.broker.url, [bad]) == [True]
    wait_for(lambda: roles.query("SELECT status FROM crawl_runs") == [("failed",)], "the failed run")
    [(url, message)] = roles.query("SELECT url, message FROM crawl_errors")
    assert url == "http://127.0.0.1:9/"
    assert message.startswith("the crawl process exited with status 2: ")
    assert "CONCURENT_REQUESTS: no such setting; did you mean CONCURRENT_REQUESTS?" in message
    wait_for(lambda: not roles.broker.client.exists("blogarchive.job:kitchen"), "the job to be over")
    assert roles.broker.client.llen("blogarchive.sites") == 0  # not tried again: the same options would fail again
