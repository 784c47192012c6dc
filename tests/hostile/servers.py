"""The hostile tests' HTTP servers on 127.0.0.1 and their crawl: routes with fixed answers, or handlers that answer
as a hostile server does (a cut stream, a reset, a trickle), and crawls run as child processes.

Every crawl runs with http_proxy pointing at a sink server on 127.0.0.1 (no_proxy for 127.0.0.1), so a request
that would leave the machine lands in the sink instead, and a test can assert that the sink saw nothing.
"""

from __future__ import annotations

import base64
import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import REPO

Route = tuple[int, dict[str, str], bytes]  # status, headers, body
Handler = Callable[[BaseHTTPRequestHandler], None]  # answers the request itself


@dataclass
class Server:
    routes: dict[str, Route | Handler] = field(default_factory=dict)
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path, headers) of every request
    require_auth: str | None = None  # "user:password": 401 without it
    base: str = ""
    fallback: Handler | None = None  # answers paths not in routes (404 without it)

    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]


def answer(handler: BaseHTTPRequestHandler, route: Route, base: str = "") -> None:
    status, headers, body = route
    handler.send_response(status)
    headers = {"Content-Type": "text/html; charset=utf-8", **headers}
    for name, value in headers.items():
        handler.send_header(name, value.format(base=base))
    if "Content-Length" not in headers:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a handler that resets or abandons its connection on purpose


@contextmanager
def serve(server: Server) -> Iterator[Server]:
    class RequestHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            server.seen.append((self.path, dict(self.headers.items())))
            expected = (
                "Basic " + base64.b64encode(server.require_auth.encode()).decode() if server.require_auth else None
            )
            if expected and self.headers.get("Authorization") != expected:
                answer(self, (401, {"WWW-Authenticate": 'Basic realm="x"'}, b"no"))
                return
            route = server.routes.get(self.path)
            if callable(route):
                route(self)
            elif route is None and server.fallback is not None:
                server.fallback(self)
            else:
                answer(self, route or (404, {}, b"not here"), server.base)

        def log_message(self, *args: object) -> None:
            pass

    httpd = _QuietServer(("127.0.0.1", 0), RequestHandler)
    server.base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


def page(*links: str, title: str = "t") -> Route:
    anchors = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    html = f"<!doctype html><html><head><title>{title}</title></head><body><ul>{anchors}</ul></body></html>"
    return 200, {}, html.encode()


PARAGRAPH = "A post long enough to be an article, about the garden, the kitchen and the code we write. " * 4


def post_html(title: str, paragraphs: int = 6, head: str = "", wrap: str = "article") -> str:
    body = "".join(f"<p>{PARAGRAPH} ({title}, paragraph {n})</p>" for n in range(paragraphs))
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<{wrap}><h1>{title}</h1>{body}</{wrap}></body></html>"
    )


def post(title: str, **options: str) -> Route:
    return 200, {}, post_html(title, **options).encode()


def served_after(db_path: Path, sql: str, route: Route) -> Handler:
    """`route`, answered once `sql` finds a row in the crawl's archive at `db_path` (or after a minute): a page the
    crawl reads after what it settles first, whatever the crawl's pace."""

    def handler(request: BaseHTTPRequestHandler) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(sqlite3.Error), closing(sqlite3.connect(db_path)) as connection:
                if connection.execute(sql).fetchone():
                    break
            time.sleep(0.2)
        answer(request, route)

    return handler


def redirect(location: str, status: int = 302) -> Route:
    return status, {"Location": location}, b""


def crawl(tmp_path: Path, sink: Server, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A crawl into tmp_path/archive.db, its log in tmp_path/crawl.log, extraction in a thread, no retries; a -s
    in `args` wins over these (a test that wants retries sets RETRY_TIMES)."""
    env = {**os.environ, "http_proxy": sink.base, "https_proxy": sink.base, "no_proxy": "127.0.0.1,localhost"}
    options = ("--db", str(tmp_path / "archive.db"), "--quiet", "--log-file", str(tmp_path / "crawl.log"))
    settings = ("-s", "EXTRACT_PROCESSES=0", "-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=0")
    return subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", *options, *settings, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
