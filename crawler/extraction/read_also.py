"""A "read also" line between a post's paragraphs: a label and a link to another post of the site, not the post's text.

News and blog editors put links to the site's other stories between a post's paragraphs, each a line of its own: a
short label ending in a colon and the other story's headline as a link ("Read more: Looted art: Germany to set up
an office", "Lea también: …", "Czytaj też: …", "Related: …", "MORE: …" — a `<p>`, a heading or a quote, the label
often bold). trafilatura keeps such a line as a paragraph of the post: its link is its only link and covers less
than its whole text. The line is told by its shape, in any language: a label of at most MAX_LABEL_WORDS words that
ends in a colon, then one link of at least MIN_HEADLINE_WORDS words to another page of the same site (the host of
the page's address or of its rel=canonical, `www.` aside), and nothing after it. A link to another site is a source
or a reference the post cites ("Aktenzeichen: I ZR 166/07", "Spoiler: Season 2 is coming!") and stays.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree

from crawler.extraction.page import HtmlElement, Page, text_of
from crawler.urls import joined

MAX_LABEL_WORDS = 5  # "Read more:", "Lea también:", "Mehr dazu lesen Sie hier:", "Le puede interesar:"
MIN_HEADLINE_WORDS = 3  # another post's headline, not a word or a name
_COLONS = (":", "：")
_TRAILING = " .»\"”'’)"  # what may follow the link on its line: punctuation closing the headline
# a block of one link, outermost only (a quote around one paragraph is the line)
_LINES = etree.XPath(
    "descendant-or-self::*[self::p or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::blockquote]"
    "[count(.//a[@href]) = 1][not(ancestor::p or ancestor::blockquote)]"
)
_LINK = etree.XPath(".//a[@href]")
_CANONICAL = etree.XPath("//head/link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href")


def read_also_lines(page: Page, root: HtmlElement | None) -> list[HtmlElement]:
    """The "read also" lines (see the module's docstring) in the post's container `root` (content.find_content_root),
    outside the page's chrome: a sidebar's "Author: <a>name</a>" line is the sidebar's, and taken out it changed
    where trafilatura found the post to begin."""
    if root is None:
        return []
    addresses = [page.base, *(joined(page.base, href) or "" for href in _CANONICAL(page.tree))]
    addresses = [address for address in addresses if urlsplit(address).netloc]
    if not addresses:
        return []
    own = {_place(address) for address in addresses}
    # links resolve against the page's base; against its canonical address where the page came from no web server
    return [line for line in _LINES(root) if not page.in_chrome(line) and _reads_also(line, addresses[0], own)]


def _reads_also(line: HtmlElement, base: str, own: set[tuple[str, str]]) -> bool:
    """Whether the block is a label and a link to another page of the site whose addresses are `own`."""
    link = _LINK(line)[0]
    headline = text_of(link)
    if len(headline.split()) < MIN_HEADLINE_WORDS:
        return False
    label, found, rest = text_of(line).partition(headline)
    if not found or rest.strip(_TRAILING):
        return False
    label = label.strip()
    if not label.endswith(_COLONS) or not 1 <= len(label.split()) <= MAX_LABEL_WORDS:
        return False
    target = joined(base, link.get("href"))
    if target is None:
        return False
    host, path = _place(target)
    return any(host == own_host for own_host, _ in own) and (host, path) not in own


def _place(address: str) -> tuple[str, str]:
    """The address's host without its `www.` (one site's) and its path without a trailing slash: the page itself
    under any of its spellings, its query and fragment aside."""
    parts = urlsplit(address)
    return parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/")
