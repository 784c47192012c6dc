"""Crawler traps are bounded: an endless ?page=N, a calendar's /calendar/Y/M/ and ever-new query strings each stop
after TRAP_PATTERN_PAGES pages that were no posts, and sooner, after TRAP_STALE_PAGES pages in a row that linked
nothing new, while a real pagination is followed to its end; the cut-off is a crawl_errors row and counted in the
summary, and posts addressed the same way (/?p=N) are never cut."""

from __future__ import annotations

import random
import re
from collections import Counter
from http.server import BaseHTTPRequestHandler

from crawler.frontier.trap_budget import TrapBudget, url_pattern
from crawler.settings import TRAP_PATTERN_PAGES, TRAP_STALE_PAGES
from tests.hostile.servers import answer, crawl, page, post_html

POSTS = 5
SEED = random.randrange(2**32)  # of the shop's view ids; printed by the test that draws them
_VIEWS = random.Random(SEED)


def _view() -> str:
    return f"/shop/?view={_VIEWS.getrandbits(128):032x}"


def endless(handler: BaseHTTPRequestHandler) -> None:
    """Every listing page links the next one, every calendar day the next day, every shop view another view."""
    path = handler.path
    if match := re.fullmatch(r"/\?page=(\d+)", path):
        answer(handler, page(*(f"/?page={int(match[1]) + n}" for n in range(1, 6)), "/?p=1"))  # a paginator
    elif match := re.fullmatch(r"/calendar/(\d+)/(\d+)/", path):
        month = int(match[1]) * 12 + int(match[2]) - 1
        answer(handler, page(*(f"/calendar/{m // 12}/{m % 12 + 1:02}/" for m in (month - 1, month + 1, month + 12))))
    elif path.startswith("/shop/"):
        answer(handler, page(_view(), _view()))
    elif match := re.fullmatch(r"/\?p=(\d+)", path):
        number = int(match[1])
        links = "".join(f"<a href='/?p={n}'>post {n}</a>" for n in range(1, POSTS + 1))
        answer(handler, (200, {}, post_html(f"Post {number}", head="").replace("</h1>", f"</h1>{links}").encode()))
    else:
        answer(handler, (404, {}, b"no"))


def test_endless_pagination_calendar_and_query_strings_stop_at_the_default_budget(world, tmp_path, db):
    print(f"shop view ids drawn with seed {SEED}")
    blog, _, sink = world
    blog.routes["/"] = page("/?page=1", "/calendar/1990/01/", "/shop/", "/?p=1")
    blog.fallback = endless
    budget_only = ("-s", "TRAP_STALE_PAGES=0")  # these traps bring nothing new either: the budget alone here
    result = crawl(tmp_path, sink, blog.base, "-s", "AUTOTHROTTLE_ENABLED=False", *budget_only, timeout=300)
    assert result.returncode == 0, result.stderr

    fetched = Counter(url_pattern(path)[1] for path in blog.paths())
    for pattern in ("/?page", "/calendar/N/N/", "/shop/?view"):
        assert TRAP_PATTERN_PAGES <= fetched[pattern] <= TRAP_PATTERN_PAGES + 20, (pattern, fetched[pattern])
    errors = [message for (message,) in db("SELECT message FROM crawl_errors")]
    assert len(errors) == 3, errors
    assert all(message.startswith("crawler trap cut off: ") and "(TRAP_PATTERN_PAGES)" in message for message in errors)
    assert any(f"URLs like 127.0.0.1:{blog.base.split(':')[2].rstrip('/')}/calendar/N/N/ " in m for m in errors), errors
    articles = db("SELECT url FROM articles")
    assert len(articles) == POSTS, (SEED, articles)  # the posts at /?p=N are all archived, and nothing else


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


DATED = "<meta property='article:published_time' content='2024-05-01T10:00:00+00:00'>"
PAGINATION = 2 * TRAP_STALE_PAGES + 5  # a real pagination longer than the stale run that cuts a trap


