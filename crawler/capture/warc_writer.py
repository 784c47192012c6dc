"""WARC 1.1 output with warcio, no Scrapy: one HTTP exchange in, request + response (or revisit) + metadata out.

Files are `blogarchive-<UTC yyyymmddhhmmssfff>-<serial>.warc.gz`, each record its own gzip member, each file
starting with a warcinfo record. A file is written as `<name>.open` and renamed when closed, at WARC_MAX_SIZE or
at the end of the crawl, so replay tools and indexers never pick up a file that is still growing. Records are
flushed per exchange, and the writer holds a lock on the `.open` file while it writes: after a crash the next crawl
or `blogarchive wacz` closes it, valid up to its last complete record (crawler/capture/warc_recovery.py).

The payload is stored as it came over the wire: transfer-decoded (no chunking) but still content-encoded, with the
server's Content-Encoding and Content-Length headers as they were. Digests, `warcio check` and replay (pywb
decodes gzip/deflate/br itself) all see one consistent HTTP message; a decoded body under a `Content-Encoding:
gzip` header would be a message no server ever sent.

Revisits: a 304 to a conditional GET is a `revisit` with the server-not-modified profile; a 200 whose payload
digest equals that of the URL's last stored response (this run or an earlier one, per the DigestIndex) is a
`revisit` with the identical-payload-digest profile. Both name the stored record (WARC-Refers-To, -Target-URI,
-Date) when the index knows it. The identical-payload-digest revisit keeps the new response's HTTP headers as its
block. The server-not-modified revisit has an empty block (Content-Length: 0, as WARC 1.1 section 6.7.3 allows): the
304's own headers repeat the stored ETag and add a Date, and pywb 2.x replays a revisit whose block says 304 as an
empty 304 rather than the stored page. The exchange itself stays on record: the conditional GET is the request
record, the profile says the server answered 304.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from crawler.capture.warc_index import INDEX_NAME, DigestIndex, StoredResponse
from crawler.capture.warc_recovery import OPEN_SUFFIX, lock
from crawler.errors import WarcDirError

PREFIX = "blogarchive"
CONFORMS_TO = "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
_CONDITIONAL_HEADERS = ("if-none-match", "if-modified-since")

Headers = list[tuple[str, str]]


@dataclass
class Exchange:
    """One HTTP request and its response as they went over the wire."""

    url: str
    method: str
    request_headers: Headers
    protocol: str  # of the response, e.g. "HTTP/1.1"
    status: int
    response_headers: Headers
    body: bytes  # transfer-decoded, still content-encoded
    request_body: bytes = b""
    ip_address: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # warc-fields of the metadata record


def prepare_warc_dir(directory: Path) -> Path:
    """Create the folder if missing and prove it writable (a file and the digest index in it), so a bad WARC_DIR
    fails before the crawl, not at its first response."""
    if directory.exists() and not directory.is_dir():
        raise WarcDirError(f"{directory} is a file; WARC output needs a folder (created if missing)")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as exc:
        raise WarcDirError(f"cannot write WARC files to {directory} ({exc.strerror}); give a writable folder") from exc
    try:
        DigestIndex(directory).close()
    except sqlite3.Error as exc:
        index = directory / INDEX_NAME
        raise WarcDirError(
            f"cannot open the WARC digest index {index} ({exc}); move it away or give another folder"
        ) from exc
    return directory


class WarcWriter:
    """Writes exchanges into rotating WARC files in `directory`; one writer per crawl, one thread."""

    def __init__(self, directory: Path, *, max_size: int, info: dict[str, str]) -> None:
        self.directory = directory
        self.max_size = max_size
        self.info = {**info, "format": "WARC File Format 1.1", "conformsTo": CONFORMS_TO}
        self.index = DigestIndex(directory)
        self.serial = 0
        self.files: list[Path] = []  # every file this writer finished, in order
        self._file: BinaryIO | None = None
        self._path: Path | None = None
        self._warc: WARCWriter | None = None
        self._warcinfo_id = ""

    def write(self, exchange: Exchange) -> str:
        """Write one exchange's records into the current file; returns the main record's type."""
        if self._file is None:
            self._open()
        assert self._file is not None and self._warc is not None and self._path is not None
        digest = _payload_digest(exchange.body)
        previous = self.index.last_response(exchange.url)
        main = self._main_record(exchange, digest, previous)
        main_id = main.rec_headers.get_header("WARC-Record-ID")
        date = main.rec_headers.get_header("WARC-Date")
        request = self._request_record(exchange, main_id, date)
        metadata = self._metadata_record(exchange, main_id, date)
        start = self._file.tell()
        try:
            for record in (main, request, metadata):
                self._warc.write_record(record)  # gzips the record and flushes the file
        except BaseException:
            self._discard_from(start)
            raise
        if main.rec_type == "response":
            self.index.remember(
                StoredResponse(exchange.url, digest, date, main_id, self._path.name.removesuffix(OPEN_SUFFIX))
            )
        if self._file.tell() >= self.max_size:
            self._close_file()
        return main.rec_type

    def close(self) -> None:
        """Finish the current file (rename it to its final name) and the index. Safe to call twice."""
        try:
            self._close_file()
        finally:
            self.index.close()

    # -- records ----------------------------------------------------------------------------------

    def _main_record(self, exchange: Exchange, digest: str, previous: StoredResponse | None) -> ArcWarcRecord:
        assert self._warc is not None
        http_headers = StatusAndHeaders(_status_line(exchange.status), exchange.response_headers, exchange.protocol)
        warc_headers = self._common_headers(exchange)
        if exchange.status == 304 and _is_conditional(exchange):
            if previous is not None:
                warc_headers.update(_refers_to(previous))
            # No block (see the module docstring): replay then takes status, headers and payload from the original.
            record = self._warc.create_warc_record(exchange.url, "revisit", warc_headers_dict=warc_headers)
            record.rec_headers.add_header("WARC-Profile", SERVER_NOT_MODIFIED)
            return record
        if exchange.status == 200 and exchange.body and previous is not None and previous.payload_digest == digest:
            warc_headers["WARC-Refers-To"] = previous.record_id
            return self._warc.create_revisit_record(
                exchange.url, digest, previous.url, previous.warc_date, http_headers, warc_headers
            )
        warc_headers["WARC-Payload-Digest"] = digest  # computed once: for the revisit test and the record
        return self._warc.create_warc_record(
            exchange.url,
            "response",
            payload=BytesIO(exchange.body),
            length=len(exchange.body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )

    def _request_record(self, exchange: Exchange, concurrent_to: str, date: str) -> ArcWarcRecord:
        assert self._warc is not None
        parts = urlsplit(exchange.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = list(exchange.request_headers)
        if not any(name.lower() == "host" for name, _ in headers):
            headers.insert(0, ("Host", parts.netloc))  # added by the HTTP client, not in Scrapy's request
        http_headers = StatusAndHeaders(f"{exchange.method} {target} HTTP/1.1", headers, is_http_request=True)
        return self._warc.create_warc_record(
            exchange.url,
            "request",
            payload=BytesIO(exchange.request_body),
            length=len(exchange.request_body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": concurrent_to, **self._common_headers(None)},
        )

    def _metadata_record(self, exchange: Exchange, concurrent_to: str, date: str) -> ArcWarcRecord:
        assert self._warc is not None
        fields = "".join(f"{name}: {value}\r\n" for name, value in exchange.metadata.items()).encode("utf-8")
        return self._warc.create_warc_record(
            exchange.url,
            "metadata",
            payload=BytesIO(fields),
            length=len(fields),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": concurrent_to, **self._common_headers(None)},
        )

    def _common_headers(self, exchange: Exchange | None) -> dict[str, str]:
        headers = {"WARC-Warcinfo-ID": self._warcinfo_id}
        if exchange is not None and exchange.ip_address:
            headers["WARC-IP-Address"] = exchange.ip_address
        return headers

    # -- files ------------------------------------------------------------------------------------

    def _open(self) -> None:
        """Create the next file, never overwriting one (another crawl may write to the same folder)."""
        while True:
            stamp = datetime.now(UTC)
            name = f"{PREFIX}-{stamp:%Y%m%d%H%M%S}{stamp.microsecond // 1000:03d}-{self.serial:05d}.warc.gz"
            self.serial += 1
            path = self.directory / (name + OPEN_SUFFIX)
            if (self.directory / name).exists():
                continue
            try:
                self._file = open(path, "xb")  # noqa: SIM115 (kept open across writes, closed in _close_file)
            except FileExistsError:
                continue
            if lock(self._file):  # held until the file is closed: it is not abandoned (warc_recovery.py)
                break
            self._file.close()  # another crawl's recovery took it for abandoned the moment it was made: next name
        self._path = path
        self._warc = WARCWriter(self._file, gzip=True, warc_version="1.1")
        warcinfo = self._warc.create_warcinfo_record(name, self.info)
        self._warcinfo_id = warcinfo.rec_headers.get_header("WARC-Record-ID")
        try:
            self._warc.write_record(warcinfo)
        except BaseException:
            self._abandon(delete=True)  # not even its warcinfo record: no file at all
            raise

    def _close_file(self) -> None:
        if self._file is None or self._path is None:
            return
        file, path = self._file, self._path
        self._file = self._path = self._warc = None
        file.close()
        final = path.with_name(path.name.removesuffix(OPEN_SUFFIX))
        os.replace(path, final)
        self.files.append(final)

    def _discard_from(self, offset: int) -> None:
        """After a failed write: cut the partial record off, so the file stays valid. If even that fails, leave
        the file as `.open` (incomplete) and start a new one with the next exchange."""
        assert self._file is not None
        try:
            self._file.truncate(offset)
            self._file.seek(offset)
        except OSError:
            self._abandon(delete=False)

    def _abandon(self, *, delete: bool) -> None:
        file, path = self._file, self._path
        self._file = self._path = self._warc = None
        with contextlib.suppress(OSError):
            if file is not None:
                file.close()
            if delete and path is not None:
                path.unlink()


def _payload_digest(body: bytes) -> str:
    digester = Digester("sha1")
    digester.update(body)
    return str(digester)


def _status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _is_conditional(exchange: Exchange) -> bool:
    return any(name.lower() in _CONDITIONAL_HEADERS for name, _ in exchange.request_headers)


def _refers_to(previous: StoredResponse) -> dict[str, str]:
    return {
        "WARC-Refers-To": previous.record_id,
        "WARC-Refers-To-Target-URI": previous.url,
        "WARC-Refers-To-Date": previous.warc_date,
    }
