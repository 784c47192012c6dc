"""What extract() settles before any parsing: the page's text, and for an empty page the whole answer.

Kept apart from extract.py, which imports trafilatura and lxml's cleaner, so that the crawl's own process can
settle a hub page it knows by its URL and by the site's feeds (crawler/extraction_pool/worker.py) without those
imports and without a round trip to an extraction process.
"""

from __future__ import annotations

import re

from crawler.errors import ExtractionError
from crawler.extraction.article import Article
from crawler.extraction.decoding import decode_html

# What an HTML page starts with, whatever stray bytes it holds: a doctype, a comment or one of the tags a page opens
# with. Binary files (images, archives, PDFs) start otherwise; UTF-16 text read without its BOM has a NUL between
# its characters and reads as markup once they are gone.
_MARKUP_START = re.compile(r"\s*<(?:!--|(?:!doctype|\?xml|html|head|body|meta|title|link|script|style|div|p)\b)", re.I)
# Beyond this share of control characters (NUL excepted) in its first 2 KB a text is binary data, not a page.
MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\ufffd]")


def prescreen(html: str | bytes, url: str) -> tuple[str, Article | None]:
    """The page as text without NUL characters (bytes decoded as crawler/extraction/decoding.py says), and its
    Article when no parsing is needed: an empty page. Raises ExtractionError for binary data."""
    text = decode_html(html)
    if "\x00" in text[:2048] and not _markup(text[:2048].replace("\x00", "")):
        raise ExtractionError(url, "binary data, not an HTML page")
    text = text.replace("\x00", "")  # lxml refuses them; a page with a few is still the page (extract() says so)
    if not text.strip():
        return text, Article(url=url, kind="other", kind_reason="empty page")
    return text, None


def _markup(sample: str) -> bool:
    """Whether the first characters of a page that holds NUL characters are HTML once those are gone (a CMS that
    wrote a few NULs into a post), not binary data."""
    return bool(_MARKUP_START.match(sample)) and len(_CONTROL.findall(sample)) <= MAX_CONTROL_SHARE * len(sample)
