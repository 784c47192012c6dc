"""Network faults: a server that never answers, one that resets the connection, one that trickles its answer, a
429/503 with Retry-After, a name that does not resolve and a port nobody listens on. Each is recorded with its
cause, retried where that makes sense (not a refused connection or a failed DNS lookup), and none hangs the crawl.
"""

from __future__ import annotations

import socket
import struct
import time
from http.server import BaseHTTPRequestHandler

from crawler.downloadermiddlewares.retry_after import retry_after_seconds
from crawler.errors import EXIT_INCOMPLETE
from tests.conftest import run_cli, unused_port
from tests.hostile.servers import answer, crawl, page, post

RETRIES = ("-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_TIMEOUT=2")


def silent(handler: BaseHTTPRequestHandler) -> None:
    """Accepts the request and never answers (until long after the crawl's DOWNLOAD_TIMEOUT)."""
    time.sleep(8)


def reset(handler: BaseHTTPRequestHandler) -> None:
    """Closes the connection with a TCP reset, before any answer."""
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()
    handler.close_connection = True


def trickle(handler: BaseHTTPRequestHandler) -> None:
    """Headers, then one byte every half second: never done within DOWNLOAD_TIMEOUT."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    for _ in range(16):
        try:
            handler.wfile.write(b"<")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.5)


def busy_once(times: list[float]):
    """503 with Retry-After: 1 the first time, the post after."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        times.append(time.monotonic())
        if len(times) == 1:
            answer(handler, (503, {"Retry-After": "1"}, b"busy"))
        else:
            answer(handler, post("Worth the wait"))

    return handle


def test_timeouts_resets_trickles_and_retry_after_are_recorded_retried_and_never_hang(world, tmp_path, db):
    blog, _, sink = world
    waits: list[float] = []
    blog.routes.update(
        {
            "/": page("/silent/", "/reset/", "/trickle/", "/busy/", "/always-busy/", "/come-back-tomorrow/"),
            "/silent/": silent,
            "/reset/": reset,
            "/trickle/": trickle,
            "/busy/": busy_once(waits),
            "/always-busy/": (503, {"Retry-After": "1"}, b"busy"),
            "/come-back-tomorrow/": (429, {"Retry-After": "86400"}, b"later"),
        }
    )
    started = time.monotonic()
    result = crawl(tmp_path, sink, blog.base, *RETRIES, timeout=90)
    assert result.returncode == EXIT_INCOMPLETE, result.stderr  # five pages that are there were not archived
    assert time.monotonic() - started < 60  # generous: the slowest page takes 2 tries of 2 s

    errors = dict(db("SELECT url, message FROM crawl_errors"))
    assert {url.removeprefix(blog.base): message for url, message in errors.items()} == {
        "silent/": "timed out (tried 2 times)",
        "reset/": "connection lost (tried 2 times)",
        "trickle/": "timed out (tried 2 times)",
        "always-busy/": "HTTP 503 (tried 2 times)",
        "come-back-tomorrow/": "HTTP 429 with Retry-After 86400 s, over RETRY_AFTER_MAX (60 s): not retried",
    }
    assert db("SELECT title FROM articles") == [("Worth the wait",)]
    assert len(waits) == 2 and waits[1] - waits[0] >= 0.9  # the retry came when the server asked, not at once
    assert blog.paths().count("/come-back-tomorrow/") == 1 and blog.paths().count("/always-busy/") == 2


def test_a_name_that_does_not_resolve_and_a_refused_connection_fail_at_once_untried_again(tmp_path, db):
    """Without the proxy sink (a proxy would answer for the name): .invalid never resolves (RFC 6761)."""
    for url, cause in (
        ("http://no-such-blog.invalid/", "DNS lookup failed (no such host)"),
        (f"http://127.0.0.1:{unused_port()}/", "connection refused (is the server running?)"),
    ):
        options = ("--db", str(tmp_path / "archive.db"), "--quiet", "-s", "RETRY_TIMES=2", "-s", "EXTRACT_PROCESSES=0")
        result = run_cli("crawl", url, *options, timeout=60)  # a hang or a wait on retries runs past this
        assert result.returncode == 1, result.stderr
        messages = {message for (message,) in db("SELECT message FROM crawl_errors WHERE url = ?", url)}
        assert messages == {cause}  # not "(tried 3 times)": an answer, not an accident


def test_retry_after_reads_seconds_and_http_dates():
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120") == 120
    assert retry_after_seconds(b"Thu, 01 Jan 2026 12:00:30 GMT", now) == 30
    assert retry_after_seconds(b"Thu, 01 Jan 2026 11:00:00 GMT", now) == 0
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None
