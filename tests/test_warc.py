"""WARC output (`crawl --warc DIR`): real crawls of the sample blog on 127.0.0.1, checked with warcio's own CLI."""

from __future__ import annotations

import gzip
import json
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from crawler.capture.warc_index import INDEX_NAME
from crawler.demo.server import DemoSite, serve
from tests.conftest import FAULTS_EXIT, REPO

WARCIO = str(Path(sys.executable).with_name("warcio"))
FILE_NAME = re.compile(r"blogarchive-\d{17}-\d{5}\.warc\.gz")
NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
IDENTICAL = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


def warc_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.warc.gz"))


def records(paths: list[Path]) -> list[dict]:
    """Every record's WARC headers (plus `file`, `status`, `payload`: the HTTP payload as stored)."""
    found = []
    for path in paths:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                headers = dict(record.rec_headers.headers)
                headers["file"] = path.name
                headers["version"] = record.rec_headers.protocol
                if record.http_headers is not None and record.rec_type in ("response", "revisit"):
                    headers["status"] = int(record.http_headers.get_statuscode())
                    headers["http"] = dict(record.http_headers.headers)
                headers["payload"] = record.raw_stream.read()
                found.append(headers)
    return found


def by_type(found: list[dict], url: str) -> dict[str, list[dict]]:
    kinds: dict[str, list[dict]] = {}
    for record in found:
        if record.get("WARC-Target-URI") == url:
            kinds.setdefault(record["WARC-Type"], []).append(record)
    return kinds


