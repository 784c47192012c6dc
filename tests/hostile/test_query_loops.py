"""WordPress's query loops: a loop's pagination (`?query-<id>-page=N` on whatever page prints the loop) is followed on
one page only, however many listings print the post that holds it, and a loop that lists posts of its own (a page
whose only way to older posts is its loop) is followed to its end."""

from __future__ import annotations

import re
from collections import Counter
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from crawler.discovery.query_loops import repeated_loop_pages
from tests.hostile.servers import answer, crawl

LOOP_PAGES = 8  # the loop post's loop: one post a page
LISTINGS = ("/", "/category/news/", "/2024/05/", "/author/jo/")  # a classic theme prints the loop post whole on each
BLOG_POSTS = range(20, 26)  # reachable only through /blog/'s own loop, two a page
GENERATOR = '<meta name="generator" content="WordPress 6.1.1">'


def loop(path: str, query_id: int, page: int, items: list[tuple[int, str]], pages: int, on_listing: bool) -> str:
    """A core/query block as WordPress 6.1 prints it: its post template, then its query-pagination."""
    parameter = f"query-{query_id}-page"
    extra = " post-preview" if on_listing else ""  # a class the theme adds where the post is printed (Hemingway)
    posts = "".join(
        f'<li class="wp-block-post post-{post_id} post type-post status-publish hentry{extra}">'
        f'<h2 class="wp-block-post-title">{title}</h2></li>'
        for post_id, title in items
    )
    numbers = "".join(
        f'<span aria-current="page" class="page-numbers current">{n}</span>'
        if n == page
        else f'<a class="page-numbers" href="?{parameter}={n}">{n}</a>'
        for n in range(1, pages + 1)
    )
    previous = f'<a href="{path}?{parameter}={page - 1}" class="wp-block-query-pagination-previous">Previous</a>'
    following = f'<a href="{path}?{parameter}={page + 1}" class="wp-block-query-pagination-next">Next Page</a>'
    return (
        f'<div class="wp-block-query"><ul class="wp-block-post-template">{posts}</ul>'
        f'<nav class="wp-block-query-pagination" aria-label="Pagination">{previous if page > 1 else ""}'
        f'<div class="wp-block-query-pagination-numbers">{numbers}</div>{following if page < pages else ""}</nav></div>'
    )


def entry(post_id: int, title: str, content: str, single: bool) -> str:
    heading = (
        f"<h1 class='entry-title'>{title}</h1>"
        if single
        else f"<h2 class='entry-title'><a href='/p/{post_id}/'>{title}</a></h2>"
    )
    text = f"<p>{title}: the garden in May, the beans up, the first salad cut and the slugs at bay. </p>" * 4
    return (
        f'<article id="post-{post_id}" class="post-{post_id} post type-post status-publish hentry">{heading}'
        f'<time class="published" datetime="2024-05-{post_id % 28 + 1:02}T10:00:00+00:00">May</time>'
        f'<div class="entry-content">{text}{content}</div></article>'
    )


def site(handler: BaseHTTPRequestHandler) -> None:
    parts = urlsplit(handler.path)
    path, query = parts.path, parse_qs(parts.query)
    page = int(query.get("query-0-page", ["1"])[0])
    loop_post = [(n, f"Post {n}") for n in (LOOP_PAGES - page + 1,)]  # one post a page, newest first
    if path == "/p/99/" or path in LISTINGS:
        single = path == "/p/99/"
        held = loop(path, 0, page, loop_post, LOOP_PAGES, on_listing=not single)
        body = entry(99, "Query loops", held, single)
        if not single:  # the listing's other posts, each linked, printed whole
            body += "".join(entry(n, f"Post {n}", "", False) for n in range(1, LOOP_PAGES + 1))
    elif match := re.fullmatch(r"/p/(\d+)/", path):
        body = entry(int(match[1]), f"Post {match[1]}", "", True)
    elif path == "/blog/":  # a page whose loop is its own: its posts linked nowhere else
        first = BLOG_POSTS[0] + 2 * (page - 1)
        items = [(n, f"<a href='/p/{n}/'>Post {n}</a>") for n in (first, first + 1)]
        body = "<main><h1>Blog</h1>" + loop(path, 0, page, items, len(BLOG_POSTS) // 2, on_listing=False) + "</main>"
    else:
        answer(handler, (404, {}, b"no"))
        return
    menu = "".join(f"<a href='{listing}'>{listing}</a>" for listing in (*LISTINGS, "/blog/", "/p/99/"))
    html = f"<!doctype html><html><head><title>t</title>{GENERATOR}</head><body><nav>{menu}</nav>{body}</body></html>"
    answer(handler, (200, {}, html.encode()))


def test_a_loop_printed_on_every_listing_is_paged_once_and_a_pages_own_loop_to_its_end(world, tmp_path, db):
    blog, _, sink = world
    blog.fallback = site
    result = crawl(tmp_path, sink, blog.base, "-s", "AUTOTHROTTLE_ENABLED=False", timeout=300)
    assert result.returncode == 0, result.stderr

    paged = Counter(urlsplit(path).path for path in blog.paths() if "query-0-page=" in path)
    held = {path: count for path, count in paged.items() if path != "/blog/"}
    assert len(held) == 1 and sum(held.values()) == LOOP_PAGES, paged  # its pages 2..8, and page 1 linked back
    assert paged["/blog/"] == len(BLOG_POSTS) // 2  # pages 1..3: its pages 2 and 3 link page 1 back
    archived = {url.removeprefix(blog.base) for (url,) in db("SELECT url FROM articles")}
    expected = {f"p/{n}/" for n in (*range(1, LOOP_PAGES + 1), 99, *BLOG_POSTS)}
    assert expected <= archived, expected - archived


def test_a_loop_is_known_by_its_id_and_the_posts_it_lists_not_by_where_it_is_printed():
    seen: dict = {}
    items = [(7, "Seven")]

    def html(path: str, on_listing: bool, query_id: int = 0, listed: list = items) -> bytes:
        return f"<html><body>{loop(path, query_id, 1, listed, 3, on_listing)}</body></html>".encode()

    assert repeated_loop_pages(html("/p/99/", False), "http://a.org/p/99/", "utf-8", seen) == set()
    assert repeated_loop_pages(html("/tag/x/", True), "http://a.org/tag/x/", "utf-8", seen) == {
        "http://a.org/tag/x/?query-0-page=2",
        "http://a.org/tag/x/?query-0-page=3",
    }
    assert repeated_loop_pages(html("/tag/x/", True, 1), "http://a.org/tag/x/", "utf-8", seen) == set()  # id 1
    other = [(8, "Eight")]
    assert repeated_loop_pages(html("/blog/", False, listed=other), "http://a.org/blog/", "utf-8", seen) == set()
    assert repeated_loop_pages(html("/p/99/", False), "http://a.org/p/99/", "utf-8", seen) == set()  # its own page
