"""Z-BlogPHP's calendar: the months it leads to from a month that holds no post, which the crawl does not follow.

The calendar module the core ships (`module-calendar.php`, in the sidebar as `#divCalendar`) prints the month of the
page's view as `table#tbCalendar`: its <caption> links the month before and the month after (`?date=2024-2`,
`date-2024-2.html` with URL rewriting), each day holding posts links that day. It prints the previous month on every
month's page, posts or none, back to years before the blog's first post: a crawl walked 141, then 240 empty date
lists, each classed right, and spent its budget so. A month whose calendar links no day holds no post (every post is
in the feed, the sitemap and the home's pages too, and the archives module lists each month that holds one), so its
calendar's month links are left out: the walk stops one month past the blog's posts.
"""

from __future__ import annotations

import re

from crawler.discovery.links import page_links
from crawler.urls import clean_url

_CALENDAR = re.compile(rb"<table\b[^>]*\bid=[\"']?tbCalendar\b.*?</table>", re.IGNORECASE | re.DOTALL)
_CAPTION = re.compile(rb"<caption\b.*?</caption>", re.IGNORECASE | re.DOTALL)
_DAY_LINK = re.compile(rb"<td\b[^>]*>\s*<a\b", re.IGNORECASE)


def empty_months_links(body: bytes, url: str, encoding: str = "utf-8") -> set[str]:
    """The (clean) URLs of the months a Z-BlogPHP calendar that links no day leads to; empty for a page without one,
    or whose calendar's month holds posts."""
    calendar = _CALENDAR.search(body)
    if calendar is None or _DAY_LINK.search(calendar.group()):
        return set()
    caption = _CAPTION.search(calendar.group())
    return {clean_url(link) for link in page_links(caption.group(), url, encoding).pages} if caption else set()