def assert_warcio_accepts(paths: list[Path]) -> None:
    """`warcio check` (every digest) and `warcio index` (every record readable) pass on each file."""
    assert paths
    for path in paths:
        check = subprocess.run([WARCIO, "check", "-v", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "digest failed" not in check.stdout
        index = subprocess.run([WARCIO, "index", str(path)], capture_output=True, text=True)
        assert index.returncode == 0, index.stderr
        lines = [json.loads(line) for line in index.stdout.splitlines()]
        assert lines[0]["warc-type"] == "warcinfo"
        assert len(lines) == len(records([path]))


def post_urls(site: DemoSite) -> list[str]:
    return [url for url, _title in site.expected_posts()]


def test_crawl_writes_request_response_and_metadata_for_every_post_and_warcio_accepts_the_files(site, crawl, tmp_path):
    warc = tmp_path / "warc"
    result = crawl(site.base, "--warc", str(warc))
    assert result.returncode == FAULTS_EXIT, result.stderr
    paths = warc_files(warc)
    assert [p.name for p in paths if not FILE_NAME.fullmatch(p.name)] == []
    assert not list(warc.glob("*.open"))  # closed cleanly at the end of the crawl
    assert_warcio_accepts(paths)
    found = records(paths)
    assert {r["version"] for r in found} == {"WARC/1.1"}
    assert [r["WARC-Type"] for r in found].count("warcinfo") == len(paths)
    for url in post_urls(site):
        kinds = by_type(found, url)
        (response,) = kinds["response"]
        assert response["status"] == 200 and b"<html" in response["payload"]
        for linked in ("request", "metadata"):
            (record,) = kinds[linked]
            assert record["WARC-Concurrent-To"] == response["WARC-Record-ID"]
            assert record["WARC-Date"] == response["WARC-Date"]
        assert kinds["request"][0]["payload"] == b""
        assert b"crawl-run: 1" in kinds["metadata"][0]["payload"]
    broken = by_type(found, site.base + "broken/")["response"]
    assert [r["status"] for r in broken] == [500, 500, 500]  # every try, as the server answered


def test_recrawl_of_unchanged_site_writes_not_modified_revisits_and_no_new_responses(crawl, tmp_path):
    warc = tmp_path / "warc"
    site = DemoSite(sitemap="none")  # every post is asked again (conditional GET), none skipped per sitemap
    with serve(site):
        assert crawl(site.base, "--warc", str(warc)).returncode == 0
        first_files = warc_files(warc)
        assert crawl(site.base, "--warc", str(warc)).returncode == 0
    first = records(first_files)
    second = records([p for p in warc_files(warc) if p not in first_files])
    assert_warcio_accepts(warc_files(warc))
    for url in post_urls(site):
        kinds = by_type(second, url)
        assert "response" not in kinds
        (revisit,) = kinds["revisit"]
        assert revisit["WARC-Profile"] == NOT_MODIFIED
        assert revisit["Content-Length"] == "0"  # no block: replay uses the original's headers and payload
        (original,) = by_type(first, url)["response"]
        assert revisit["WARC-Refers-To"] == original["WARC-Record-ID"]
        assert revisit["WARC-Refers-To-Date"] == original["WARC-Date"]
        assert "WARC-Payload-Digest" not in revisit  # the 304 has no payload of its own
        assert kinds["request"][0]["WARC-Concurrent-To"] == revisit["WARC-Record-ID"]
    # robots.txt is fetched without validators: a 200 with the same bytes as the first run's response
    robots = site.base + "robots.txt"
    revisits = by_type(second, robots)["revisit"]
    assert "response" not in by_type(second, robots)
    (original,) = by_type(first, robots)["response"]
    for revisit in revisits:
        assert revisit["WARC-Profile"] == IDENTICAL
        assert revisit["WARC-Payload-Digest"] == original["WARC-Payload-Digest"]
        assert revisit["WARC-Refers-To-Target-URI"] == robots
        assert revisit["WARC-Refers-To-Date"] == original["WARC-Date"]
        assert revisit["payload"] == b""  # headers only


def test_edited_post_gets_a_new_full_response_record(crawl, tmp_path):
    warc = tmp_path / "warc"
    site = DemoSite(sitemap="none")
    with serve(site):
        assert crawl(site.base, "--warc", str(warc)).returncode == 0
        first_files = warc_files(warc)
        site.edit_post("winter-squash-soup", paragraph="Update: a pinch of smoked paprika works well too.")
        assert crawl(site.base, "--warc", str(warc)).returncode == 0
    second = records([p for p in warc_files(warc) if p not in first_files])
    edited = site.base.rstrip("/") + site.post("winter-squash-soup").path
    (response,) = by_type(second, edited)["response"]
    assert b"smoked paprika" in response["payload"]
    (original,) = by_type(records(first_files), edited)["response"]
    assert response["WARC-Payload-Digest"] != original["WARC-Payload-Digest"]
    unchanged = [url for url in post_urls(site) if url != edited]
    assert not [url for url in unchanged if "response" in by_type(second, url)]


def test_small_max_size_rotates_files_each_starting_with_warcinfo(site, crawl, tmp_path):
    warc = tmp_path / "warc"
    assert crawl(site.base, "--warc", str(warc), "-s", "WARC_MAX_SIZE=100000").returncode == FAULTS_EXIT
    paths = warc_files(warc)
    assert len(paths) > 2
    assert [p.name[-14:] for p in paths] == [f"-{n:05d}.warc.gz" for n in range(len(paths))]
    assert_warcio_accepts(paths)
    for path in paths:
        found = records([path])
        assert found[0]["WARC-Type"] == "warcinfo" and found[0]["WARC-Filename"] == path.name
        assert {r["WARC-Warcinfo-ID"] for r in found[1:]} == {found[0]["WARC-Record-ID"]}
        # an exchange never spans two files: each response's request and metadata are beside it
        ids = {r["WARC-Record-ID"] for r in found}
        assert {r["WARC-Concurrent-To"] for r in found if "WARC-Concurrent-To" in r} <= ids


def test_content_encoded_response_is_stored_as_received_with_its_encoding_header(crawl, tmp_path):
    page = b"<!doctype html><html><head><title>Zipped</title></head><body><p>Sent gzip-encoded.</p></body></html>"
    encoded = gzip.compress(page, mtime=0)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            body, encoding = (encoded, "gzip") if self.path == "/" else (b"", None)
            self.send_response(200 if self.path == "/" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    warc = tmp_path / "warc"
    with _server(Handler) as base:
        crawl(base, "--warc", str(warc))
    paths = warc_files(warc)
    assert_warcio_accepts(paths)
    (response,) = by_type(records(paths), base)["response"]
    assert response["http"]["Content-Encoding"] == "gzip"
    assert response["payload"] == encoded and response["http"]["Content-Length"] == str(len(encoded))
    with paths[0].open("rb") as stream:
        replayed = [r.content_stream().read() for r in ArchiveIterator(stream) if r.rec_type == "response"]
    assert page in replayed  # readers decode it, as a browser would


def test_unusable_warc_folder_is_a_one_line_error_before_crawling(site, crawl, tmp_path, db):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for bad, option in ((blocker, "--warc"), (blocker / "warc", "--warc"), (blocker / "warc", "-s")):
        result = crawl(site.base, option, f"WARC_DIR={bad}" if option == "-s" else str(bad))
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        (error,) = result.stderr.strip().splitlines()
        assert error.startswith("Error: ") and str(bad) in error, result.stderr
    assert db("SELECT count(*) FROM crawl_runs")[0][0] == 0  # nothing was crawled


class HeldSite(DemoSite):
    """The sample blog, answering robots.txt at once and everything else only once `release` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def respond(self, target: str):  # noqa: ANN201 (DemoSite's Response)
        if target != "/robots.txt":
            self.release.wait(60)
        return super().respond(target)


def _start_crawl(base: str, tmp_path: Path, *options: str) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "crawler",
        "crawl",
        base,
        "--db",
        str(tmp_path / "archive.db"),
        "--quiet",
        "--log-file",
        str(tmp_path / "crawl.log"),
        "-s",
        "EXTRACT_PROCESSES=1",
        *options,
    ]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    """Poll until `condition` holds (the crawl got that far); fails only if the crawl ends first or hangs."""
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the crawl never got there"
        time.sleep(0.05)


def _indexed(warc: Path) -> int:
    if not (warc / INDEX_NAME).exists():
        return 0
    connection = sqlite3.connect(f"file:{warc / INDEX_NAME}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM last_response").fetchone()[0]
    except sqlite3.OperationalError:  # the crawl has not created the table yet
        return 0
    finally:
        connection.close()


def test_sigterm_mid_crawl_closes_the_warc_file_cleanly(tmp_path):
    warc = tmp_path / "warc"
    site = HeldSite()
    with serve(site):
        process = _start_crawl(site.base, tmp_path, "--warc", str(warc))
        try:
            _wait_for(lambda: _indexed(warc) > 0, process)  # robots.txt written, every other answer held
            process.send_signal(signal.SIGTERM)
        finally:
            site.release.set()
        process.communicate(timeout=120)
    assert process.returncode >= 0  # Scrapy shut down; the process was not killed by the signal
    assert not list(warc.glob("*.open"))
    paths = warc_files(warc)
    assert_warcio_accepts(paths)
    assert by_type(records(paths), site.base + "robots.txt")["response"]
    assert "shutdown" in (tmp_path / "crawl.log").read_text()


def test_write_failure_mid_crawl_is_logged_and_counted_and_the_crawl_goes_on(tmp_path, db):
    warc = tmp_path / "warc"
    site = HeldSite()
    with serve(site):
        # One file per exchange, so every exchange after the folder is gone needs a new file, and fails.
        process = _start_crawl(site.base, tmp_path, "--warc", str(warc), "-s", "WARC_MAX_SIZE=1")
        try:
            _wait_for(lambda: len(warc_files(warc)) >= 2, process)  # both robots.txt fetches, nothing else
            warc.rename(tmp_path / "warc-moved")
            warc.write_text("a file where the WARC folder was")
        finally:
            site.release.set()
        process.communicate(timeout=180)
    assert process.returncode == 0
    assert db("SELECT count(*) FROM articles")[0][0] == 33  # the archive is complete all the same
    log = (tmp_path / "crawl.log").read_text()
    failures = re.findall(r"ERROR crawler\.downloadermiddlewares\.warc: WARC write failed for (\S+): (.*)", log)
    assert failures and all("Not a directory" in message for _url, message in failures)
    assert f"'blogarchive/warc_errors': {len(failures)}" in log
    assert_warcio_accepts(warc_files(tmp_path / "warc-moved"))


@contextmanager
def _server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
