"""Bad input to every command is one line naming the input and the fix, and a non-zero exit status — never a
traceback: URLs no server can have (a port out of range or not a number, a broken IPv6 address), an export into a
folder that is missing or cannot be written, `serve` on a port that is taken."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.conftest import REPO, run_cli
from tests.hostile.test_storage import remount, tmpfs

BAD_URLS = [
    ("http://127.0.0.1:99999/", "its port 99999 is out of range (1 to 65535)"),
    ("http://host:abc/", "its port 'abc' is not a number"),
    ("http://[::1/", "it is not a valid URL (Invalid IPv6 URL)"),
]


def assert_one_line(result: subprocess.CompletedProcess[str], status: int, *words: str) -> None:
    assert result.returncode == status, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert all(word in lines[0] for word in words), result.stderr


@pytest.mark.parametrize(("url", "reason"), BAD_URLS, ids=["port-range", "port-text", "ipv6"])
def test_a_start_url_no_server_can_have_is_one_line_before_the_archive_is_created(tmp_path, url, reason):
    result = run_cli("crawl", url, "--db", str(tmp_path / "a.db"))
    assert_one_line(result, 2, f"invalid start URL {url!r}: {reason}")
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(("url", "reason"), BAD_URLS, ids=["port-range", "port-text", "ipv6"])
def test_sites_add_refuses_such_a_url_in_one_line_and_leaves_the_file_alone(tmp_path, url, reason):
    config = tmp_path / "sites.toml"
    result = run_cli("sites", "add", "blog", url, "--config", str(config))
    assert_one_line(result, 1, reason)
    assert not config.exists()


@pytest.mark.parametrize(("url", "reason"), BAD_URLS, ids=["port-range", "port-text", "ipv6"])
def test_history_of_such_a_url_says_it_is_not_in_the_archive(demo_archive, url, reason):
    result = run_cli("history", url, "--db", str(demo_archive))
    assert_one_line(result, 1, f"{url} is not in {demo_archive}")


def test_export_into_a_missing_folder_is_one_line(demo_archive, tmp_path):
    out = tmp_path / "missing" / "posts.jsonl"
    result = run_cli("export", str(out), "--db", str(demo_archive))
    assert_one_line(result, 2, f"cannot write {out}", f"folder {out.parent} does not exist")


def test_export_into_a_folder_that_is_a_file_is_one_line(demo_archive, tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    out = tmp_path / "notes.txt" / "posts.parquet"
    result = run_cli("export", str(out), "--db", str(demo_archive))
    assert_one_line(result, 2, f"cannot write {out}", "is not a folder")


def test_export_into_a_read_only_folder_is_one_line(demo_archive, tmp_path):
    with tmpfs(tmp_path / "share", "1m") as mounted:
        if not mounted:
            pytest.skip("this machine does not let the test mount a read-only file system")
        remount(tmp_path / "share", "ro")
        for name in ("posts.csv", "posts.parquet"):
            out = tmp_path / "share" / name
            result = run_cli("export", str(out), "--db", str(demo_archive))
            assert_one_line(result, 2, f"cannot write {out}", "read-only file system")


def test_serve_on_a_port_that_is_taken_is_one_line(demo_archive):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "crawler", "serve", "--db", str(demo_archive), "--port", str(port)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert_one_line(result, 1, f"cannot serve on 127.0.0.1:{port}", "give another --port")
    assert result.stdout == ""
