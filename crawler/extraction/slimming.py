"""An oversized page made smaller before it is parsed: its bulky inline data shrunk.

What makes a page over extract()'s SLIM_ABOVE_CHARS is mostly inline data — a 5 MB JSON-LD block in the <head>,
megabytes of base64 images — which costs parse time and memory and holds no prose. `slimmed()` shrinks every
script or style block over BULKY_BLOCK characters (a JSON-LD block to its short values: headline, author, dates;
anything else to nothing) and every long `data:` URI.

A page still longer than extract() reads in one go is not cut at its start (a post at the end of a 5 MB page,
after a huge menu or comment thread, was lost that way): `densest_window()` keeps its <head> and the stretch of
its body of that length that holds the most paragraph text, a little before it for the post's title and byline.
Only a post that is itself longer than the window loses its end.
"""

from __future__ import annotations

import json
import re
from typing import Any

BULKY_BLOCK = 100_000  # characters: a script or style block larger than this is data, not the page
_LONG_VALUE = 1000  # characters: a longer JSON-LD string (an embedded article body, a data blob) is left out
_BLOCK = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_DATA_URI = re.compile(r"""(["'])data:[^"']{200,}\1""")
_PARAGRAPH = re.compile(r"<p[\s>](.{0,3000}?)</p", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_BODY = re.compile(r"<body[\s>]", re.I)
LEAD_SHARE = 0.1  # of the window, kept before its first paragraph: the post's title, byline and date


def slimmed(html: str) -> str:
    return _DATA_URI.sub('""', _BLOCK.sub(_shrunk, html))


def _shrunk(block: re.Match[str]) -> str:
    if len(block.group(0)) <= BULKY_BLOCK:
        return block.group(0)
    if "ld+json" not in block.group(2).lower():
        return ""
    try:
        data = json.loads(block.group(3), strict=False)
    except ValueError:
        return ""
    return f"<script{block.group(2)}>{json.dumps(_short_values(data))}</script>"


def _short_values(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _short_values(value) for key, value in data.items() if not _long(value)}
    if isinstance(data, list):
        return [_short_values(item) for item in data[:100] if not _long(item)]
    return data


def _long(value: Any) -> bool:
    return isinstance(value, str) and len(value) > _LONG_VALUE


def densest_window(html: str, size: int) -> str:
    """`html` when it is at most `size` characters; else its head and the `size` characters of its body holding the
    most paragraph text (lxml closes what the window leaves open)."""
    if len(html) <= size:
        return html
    body = _BODY.search(html)
    head_end = body.start() if body and body.start() < size // 4 else 0
    paragraphs = [(m.start(), len(_TAG.sub("", m.group(1)))) for m in _PARAGRAPH.finditer(html, head_end)]
    best_start, best, total, first = head_end, -1, 0, 0
    for start, chars in paragraphs:  # windows that open just before a paragraph; two pointers over the list
        total += chars
        while paragraphs[first][0] + size - int(LEAD_SHARE * size) <= start:
            total -= paragraphs[first][1]
            first += 1
        if total > best:
            best, best_start = total, paragraphs[first][0]
    start = max(head_end, best_start - int(LEAD_SHARE * size))
    return html[:head_end] + html[start : start + size - head_end]