def repeating(handler: BaseHTTPRequestHandler) -> None:
    """An endless ?page=N showing the same two posts on every page; a real pagination /page/N/ of a post each."""
    path = handler.path
    if match := re.fullmatch(r"/\?page=(\d+)", path):
        answer(handler, page(*(f"/?page={int(match[1]) + n}" for n in range(1, 6)), "/?p=1", "/?p=2"))
    elif match := re.fullmatch(r"/page/(\d+)/", path):
        number = int(match[1])
        answer(handler, page(*([f"/page/{number + 1}/"] if number < PAGINATION else []), f"/posts/{number}/"))
    elif re.fullmatch(r"/posts/\d+/|/\?p=\d+", path):  # dated: a site with a sitemap keeps only dated posts
        answer(handler, (200, {}, post_html(f"Post {path}", head=DATED).encode()))
    else:
        answer(handler, (404, {}, b"no"))


def test_an_endless_page_n_repeating_the_same_posts_stops_once_its_pages_bring_nothing_new(world, tmp_path, db):
    blog, _, sink = world
    listed = "".join(f"<url><loc>{blog.base}posts/{n}/</loc></url>" for n in range(1, PAGINATION + 1))
    blog.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, f"<urlset>{listed}</urlset>".encode())
    blog.routes["/"] = page("/?page=1", "/page/1/")
    blog.fallback = repeating
    result = crawl(tmp_path, sink, blog.base, "-s", "AUTOTHROTTLE_ENABLED=False", timeout=300)
    assert result.returncode == 0, result.stderr

    fetched = Counter(url_pattern(path)[1] for path in blog.paths())
    assert TRAP_STALE_PAGES <= fetched["/?page"] <= TRAP_STALE_PAGES + 20, fetched  # not TRAP_PATTERN_PAGES
    assert fetched["/page/N/"] == PAGINATION  # every page lists a post no other did: followed to its end
    errors = [message for (message,) in db("SELECT message FROM crawl_errors")]
    port = blog.base.split(":")[2].rstrip("/")
    cut = rf"crawler trap cut off: \d+ URLs like 127\.0\.0\.1:{port}/\?page not crawled, after {TRAP_STALE_PAGES} pages"
    assert len(errors) == 1 and re.fullmatch(
        cut + r" in a row that linked nothing new \(TRAP_STALE_PAGES\)", errors[0]
    ), errors
    assert db("SELECT count(*) FROM articles") == [(PAGINATION + 2,)]


def test_a_pattern_is_stale_after_pages_in_a_row_that_link_nothing_new_and_a_post_or_news_resets_it():
    budget = TrapBudget(per_pattern=0, per_host=0, stale_pages=3)
    budget.linked("http://a.org/?page=1", ["http://a.org/?page=2", "http://a.org/?p=1"])
    budget.settled("http://a.org/?page=1", post=False)  # brought /?p=1
    for n in (2, 3):
        budget.linked(f"http://a.org/?page={n}", [f"http://a.org/?page={n + 1}", "http://a.org/?p=1"])
        budget.settled(f"http://a.org/?page={n}", post=False)
    budget.linked("http://a.org/?page=4", ["http://a.org/?p=2"])  # something new: the run starts again
    budget.settled("http://a.org/?page=4", post=False)
    for n in (5, 6):
        budget.linked(f"http://a.org/?page={n}", ["http://a.org/?p=2"])
        budget.settled(f"http://a.org/?page={n}", post=False)
    assert budget.allows("http://a.org/?page=7")
    budget.linked("http://a.org/?page=7", ["http://a.org/?p=1"])
    budget.settled("http://a.org/?page=7", post=True)  # a post is no trap's page
    assert budget.allows("http://a.org/?page=8")
    for n in (8, 9, 10):
        budget.linked(f"http://a.org/?page={n}", [])
        budget.settled(f"http://a.org/?page={n}", post=False)
    assert not budget.allows("http://a.org/?page=11") and budget.allows("http://a.org/page/2/")
    assert budget.messages() == [
        (
            "http://a.org/?page=11",
            "crawler trap cut off: 1 URLs like a.org/?page not crawled, after 3 pages in a row that linked nothing"
            " new (TRAP_STALE_PAGES)",
        )
    ]
