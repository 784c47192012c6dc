"""Change alerts (#34): real crawls of the sample blog on 127.0.0.1 that changes between runs, a real HTTP receiver
that records what is POSTed (and one that answers 500, a port that refuses), the Atom file read by feedparser."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser
import pytest

from crawler.alerts.webhook import post_alert
from crawler.demo.server import DemoSite, serve
from tests.conftest import run_cli, unused_port
from tests.test_schedule import sites_file


class Receiver:
    """An HTTP server on 127.0.0.1 answering every POST with `status`, keeping each body it was sent."""

    def __init__(self, status: int = 204) -> None:
        self.status = status
        self.posts: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.posts.append(json.loads(body))
                receiver.headers.append(dict(self.headers))
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/blog"

    def __enter__(self) -> Receiver:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


def crawl(tmp_path: Path, url: str, *options: str) -> Any:
    return run_cli("crawl", url, "--db", str(tmp_path / "archive.db"), "--quiet", "-s", "EXTRACT_PROCESSES=1", *options)


def changes_json(tmp_path: Path, *options: str) -> list[dict[str, Any]]:
    shown = run_cli("changes", "--db", str(tmp_path / "archive.db"), "--format", "json", *options)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def test_alerts_report_new_then_changed_with_its_part_and_gone_posts_to_webhook_feed_and_terminal(tmp_path, receiver):
    site = DemoSite()
    feed = tmp_path / "alerts" / "changes.atom"
    alerts = ("--webhook", receiver.url, "--changes-feed", str(feed))
    with serve(site):
        first = crawl(tmp_path, site.base, *alerts)
        assert first.returncode == 0 and first.stderr == "", first.stderr
        site.edit_post("winter-squash-soup", paragraph="A new closing note.")
        site.delete_post("cast-iron-care")
        second = crawl(tmp_path, site.base, *alerts)
        assert second.returncode == 0 and second.stderr == "", second.stderr

    posts = len(site.posts)
    assert [post["counts"]["posts"] for post in receiver.posts] == [
        {"new": posts, "changed": 0, "gone": 0, "moved": 0, "retired": 0, "restored": 0},
        {"new": 0, "changed": 1, "gone": 1, "moved": 0, "retired": 0, "restored": 0},
    ]
    assert receiver.posts[0]["counts"]["people"]["new"] >= 1 and receiver.posts[0]["run"] == 1
    assert receiver.headers[1]["Content-Type"] == "application/json" and receiver.headers[1]["X-Blogarchive-Run"] == "2"
    alert = receiver.posts[1]
    assert alert["run"] == 2 and alert["runs"] == [2] and alert["status"] == "finished"
    changed = next(change for change in alert["changes"] if change["change"] == "changed")
    assert "winter-squash-soup" in changed["url"] and changed["fields"] == ["text"]
    assert changed["summary"] == "text +1/-0 lines" and changed["version"] == 1
    gone = next(change for change in alert["changes"] if change["change"] == "gone")
    assert "cast-iron-care" in gone["url"] and gone["title"].startswith("Cast iron care")

    parsed = feedparser.parse(feed.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title.split(": ", 1)[1] for entry in parsed.entries] == [
        "posts: 1 changed, 1 gone",
        f"posts: {posts} new; people: {receiver.posts[0]['counts']['people']['new']} new",
    ]
    assert parsed.entries[0].link == site.base and "winter-squash-soup" in parsed.entries[0].summary
    assert len({entry.id for entry in parsed.entries}) == 2 and not list(feed.parent.glob(".changes.atom.*"))

    assert changes_json(tmp_path) == alert["changes"]  # the last run's, as the webhook got them
    assert [c["change"] for c in changes_json(tmp_path, "--run", "1") if c["subject"] == "post"] == ["new"] * posts
    assert len(changes_json(tmp_path, "--since", "2000-01-01")) == len(receiver.posts[0]["changes"]) + 2
    table = run_cli("changes", "--db", str(tmp_path / "archive.db"), "--site", site.base.split("/")[2])
    assert table.stderr == f"run 2 of {site.base.split('/')[2]}: posts: 1 changed, 1 gone\n"
    assert [line.split("\t")[:3] for line in table.stdout.splitlines()] == [
        ["run", "change", "subject"],
        ["2", "changed", "post"],
        ["2", "gone", "post"],
    ]

    deliveries = sqlite3.connect(tmp_path / "archive.db").execute(
        "SELECT run_id, kind, status, attempts, changes FROM alert_deliveries ORDER BY id"
    )
    assert [row[:4] for row in deliveries] == [
        (1, "webhook", "sent", 1),
        (1, "feed", "sent", 1),
        (2, "webhook", "sent", 1),
        (2, "feed", "sent", 1),
    ]


def test_a_crawl_that_changed_nothing_sends_nothing(tmp_path, receiver):
    site = DemoSite()
    with serve(site):
        assert crawl(tmp_path, site.base).returncode == 0
        again = crawl(tmp_path, site.base, "--webhook", receiver.url, "--changes-feed", str(tmp_path / "c.atom"))
    assert again.returncode == 0 and again.stderr == ""
    assert receiver.posts == [] and not (tmp_path / "c.atom").exists()
    assert changes_json(tmp_path) == []


@pytest.mark.parametrize("failure", ["500", "refused"])
def test_a_failing_webhook_is_retried_recorded_and_said_in_one_line_and_the_crawl_exits_0(tmp_path, failure):
    site = DemoSite(sitemap="none")
    with Receiver(status=500) as failing, serve(site):
        url = failing.url if failure == "500" else f"http://127.0.0.1:{unused_port()}/hook"
        began = time.monotonic()
        result = crawl(
            tmp_path, site.base, "--webhook", url, "-s", "ALERT_WEBHOOK_RETRIES=2", "-s", "ALERT_WEBHOOK_BACKOFF=0.2"
        )
        took = time.monotonic() - began
        sent = len(failing.posts)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"webhook {url} failed (") and "3 attempts" in lines[0]
    assert "HTTP 500" in lines[0] if failure == "500" else "refused" in lines[0]
    assert sent == (3 if failure == "500" else 0)
    row = sqlite3.connect(tmp_path / "archive.db").execute(
        "SELECT kind, target, status, attempts, error, changes FROM alert_deliveries"
    )
    kind, target, status, attempts, error, count = row.fetchone()
    assert (kind, target, status, attempts) == ("webhook", url, "failed", 3) and error in lines[0] and count > 0
    assert took < 120  # the waits: 0.2 + 0.4 s


def test_webhook_retries_wait_twice_as_long_each_time_and_a_4xx_is_not_retried():
    waits: list[float] = []
    alert = {"run": 1, "changes": []}
    refused = f"http://127.0.0.1:{unused_port()}/"
    attempts, error = post_alert(refused, alert, retries=3, backoff=0.5, timeout=5, sleep=waits.append)
    assert (attempts, waits) == (4, [0.5, 1.0, 2.0]) and error
    with Receiver(status=404) as missing:
        attempts, error = post_alert(missing.url, alert, retries=3, backoff=0.5, timeout=5, sleep=waits.append)
    assert (attempts, error, len(missing.posts)) == (1, "HTTP 404 Not Found", 1)


def test_a_redirecting_webhook_is_not_followed_and_says_where_it_points():
    class Moved(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.send_response(301)
            self.send_header("Location", "http://127.0.0.1:1/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Moved)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        attempts, error = post_alert(url, {"run": 1}, retries=3, backoff=0, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    assert attempts == 1 and error == "HTTP 301 Moved Permanently to http://127.0.0.1:1/elsewhere; give that URL"


def test_a_file_that_is_not_a_changes_feed_is_left_alone(tmp_path, receiver):
    site = DemoSite(sitemap="none")
    mine = tmp_path / "mine.xml"
    mine.write_text("<rss version='2.0'><channel><title>mine</title></channel></rss>")
    with serve(site):
        result = crawl(tmp_path, site.base, "--changes-feed", str(mine))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"changes feed not written: {mine} is not a changes feed blogarchive wrote; give another path (it was left as"
        " it is); the alert of run 1 is recorded"
    )
    assert mine.read_text().startswith("<rss")


def test_a_sites_file_sends_each_scheduled_crawls_changes_to_its_webhook_and_feed(tmp_path, receiver):
    site = DemoSite(sitemap="none")
    with serve(site):
        options = f'webhook = "{receiver.url}"\nchanges_feed = "feeds/blog.atom"\n'
        config = sites_file(tmp_path, {"blog": (site.base, "0 0 1 1 *")}, options)
        first = run_cli("run-due", "--config", str(config), "--site", "blog")
        assert first.returncode == 0, first.stderr
        site.edit_post("winter-squash-soup", title="Roasted squash soup, revisited")
        second = run_cli("crawl", "--config", str(config), "--site", "blog")
        assert second.returncode == 0, second.stderr
    assert [post["job"] for post in receiver.posts] == ["blog", "blog"]
    changed = [change for change in receiver.posts[1]["changes"] if change["subject"] == "post"]
    assert [(change["change"], change["fields"], change["title"]) for change in changed] == [
        ("changed", ["title"], "Roasted squash soup, revisited")
    ]
    assert len(feedparser.parse((tmp_path / "feeds" / "blog.atom").read_bytes()).entries) == 2


def test_a_sites_file_refuses_a_webhook_that_is_no_http_url(tmp_path):
    config = tmp_path / "sites.toml"
    config.write_text('[sites.blog]\nurls = ["https://blog.example.org/"]\nwebhook = "ftp://hooks.example.org/x"\n')
    result = run_cli("sites", "check", "--config", str(config))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "webhook" in result.stderr + result.stdout and "not an http(s) URL" in result.stderr + result.stdout


def test_a_crawl_stopped_half_way_leaves_its_changes_to_the_alert_of_the_run_that_completes_its_job(tmp_path):
    from archive import Archive, changes

    archive = Archive(tmp_path / "archive.db")
    post = {"title": "Bread", "text": "Flour, water, salt.", "authors": [{"name": "Lea Brandt"}]}
    stopped = archive.start_run(["https://blog.example.org/"], job="kitchen")
    archive.save_article(stopped, {**post, "url": "https://blog.example.org/bread/"}, "2026-12-01T03:00:00+00:00")
    archive.finish_run(stopped, "shutdown")
    other = archive.start_run(["https://notes.example.net/"], job="notes")
    archive.finish_run(other, "finished")
    resumed = archive.start_run(["https://blog.example.org/"], job="kitchen")
    archive.save_article(resumed, {**post, "url": "https://blog.example.org/rolls/"}, "2026-12-01T04:00:00+00:00")
    archive.mark_gone(resumed, "https://blog.example.org/bread/", "2026-12-01T04:00:05+00:00")
    archive.mark_gone(resumed, "https://blog.example.org/bread/", "2026-12-01T04:00:09+00:00")  # gone already
    archive.finish_run(resumed, "finished")
    assert changes.alert_runs(archive.conn, resumed) == [stopped, resumed]
    found = [(c["run"], c["subject"], c["change"], c["url"]) for c in changes.of_runs(archive.conn, [stopped, resumed])]
    archive.close()
    assert found == [
        (stopped, "post", "new", "https://blog.example.org/bread/"),
        (stopped, "person", "new", None),
        (resumed, "post", "new", "https://blog.example.org/rolls/"),
        (resumed, "post", "gone", "https://blog.example.org/bread/"),
    ]
    assert [(c["run"], c["change"]) for c in changes_json(tmp_path) if c["subject"] == "post"] == [
        (stopped, "new"),
        (resumed, "new"),
        (resumed, "gone"),
    ]
    assert changes_json(tmp_path, "--site", "blog.example.org") == changes_json(tmp_path)  # not the notes' run
    unknown = run_cli("changes", "--db", str(tmp_path / "archive.db"), "--site", "notes.example.net")
    assert unknown.returncode == 2 and "matches no site in the archive; the archive has: blog.example.org" in (
        unknown.stderr
    )


def test_changes_of_an_archive_made_before_they_were_recorded_is_one_line(tmp_path):
    from archive import schema

    old = sqlite3.connect(tmp_path / "archive.db")
    old.executescript("".join(schema.MIGRATIONS[:11]) + "PRAGMA user_version = 11;")
    old.close()
    shown = run_cli("changes", "--db", str(tmp_path / "archive.db"))
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert shown.stderr.strip().endswith(
        "has no record of changes (it was made before blogarchive recorded them);"
        " crawl it once with this blogarchive: the archive is upgraded and every"
        " crawl's changes are recorded from then on"
    )
    both = run_cli("changes", "--db", str(tmp_path / "archive.db"), "--run", "1", "--since", "2026-01-01")
    assert both.returncode == 2 and both.stderr.strip() == "Error: give --since DATE or --run N, not both"


def test_a_scheduled_crawl_whose_webhook_fails_succeeds_and_its_log_says_the_alert_was_not_delivered(tmp_path):
    site = DemoSite(sitemap="none")
    hook = f"http://127.0.0.1:{unused_port()}/hook"
    with serve(site):
        options = f'webhook = "{hook}"\nsettings = {{ ALERT_WEBHOOK_RETRIES = 0 }}\n'
        config = sites_file(tmp_path, {"blog": (site.base, "0 0 1 1 *")}, options)
        result = run_cli("run-due", "--config", str(config), "--site", "blog")
    assert result.returncode == 0, result.stderr
    assert "blog: run 1 finished: " in result.stderr and "Traceback" not in result.stderr
    assert f"; change alert not delivered (webhook {hook}: [Errno 111] Connection refused)" in result.stderr
