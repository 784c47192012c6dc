"""Crawler traps are bounded with the default settings: an endless ?page=N, a calendar's /calendar/Y/M/ and ever-new
query strings each stop after TRAP_PATTERN_PAGES pages that were no posts, the cut-off is a crawl_errors row and
counted in the summary, and posts addressed the same way (/?p=N) are never cut."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler

from crawler.frontier.trap_budget import TrapBudget, url_pattern
from crawler.settings import TRAP_PATTERN_PAGES
from tests.hostile.servers import answer, crawl, page, post_html

POSTS = 5


def endless(handler: BaseHTTPRequestHandler) -> None:
    """Every listing page links the next one, every calendar day the next day, every shop view another view."""
    path = handler.path
    if match := re.fullmatch(r"/\?page=(\d+)", path):
        answer(handler, page(*(f"/?page={int(match[1]) + n}" for n in range(1, 6)), "/?p=1"))  # a paginator
    elif match := re.fullmatch(r"/calendar/(\d+)/(\d+)/", path):
        month = int(match[1]) * 12 + int(match[2]) - 1
        answer(handler, page(*(f"/calendar/{m // 12}/{m % 12 + 1:02}/" for m in (month - 1, month + 1, month + 12))))
    elif path.startswith("/shop/"):
        answer(handler, page(f"/shop/?view={uuid.uuid4().hex}", f"/shop/?view={uuid.uuid4().hex}"))
    elif match := re.fullmatch(r"/\?p=(\d+)", path):
        number = int(match[1])
        links = "".join(f"<a href='/?p={n}'>post {n}</a>" for n in range(1, POSTS + 1))
        answer(handler, (200, {}, post_html(f"Post {number}", head="").replace("</h1>", f"</h1>{links}").encode()))
    else:
        answer(handler, (404, {}, b"no"))


def test_endless_pagination_calendar_and_query_strings_stop_at_the_default_budget(world, tmp_path, db):
    blog, _, sink = world
    blog.routes["/"] = page("/?page=1", "/calendar/1990/01/", "/shop/", "/?p=1")
    blog.fallback = endless
    result = crawl(tmp_path, sink, blog.base, "-s", "AUTOTHROTTLE_ENABLED=False", timeout=300)
    assert result.returncode == 0, result.stderr

    fetched = Counter(url_pattern(path)[1] for path in blog.paths())
    for pattern in ("/?page", "/calendar/N/N/", "/shop/?view"):
        assert TRAP_PATTERN_PAGES <= fetched[pattern] <= TRAP_PATTERN_PAGES + 20, (pattern, fetched[pattern])
    errors = [message for (message,) in db("SELECT message FROM crawl_errors")]
    assert len(errors) == 3, errors
    assert all(message.startswith("crawler trap cut off: ") and "(TRAP_PATTERN_PAGES)" in message for message in errors)
    assert any(f"URLs like 127.0.0.1:{blog.base.split(':')[2].rstrip('/')}/calendar/N/N/ " in m for m in errors), errors
    assert db("SELECT count(*) FROM articles") == [(POSTS,)]  # the posts at /?p=N are all archived


def test_posts_never_count_against_a_budget_and_each_cut_is_counted():
    budget = TrapBudget(per_pattern=3, per_host=5)
    for n in range(50):
        assert budget.take(f"http://a.org/?p={n}")
        budget.settled(f"http://a.org/?p={n}", post=True)
    for n in range(3):
        assert budget.take(f"http://a.org/events/{n}/")  # counted as it is handed out, before it is settled
    assert not budget.allows("http://a.org/events/9/") and not budget.take("http://a.org/events/10/")
    assert budget.take("http://a.org/?p=51")  # another pattern
    budget.redirect("http://a.org/?p=51", "https://a.org/?p=51")
    budget.settled("https://a.org/?p=51", post=True)  # a post behind a redirect takes its count back too
    for n in range(2):
        assert budget.take(f"http://a.org/tag/t{n}/")
    assert not budget.allows("http://a.org/about/")  # the host spent its 5 pages that were no posts
    assert budget.allows("http://b.org/about/")
    assert budget.urls_cut == 3
    assert [url for url, _ in budget.messages()] == ["http://a.org/events/9/", "http://a.org/about/"]
    assert url_pattern("http://A.org/events/2024/05/?view=month&day=3") == ("a.org", "/events/N/N/?day&view")
