"""Comments of embeds as blogarchive's renderer leaves them (crawler/rendering/page.py puts the thread of a frame of
another origin in place of its <iframe>): Disqus's threads, from the Jekyll minima and Hugo PaperMod fixtures, keep
each reply's parent and depth and the platform's ids; a time Disqus prints in its English format is read as ISO
8601, one in another language kept as printed."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.extraction.comments import find_comments
from crawler.extraction.page import Page

FIXTURES = Path(__file__).parent / "fixtures"


def _comments(case: str) -> list[tuple]:
    folder = FIXTURES / case
    url = json.loads((folder / "meta.json").read_text())["url"]
    page = Page.from_html((folder / "page.html").read_text("utf-8"), url)
    return [(c.id, c.parent, c.depth, c.author, c.published, c.author_url) for c in find_comments(page)]


def test_a_disqus_thread_keeps_its_replies_parents_and_english_times():
    assert _comments("jekyll/en-minima-disqus-rendered") == [
        ("6120000001", None, 1, "Hattie Marsh", "2023-05-14T18:02:00", "https://disqus.com/by/hmarsh/"),
        ("6120000002", "6120000001", 2, "Owen Pryce", "2023-05-15T08:41:00", "https://disqus.com/by/owenpryce/"),
        ("6120000003", None, 1, "Ivo", "2023-06-07T23:15:00", "https://disqus.com/by/disqus_Qx81/"),
    ]


def test_a_german_disqus_thread_nests_three_deep_and_keeps_its_times_as_printed():
    comments = _comments("hugo/de-papermod-disqus-rendered")
    assert [(id_, parent, depth) for id_, parent, depth, *_ in comments] == [
        ("6350000101", None, 1),
        ("6350000102", "6350000101", 2),
        ("6350000103", "6350000102", 3),
    ]
    assert [published for *_, published, _ in comments] == [
        "Samstag, 20. Januar 2024 19:12",
        "Sonntag, 21. Januar 2024 09:30",
        "Sonntag, 21. Januar 2024 10:02",
    ]
