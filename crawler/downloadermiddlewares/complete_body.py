"""CompleteBodyMiddleware: a compressed body whose stream was cut short is given up on, not archived.

Scrapy inflates gzip "resiliently": a gzip stream that stops half-way (a server or proxy that died mid-response but
sent a Content-Length matching what it sent) becomes the first half of the page, and that half was archived as a
complete-looking article. Here, before HttpCompressionMiddleware (590) inflates it, a gzip, deflate or brotli body
is read to the end of its stream (the output thrown away, at most DOWNLOAD_MAXSIZE of it: a bomb is
HttpCompressionMiddleware's to refuse); a stream that does not end is a crawl error, "cut short".
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

import brotli
from scrapy.http import Request, Response

from crawler.failures import GaveUp

_CHUNK = 256 * 1024


def _zlib_ends(body: bytes, wbits: int, limit: int) -> bool:
    stream = zlib.decompressobj(wbits=wbits)
    produced = len(stream.decompress(body, _CHUNK))
    while stream.unconsumed_tail and not stream.eof and produced < limit:
        produced += len(stream.decompress(stream.unconsumed_tail, _CHUNK))
    return stream.eof or produced >= limit


def _gzip_ends(body: bytes, limit: int) -> bool:
    return _zlib_ends(body, 31, limit)


def _deflate_ends(body: bytes, limit: int) -> bool:
    try:
        return _zlib_ends(body, 15, limit)
    except zlib.error:  # raw deflate, as some servers send it
        return _zlib_ends(body, -15, limit)


def _brotli_ends(body: bytes, limit: int) -> bool:
    stream = brotli.Decompressor()
    produced = len(stream.process(body, output_buffer_limit=_CHUNK))
    while not stream.is_finished() and produced < limit:
        chunk = stream.process(b"", output_buffer_limit=_CHUNK)
        if not chunk:
            break
        produced += len(chunk)
    return stream.is_finished() or produced >= limit


_ENDS: dict[str, Callable[[bytes, int], bool]] = {
    "gzip": _gzip_ends,
    "x-gzip": _gzip_ends,
    "deflate": _deflate_ends,
    "br": _brotli_ends,
}


class CompleteBodyMiddleware:
    def __init__(self, limit: int) -> None:
        self.limit = limit or 2**62

    @classmethod
    def from_crawler(cls, crawler: Any) -> CompleteBodyMiddleware:
        return cls(crawler.settings.getint("DOWNLOAD_MAXSIZE"))

    def process_response(self, request: Request, response: Response) -> Response:
        encodings = response.headers.getlist("Content-Encoding")
        if not encodings or not response.body:
            return response
        encoding = encodings[-1].decode("latin-1").strip().lower()  # the outermost coding is listed last
        ends = _ENDS.get(encoding)
        try:
            complete = ends is None or ends(response.body, self.limit)
        except (zlib.error, brotli.error):
            return response  # not that coding at all: HttpCompressionMiddleware decides what to do with it
        if not complete:
            raise GaveUp(f"cut short: its {encoding} stream ends early ({len(response.body)} bytes received)")
        return response
