"""Tumblr's reblog trail in a post's text: who wrote which part of a reblogged post.

A reblog on Tumblr quotes the post it reblogs, each earlier blog's words in a `<blockquote>` after a line naming that
blog: `<p><a class="tumblr_blog" href="https://name.tumblr.com/post/ID">name</a>:</p>` — the legacy post format's
body, as Tumblr writes it into the {Body} of every theme (and its API's legacy `body`). The line is all link, and
trafilatura drops such a paragraph by its link density: the quoted words stood in the text under no name, as the
reblogger's own. For the time of trafilatura's run the link is a <span> (its text unchanged; the Markdown gets the
link back from the page, crawler/extraction/markdown_links.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from crawler.extraction.page import Page, renamed

# The link naming the blog a reblogged post's quoted part is by (Tumblr's legacy reblog trail).
REBLOG_ATTRIBUTION = "a.tumblr_blog"


@contextmanager
def reblog_attributions_as_text(page: Page) -> Iterator[None]:
    """Tumblr's reblog-trail links read as text for the time of the block."""
    with renamed([(link, "span") for link in page.select(REBLOG_ATTRIBUTION)]):
        yield
