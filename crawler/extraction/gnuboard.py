"""What Gnuboard (the PHP engine of a great share of Korean community boards and hand-made blogs) prints of a post.

Gnuboard names itself in no generator meta. Its board skins (basic and gallery, the theme's and the mobile ones
alike) print a post as `<article id="bo_v">`: the title in `h2#bo_v_title`, the post's number of views, comments and
its time in `#bo_v_info`, the post in `section#bo_v_atc` — its attachments' pictures (`div#bo_v_img`) over its text
(`div#bo_v_con`) — then links to the previous and next posts (`ul.bo_v_nb`) and the comments (`section#bo_vc`), which
trafilatura read as the post's last paragraphs, its title, "페이지 정보" and "본문" (the skin's hidden headings) first.
"""

from __future__ import annotations

import re
from datetime import datetime

from crawler.extraction.page import HtmlElement, Page, first, text_of

VIEW = "article#bo_v"
POST = "article#bo_v > section#bo_v_atc"
# What the skins print in the post's section besides it: its hidden heading ("본문"), the share and scrap buttons,
# the recommend (추천) counts.
SKIN_PARTS = "#bo_v_atc_title, #bo_v_share, #bo_v_act"
INFO = "article#bo_v #bo_v_info"
# The skins print the post's time as PHP's date("y-m-d H:i"), the board's clock ("26-12-07 21:57": 7 December 2026),
# which a date reader takes day first (26 December 2007); the page states it nowhere else.
_SKIN_TIME = re.compile(r"(?<![\d-])(\d\d)-(\d\d)-(\d\d) (\d\d):(\d\d)(?![\d:])")


def gnuboard_view(page: Page) -> HtmlElement | None:
    """The element of the one post a Gnuboard board's view page shows (its skin's article#bo_v), or None."""
    if "bo_v" not in page.names.ids:
        return None
    return first(page.tree, VIEW)


def gnuboard_post(page: Page) -> HtmlElement | None:
    """The section holding the post's attachments and text on a Gnuboard board's view page (POST), or None."""
    return first(page.tree, POST) if gnuboard_view(page) is not None else None


def read_time(page: Page) -> str | None:
    """The post's time as a Gnuboard skin prints it in the post's #bo_v_info, ISO 8601 to the minute as the board's
    clock reads it ("2026-12-07T21:57"); None off Gnuboard's view pages."""
    if gnuboard_view(page) is None or (info := first(page.tree, INFO)) is None:
        return None
    if (match := _SKIN_TIME.search(text_of(info))) is None:
        return None
    year, month, day, hour, minute = (int(n) for n in match.groups())
    try:
        return datetime(2000 + year, month, day, hour, minute).isoformat(timespec="minutes")
    except ValueError:
        return None
