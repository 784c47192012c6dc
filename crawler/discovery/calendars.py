"""Blog engines' calendars: the months they lead to from a month that holds no post, which the crawl does not follow.

Z-BlogPHP's calendar module (`module-calendar.php`, in the sidebar as `#divCalendar`) prints the month of the page's
view as `table#tbCalendar`: its <caption> links the month before and the month after (`?date=2024-2`,
`date-2024-2.html` with URL rewriting), each day holding posts links that day. b2evolution's calendar widget prints
`table.bCalendarTable`, the month in its <caption>, the days in its <tbody>, and in its <tfoot> the year before, the
month before, the current month, the month after and the year after (`/b/2000/12/`, `?m=200012` without extra
paths). Both print them on every month's page, posts or none, back to years before the blog's first post (and
b2evolution forward, past the current year): a Z-BlogPHP crawl walked 141, then 240 empty date lists, each classed
right, and spent its budget so; a b2evolution one 336. A month whose calendar links no day holds no post (every post
is in the feed, the sitemap and the home's pages too, and the archives widgets list each month that holds one), so
its calendar's month links are left out: the walk stops one month past the blog's posts.
"""

from __future__ import annotations

import re

from crawler.discovery.links import page_links
from crawler.urls import clean_url

# (the calendar, the part of it that links other months): Z-BlogPHP's, b2evolution's
_CALENDARS = (
    (
        re.compile(rb"<table\b[^>]*\bid=[\"']?tbCalendar\b.*?</table>", re.IGNORECASE | re.DOTALL),
        re.compile(rb"<caption\b.*?</caption>", re.IGNORECASE | re.DOTALL),
    ),
    (
        re.compile(rb"<table\b[^>]*\bclass=[\"']?bCalendarTable\b.*?</table>", re.IGNORECASE | re.DOTALL),
        re.compile(rb"<tfoot\b.*?</tfoot>", re.IGNORECASE | re.DOTALL),
    ),
)
_DAY_LINK = re.compile(rb"<td\b[^>]*>\s*<a\b", re.IGNORECASE)


def empty_months_links(body: bytes, url: str, encoding: str = "utf-8") -> set[str]:
    """The (clean) URLs of the months a calendar (_CALENDARS) that links no day leads to; empty for a page without
    one, or whose calendar's month holds posts."""
    for calendar_markup, months_markup in _CALENDARS:
        if (calendar := calendar_markup.search(body)) is None:
            continue
        months = months_markup.search(calendar.group())
        days = months_markup.sub(b"", calendar.group())
        if months is None or _DAY_LINK.search(days):
            return set()
        return {clean_url(link) for link in page_links(months.group(), url, encoding).pages}
    return set()
