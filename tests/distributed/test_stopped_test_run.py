"""A test run stopped by a signal leaves nothing running: the Redis its fixtures started, the writer and the worker
(each in a session of its own, so the signal never reaches them) are stopped as the run unwinds."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO

TEST = "tests/distributed/test_roles.py::test_site_crawled_by_a_worker_is_archived_as_an_in_process_crawl_archives_it"


def _started_under(folder: Path) -> dict[int, str]:
    """pid → command of the processes of a test run in `folder`: its Redis (by the pid file in Redis's folder;
    Redis rewrites its command line) and those whose command line names the folder (the roles' --db, --state-dir)."""
    found = {}
    for pidfile in folder.glob("**/redis.pid"):
        with contextlib.suppress(OSError, ValueError):
            pid = int(pidfile.read_text())
            if Path(f"/proc/{pid}").exists():
                found[pid] = "redis-server"
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            words = cmdline.read_bytes().split(b"\0")
            if any(str(folder).encode() in word for word in words):
                found[int(cmdline.parent.name)] = b" ".join(words).decode(errors="replace")
    return found


def test_a_test_run_stopped_by_sigterm_leaves_no_redis_writer_or_worker_running(tmp_path: Path) -> None:
    base = tmp_path / "run"
    run = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", f"--basetemp={base}", TEST],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not (list(base.glob("**/writer-*.log")) and list(base.glob("**/worker-*.log"))):
            assert run.poll() is None and time.monotonic() < deadline, "the writer and worker never started"
            time.sleep(0.2)
        time.sleep(1)  # their processes are up
        started = " | ".join(_started_under(base).values())
        assert "redis-server" in started and " writer " in started and " worker " in started, started
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=120)
        deadline = time.monotonic() + 10
        while (left := _started_under(base)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert left == {}, left
    finally:  # this test's own cleanup, should the run have left anything
        run.kill()
        for pid in _started_under(base):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
