"""An oversized page made small enough to read whole: its bulky inline data shrunk before extract() cuts it.

extract() reads at most MAX_HTML_CHARS of a page: extraction time grows faster than linearly with the tree, and no
post's prose is that long. What makes a page that long is inline data — a 5 MB JSON-LD block in the <head>
pushed a post's body past the cut and the post became kind 'other'. `slimmed()` shrinks every script or style
block over BULKY_BLOCK characters (a JSON-LD block to its short values: headline, author, dates; anything else to
nothing) and every long `data:` URI; a page still over the limit is then cut.
"""

from __future__ import annotations

import json
import re
from typing import Any

BULKY_BLOCK = 100_000  # characters: a script or style block larger than this is data, not the page
_LONG_VALUE = 1000  # characters: a longer JSON-LD string (an embedded article body, a data blob) is left out
_BLOCK = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_DATA_URI = re.compile(r"""(["'])data:[^"']{200,}\1""")


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
