"""What extract() settles before any parsing: the page's text, and for some pages the whole answer.

Kept apart from extract.py, which imports trafilatura and lxml's cleaner, so that the crawl's own process can
settle a hub page (tag, category, author, paginated listing …) without those imports and without a round trip to
an extraction process: such a page's kind is known from its URL, and parsing it would be wasted work.
"""

from __future__ import annotations

from crawler.errors import ExtractionError
from crawler.extraction.article import Article
from crawler.extraction.decoding import decode_html
from crawler.extraction.pagekind import url_kind


def prescreen(html: str | bytes, url: str) -> tuple[str, Article | None]:
    """The page as text, and its Article when no parsing is needed: an empty page, or a hub known by its URL.
    Raises ExtractionError for binary data."""
    text = decode_html(html)
    if "\x00" in text[:2048]:
        raise ExtractionError(url, "binary data, not an HTML page")
    if not text.strip():
        return text, Article(url=url, kind="other")
    if kind := url_kind(url):
        # The archive keeps a hub's kind and raw page (the crawl takes its links without extraction): 40 % of a
        # blog's pages.
        return text, Article(url=url, kind=kind)
    return text, None
