"""WordPress with its comments paginated (page_comments): page N of a post's comments, at the post's address plus
`comment-page-N/`, is the post again — reached first, by a comment's permalink, it was stored as the post, and the
post's own page was not. It is read as the post's, which is asked for instead; and the post's page, which shows
one page of its comments, gets them all from the REST API."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

from crawler.discovery.wordpress import commented_post, rest_comments_url
from tests.hostile.servers import PARAGRAPH, Server, answer, serve

ENTRY = "/wp-json/wp/v2/posts/17"  # every WordPress post page links its REST API entry


ONE_COMMENT = (  # its permalink on the comments' page 1 (page_comments)
    '<li id="comment-1" class="comment even thread-even depth-1"><div class="wp-block-comment-author-name">'
    'Mr WordPress</div><div class="wp-block-comment-date"><a href="/hello-world/comment-page-1/#comment-1">'
    '<time datetime="2024-05-01T10:00:00+02:00">May 1, 2024</time></a></div>'
    '<div class="wp-block-comment-content"><p>Hi, this is a comment.</p></div></li>'
)


def _commented_page(canonical: str, comments: str = ONE_COMMENT, pagination: str = "") -> bytes:
    """A WordPress block theme's post page with its `comments` and their `pagination`."""
    paragraphs = "".join(f"<p>{PARAGRAPH} (paragraph {n})</p>" for n in range(5))
    return (
        '<!doctype html><html lang="en-US"><head><meta charset="UTF-8"><title>Hello world! – Stone and Bread</title>'
        f'<link rel="canonical" href="{canonical}"><link rel="alternate" type="application/json" href="{ENTRY}">'
        '</head><body class="wp-singular post-template-default single single-post postid-17">'
        '<h1 class="wp-block-post-title">Hello world!</h1>'
        f'<div class="entry-content wp-block-post-content">{paragraphs}</div>'
        '<div class="wp-block-comments" id="comments"><ol class="wp-block-comment-template">'
        f"{comments}</ol>{pagination}</div></body></html>"
    ).encode()


def test_a_page_of_a_posts_paginated_comments_is_not_stored_as_the_post(crawl, db):
    """With its comments paginated, WordPress links every comment at the post's address plus comment-page-N/,
    the post again with its canonical there: reached first, by a comment's permalink, it was stored as the post and
    the post's own page, linked from it, as the same post was not. The post is stored under its own address."""
    home = (
        "<!doctype html><html><head><title>Stone and Bread</title></head><body>"
        '<a href="/hello-world/comment-page-1/#comment-1">Mr WordPress on Hello world!</a></body></html>'
    )
    routes = {
        "/": (200, {}, home.encode()),
        "/hello-world/": (200, {}, _commented_page("/hello-world/")),
        "/hello-world/comment-page-1/": (200, {}, _commented_page("/hello-world/comment-page-1/#comments")),
    }
    with serve(Server(routes=routes)) as served:
        result = crawl(served.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url FROM articles") == [(served.base + "hello-world/",)]
    assert db("SELECT count(*) FROM comments") == [(1,)]


def _comments_api(handler: BaseHTTPRequestHandler) -> None:
    """WordPress's REST API: the post's seven comments, all in one answer."""
    if not handler.path.startswith("/wp-json/wp/v2/comments?"):
        answer(handler, (404, {}, b"not here"))
        return
    comments = [
        {
            "id": n,
            "parent": 0,
            "author_name": f"Reader {n}",
            "author_url": "",
            "date": f"2024-11-0{n}T10:00:00",
            "date_gmt": f"2024-11-0{n}T09:00:00",
            "content": {"rendered": f"<p>Comment number {n} about rye.</p>"},
        }
        for n in range(1, 8)
    ]
    headers = {"Content-Type": "application/json", "X-WP-Total": "7", "X-WP-TotalPages": "1"}
    answer(handler, (200, headers, json.dumps(comments).encode()))


def test_a_post_showing_one_page_of_its_comments_gets_them_all_from_the_rest_api(crawl, db):
    """Five comments a page, newest first (WordPress's default order of pages): the post's page shows the last two
    and links page 1, which is no page of its own — the REST API gives the post every comment."""
    shown = "".join(
        f'<li id="comment-{n}" class="comment even thread-even depth-1"><div class="wp-block-comment-author-name">'
        f'Reader {n}</div><div class="wp-block-comment-content"><p>Comment number {n} about rye.</p></div></li>'
        for n in (6, 7)
    )
    pagination = (
        '<div class="wp-block-comments-pagination"><a href="/bread/comment-page-1/#comments"'
        ' class="wp-block-comments-pagination-previous">Older Comments</a></div>'
    )
    page = _commented_page("/bread/", shown, pagination)
    routes = {"/": (200, {}, b'<html><body><a href="/bread/">Bread</a></body></html>'), "/bread/": (200, {}, page)}
    with serve(Server(routes=routes, fallback=_comments_api)) as served:
        result = crawl(served.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url FROM articles") == [(served.base + "bread/",)]
    archived = db("SELECT comment_id FROM comments ORDER BY CAST(comment_id AS INTEGER)")
    assert archived == [(str(n),) for n in range(1, 8)]


def test_under_plain_permalinks_a_comments_page_is_the_posts_and_its_link_asks_the_rest_api():
    """`?p=17&cpage=2`, linked as esc_url() prints it (`&#038;cpage=2`)."""
    post, page = "http://127.0.0.1/?p=17", "http://127.0.0.1/?p=17&cpage=2"
    body = _commented_page(post, pagination='<a href="http://127.0.0.1/?p=17&#038;cpage=2#comments">Older</a>')
    assert commented_post(body, page) == post
    assert commented_post(body, post) is None
    assert (
        rest_comments_url(body, post) == "http://127.0.0.1/wp-json/wp/v2/comments?post=17&per_page=100&page=1&order=asc"
    )
    assert rest_comments_url(_commented_page(post), post) is None  # it links no page of its own comments
