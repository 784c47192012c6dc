"""`blogarchive demo`: idempotent in one folder, `--serve` to crawl the sample blog yourself, a busy port."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import urllib.request

from tests.conftest import REPO, run_cli, unused_port


def _counts(db) -> tuple[int, ...]:
    connection = sqlite3.connect(db)
    try:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "authors", "images", "comments")
        )
    finally:
        connection.close()


def test_a_second_demo_in_the_same_folder_adds_nothing(tmp_path):
    port = str(unused_port())
    first = run_cli("demo", "--quiet", "--port", port, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    archived = _counts(tmp_path / "archive.db")
    assert archived[:2] == (33, 4)
    second = run_cli("demo", "--quiet", "--port", port, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert _counts(tmp_path / "archive.db") == archived  # the same site, recrawled: no post or author twice
    runs = sqlite3.connect(tmp_path / "archive.db").execute("SELECT articles_new, status FROM crawl_runs").fetchall()
    assert runs == [(33, "finished"), (0, "finished")]


def test_demo_serve_serves_the_blog_until_stopped_and_a_busy_port_is_one_line_without_an_archive(tmp_path):
    port = unused_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler", "demo", "--serve", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert server.stdout.readline() == f"sample blog served at {url} until Ctrl-C; try: blogarchive crawl {url}\n"
        assert b"<html" in urllib.request.urlopen(url).read()

        busy = run_cli("demo", "--db", str(tmp_path / "archive.db"), "--port", str(port))
        assert busy.returncode == 1
        [line] = busy.stderr.splitlines()
        assert line.startswith(f"Error: port {port} on 127.0.0.1 is in use") and "--port " in line
        assert not (tmp_path / "archive.db").exists()

        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    finally:
        server.kill()
    assert server.returncode == 0, err
    assert out == "stopped serving the sample blog\n" and err == ""
