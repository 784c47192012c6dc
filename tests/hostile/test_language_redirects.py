"""A multilingual blog whose addresses answer in the language the visitor asks for or last read: the default
language's posts at their own addresses (/2024/…), the others under a prefix (/en/2024/…), and an address of the
default language redirected to the prefixed one when the request's Accept-Language prefers another language, or when
the language cookie the site set on the last page served says another — qTranslate-XT's browser detection and its
`qtrans_front_language` cookie, Polylang's `pll_language`, WPML's `_icl_current_language` work so."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.hostile.servers import Server, answer, crawl, post_html

POSTS = {  # the default language's address: (German title, English title)
    "/2023/10/15/herbstwanderung-im-harz/": ("Herbstwanderung im Harz", "Autumn Walk in the Harz"),
    "/2023/11/02/brot-backen/": ("Brot backen mit Sauerteig", "Baking Sourdough Bread"),
    "/2024/01/20/winter-am-titisee/": ("Winter am Titisee", "Winter at Lake Titisee"),
    "/2024/03/09/fruehlingsbeete/": ("Frühlingsbeete anlegen", "Laying Out Spring Beds"),
}
COOKIE = "lang"


def _visitor_language(request: BaseHTTPRequestHandler, by_browser: bool) -> str:
    """The language the site picks for an address without a prefix: its cookie's, else (browser detection on)
    the Accept-Language's first language it has, else German, its default."""
    for part in request.headers.get("Cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE and value in ("de", "en"):
            return value
    if by_browser:
        for item in request.headers.get("Accept-Language", "").split(","):
            if (code := item.split(";")[0].strip().lower()[:2]) in ("de", "en"):
                return code
    return "de"


def _multilingual_blog(server: Server, by_browser: bool) -> None:
    def handler(request: BaseHTTPRequestHandler) -> None:
        path = request.path
        language = "en" if path.startswith("/en/") else "de"
        plain = path.removeprefix("/en")
        if language == "de" and (wanted := _visitor_language(request, by_browser)) != "de":
            location = f"{server.base}{wanted}{path}"
            answer(request, (302, {"Location": location, "Set-Cookie": f"{COOKIE}={wanted}; Path=/"}, b""))
            return
        prefix = "" if language == "de" else "/en"
        cookie = {"Set-Cookie": f"{COOKIE}={language}; Path=/"}
        if plain == "/":
            links = "".join(f'<li><a href="{prefix}{post}">{post}</a></li>' for post in POSTS)
            other = "/en/" if language == "de" else "/"
            html = f"<!doctype html><html lang={language}><body><ul>{links}</ul><a href='{other}'>{other}</a></body>"
            answer(request, (200, cookie, html.encode()))
        elif plain in POSTS:
            title = POSTS[plain][language == "en"]
            switch = f"<p><a href='/en{plain}'>English</a> <a href='{plain}'>Deutsch</a></p>"
            answer(request, (200, cookie, post_html(title, head=switch).encode()))
        else:
            answer(request, (404, {}, b"not here"))

    server.fallback = handler
    urls = "".join(f"<url><loc>{server.base}{prefix}{post[1:]}</loc></url>" for prefix in ("en/", "") for post in POSTS)
    robots = f"Sitemap: {server.base}sitemap.xml\n"
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, robots.encode())
    sitemap = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    server.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, sitemap.encode())


def _expected(base: str) -> set[tuple[str, str]]:
    return {(base + post[1:], de) for post, (de, _) in POSTS.items()} | {
        (f"{base}en{post}", en) for post, (_, en) in POSTS.items()
    }


def _articles(folder: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(folder / "archive.db")) as connection:
        return connection.execute("SELECT url, title FROM articles ORDER BY url").fetchall()


def test_a_blog_that_redirects_by_accept_language_keeps_every_post_at_its_own_address(world, tmp_path):
    """Scrapy's `Accept-Language: en` had every German address redirected to its English one: the German posts
    were never fetched, though the sitemap lists them. Asked for no language, the site serves each address in its
    own; two crawls of it store the same rows."""
    blog, _, sink = world
    _multilingual_blog(blog, by_browser=True)
    runs = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        result = crawl(tmp_path / name, sink, blog.base)
        assert result.returncode == 0, result.stderr
        runs.append(_articles(tmp_path / name))
    assert set(runs[0]) == _expected(blog.base) and len(runs[0]) == len(POSTS) * 2
    assert runs[1] == runs[0]
    assert all("Accept-Language" not in headers for _, headers in blog.seen)


def test_a_language_cookie_the_last_page_set_does_not_move_the_next_page(world, tmp_path, db):
    """The sitemap lists the English posts first, and each English page sets the language cookie to English; with the
    site's cookies kept for the crawl, every German address fetched after one was redirected to its English one (the
    German posts missing; which ones depended on the order of the fetches, here one at a time). Each page is now
    asked for as a first visit: no cookie."""
    blog, _, sink = world
    _multilingual_blog(blog, by_browser=False)
    result = crawl(tmp_path, sink, blog.base, "-s", "CONCURRENT_REQUESTS=1")
    assert result.returncode == 0, result.stderr
    assert set(db("SELECT url, title FROM articles")) == _expected(blog.base)
    assert db("SELECT count(*) FROM articles") == [(len(POSTS) * 2,)]
    assert all("Cookie" not in headers for path, headers in blog.seen if path in POSTS)


def test_a_cookie_set_on_a_redirect_goes_with_its_next_hop(world, tmp_path, db):
    """A site that sets a cookie and sends the visitor on (a cookie check, a session started on the first answer)
    still gets it back on the hop: a jar lasts the visit of one page, its redirects included."""
    blog, _, sink = world
    blog.routes["/"] = (302, {"Location": "/welcome/", "Set-Cookie": "visit=1; Path=/"}, b"")
    blog.routes["/welcome/"] = (200, {}, post_html("Welcome to the Garden").encode())
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    assert dict(blog.seen)["/welcome/"].get("Cookie") == "visit=1"
    assert db("SELECT url FROM articles") == [(blog.base + "welcome/",)]
