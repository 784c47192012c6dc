"""A crawl stopped outright (SIGKILL, a second Ctrl-C) leaves its WARC file open: the next crawl into the folder, or
`blogarchive wacz`, closes it — cut after its last complete record — and packages it, so no capture is lost; a file
a live crawl is writing is left alone; a post the folder holds no capture of is fetched in full."""

from __future__ import annotations

import fcntl
import gzip
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from crawler.capture.warc_index import INDEX_NAME
from crawler.demo.server import DemoSite, serve
from tests.conftest import REPO, run_cli
from tests.hostile.test_storage import count_posts
from tests.test_warc import assert_warcio_accepts, records, warc_files

CRAWL = ("--quiet", "-s", "EXTRACT_PROCESSES=1")


class SlowSite(DemoSite):
    """The sample blog answering each request after a moment: a crawl long enough to be stopped halfway."""

    def respond(self, target: str):  # noqa: ANN201 (DemoSite's Response)
        time.sleep(0.03)
        return super().respond(target)


def stop_outright(base: str, db: Path, warc: Path, how: str) -> None:
    """Crawl into `warc` and stop the crawl outright once it has archived a few posts."""
    command = [sys.executable, "-m", "crawler", "crawl", base, "--db", str(db), "--warc", str(warc), *CRAWL]
    slow = ("-s", "AUTOTHROTTLE_ENABLED=false", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
    crawl = subprocess.Popen([*command, *slow], cwd=REPO, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while count_posts(db) < 5:
        assert crawl.poll() is None, crawl.stderr.read()
        assert time.monotonic() < deadline, "fewer than 5 posts after 2 minutes"
        time.sleep(0.05)
    if how == "sigkill":
        crawl.kill()
    else:  # a second Ctrl-C stops the reactor at once: the spider is not closed, nor its WARC file
        crawl.send_signal(signal.SIGINT)
        time.sleep(0.02)
        crawl.send_signal(signal.SIGINT)
    _, said = crawl.communicate(timeout=60)
    assert crawl.returncode in (-signal.SIGKILL, 130), crawl.returncode
    if how != "sigkill":  # one line, not 'stopped after 0 posts': the run's counts were never written
        assert said.strip().splitlines()[-1].startswith("stopped at once by a second signal"), said
    assert list(warc.glob("*.warc.gz.open")), "the stopped crawl left no open WARC file: nothing to test"


@pytest.mark.parametrize("how", ["sigkill", "double-ctrl-c"])
def test_the_next_crawl_closes_a_stopped_crawls_warc_file_and_wacz_packages_every_capture(tmp_path, how):
    db, warc = tmp_path / "archive.db", tmp_path / "warc"
    site = SlowSite()
    with serve(site):
        stop_outright(site.base, db, warc, how)
        left_open = [path.name.removesuffix(".open") for path in warc.glob("*.warc.gz.open")]
        resumed = run_cli("crawl", site.base, "--db", str(db), "--warc", str(warc), *CRAWL)
        assert resumed.returncode == 0, resumed.stderr

    assert not list(warc.glob("*.open"))
    assert set(left_open) <= {path.name for path in warc_files(warc)}  # closed under their final names
    assert_warcio_accepts(warc_files(warc))
    out = tmp_path / "blog.wacz"
    packaged = run_cli("wacz", str(out), "--warc", str(warc), "--db", str(db))
    assert packaged.returncode == 0, packaged.stderr
    assert packaged.stderr == ""  # no post without a capture, no file left out
    assert "33 posts listed" in packaged.stdout
    with zipfile.ZipFile(out) as wacz:
        index = gzip.decompress(wacz.read("indexes/index.cdx.gz")).decode().splitlines()
        members = wacz.namelist()
    assert {f"archive/{name}" for name in left_open} <= set(members)
    assert site.base in {json.loads(line.split(" ", 2)[2])["url"] for line in index}  # the home page too


def _left_open(demo_capture, tmp_path: Path, cut: int) -> tuple[Path, Path, bytes]:
    """A copy of the capture's WARC folder whose one file a crawl 'was killed while writing': renamed `.open`,
    its last `cut` bytes (inside its last record) lost."""
    warc = tmp_path / "warc"
    shutil.copytree(demo_capture.warc, warc)
    (finished,) = warc_files(warc)
    data = finished.read_bytes()
    finished.unlink()
    left = finished.with_name(finished.name + ".open")
    left.write_bytes(data[: len(data) - cut])
    return warc, finished, data


def test_wacz_closes_a_file_a_killed_crawl_left_open_cutting_its_unfinished_record(demo_capture, tmp_path):
    warc, finished, data = _left_open(demo_capture, tmp_path, cut=100)
    whole = records([demo_capture.warc / finished.name])
    result = run_cli("wacz", str(tmp_path / "out.wacz"), "--warc", str(warc), "--db", str(demo_capture.db))
    assert result.returncode == 0, result.stderr

    kept = records([finished])
    assert len(kept) == len(whole) - 1  # only the record that was cut off is gone
    assert finished.read_bytes() == data[: len(finished.read_bytes())]  # the rest, byte for byte
    cut = len(data) - 100 - len(finished.read_bytes())
    assert result.stderr.strip() == (
        f"note: closed {finished.name}.open (left open by a crawl that was stopped): {len(kept)} records kept,"
        f" {cut} bytes of an unfinished record cut off; packaged"
    )
    assert_warcio_accepts([finished])
    kept_ids = {record["WARC-Record-ID"] for record in kept}
    index = sqlite3.connect(warc / INDEX_NAME).execute("SELECT record_id FROM last_response").fetchall()
    assert index and {record_id for (record_id,) in index} <= kept_ids  # no revisit can point at the cut record


def test_a_file_a_live_crawl_is_writing_is_left_out_and_untouched(demo_capture, tmp_path):
    warc, finished, data = _left_open(demo_capture, tmp_path, cut=0)
    shutil.copy(demo_capture.warc / finished.name, finished)  # an earlier, finished file beside it
    writing = warc / (finished.name.replace("-00000", "-00001") + ".open")
    (finished.parent / (finished.name + ".open")).rename(writing)
    with writing.open("r+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as the crawl writing it holds it
        result = run_cli("wacz", str(tmp_path / "out.wacz"), "--warc", str(warc))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"note: {writing.name} left out: a crawl is still writing it"
    assert writing.read_bytes() == data
    with zipfile.ZipFile(tmp_path / "out.wacz") as wacz:
        assert [n for n in wacz.namelist() if n.startswith("archive/")] == [f"archive/{finished.name}"]


def test_a_recrawl_into_a_warc_folder_captures_posts_archived_without_one(tmp_path):
    db, warc = tmp_path / "archive.db", tmp_path / "warc"
    site = DemoSite()
    with serve(site):
        assert run_cli("crawl", site.base, "--db", str(db), *CRAWL).returncode == 0  # no --warc
        # the recrawl's sitemaps say every post is unchanged, and the server would answer each one 304
        recrawl = run_cli("crawl", site.base, "--db", str(db), "--warc", str(warc), *CRAWL)
        assert recrawl.returncode == 0, recrawl.stderr
    responses = {r["WARC-Target-URI"] for r in records(warc_files(warc)) if r["WARC-Type"] == "response"}
    assert {url for url, _ in site.expected_posts()} <= responses
    packaged = run_cli("wacz", str(tmp_path / "blog.wacz"), "--warc", str(warc), "--db", str(db))
    assert packaged.returncode == 0 and packaged.stderr == "", packaged.stderr
    assert "33 posts listed" in packaged.stdout
