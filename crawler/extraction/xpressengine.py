"""What XpressEngine and Rhymix (the Korean engine of boards and blogs, and XE's successor) print of a document.

Both name themselves in `<meta name="generator">` ("XpressEngine", "Rhymix"). Whatever the board skin, the core
prints a document's text in one element of its own, `<div class="document_{document}_{member} xe_content">`
(Rhymix adds `rhymix_content`), between `<!--BeforeDocument(…)-->` and `<!--AfterDocument(…)-->`; the skin prints
around it the document's header (title, author, time), its tags, votes and comments — and, on the same page, the
board's list of documents (the default and xedition skins' `div.board_list#board_list`, a table of every
document's number, title, author, date and views), which trafilatura read as the document's last paragraphs. A
comment's text is the core's `div.xe_content` too, classed `comment_{comment}_{member}` (selectors.COMMENT_TEXT).
"""

from __future__ import annotations

from crawler.extraction.page import HtmlElement, Page
from crawler.extraction.wordpress import post_content

GENERATORS = ("XpressEngine", "Rhymix")
DOCUMENT = "div.xe_content[class^='document_']"
# The document's time as the board skins print it in its header, to the minute ('Y.m.d H:i': "2024.05.06 07:45"):
# the default skin's p.time, xedition's span.time; the page states it nowhere else.
READ_TIME = ".board_read > .read_header .time"


def generated_by_xe(page: Page) -> bool:
    return any(generator.startswith(GENERATORS) for generator in page.meta.get("generator", []))


def xe_document(page: Page) -> HtmlElement | None:
    """The element holding the text of the one document an XpressEngine or Rhymix page shows, or None."""
    return post_content(page, DOCUMENT) if generated_by_xe(page) else None
