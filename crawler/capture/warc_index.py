"""The WARC folder's digest index: for each URL, its last full `response` record, across runs.

A revisit record must name the record that holds the payload it stands for (WARC-Refers-To, -Target-URI, -Date),
and an identical-payload-digest revisit may only be written when the payload really is the one stored before. The
archive schema is not the place for that (the WARC folder may be moved, deleted or shared between archives), so
the index is a small SQLite file of its own that lives beside the WARC files it describes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

INDEX_NAME = "blogarchive-warc-index.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS last_response (
    url TEXT PRIMARY KEY,      -- WARC-Target-URI
    payload_digest TEXT NOT NULL,  -- WARC-Payload-Digest, e.g. sha1:BASE32
    warc_date TEXT NOT NULL,   -- WARC-Date of the response record
    record_id TEXT NOT NULL,   -- WARC-Record-ID, <urn:uuid:…>
    filename TEXT NOT NULL     -- the WARC file that holds it
)
"""


@dataclass(frozen=True)
class StoredResponse:
    """The last full response record of a URL."""

    url: str
    payload_digest: str
    warc_date: str
    record_id: str
    filename: str


class DigestIndex:
    """URL → last stored response record. One writer (the crawl's reactor thread); commits after each write."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / INDEX_NAME
        self.connection = sqlite3.connect(self.path, timeout=30)
        # WAL + NORMAL: a commit per response without an fsync each; a crash loses at most the last few entries,
        # which only turns a later revisit back into a full response record.
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute(_SCHEMA)
        self.connection.commit()

    def last_response(self, url: str) -> StoredResponse | None:
        row = self.connection.execute(
            "SELECT url, payload_digest, warc_date, record_id, filename FROM last_response WHERE url = ?", (url,)
        ).fetchone()
        return StoredResponse(*row) if row else None

    def remember(self, stored: StoredResponse) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO last_response (url, payload_digest, warc_date, record_id, filename)"
            " VALUES (?, ?, ?, ?, ?)",
            (stored.url, stored.payload_digest, stored.warc_date, stored.record_id, stored.filename),
        )
        self.connection.commit()

    def forget_missing(self, filename: str, kept: set[str]) -> None:
        """Forget the responses the index places in `filename` that it no longer holds (cut off a file a stopped
        crawl left open): the next capture of their URLs is then a full response, not a revisit of nothing."""
        rows = self.connection.execute("SELECT url, record_id FROM last_response WHERE filename = ?", (filename,))
        gone = [(url,) for url, record_id in rows.fetchall() if record_id not in kept]
        self.connection.executemany("DELETE FROM last_response WHERE url = ?", gone)
        self.connection.commit()

    def captured_urls(self) -> set[str]:
        """Every URL with a full response in the folder."""
        return {url for (url,) in self.connection.execute("SELECT url FROM last_response")}

    def close(self) -> None:
        self.connection.close()
