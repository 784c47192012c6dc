"""What Substack says about its own post pages: a paid subscribers' post cut short by its paywall.

Substack serves a post page (`*.substack.com/p/slug`, or a publication's own domain) with the post's body in
`div.available-content` and, where a paid subscribers' post ends for anyone else, its paywall after it: a
`div.paywall` headed `h2.paywall-title` ("This post is for paid subscribers"), with its subscribe and sign-in
buttons. What stands before it is only the free preview the author chose, never the post: the page is a post behind
a wall (kind "protected", as WordPress's password-protected post is), not a complete short post.

The post's subtitle, which its writer sets in Substack's editor under the title, is printed as an `h3.subtitle` in
the post's header: it is the post's description (Substack writes it into the page's meta description too, where the
page has one), and stays in the text as a subtitle, a heading, does.

Substack prints a comment's date as the day alone for this year's ("Mar 3"; "Mar 3, 2023" for an earlier year's):
the page's own data holds the time each was written, `window._preloads` (the JSON Substack's scripts start from,
each comment an object of its `id`, `body` and ISO `date`). A comment's date comes from there; a day printed without
its year, of a comment that data does not hold, stays no date (the year the page was read in would be a guess).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from crawler.extraction.page import Page, text_of

# Substack's paywall as its post page prints it where the free part of a paid post ends.
PAYWALL = ".paywall .paywall-title"
# Substack's post body, which the paywall follows: a news site's own `.paywall-title` is not Substack's.
_SUBSTACK_BODY = "div.available-content"
# The post's subtitle, under its h1.post-title.
SUBTITLE = "h3.subtitle"


def substack_kind(page: Page) -> str | None:
    """Kind "protected" for a Substack post page that shows its paywall; None for any other page."""
    return "protected" if page.select(PAYWALL) and page.select(_SUBSTACK_BODY) else None


def substack_subtitle(page: Page) -> str | None:
    """A Substack post page's subtitle (its h3.subtitle); None on a page without Substack's post body, or without
    a subtitle."""
    if not page.select(_SUBSTACK_BODY):
        return None
    subtitle = next(iter(page.select(SUBTITLE)), None)
    return text_of(subtitle) or None


# Substack's start-up data in the page: `window._preloads = JSON.parse("…")` (a JSON string of the JSON), or, on
# older pages, the object itself.
_PRELOADS = re.compile(r"window\._preloads\s*=\s*(?:JSON\.parse\(\s*(\"(?:\\.|[^\"\\])*\")\s*\)|(\{.*\}))", re.DOTALL)
# A script or style sheet from Substack's CDN, on every page Substack serves (its publications' own domains too).
_SUBSTACK_ASSETS = "script[src*='substackcdn.com'], link[href*='substackcdn.com']"


def served_by_substack(page: Page) -> bool:
    """Whether Substack served the page: its start-up data, or its CDN's scripts or style sheets."""
    return bool(page.select(_SUBSTACK_ASSETS)) or any(
        "window._preloads" in (script.text or "") for script in page.tree.iter("script")
    )


def comment_dates(page: Page) -> dict[str, str]:
    """The ISO time of each comment Substack's start-up data holds, by the comment's id; {} on another page."""
    dates: dict[str, str] = {}
    for script in page.tree.iter("script"):
        source = script.text or ""
        if "window._preloads" not in source or (match := _PRELOADS.search(source)) is None:
            continue
        try:
            data = json.loads(json.loads(match[1])) if match[1] else json.loads(match[2])
        except ValueError:
            continue
        for comment in _comments_in(data):
            dates.setdefault(str(comment["id"]), comment["date"])
    return dates


def _comments_in(data: Any) -> Iterator[dict[str, Any]]:
    """The comment objects (an id, a body and a date) anywhere in the data, replies (children) included."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if {"id", "body", "date"} <= item.keys() and isinstance(item["date"], str) and item["date"][:4].isdigit():
                yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
