"""Chrome taken out of trafilatura's output: the blocks whose text the page shows only inside chrome.

A theme's share bar, related posts, byline, widget or aside (selectors.NOT_POST) that trafilatura kept is dropped
block by block — a paragraph, heading, list item, quote or table cell whose text occurs on the page as often inside
chrome regions as on the whole page. A block that also stands in the post ("Share" as a word of the prose) stays.
Generic class names also mark posts themselves (`div.entry.themeform.share` around a whole post), so a region
holding a large share of the page's text is never chrome, and when the chrome would take most of the output the
output is left whole: it is then the post.
"""

from __future__ import annotations

from lxml import etree

from crawler.extraction.page import HtmlElement, Page

MAX_DROPPED_SHARE = 0.5  # of the output's text: more than this and the "chrome" is the post
_BLOCKS = ("p", "head", "item", "quote", "code", "cell")
_CONTAINERS = ("list", "table", "row", "quote")


def drop_chrome_blocks(body: etree._Element, page: Page, max_region_share: float) -> bool:
    """Removes, in place, the blocks of trafilatura's output `body` that come from the page's chrome; True when
    it removed any. `max_region_share`: a chrome match holding more than this share of the page's text is not
    chrome."""
    chrome_text = _chrome_text(page, max_region_share)
    if not chrome_text:
        return False
    page_text = _squashed(page.text)
    doomed, dropped = [], 0
    for block in body.iter(*_BLOCKS):
        text = _squashed("".join(block.itertext()))
        if not text or any(d in block.iterancestors() for d in doomed):
            continue
        if text in chrome_text and chrome_text.count(text) >= page_text.count(text):
            doomed.append(block)
            dropped += len(text)
    total = len(_squashed("".join(body.itertext())))
    if not doomed or dropped > MAX_DROPPED_SHARE * total:
        return False
    for block in doomed:
        _remove(block)
    for container in reversed(list(body.iter(*_CONTAINERS))):  # innermost first: a row, then its table
        if not _squashed("".join(container.itertext())) and container.getparent() is not None:
            _remove(container)
    return True


def _remove(element: etree._Element) -> None:
    """Takes the element out and keeps its tail (text that follows it inside its parent)."""
    parent, tail = element.getparent(), element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _chrome_text(page: Page, max_region_share: float) -> str:
    """The text of the page's small chrome regions, each counted once (a region inside a small one is part of it),
    whitespace removed, one region per line so that no block matches across two of them."""
    regions = frozenset(e for e in page.chrome if e.tag != "form")
    limit = max_region_share * len(page.text)

    def small(region: HtmlElement) -> bool:
        return len(page.text_in(region)) <= limit

    chosen = [e for e in regions if not any(a in regions and small(a) for a in e.iterancestors()) and small(e)]
    return "\n".join(_squashed(page.text_in(e)) for e in chosen)


def _squashed(text: str) -> str:
    """Text without any whitespace: trafilatura and the page's tree space inline elements differently."""
    return "".join(text.split())
