"""The writer's side of the relay (archive/relayed.py) on a real SQLite file, from plain data: each batch once,
a bad unit alone undone, a re-delivered job's earlier run marked interrupted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive import Archive
from archive.relayed import apply_batch, pack_unit, prepare

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
