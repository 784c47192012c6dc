"""What Serendipity (s9y, a PHP blog engine of German-speaking blogs) says about its own pages: its robots meta.

Serendipity prints `<meta name="generator" content="Serendipity v.2.4.0">`, and every theme it bundles (2k11, its
default, Timeline, Bulletproof, Bootstrap 4, Clean Blog, Skeleton …) prints `<meta name="robots"
content="index,follow">` on an entry's own page, the front page, a plugin's page (the freetag plugin's tags) and a
static page, and `noindex,follow` on every other view: a month's or a day's entries (/archives/2024/05.html, a
category's month /archives/2024/05/C3.html, their title lists /archives/2024/05/summary.html), the later pages of
the front page (/archives/P2.html), a category's, an author's, the archive's overview (/archive), the search. Such a
view prints each entry as the entry's own page does — heading, byline, <time>, the whole body — so a month of one
entry was a post; the robots meta settles what it is.

Its older themes (default, Competition, Contest, Bulletproof) print no <time>: an entry's day in the heading of its
day's group, its time of day in its footer (entry_time_prints, published_title).
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.extraction.page import Page, first, text_of
from crawler.extraction.pagekind import url_kind

# An entry's own address under Serendipity's default permalink pattern, `archives/%id%-%title%.html` (rewritten, or
# after index.php?/): an entry whatever robots meta a blog's plugins add to it
_ENTRY_ADDRESS = re.compile(r"/archives/\d+-[^/?#]*\.html(?:$|[?#])")
# The themes without a <time> (entries.tpl of default, Competition, Contest, Bulletproof) print a day's entries under
# the day, DATE_FORMAT_ENTRY ("Sunday, June  2. 2024"), in an h3.serendipity_date, and each entry's time of day,
# '%H:%M', as the text of the link to the entry in its footer, after "at" / "um" (default's and Bulletproof's
# div.serendipity_entryFooter, Contest's span.serendipity_footer_posted); a sticky entry's heading is "Sticky
# Postings", its footer link the day and the time. Both on the blog's clock: PHP's zone, shifted by the blog's
# serverOffsetHours where it sets one.
_DATE_PRINTS = etree.XPath(
    "//h3[contains(concat(' ', normalize-space(@class), ' '), ' serendipity_date ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' serendipity_entryFooter ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' serendipity_footer_posted ')]/a[@href]"
)
# Bulletproof's heading holds the day in an hAtom abbr.published whose title is strftime's '%Y-%m-%dT%H:%M:%S%Z': the
# blog's clock, then PHP's zone's abbreviation ("CEST", "UTC", "-03") — no offset of that clock where the blog shifts
# it by serverOffsetHours, and an abbreviation names none: the time is read without it.
_TIME_OF_DAY = re.compile(r"(?<!\d)\d{1,2}:\d\d(?!\d)")  # the footer's link that prints one, not the author's
_PUBLISHED_TITLE = "h3.serendipity_date > abbr.published[title]"
_WALL_TIME = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:[A-Za-z]+|[+-]\d\d(?::?\d\d)?)?")


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


def entry_time_prints(page: Page) -> tuple[str, str] | None:
    """What a Serendipity theme without a <time> prints of the page's first entry's moment (_DATE_PRINTS): the
    heading of its day's group and its footer's link to it ("09:30"; a sticky entry's "Sunday, June  2. 2024
    09:30"), or None."""
    if not is_serendipity(page):
        return None
    heading = None
    for node in _DATE_PRINTS(page.tree):
        if node.tag == "h3":
            heading = text_of(node)
        elif _TIME_OF_DAY.search(text := text_of(node)):
            return heading or "", text
    return None


def published_title(page: Page) -> str | None:
    """The entry's time Bulletproof's abbr.published states in its title, on the blog's clock, without the zone's
    abbreviation (_PUBLISHED_TITLE): "2024-06-02T09:30:00"."""
    if not is_serendipity(page) or (node := first(page.tree, _PUBLISHED_TITLE)) is None:
        return None
    match = _WALL_TIME.fullmatch((node.get("title") or "").strip())
    return match[1] if match else None
