"""Bytes to the text their author wrote: BOM, then UTF-8 when the bytes are UTF-8, then the charset the HTTP header
declares, then the page's <meta>, then detection.

w3lib.encoding (Scrapy's) reads the BOM and the declarations and resolves their labels as browsers do (the WHATWG
encoding standard: declared latin-1 is read as Windows-1252 and EUC-KR as CP949, since pages that declare the narrow
charset use the wider one's characters). Around it, what `python -m bench.decoding` measured on a corpus of the
classes of issue #28 (docs/extraction.md has the table):

- Bytes that are valid UTF-8 and not ASCII are UTF-8 whatever the header says: a legacy-encoded page is never
  valid UTF-8 by chance, while servers that add a default `charset=iso-8859-1` to UTF-8 pages are common.
- A page declared UTF-8 whose bytes are not (a fragment a plugin wrote in Windows-1252) keeps its UTF-8 and reads
  each stray byte as Windows-1252 — what bs4's UnicodeDammit.detwingle() means to do, per byte.
- An undeclared legacy page is detected with chardet, which reads Western European text as Windows-1252 where
  charset_normalizer took it for Central European (cp1250: "coûte" became "coűte").
"""

from __future__ import annotations

import codecs

import chardet
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

DETECTION_BYTES = 64 * 1024  # enough for detection; a whole large page costs chardet seconds
_STRAY_BYTES = "blogarchive-cp1252-strays"


def _cp1252_character(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves unassigned: as Latin-1 (C1 controls)
        return chr(byte)


_CP1252 = [_cp1252_character(byte) for byte in range(256)]


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Error handler: the bytes UTF-8 could not read, read as Windows-1252."""
    assert isinstance(error, UnicodeDecodeError)
    return "".join(_CP1252[byte] for byte in error.object[error.start : error.end]), error.end


codecs.register_error(_STRAY_BYTES, _as_cp1252)


def codec_name(label: str | None) -> str | None:
    """A charset label (of a header or a <meta>) as the Python codec browsers would read it with; None when it
    names none."""
    return resolve_encoding(label.strip().strip("'\"")) if label else None


def header_charset(content_type: str | None) -> str | None:
    """The charset label of a Content-Type header's value as written ("text/html; charset=ISO-8859-1" →
    "ISO-8859-1"), or None."""
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip("'\""):
            return value.strip().strip("'\"")
    return None


def decode_html(data: bytes | str, header_charset: str | None = None) -> str:
    """`header_charset`: the charset label of the HTTP Content-Type header the page came with, if any."""
    if isinstance(data, str):
        return data
    encoding, bom = read_bom(data)
    if encoding is not None:
        return data[len(bom) :].decode(encoding, errors="replace")
    if _is_utf8(data):
        return data.decode("utf-8")
    declared = [name for name in (codec_name(header_charset), html_body_declared_encoding(data)) if name]
    legacy = next((name for name in declared if name != "utf-8"), None)
    if legacy is not None:
        return data.decode(legacy, errors="replace")
    if declared:  # declared UTF-8, and not all of it is
        return data.decode("utf-8", errors=_STRAY_BYTES)
    if b"\x00" in data[:DETECTION_BYTES]:  # binary data, which no text holds: kept byte for byte for the caller
        return data.decode("cp1252", errors="replace")
    detected = chardet.detect(data[:DETECTION_BYTES])["encoding"]
    return data.decode(codec_name(detected) or "cp1252", errors="replace")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
