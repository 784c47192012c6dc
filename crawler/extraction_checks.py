"""What the extraction processes check around extract(), so that a post is never lost without a word.

- A page larger than extract()'s MAX_HTML_CHARS is cut there, and a 5 MB JSON-LD block in its <head> pushed the
  post's body past the cut: the post became kind 'other'. `slimmed()` first shrinks such a page's bulky script
  and style blocks (a JSON-LD block keeps its small values: headline, author, dates); a page still over the
  limit is extracted from its first MAX_HTML_CHARS, and the result says so.
- A post at the site's root addressed by its query string (`/?p=123`) is read by its content, not taken for the
  home page's listing.
- extract() that found no post body on a page whose content (find_content_root: the post's container, else the
  element with the most paragraph text) holds MIN_BODY_WORDS words or more: the result says so, with the count.

`checked_extract()` returns the article as a dict with "problem" set in either case (None otherwise): the
archive pipeline records it in crawl_errors.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from crawler.extraction.content import find_content_root
from crawler.extraction.decoding import decode_html
from crawler.extraction.extract import MAX_HTML_CHARS, extract
from crawler.extraction.page import Page, text_of
from crawler.extraction.pagekind import MIN_ARTICLE_WORDS

BULKY_BLOCK = 100_000  # characters: a script or style block larger than this is data, not the page
MIN_BODY_WORDS = 2 * MIN_ARTICLE_WORDS
_LONG_VALUE = 1000  # characters: a longer JSON-LD string (an embedded article body, a data blob) is left out
_BLOCK = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)


def checked_extract(body: bytes, url: str) -> dict[str, Any]:
    text = decode_html(body)
    problem = None
    if len(text) > MAX_HTML_CHARS:
        text = slimmed(text)
        if len(text) > MAX_HTML_CHARS:
            problem = (
                f"page of {len(text) / 1e6:.1f} MB: only its first {MAX_HTML_CHARS / 1e6:.0f} MB were read for the post"
            )
    result = _extract(text, url)
    if result["kind"] == "other":
        problem = missed_body(text, url) or problem
    result["problem"] = problem
    return result


def _extract(html: str, url: str) -> dict[str, Any]:
    """extract()'s article as a dict. A post at the site's root addressed by its query (WordPress's /?p=123) is read
    as if at /index.php?p=123 (relative links resolve the same): extract() takes any page at the root path for the
    home page's listing, and the post was lost as one."""
    parts = urlsplit(url)
    if parts.path not in ("", "/") or not parts.query:
        return extract(html, url).to_dict()
    result = extract(html, parts._replace(path="/index.php").geturl()).to_dict()
    result["url"] = url
    return result


def slimmed(html: str) -> str:
    """The page with each script or style block over BULKY_BLOCK characters shrunk: a JSON-LD block to its short
    values, anything else to nothing."""

    def shrink(block: re.Match[str]) -> str:
        if len(block.group(0)) <= BULKY_BLOCK:
            return block.group(0)
        if "ld+json" not in block.group(2).lower():
            return ""
        try:
            data = json.loads(block.group(3), strict=False)
        except ValueError:
            return ""
        return f"<script{block.group(2)}>{json.dumps(_short_values(data))}</script>"

    return _BLOCK.sub(shrink, html)


def _short_values(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _short_values(value) for key, value in data.items() if not _long(value)}
    if isinstance(data, list):
        return [_short_values(item) for item in data[:100] if not _long(item)]
    return data


def _long(value: Any) -> bool:
    return isinstance(value, str) and len(value) > _LONG_VALUE


def missed_body(html: str, url: str) -> str | None:
    """Why a page extract() found no post on looks like a post all the same; None when it does not."""
    root = find_content_root(Page.from_html(html, url))
    words = len(text_of(root).split())
    if root is None or words < MIN_BODY_WORDS:
        return None
    return f"extraction found no post body, though the page's <{root.tag}> holds {words} words"
