"""An export stopped halfway (Ctrl-C, SIGTERM) leaves the previous complete file as it was, no partial file, one
line and the exit status of the signal; a finished export has the permissions of an ordinary new file."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive import Archive
from tests.conftest import REPO, run_cli

POSTS = 4000  # an export of them takes long enough to be stopped halfway: well over a second


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "archive.db"
    archive = Archive(path)
    run = archive.start_run(["https://big.example.org/"])
    with archive.batch():
        for number in range(POSTS):
            text = f"Post {number}. " + "A paragraph about compost and kitchen gardens. " * 100
            archive.save_article(
                run, {"url": f"https://big.example.org/{number}/", "title": f"P{number}", "text": text}, "t"
            )
    archive.finish_run(run, "finished")
    archive.close()
    return path


def start_export(db: Path, out: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "crawler", "export", str(out), "--db", str(db)]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stop_halfway(process: subprocess.Popen[str], out: Path, signum: int) -> None:
    """Wait until the export has written part of its output (into OUT, or beside it), freeze it there, send
    `signum`, let it go on."""
    before = out.stat() if out.exists() else None
    deadline = time.monotonic() + 60
    while not _writing(out, before):
        assert process.poll() is None, f"the export ended before it could be stopped: {process.stderr.read()}"
        assert time.monotonic() < deadline, "the export wrote nothing for a minute"
        time.sleep(0.002)
    process.send_signal(signal.SIGSTOP)
    assert process.poll() is None, "the export finished before it could be stopped; make the archive bigger"
    process.send_signal(signum)
    process.send_signal(signal.SIGCONT)


def _writing(out: Path, before: os.stat_result | None) -> bool:
    for path in out.parent.iterdir():
        now = path.stat()
        if path != out and now.st_size:
            return True
        if path == out and (before is None or (now.st_mtime_ns, now.st_size) != (before.st_mtime_ns, before.st_size)):
            return True
    return False


@pytest.mark.parametrize(
    ("name", "signum"),
    [("posts.jsonl", signal.SIGINT), ("posts.parquet", signal.SIGINT), ("posts.csv", signal.SIGTERM)],
    ids=["jsonl-ctrl-c", "parquet-ctrl-c", "csv-sigterm"],
)
def test_an_export_stopped_halfway_leaves_the_previous_file_whole(big_archive, tmp_path, name, signum):
    out = tmp_path / name
    first = run_cli("export", str(out), "--db", str(big_archive))
    assert first.returncode == 0, first.stderr
    before = out.read_bytes()
    assert len(before) > 1_000_000  # the export really has something to cut

    export = start_export(big_archive, out)
    stop_halfway(export, out, signum)
    _, stderr = export.communicate(timeout=60)

    assert export.returncode == 128 + signum, stderr
    assert stderr.strip() == f"export stopped; {out} is as it was before"
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no partial file left


def test_an_export_into_a_new_file_stopped_halfway_leaves_no_file(big_archive, tmp_path):
    out = tmp_path / "posts.tsv"
    export = start_export(big_archive, out)
    stop_halfway(export, out, signal.SIGINT)
    export.communicate(timeout=60)
    assert export.returncode == 130
    assert list(tmp_path.iterdir()) == []


def test_a_finished_export_has_the_permissions_of_an_ordinary_new_file(demo_archive, tmp_path):
    umask = os.umask(0o022)
    try:
        out = tmp_path / "posts.jsonl"
        result = run_cli("export", str(out), "--db", str(demo_archive))
    finally:
        os.umask(umask)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o640)  # an existing file keeps its own
    assert run_cli("export", str(out), "--db", str(demo_archive)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
