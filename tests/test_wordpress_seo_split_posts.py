"""A WordPress post split over pages (<!--nextpage-->) on a block theme, with an SEO plugin: the theme prints no page
links, and Yoast SEO or Rank Math print `<link rel="next">` to the post's page 2 (and rel="prev"/"next" on each
page after) and a canonical URL of each page its own. The post is joined whole from every page its REST API entry
counts — not from page 1 and the page 2 its rel="next" names, with page 3 stored as a post of its own."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

from tests.hostile.servers import PARAGRAPH, Server, answer, serve

POST = "/2024/02/14/the-long-way-round/"
ENTRY = "/wp-json/wp/v2/posts/19"
PARTS = ["Part one, out of the town.", "Part two, the ridge in the rain.", "Part three, home by the river."]


def _page(number: int) -> bytes:
    """Page `number` of the post as Twenty Twenty-Five prints it with Yoast SEO's head."""
    url = POST if number == 1 else f"{POST}{number}/"
    around = [(rel, n) for rel, n in (("prev", number - 1), ("next", number + 1)) if 1 <= n <= len(PARTS)]
    links = "".join(f'<link rel="{rel}" href="{POST if n == 1 else f"{POST}{n}/"}">' for rel, n in around)
    paged = f" paged-{number} single-paged-{number}" if number > 1 else ""
    return (
        '<!doctype html><html lang="en-US"><head><meta charset="UTF-8"><title>The Long Way Round – Stone and Bread'
        f'</title><link rel="canonical" href="{url}">{links}'
        f'<link rel="alternate" title="JSON" type="application/json" href="{ENTRY}"></head>'
        f'<body class="wp-singular post-template-default single single-post postid-19{paged}'
        ' wp-theme-twentytwentyfive"><div class="wp-site-blocks">'
        '<header class="wp-block-template-part"><p class="wp-block-site-title"><a href="/">Stone and Bread</a></p>'
        '</header><main class="wp-block-group"><h1 class="wp-block-post-title">The Long Way Round</h1>'
        '<div class="entry-content alignfull wp-block-post-content is-layout-constrained">'
        f"<p>{PARAGRAPH} {PARTS[number - 1]}</p></div></main></div></body></html>"
    ).encode()


def _entry(handler: BaseHTTPRequestHandler) -> None:
    """The post's REST API entry: its content keeps WordPress's page breaks."""
    if handler.path.split("?")[0] != ENTRY:
        answer(handler, (404, {}, b"not here"))
        return
    content = "<!--nextpage-->".join(f"<p>{part}</p>" for part in PARTS)
    body = {"date_gmt": "2024-02-14T08:00:00", "content": {"rendered": content, "protected": False}}
    answer(handler, (200, {"Content-Type": "application/json"}, json.dumps(body).encode()))


def test_a_split_post_with_an_seo_plugins_rel_next_is_joined_from_every_page_its_rest_entry_counts(crawl, db):
    home = f'<!doctype html><html><head><title>Stone and Bread</title></head><body><a href="{POST}">A</a></body>'
    routes = {"/": (200, {}, home.encode())}
    routes.update({POST if n == 1 else f"{POST}{n}/": (200, {}, _page(n)) for n in range(1, len(PARTS) + 1)})
    with serve(Server(routes=routes, fallback=_entry)) as served:
        result = crawl(served.base)
    assert result.returncode == 0, result.stderr  # no page 3's own "pages" 3/2/ and 3/3/, answering 404
    stored = db("SELECT url, text FROM articles")
    assert [url.removeprefix(served.base.rstrip("/")) for url, _ in stored] == [POST]
    assert all(part in stored[0][1] for part in PARTS)
