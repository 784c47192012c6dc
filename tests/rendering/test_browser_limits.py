"""The browser's resources, bounded as the issue asks, in one crawl of a small shell-rendered blog on 127.0.0.1:
the Chromium process killed while it renders a post (the test kills it, as the OOM killer would) is a recorded,
retried failure and the post is archived; a page whose script never ends is cut at RENDER_TIMEOUT and recorded,
never a hang; `--screenshots DIR` keeps a PNG of every rendered post, named in `pages.screenshot`; and with
RENDER_RESTART_PAGES the browser is started anew every few pages."""

from __future__ import annotations

import math
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.browser_blogs import PARAGRAPH
from crawler.errors import EXIT_INCOMPLETE
from tests.chromium import install_chromium
from tests.conftest import REPO

POSTS = [f"post-{n}" for n in range(1, 6)]
CRASH = "held"  # its script is held until the test has killed the browser rendering it
FOREVER = "forever"  # its script never ends: the load event never comes
RESTART_PAGES = 3
TIMEOUT = 12  # RENDER_TIMEOUT of this crawl, seconds


def _shell(title: str, script: str) -> bytes:
    """A page a script builds: an empty application root and a <noscript> (crawler/rendering/detect.py: a shell)."""
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head><body>"
        f'<div id="app"></div><noscript>Please enable JavaScript to read this blog.</noscript>{script}</body></html>'
    ).encode()


# Builds the post named by the page's path, as a client-rendered blog's bundle does.
APP_JS = f"""
const slug = location.pathname.split("/")[2];
const text = {PARAGRAPH!r};
document.getElementById("app").innerHTML = `<article><h1>Notes: ${{slug}}</h1>` +
  [1, 2, 3].map((n) => `<p>${{text}} (${{slug}}, part ${{n}})</p>`).join("") + "</article>";
""".encode()


@dataclass
class Blog:
    base: str = ""
    held: threading.Event = field(default_factory=threading.Event)  # the browser asked for the held script
    released: threading.Event = field(default_factory=threading.Event)  # … and may have it now
    held_requests: int = 0


def _answer(blog: Blog, path: str) -> tuple[int, str, bytes]:
    if path == "/":
        links = "".join(f'<li><a href="/posts/{slug}/">{slug}</a></li>' for slug in [*POSTS, CRASH, FOREVER])
        return 200, "text/html", f"<html><head><title>Notes</title></head><body><ul>{links}</ul></body></html>".encode()
    if path == "/app.js":
        return 200, "text/javascript", APP_JS
    if path == "/held.js":
        blog.held_requests += 1
        if blog.held_requests == 1:
            blog.held.set()
            blog.released.wait(60)
        return 200, "text/javascript", APP_JS
    if path == f"/posts/{FOREVER}/":
        return 200, "text/html", _shell(FOREVER, "<script>for (;;) {}</script>")
    if path == f"/posts/{CRASH}/":
        return 200, "text/html", _shell(CRASH, '<script src="/held.js"></script>')
    if path.removeprefix("/posts/").strip("/") in POSTS:
        return 200, "text/html", _shell(path, '<script src="/app.js"></script>')
    return 404, "text/plain", b"not here"


def _descendants(pid: int) -> list[int]:
    """Every process under `pid`, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kill_browser(crawl_pid: int) -> int | None:
    """SIGKILL to the crawl's Chromium browser process (not a renderer: those carry --type=); its pid."""
    for pid in _descendants(crawl_pid):
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"chromium" in command[0] and not any(arg.startswith(b"--type=") for arg in command):
            os.kill(pid, signal.SIGKILL)
            return pid
    return None


@dataclass
class Crawl:
    db: Path
    shots: Path
    log: str
    returncode: int
    stderr: str
    killed: int | None
    seconds: float

    def rows(self, sql: str, *params: object) -> list[tuple]:
        connection = sqlite3.connect(self.db)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    if (reason := install_chromium()) is not None:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("limits")
    blog = Blog()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            status, content_type, body = _answer(blog, self.path.split("?")[0])
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    blog.base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    db, log, shots = folder / "archive.db", folder / "crawl.log", folder / "shots"
    command = [sys.executable, "-m", "crawler", "crawl", blog.base, "--db", str(db), "--quiet", "--log-file", str(log)]
    command += ["--screenshots", str(shots), "-s", "EXTRACT_PROCESSES=1", "-s", "RENDER_BEHAVIOUR_TIME=3"]
    command += ["-s", f"RENDER_TIMEOUT={TIMEOUT}", "-s", f"RENDER_RESTART_PAGES={RESTART_PAGES}"]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        killed = _kill_browser(process.pid) if blog.held.wait(120) else None
        blog.released.set()
        _, stderr = process.communicate(timeout=300)
        yield Crawl(db, shots, log.read_text(), process.returncode, stderr, killed, time.monotonic() - started)
    finally:
        blog.released.set()
        if process.poll() is None:
            process.kill()
            process.wait()
        httpd.shutdown()
        httpd.server_close()


def test_a_killed_browser_is_started_again_and_the_post_it_was_rendering_archived(crawl: Crawl) -> None:
    assert crawl.killed is not None, "the crawl's Chromium was not found"
    assert "the browser failed" in crawl.log and "trying again in a new one" in crawl.log
    words = crawl.rows("SELECT word_count FROM articles WHERE url LIKE ?", f"%/posts/{CRASH}/")
    assert words and words[0][0] > 40
    archived = {url.rstrip("/").rsplit("/", 1)[1] for (url,) in crawl.rows("SELECT url FROM articles")}
    assert archived >= {*POSTS, CRASH}


def test_a_page_whose_script_never_ends_is_cut_at_the_time_limit_and_recorded(crawl: Crawl) -> None:
    errors = crawl.rows("SELECT url, message FROM crawl_errors")
    assert [url.rstrip("/").rsplit("/", 1)[1] for url, _ in errors] == [FOREVER]
    assert f"was not rendered: rendering took over {TIMEOUT} s" in errors[0][1]
    assert crawl.returncode == EXIT_INCOMPLETE, crawl.stderr  # a page there and not archived
    assert crawl.seconds < 120  # never a hang: the page cost its time limit, not the test's


def test_screenshots_keep_a_png_of_every_rendered_post(crawl: Crawl) -> None:
    shots = dict(crawl.rows("SELECT url, screenshot FROM pages WHERE rendered IS NOT NULL"))
    posts = {url: name for url, name in shots.items() if FOREVER not in url}
    assert len(posts) == len(POSTS) + 1 and all(posts.values())
    assert crawl.rows("SELECT screenshot FROM pages WHERE url LIKE ?", f"%/{FOREVER}/") == [(None,)]  # cut off
    assert sorted(path.name for path in crawl.shots.iterdir()) == sorted(posts.values())
    for name in posts.values():
        png = (crawl.shots / name).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", png[16:24])
        assert width == 1280 and height >= 300


def test_the_browser_is_started_anew_every_few_pages(crawl: Crawl) -> None:
    starts = len([line for line in crawl.log.splitlines() if "Chromium" in line and " started (" in line])
    tries = len(POSTS) + 3  # the posts, the held post twice (killed, then again), the page that never ends
    assert starts >= math.ceil(tries / RESTART_PAGES)  # one browser would have needed 2 starts (the kill)
    assert starts < tries  # not a browser per page
