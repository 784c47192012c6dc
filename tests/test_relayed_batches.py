"""The writer's side of the relay (archive/relayed.py) on a real SQLite file, from plain data: each batch once,
a bad unit alone undone, a re-delivered job's earlier run marked interrupted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive import Archive
from archive.relayed import OPERATIONS, apply_batch, pack_unit, prepare

PAGE = {
    "url": "https://k.example/soup/",
    "status": 200,
    "content_type": "text/html",
    "kind": "article",
    "fetched_at": "2025-03-01T10:00:00+00:00",
    "body": b"<html>soup</html>",
}
POST = {"url": "https://k.example/soup/", "title": "Soup", "text": "Hot soup, slowly.", "images": [], "authors": []}


def batch(batch_id: str, run_key: str, *units: list[tuple[str, tuple]]) -> dict:
    run = {"key": run_key, "job": "kitchen", "start_urls": ["https://k.example/"], "worker": "crawler-1"}
    return {"id": batch_id, "run": run, "units": [pack_unit(unit) for unit in units]}


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    opened = Archive(tmp_path / "archive.db")
    opened.group_commits()
    prepare(opened)
    yield opened
    opened.close()


def count(archive: Archive, table: str) -> int:
    return archive.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_batch_delivered_twice_is_applied_once(archive: Archive) -> None:
    page_and_post = [("record_page", (PAGE,)), ("save_article", (POST, PAGE["fetched_at"]))]
    delivered = batch("b1", "run-a", page_and_post, [("finish_run", ("finished",))])
    first = apply_batch(archive, delivered)
    again = apply_batch(archive, delivered)
    assert (first.units, again.units, first.finished) == (2, 0, "finished")
    assert (count(archive, "articles"), count(archive, "pages"), count(archive, "relay_batches")) == (1, 1, 1)
    run = archive.run(first.run_id)
    assert (run["job"], run["status"], run["pages_fetched"], run["articles_new"]) == ("kitchen", "finished", 1, 1)
    assert [row["worker"] for row in archive.conn.execute("SELECT worker FROM relay_runs")] == ["crawler-1"]


def test_a_unit_that_cannot_be_stored_is_undone_alone_and_recorded_as_an_error(archive: Archive) -> None:
    no_url = {key: value for key, value in POST.items() if key != "url"}
    applied = apply_batch(
        archive,
        batch(
            "b1",
            "run-a",
            [("record_page", (PAGE,)), ("save_article", (no_url, "x"))],
            [("record_error", ("https://k.example/gone/", "HTTP 500"))],
        ),
    )
    assert applied.failed == 1
    assert count(archive, "pages") == 0  # the failed unit's page went with it
    errors = archive.conn.execute("SELECT url, message FROM crawl_errors ORDER BY id").fetchall()
    assert [tuple(row) for row in errors] == [
        ("https://k.example/soup/", "the writer could not store this: 'url'"),
        ("https://k.example/gone/", "HTTP 500"),
    ]


def test_a_job_taken_over_by_a_new_run_marks_the_lost_run_interrupted(archive: Archive) -> None:
    lost = apply_batch(archive, batch("b1", "run-a", [("record_page", (PAGE,))]))
    again = apply_batch(archive, batch("b2", "run-b", [("record_page", (PAGE,)), ("save_article", (POST, "y"))]))
    assert archive.run(lost.run_id)["status"] == "interrupted"
    assert archive.run(again.run_id)["status"] == "running"
    assert count(archive, "pages") == 2  # two fetches of the page, one post


def test_the_archive_refusing_a_batch_keeps_nothing_of_it(archive: Archive, tmp_path: Path) -> None:
    blocker = sqlite3.connect(tmp_path / "archive.db", timeout=0)
    archive.conn.execute("PRAGMA busy_timeout = 0")
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        apply_batch(archive, batch("b1", "run-a", [("record_page", (PAGE,))]))
    blocker.rollback()
    assert not archive.conn.in_transaction
    assert apply_batch(archive, batch("b1", "run-a", [("record_page", (PAGE,))])).units == 1
    assert count(archive, "pages") == count(archive, "relay_batches") == 1


def test_a_restarted_writer_keeps_its_tables_and_what_it_applied(archive: Archive) -> None:
    apply_batch(archive, batch("b1", "run-a", [("record_page", (PAGE,))]))
    prepare(archive)  # the writer's next start
    assert (count(archive, "relay_runs"), count(archive, "relay_batches")) == (1, 1)
    assert apply_batch(archive, batch("b1", "run-a", [("record_page", (PAGE,))])).units == 0
    for table in ("relay_runs", "relay_batches"):
        assert [(fk.column, fk.other_table) for fk in archive.db[table].foreign_keys] == [("run_id", "crawl_runs")]
    assert [(c.name, c.type, bool(c.notnull), c.is_pk) for c in archive.db["relay_batches"].columns] == [
        ("batch_id", "TEXT", False, 1),
        ("run_id", "INTEGER", False, 0),
        ("units", "INTEGER", True, 0),
        ("applied_at", "TEXT", True, 0),
    ]


# What the archive pipeline asks of the archive without writing: a worker's scratch archive answers these itself.
PIPELINE_READS = {
    "article_title",
    "comment_times",
    "batch",
    "conn",
    "gone_as",
    "same_body_kind",
    "same_companions",
    "same_post_elsewhere",
    "start_run",
    "stored_titles",
}


def test_every_write_the_archive_pipeline_makes_is_relayed_to_the_writer() -> None:
    """Feed dates and credits, author pages and settled page kinds were written on the worker's scratch archive
    only: a distributed crawl lost a post's feed date and authors, and every author page's bio, in the real one."""
    import ast

    from crawler.distributed.relayed_archive import RelayedArchive
    from crawler.pipelines import archive as pipeline

    tree = ast.parse(Path(pipeline.__file__).read_text("utf-8"))
    called = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "archive"
        and isinstance(node.value.value, ast.Name)
        and node.value.value.id == "self"
    }
    writes = called - PIPELINE_READS
    assert {"save_article", "date_posts_from_feed", "save_author_page"} <= writes  # the walk finds the calls
    assert not writes - set(RelayedArchive.__dict__), "not relayed by the worker"
    assert not writes - set(OPERATIONS) - {"start_run"}, "not applied by the writer"


class RecordingOutbox:
    """The units a worker's archive hands to the broker, kept in order (the broker's part is tested in
    tests/distributed/ with a real Redis)."""

    def __init__(self) -> None:
        self.units: list[list[tuple[str, tuple]]] = []

    def keep_sent_in(self, store: object) -> None:
        pass

    def open_run(self, start_urls: list[str], job: str | None, rules: str | None = None) -> None:
        pass

    def add(self, calls: list[tuple[str, tuple]]) -> None:
        self.units.append(calls)

    def flush(self, force: bool = False) -> None:
        pass


def test_feed_dates_feed_credits_author_pages_and_settled_kinds_reach_the_writer(
    archive: Archive, tmp_path: Path
) -> None:
    from crawler.distributed.relayed_archive import RelayedArchive

    outbox = RecordingOutbox()
    worker = RelayedArchive(tmp_path / "worker.db", outbox)
    run_id = worker.start_run(["https://k.example/"], "kitchen")
    author_page = {**PAGE, "url": "https://k.example/author/ann/", "kind": "other"}
    with worker.batch():
        worker.record_page(run_id, PAGE)
        worker.save_article(run_id, POST, PAGE["fetched_at"])
    with worker.batch():
        worker.date_posts_from_feed({POST["url"]: "2025-02-28T09:00:00+00:00"})
        credit = {"authors": [{"name": "Ann Cook", "url": "https://k.example/author/ann/"}], "categories": ["Soup"]}
        credit["title"] = ["Soup", "Soup – slowly"]
        worker.credit_posts_from_feed(run_id, {POST["url"]: credit}, PAGE["fetched_at"])
    with worker.batch():
        worker.record_page(run_id, author_page)
        worker.settle_page(run_id, author_page["url"], "author", "an author page")
        person = {"name": "Ann Cook", "bio": "Cooks soup.", "url": author_page["url"]}
        worker.save_author_page(run_id, author_page["url"], person, PAGE["fetched_at"])
    worker.commit()

    apply_batch(archive, batch("b1", "run-a", *outbox.units))
    queries = (
        "SELECT url, title, published, author, categories FROM articles",
        "SELECT name, url, bio FROM authors ORDER BY id",
        "SELECT url, kind, reason FROM pages ORDER BY id",
    )
    for query in queries:
        wanted = [tuple(row) for row in worker.conn.execute(query)]
        assert [tuple(row) for row in archive.conn.execute(query)] == wanted, query
    [post] = archive.conn.execute("SELECT title, published, author, categories FROM articles").fetchall()
    assert tuple(post) == ("Soup – slowly", "2025-02-28T09:00:00+00:00", "Ann Cook", '["Soup"]')
    assert [tuple(row) for row in archive.conn.execute("SELECT bio FROM authors WHERE bio IS NOT NULL")] == [
        ("Cooks soup.",)
    ]
    assert wanted[-1][1:] == ("author", "an author page")
    worker.close()


def test_a_worker_completes_the_title_of_a_post_an_earlier_run_stored_as_a_crawl_next_to_the_archive_does(
    archive: Archive, tmp_path: Path
) -> None:
    """A worker's scratch archive was seeded with the URLs and times of the site's posts alone: a feed read in a
    recrawl found no stored title to complete ("Soup — Kitchen — slow food", the page's whole <title>, where the feed
    says "Soup"), and the post kept it in the real archive. The seed holds each post's title and site name now; a
    job queued before (URL and times alone) still seeds its posts."""
    import zlib

    import msgpack

    from archive.relayed import seed_posts, site_posts
    from crawler.distributed.relayed_archive import RelayedArchive
    from crawler.extraction.titles import with_feed_title

    page_title = "Soup — Kitchen — slow food"
    first = archive.start_run(["https://k.example/"], "kitchen")
    archive.save_article(first, {**POST, "title": page_title}, PAGE["fetched_at"])
    archive.finish_run(first, "finished")
    outbox = RecordingOutbox()
    worker = RelayedArchive(tmp_path / "worker.db", outbox)
    assert seed_posts(worker, site_posts(archive.conn, ["k.example"])) == 1
    run_id = worker.start_run(["https://k.example/"], "kitchen")
    stored = worker.stored_titles([POST["url"]])
    assert stored == {POST["url"]: (page_title, None)}
    title, sitename = stored[POST["url"]]
    credit = {"authors": [], "categories": [], "title": [title, with_feed_title(title, "Soup", sitename)]}
    with worker.batch():
        worker.credit_posts_from_feed(run_id, {POST["url"]: credit}, PAGE["fetched_at"])
    worker.commit()
    apply_batch(archive, batch("b1", "run-b", *outbox.units))
    assert [tuple(row) for row in archive.conn.execute("SELECT title FROM articles")] == [("Soup",)]
    assert [tuple(row) for row in archive.conn.execute("SELECT title FROM article_versions")] == [(page_title,)]
    worker.close()
    older = RelayedArchive(tmp_path / "older.db", RecordingOutbox())
    assert seed_posts(older, zlib.compress(msgpack.packb([[POST["url"], PAGE["fetched_at"], None]]))) == 1
    assert older.stored_titles([POST["url"]]) == {POST["url"]: (None, None)}
    older.close()
