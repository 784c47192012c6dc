"""What Serendipity (s9y, a PHP blog engine of German-speaking blogs) says about its own pages: its robots meta.

Serendipity prints `<meta name="generator" content="Serendipity v.2.4.0">`, and every theme it bundles (2k11, its
default, Timeline, Bulletproof, Bootstrap 4, Clean Blog, Skeleton …) prints `<meta name="robots"
content="index,follow">` on an entry's own page, the front page, a plugin's page (the freetag plugin's tags) and a
static page, and `noindex,follow` on every other view: a month's or a day's entries (/archives/2024/05.html, a
category's month /archives/2024/05/C3.html, their title lists /archives/2024/05/summary.html), the later pages of
the front page (/archives/P2.html), a category's, an author's, the archive's overview (/archive), the search. Such a
view prints each entry as the entry's own page does — heading, byline, <time>, the whole body — so a month of one
entry was a post; the robots meta settles what it is.
"""

from __future__ import annotations

import re

from crawler.extraction.page import Page
from crawler.extraction.pagekind import url_kind

# An entry's own address under Serendipity's default permalink pattern, `archives/%id%-%title%.html` (rewritten, or
# after index.php?/): an entry whatever robots meta a blog's plugins add to it
_ENTRY_ADDRESS = re.compile(r"/archives/\d+-[^/?#]*\.html(?:$|[?#])")


def is_serendipity(page: Page) -> bool:
    """Whether Serendipity rendered the page: its generator tag names it."""
    return any(generator.startswith("Serendipity") for generator in page.meta.get("generator", []))


def serendipity_kind(page: Page) -> str | None:
    """The kind of a Serendipity view its themes keep out of search engines (noindex): a listing of entries, by its
    URL's kind where the URL says which (a category's, an author's …), else an archive; None for any other page."""
    if not is_serendipity(page):
        return None
    robots = {word.strip().casefold() for content in page.meta.get("robots", []) for word in content.split(",")}
    if "noindex" not in robots or "index" in robots or _ENTRY_ADDRESS.search(page.url):
        return None  # a noindex added beside the theme's own index (a plugin's, site-wide) says nothing of the view
    return url_kind(page.url) or "archive"
