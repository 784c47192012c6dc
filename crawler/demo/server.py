"""Serve a DemoSite over HTTP on 127.0.0.1: ETag/Last-Modified with 304s, HEAD, quiet logs."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawler.demo.site import DemoSite, Response, http_date

__all__ = ["DemoSite", "serve"]


def make_handler(site: DemoSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "blogarchive-demo/1"
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._answer(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(send_body=False)

        def _answer(self, send_body: bool) -> None:
            response = site.respond(self.path) or Response(404, "text/html; charset=utf-8", b"<h1>Not found</h1>")
            etag = '"' + hashlib.sha1(response.body).hexdigest()[:20] + '"'
            if response.status == 200 and _not_modified(self.headers, etag, response):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            if response.status == 200:
                self.send_header("ETag", etag)
                if response.last_modified is not None:
                    self.send_header("Last-Modified", http_date(response.last_modified))
            self.end_headers()
            if send_body:
                self.wfile.write(response.body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # the crawler logs what matters; a demo server printing every hit would drown it

    return Handler


def _not_modified(headers: object, etag: str, response: Response) -> bool:
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        return etag in [tag.strip() for tag in if_none_match.split(",")]
    since = headers.get("If-Modified-Since")
    if since and response.last_modified is not None:
        try:
            return response.last_modified <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


@contextmanager
def serve(site: DemoSite, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `site` in a background thread; yields its base URL and sets site.base to it."""
    server = ThreadingHTTPServer((host, port), make_handler(site))
    server.daemon_threads = True
    site.base = f"http://{host}:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield site.base
    finally:
        server.shutdown()
        server.server_close()
