"""An archive handed on, on a read-only file system or share: every read command opens it (stats, search, export,
history, verify, serve, wacz --db), and so do plain sqlite3 and Datasette; one a crawl left in WAL mode (killed,
its -wal beside it) is read too, with one line saying what is not shown.

The read-only file system is a tmpfs the test mounts and remounts read-only (the tests run as root, as CI does);
where mounting is not allowed the tests are skipped.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli, unused_port
from tests.hostile.test_storage import remount, tmpfs

READ_COMMANDS = [
    ("stats", "--format", "json"),
    ("search", "sourdough", "--format", "json"),
    ("export", "-", "--format", "jsonl"),
    ("verify", "--format", "json"),
]


@pytest.fixture
def share(tmp_path: Path) -> Iterator[Path]:
    """A folder that becomes a read-only file system once the test has put its files in."""
    with tmpfs(tmp_path / "share", "32m") as mounted:
        if not mounted:
            pytest.skip("this machine does not let the test mount a read-only file system")
        yield tmp_path / "share"


def test_an_archive_a_crawl_closed_is_read_on_a_read_only_file_system_by_every_read_command(demo_archive, share):
    db = share / "archive.db"
    shutil.copy(demo_archive, db)
    remount(share, "ro")
    for command in READ_COMMANDS:
        result = run_cli(*command, "--db", str(db))
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result.stderr)
        assert result.stdout.strip(), command
    post = sqlite3.connect(demo_archive).execute("SELECT url FROM articles WHERE url LIKE '%squash%'").fetchone()[0]
    history = run_cli("history", post, "--db", str(db), "--format", "json")
    assert [v["version"] for v in json.loads(history.stdout)] == [1, 2], history.stderr
    # plain SQLite, as sqlite3, pandas or any other program opens it: no URI, no special flag
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone() == (33,)


def test_serve_shows_an_archive_on_a_read_only_file_system(demo_archive, share):
    db = share / "archive.db"
    shutil.copy(demo_archive, db)
    remount(share, "ro")
    port = unused_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--db", str(db), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        rows = _get_json(f"http://127.0.0.1:{port}/archive.json?sql=select+count(*)+as+n+from+articles", server)
        assert rows["rows"] == [[33]]
    finally:
        server.terminate()
        server.wait(10)


def test_a_killed_crawls_wal_archive_is_read_with_a_note_on_what_is_not_shown(demo_archive, share):
    db = share / "archive.db"
    shutil.copy(demo_archive, db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # the change stays in the -wal, as a killed crawl leaves it
    writer.execute("UPDATE articles SET title = 'Changed after the copy' WHERE id = 1")
    shutil.copy(db, share / "copy.db")
    shutil.copy(share / "archive.db-wal", share / "copy.db-wal")
    writer.close()
    (share / "copy.db").rename(share / "handed-on.db")
    (share / "copy.db-wal").rename(share / "handed-on.db-wal")
    remount(share, "ro")
    result = run_cli("stats", "--db", str(share / "handed-on.db"), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["posts_per_language"]
    assert result.stderr.strip() == (
        f"note: {share / 'handed-on.db-wal'} holds changes a crawl had not yet written into"
        f" {share / 'handed-on.db'}; they are not shown here. To include them, run"
        f" `sqlite3 {share / 'handed-on.db'} 'PRAGMA journal_mode=DELETE'` where the folder can be written"
    )


def test_an_archive_in_wal_mode_without_its_wal_file_is_read_without_a_note(demo_archive, share):
    db = share / "archive.db"
    shutil.copy(demo_archive, db)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode = WAL")  # as a reader that closed last leaves it
    connection.close()
    remount(share, "ro")
    result = run_cli("search", "sourdough", "--db", str(db), "--format", "json")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_a_closed_archive_is_a_rollback_journal_file_and_a_crawl_writes_it_in_wal_mode(demo_archive, tmp_path):
    assert sqlite3.connect(demo_archive).execute("PRAGMA journal_mode").fetchone() == ("delete",)
    from archive import Archive

    archive = Archive(tmp_path / "a.db")
    assert tuple(archive.conn.execute("PRAGMA journal_mode").fetchone()) == ("wal",)
    reader = sqlite3.connect(tmp_path / "a.db")
    reader.execute("SELECT count(*) FROM articles").fetchone()
    archive.close()  # another connection is open: it stays in WAL mode, which the reader works in
    assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reader.close()
    Archive(tmp_path / "a.db").close()
    assert sqlite3.connect(tmp_path / "a.db").execute("PRAGMA journal_mode").fetchone() == ("delete",)


def _get_json(url: str, server: subprocess.Popen[str]) -> dict:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return json.loads(response.read())
        except OSError:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "Datasette did not answer in 60 s"
            time.sleep(0.2)
