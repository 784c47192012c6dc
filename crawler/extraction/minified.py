"""Pages a WordPress cache plugin minified: the white space it took from between list items, given back for the
time of trafilatura's reading.

Cache and performance plugins minify the pages they serve (Autoptimize, LiteSpeed Cache, W3 Total Cache): the white
space between tags goes, `</li><li>` where the theme printed `</li>\\n<li>`. A browser shows the two alike — a list
item is a block — but trafilatura weighs a list by the length of its text as lxml reads it, the items' words run
together ("6.1aciformAllgemein"): a post's list of links, shorter so, fell under trafilatura's link-density length
and was dropped as navigation (WordPress's Categories block in a post of Twenty Twenty-Five or Hueman under
Autoptimize or LiteSpeed Cache, kept on the same site unminified). Only where a minifying plugin left its mark:
on pages minified otherwise (a news site's build) the lists trafilatura's arithmetic drops are mostly chrome —
tag lists, tables of contents — and it is left to drop them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from crawler.extraction.page import Page

# What the plugins leave in a page they rewrote: Autoptimize's and W3 Total Cache's folders of minified scripts and
# styles, LiteSpeed Cache's closing comment.
_MINIFIED_BY_PLUGIN = re.compile(r"/wp-content/cache/(?:autoptimize|minify)/|<!-- Page optimized by LiteSpeed Cache")


@contextmanager
def list_items_spaced(page: Page) -> Iterator[None]:
    """On a page a cache plugin minified, each list item followed by another with nothing between them given the
    line break the minifier removed."""
    items = []
    if _MINIFIED_BY_PLUGIN.search(page.source):
        items = [li for li in page.tree.iter("li") if not li.tail and li.getnext() is not None]
    for li in items:
        li.tail = "\n"
    try:
        yield
    finally:
        for li in items:
            li.tail = None
