"""Z-BlogPHP's calendar module (zb_system/defend/default/module-calendar.php): a month of no post leads no further."""

from __future__ import annotations

from crawler.discovery.calendars import empty_months_links


def _calendar(month: str, days: str) -> bytes:
    """A Z-BlogPHP page's sidebar calendar of `month` (2024-3), its days as `days` prints them."""
    year, number = month.split("-")
    before, after = f"{year}-{int(number) - 1}", f"{year}-{int(number) + 1}"
    return (
        "<html><body><aside id='side'><div class='pane' id='divCalendar'><div><table id='tbCalendar'><caption>"
        f"<a title='上个月' href='https://lin.example/?date={before}'>«</a>&nbsp;"
        f"<a href='https://lin.example/?date={month}'>{year}年{number}月</a>&nbsp;"
        f"<a title='下个月' href='https://lin.example/?date={after}'>»</a></caption><thead><tr><th>一</th></tr></thead>"
        f"<tbody><tr><td></td><td>1</td>{days}<td>3</td></tr></tbody></table></div></div>"
        "<div id='divArchives'><ul><li><a href='https://lin.example/?date=2024-3'>2024年3月 (1)</a></li></ul></div>"
        "</aside></body></html>"
    ).encode()


def test_an_empty_months_calendar_leads_to_no_other_month():
    """A month whose calendar links no day holds no post: the months before and after it are not followed from it
    (the calendar links the month before on every month's page, back to years before the first post)."""
    links = empty_months_links(_calendar("2023-6", "<td>2</td>"), "https://lin.example/?date=2023-6")
    assert links == {
        "https://lin.example/?date=2023-5",
        "https://lin.example/?date=2023-6",
        "https://lin.example/?date=2023-7",
    }


def test_a_calendar_of_a_month_with_posts_is_followed_and_other_pages_are_untouched():
    """A month with a post links its day, and its calendar's months are followed; a page without Z-BlogPHP's
    calendar loses no link."""
    day = "<td><a href='https://lin.example/?date=2024-3-2' title='2024-3-2 (1)' target='_blank'>2</a></td>"
    assert empty_months_links(_calendar("2024-3", day), "https://lin.example/?date=2024-3") == set()
    page = b"<html><body><table id='wp-calendar'><caption>May</caption></table><a href='/?m=202405'>May</a></body>"
    assert empty_months_links(page, "https://lin.example/") == set()
