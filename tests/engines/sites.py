"""The test blogs built by the real engines (scripts/static_engines.sh) and served on 127.0.0.1 as GitHub Pages
serves a built site: files as they are, a folder by its index.html, 404 for anything else (no directory listing)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "tests" / "sites"
SCRIPT = REPO / "scripts" / "static_engines.sh"
ENGINES = ("hugo", "jekyll", "chronicle", "nanoc", "pelican", "ikiwiki", "hexo", "docsify", "mkdocs-material")
NOT_INSTALLABLE = 77  # the script's exit status when the engine cannot be installed here


class EngineMissing(Exception):
    """The engine is not installed and cannot be (scripts/static_engines.sh exited 77)."""


class _StaticFiles(SimpleHTTPRequestHandler):
    def list_directory(self, path: str) -> None:  # a folder without index.html: 404, as on GitHub Pages
        self.send_error(404, "Not Found")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@contextmanager
def served_blog(engine: str, out: Path) -> Iterator[str]:
    """Build the `engine` blog of tests/sites/ into `out` and serve it; yields its base URL. Raises EngineMissing."""
    out.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_StaticFiles, directory=str(out)))
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, name=f"{engine}-blog", daemon=True)
    try:
        build(engine, out, base)
        thread.start()
        yield base
    finally:
        if thread.is_alive():
            server.shutdown()
        server.server_close()


def build(engine: str, out: Path, base: str) -> None:
    result = subprocess.run(
        [str(SCRIPT), "build", engine, str(SOURCES / engine), str(out), base],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": sys.executable},  # MkDocs and Material: the suite's own environment's
    )
    if result.returncode == NOT_INSTALLABLE:
        raise EngineMissing(result.stderr.strip())
    if result.returncode != 0:
        raise RuntimeError(f"{engine} build failed ({result.returncode}): {result.stderr.strip()}")
