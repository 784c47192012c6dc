"""The function extraction processes run. It returns plain data, never raises: exceptions with custom
constructors do not survive pickling back from a worker process, and one bad page must not break the pool."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from crawler.errors import BlogarchiveError
from crawler.extraction.article import Article
from crawler.extraction.pagekind import SiteFacts, url_kind
from crawler.extraction.prescreen import prescreen

# zlib level for page_bodies. Level 3 stores these pages ~5 % larger than level 6 and compresses them in ~60 % of
# the time (measured on the benchmark's pages: 0.30 vs 0.49 ms per 40 KB page), CPU the extraction processes share
# with the crawl.
BODY_COMPRESSION_LEVEL = 3
_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


@contextmanager
def spawning_workers() -> Iterator[None]:
    """Around the start of the extraction processes. They ignore SIGINT: a Ctrl-C in the terminal reaches the
    whole process group, and the crawl's process stops them itself (a worker interrupted mid-page printed its
    traceback and broke the pool). An ignored signal stays ignored in a spawned Python, from its first instruction.
    And the resource tracker multiprocessing starts with them is told not to warn about the pool's semaphores when
    the crawl was killed (SIGKILL) before it could release them: the tracker still removes them, which is its job."""
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)  # passed to the tracker on its command line
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def start_worker(parent_pid: int) -> None:
    """Worker initializer: import the extraction code and load the language model now, while the other workers
    start too, rather than in the first page's call; and end this worker when the crawl that started it is gone."""
    import crawler.extraction_pool.checks  # noqa: F401
    from crawler.extraction.language import identifier

    identifier()
    exit_with_parent(parent_pid)


def exit_with_parent(parent_pid: int) -> None:
    """End this worker when the crawl that started it is gone. A crawl killed with SIGKILL cannot stop its pool,
    and the orphans would otherwise wait on their queue forever."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def extract_page(
    body: bytes,
    url: str,
    parts: Sequence[tuple[str, bytes]] = (),
    comment_pages: Sequence[bytes] = (),
    charset: str | None = None,
    site: SiteFacts | None = None,
    entry: bytes | None = None,
) -> tuple[bool, Any]:
    """(True, Article as dict, with "problem": see crawler/extraction_pool/checks.py) or (False, one-line reason).
    `parts`, `comment_pages`, `charset`, `site` and `entry`: see checks.checked_extract."""
    from crawler.extraction_pool.checks import checked_extract  # imported in the worker, once

    return _guarded(lambda b, u: checked_extract(b, u, parts, comment_pages, charset, site, entry), body, url)


def extract_and_pack(
    body: bytes,
    url: str,
    parts: Sequence[tuple[str, bytes]] = (),
    comment_pages: Sequence[bytes] = (),
    charset: str | None = None,
    site: SiteFacts | None = None,
    entry: bytes | None = None,
) -> tuple[bool, Any, bytes]:
    """extract_page() plus the body's zlib form for page_bodies, compressed here so the crawl's reactor process
    (which writes the archive) does not spend its time compressing pages."""
    ok, result = extract_page(body, url, parts, comment_pages, charset, site, entry)
    return ok, result, zlib.compress(body, BODY_COMPRESSION_LEVEL)


def pack_hub(body: bytes, url: str) -> tuple[bool, Any, bytes]:
    """extract_and_pack()'s answer for a hub page (tag, category, paginated listing, an author's later pages) that
    the crawl settles by its URL and by the site's feeds, which list no such page as a post
    (crawler/pipelines/archive.py), computed in the calling process: a hub needs no parsing, only compressing, and
    sent to an extraction process it would wait behind the posts queued there."""
    ok, result = _guarded(_settled_hub, body, url)
    return ok, result, zlib.compress(body, BODY_COMPRESSION_LEVEL)


def _settled_hub(body: bytes, url: str) -> dict[str, Any]:
    kind = url_kind(url)
    assert kind is not None  # the pipeline settles only pages at a hub's URL
    article = prescreen(body, url)[1] or Article(
        url=url, kind=kind, kind_reason=f"{kind} page by its URL, and no feed lists it as a post"
    )
    return {**article.to_dict(), "problem": None}  # as crawler/extraction_pool/checks.py answers


def _guarded(extract: Callable[[bytes, str], dict[str, Any]], body: bytes, url: str) -> tuple[bool, Any]:
    try:
        return True, extract(body, url)
    except BlogarchiveError as exc:
        return False, str(exc)
    except Exception as exc:  # a bug in extraction must cost one page, not the crawl
        return False, f"extraction failed: {type(exc).__name__}: {exc}"
