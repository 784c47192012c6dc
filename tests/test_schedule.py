"""`run-due` and `schedule` against sample blogs on 127.0.0.1 that change between runs, go down and come back.

The schedule "* * * * * *" (croniter's 6th field: seconds) makes a site due again one second after its last run
started, so consecutive `run-due` calls each crawl without waiting; "0 0 1 1 *" (yearly) makes it due only when
never run or interrupted.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from crawler.demo.server import DemoSite, serve
from tests.conftest import REPO, run_cli, unused_port

EVERY_SECOND = "* * * * * *"
YEARLY = "0 0 1 1 *"
FAST = "[defaults]\nautothrottle = false\nsettings = { EXTRACT_PROCESSES = 1, RETRY_TIMES = 0 }\n"


def sites_file(tmp_path: Path, sites: dict[str, tuple[str, str]], options: str = "") -> Path:
    """sites.toml with {name: (url, schedule)}, each site with `options` (TOML lines); the archive is
    tmp_path/archive.db (the `db` fixture's)."""
    tables = [
        f'[sites.{name}]\nurls = ["{url}"]\nschedule = "{cron}"\n{options}' for name, (url, cron) in sites.items()
    ]
    path = tmp_path / "sites.toml"
    path.write_text(FAST + "\n" + "\n".join(tables))
    return path


def run_due(config: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("run-due", "--config", str(config))


def new_post(site: DemoSite) -> dict:
    """A post the site did not have: an existing one's content under a new slug, title and date."""
    raw = asdict(site.posts[0])
    for key in ("id", "modified", "comments", "extra_paragraphs", "deleted"):
        raw.pop(key)
    return raw | {"slug": "a-brand-new-post", "title": "A brand new post", "date": "2025-01-15"}


def test_run_due_follows_edits_new_and_deleted_posts_and_a_server_down_for_one_run(tmp_path, db):
    site = DemoSite()
    with serve(site):
        port = int(site.base.rsplit(":", 1)[1].strip("/"))
        config = sites_file(tmp_path, {"blog": (site.base, EVERY_SECOND)})
        first = run_due(config)
        assert first.returncode == 0, first.stderr
        assert db("SELECT count(*) FROM articles WHERE gone_at IS NULL") == [(33,)]
        assert db("SELECT job, status FROM crawl_runs") == [("blog", "finished")]

        old_title = site.post("winter-squash-soup").title
        site.edit_post("winter-squash-soup", title="Winter squash soup, revisited", paragraph="Now with sage.")
        site.add_post(new_post(site))
        site.delete_post("cast-iron-care")
        second = run_due(config)
        assert second.returncode == 0, second.stderr
    assert db("SELECT articles_new, articles_updated, status FROM crawl_runs WHERE id = 2") == [(1, 1, "finished")]
    assert db("SELECT title FROM articles WHERE url LIKE '%/winter-squash-soup/'") == [
        ("Winter squash soup, revisited",)
    ]
    assert db(
        "SELECT v.version, v.title FROM article_versions v JOIN articles a ON a.id = v.article_id"
        " WHERE a.url LIKE '%/winter-squash-soup/'"
    ) == [(1, old_title)]
    assert db("SELECT title FROM articles WHERE url LIKE '%/a-brand-new-post/'") == [("A brand new post",)]
    assert db("SELECT url FROM articles WHERE gone_at IS NOT NULL") == [
        (site.base + site.post("cast-iron-care").path[1:],)
    ]
    archived = db("SELECT url, title, text, gone_at FROM articles ORDER BY url")
    assert len(archived) == 34

    down = run_due(config)  # nothing listens on the port now
    assert down.returncode == 1 and "failed: blog" in down.stderr
    assert db("SELECT status, articles_new, errors > 0 FROM crawl_runs WHERE id = 3") == [("failed", 0, 1)]
    assert db("SELECT count(*) FROM crawl_errors WHERE run_id = 3 AND message LIKE '%connection refused%'") != [(0,)]
    assert db("SELECT url, title, text, gone_at FROM articles ORDER BY url") == archived

    with serve(site, port=port):
        back = run_due(config)
    assert back.returncode == 0, back.stderr
    assert db("SELECT status FROM crawl_runs WHERE id = 4") == [("finished",)]
    assert db("SELECT count(*) FROM articles WHERE gone_at IS NULL") == [(33,)]
    assert db("SELECT count(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]


def test_a_failing_site_does_not_stop_the_others_and_waits_for_its_next_time(tmp_path, db):
    site = DemoSite()
    with serve(site):
        down = f"http://127.0.0.1:{unused_port()}/"
        config = sites_file(tmp_path, {"down": (down, YEARLY), "blog": (site.base, YEARLY)})
        result = run_due(config)
        assert result.returncode == 1 and "failed: down" in result.stderr
        assert db("SELECT job, status FROM crawl_runs ORDER BY id") == [("down", "failed"), ("blog", "finished")]
        assert db("SELECT count(*) FROM articles") == [(33,)]
        # each site's outcome, with its first error's cause
        assert f"down: run 1 failed: 0 new, 0 updated, 2 errors; first: {down}: connection refused" in result.stderr
        assert "blog: run 2 finished: 33 new, 0 updated, 0 errors\n" in result.stderr

        again = run_due(config)  # both ran (one failed) this year: neither is due
        assert again.returncode == 0, again.stderr
        assert again.stdout == f"nothing due; next: down at {datetime.now(UTC).year + 1}-01-01 00:00:00 UTC\n"
        assert db("SELECT count(*) FROM crawl_runs") == [(2,)]
        listed = run_cli("sites", "list", "--config", str(config))
        assert "failed" in listed.stdout and "finished" in listed.stdout and "now" not in listed.stdout

        one = run_cli("run-due", "--config", str(config), "--site", "blog")  # not due: crawled all the same
        assert one.returncode == 0, one.stderr
        assert db("SELECT job, status FROM crawl_runs WHERE id = 3") == [("blog", "finished")]
        unknown = run_cli("run-due", "--config", str(config), "--site", "blgo")
        assert unknown.returncode == 2 and "has no site 'blgo'; did you mean 'blog'?" in unknown.stderr
        crawled = run_cli("crawl", "--site", "blog", "--config", str(config))  # the same, as `crawl --site`
        assert crawled.returncode == 0, crawled.stderr
        assert db("SELECT job, status FROM crawl_runs WHERE id = 4") == [("blog", "finished")]
        failed = run_cli("crawl", "--site", "down", "--config", str(config))
        assert failed.returncode == 1 and "failed: down" in failed.stderr
        both = run_cli("crawl", site.base, "--max-pages", "3", "--site", "blog", "--config", str(config))
        assert both.returncode == 2 and "leave out --max-pages, URLs" in both.stderr
        assert run_cli("crawl", "--site", "blgo", "--config", str(config)).returncode == 2


def test_schedule_crawls_when_due_and_stops_cleanly_on_sigterm_and_the_job_resumes(tmp_path, db):
    site = DemoSite()
    with serve(site):
        # Paced, so that the second crawl is still running when SIGTERM comes: unpaced, a recrawl of the sample
        # blog can end in the moment between the poll that sees it running and the signal.
        config = sites_file(tmp_path, {"blog": (site.base, EVERY_SECOND)}, options="download_delay = 0.05\n")
        scheduler = subprocess.Popen(
            [sys.executable, "-m", "crawler", "schedule", "--config", str(config)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_for(db, "SELECT count(*) FROM crawl_runs WHERE status = 'finished'", (1,))
            assert db("SELECT count(*) FROM articles") == [(33,)]
            site.edit_post("winter-squash-soup", paragraph="Seen by the scheduler's second run.")
            wait_for(db, "SELECT count(*) FROM crawl_runs WHERE status = 'running'", (1,))
            scheduler.send_signal(signal.SIGTERM)
            _, log = scheduler.communicate(timeout=60)
        finally:
            scheduler.kill()
        assert scheduler.returncode == 0, log
        assert "SIGTERM: stopping after the current crawl" in log
        assert db("SELECT count(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]
        assert db("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1") == [("shutdown",)]

        # Interrupted, so due at once even on a yearly schedule: the next start crawls the job again.
        sites_file(tmp_path, {"blog": (site.base, YEARLY)})
        resumed = run_due(config)
    assert resumed.returncode == 0, resumed.stderr
    assert db("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1") == [("finished",)]
    assert db("SELECT count(*) FROM article_versions") == [(1,)]
    assert json.loads(db("SELECT start_urls FROM crawl_runs ORDER BY id DESC LIMIT 1")[0][0]) == [site.base]


def wait_for(db, sql: str, row: tuple, timeout: float = 60) -> None:
    """Poll the archive until `sql` gives `row` (a bound on waiting, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if db(sql) == [row]:
                return
        except Exception:  # the archive is not created yet
            pass
        time.sleep(0.05)
    raise AssertionError(f"{sql} never gave {row}")


def test_a_crawl_that_dies_before_recording_a_run_is_logged_as_failed_with_its_output(tmp_path, db):
    config = tmp_path / "sites.toml"
    config.write_text(
        f'[sites.broken]\nurls = ["http://127.0.0.1:{unused_port()}/"]\nschedule = "{YEARLY}"\n'
        'settings = { EXTRACT_PROCESSES = "many" }\n'  # the crawl command refuses it before it writes a row
    )
    result = run_due(config)
    assert result.returncode == 1 and "failed: broken" in result.stderr
    assert db("SELECT job, status, errors FROM crawl_runs") == [("broken", "failed", 1)]
    [(message,)] = db("SELECT message FROM crawl_errors")
    assert message.startswith("the crawl process exited with status 2:")
    assert "EXTRACT_PROCESSES='many': EXTRACT_PROCESSES takes a whole number" in message
    assert run_due(config).returncode == 0 and db("SELECT count(*) FROM crawl_runs") == [(1,)]
