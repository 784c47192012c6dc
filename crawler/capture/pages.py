"""The pages of a WARC collection, for a WACZ package's `pages/pages.jsonl`: which URLs hold a replayable HTML
capture, when the latest one was taken, and their titles.

A URL is a page when a `response` record holds a 200 HTML answer for it; its latest capture is the latest of
those and of its `revisit` records (a 304 or an identical payload: replay resolves them to the stored response).
With the archive, the pages listed are its posts, titled as the archive has them; without, every page, titled
by its `<title>`. A post of an app's route after '#' (`https://host/#/posts/x`) is listed at its route URL, the page
a replay tool opens, at the time of its document's capture: HTTP carries no fragment, so that is the record replay
starts from (crawler/discovery/app_routes.py captured_as).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.timeutils import iso_date_to_timestamp, timestamp_to_iso_date

from archive.captures import ArchivedPost
from crawler.discovery.app_routes import captured_as
from crawler.errors import WarcReadError

HTML_TYPES = ("text/html", "application/xhtml+xml")
TITLE_BYTES = 256 * 1024  # a <title> further into a page than this is not looked for


@dataclass
class Capture:
    url: str
    date: str  # WARC-Date of the latest capture, ISO 8601
    html: bool = False  # a 200 HTML response was seen
    title: str | None = None  # of the latest 200 HTML response


@dataclass(frozen=True)
class Page:
    url: str
    ts: str  # WARC-Date of the capture replay opens
    title: str

    def as_json(self) -> dict[str, str]:
        """The page's line of pages.jsonl; `ts` to the second, as the CDXJ index keys each capture."""
        return {"url": self.url, "ts": timestamp_to_iso_date(iso_date_to_timestamp(self.ts)), "title": self.title}


def scan_captures(paths: Iterable[Path], titles: bool) -> dict[str, Capture]:
    """URL → its latest capture, from every response and revisit record; `titles`: read the HTML pages' titles."""
    captures: dict[str, Capture] = {}
    for path in paths:
        try:
            with path.open("rb") as stream:
                for record in ArchiveIterator(stream):
                    if record.format != "warc":  # warcio reads any text as an ARC record
                        raise ArchiveLoadFailed("not WARC records")
                    if record.rec_type in ("response", "revisit"):
                        _note(captures, record, titles)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            raise WarcReadError(f"cannot read {path} as a WARC file ({exc}); move it out of the folder") from exc
    return captures


def _note(captures: dict[str, Capture], record: Any, titles: bool) -> None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = record.rec_headers.get_header("WARC-Date")
    html = record.rec_type == "response" and _is_html_200(record)
    if not url or not date or (record.rec_type == "response" and not html):
        return
    capture = captures.setdefault(url, Capture(url, date))
    if date >= capture.date:
        capture.date = date
        if html and titles:
            capture.title = _title(record.content_stream().read(TITLE_BYTES))
    capture.html = capture.html or html


def _is_html_200(record: Any) -> bool:
    headers = record.http_headers
    if headers is None or headers.get_statuscode() != "200":
        return False
    return (headers.get_header("Content-Type") or "").split(";")[0].strip().lower() in HTML_TYPES


def _title(head: bytes) -> str | None:
    try:
        title = lxml.html.document_fromstring(head).findtext(".//title")
    except (etree.ParserError, ValueError):
        return None
    title = " ".join((title or "").split())
    return title or None


def all_pages(captures: dict[str, Capture]) -> list[Page]:
    """Every HTML page captured, titled by its <title> (else its URL), in URL order."""
    return [Page(c.url, c.date, c.title or c.url) for url, c in sorted(captures.items()) if c.html]


def post_pages(captures: dict[str, Capture], posts: Iterable[ArchivedPost]) -> tuple[list[Page], list[ArchivedPost]]:
    """The archived posts the WARC files captured (at their URL, else their canonical URL; a route's page at its
    document's), titled as the archive has them; and the posts they hold no capture of (crawled without --warc)."""
    pages, missing = [], []
    for post in posts:
        found = next((url for url in (post.url, post.canonical_url) if url and _html_capture(captures, url)), None)
        if found is None:
            missing.append(post)
        else:
            pages.append(Page(found, captures[captured_as(found)].date, post.title or found))
    return pages, missing


def _html_capture(captures: dict[str, Capture], url: str) -> bool:
    capture = captures.get(captured_as(url))
    return capture is not None and capture.html
