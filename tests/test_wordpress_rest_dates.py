"""A WordPress block theme that prints no date on a post (Twenty Twenty-Five's single template: title, featured
image, content, tags), under permalinks without the date (/%postname%/): the post is dated by its REST API entry,
which its page links, not by a date guessed from the page (a link in the post to a dated address) nor left
undated; reextract dates it the same way from the entry the crawl kept."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

from tests.conftest import run_cli
from tests.hostile.servers import PARAGRAPH, Server, answer, serve

ENTRY = "/wp-json/wp/v2/posts/17"


def _post_page() -> bytes:
    paragraphs = "".join(f"<p>{PARAGRAPH} (paragraph {n})</p>" for n in range(5))
    return (
        '<!doctype html><html lang="en-US"><head><meta charset="UTF-8"><title>Anatomy of a Theme – Stone and Bread'
        '</title><meta name="generator" content="WordPress 7.1">'
        f'<link rel="alternate" title="JSON" type="application/json" href="{ENTRY}"></head>'
        '<body class="wp-singular post-template-default single single-post postid-17 single-format-standard'
        ' wp-embed-responsive wp-theme-twentytwentyfive"><div class="wp-site-blocks">'
        '<header class="wp-block-template-part"><p class="wp-block-site-title"><a href="/">Stone and Bread</a></p>'
        "</header>"
        '<main class="wp-block-group"><div class="wp-block-group alignfull">'
        '<h1 class="wp-block-post-title">Anatomy of a Theme</h1>'
        '<div class="entry-content alignfull wp-block-post-content is-layout-constrained">'
        f"{paragraphs}<p>The talk: https://wordpress.tv/2009/03/16/anatomy-of-a-wordpress-theme/</p></div>"
        "</div></main></div></body></html>"
    ).encode()


def _entry(handler: BaseHTTPRequestHandler) -> None:
    """The post's REST API entry, whatever fields the crawl asks for (`?_fields=…`)."""
    if handler.path.split("?")[0] != ENTRY:
        answer(handler, (404, {}, b"not here"))
        return
    body = {"date_gmt": "2010-06-03T06:25:58", "content": {"rendered": "<p>One page</p>", "protected": False}}
    answer(handler, (200, {"Content-Type": "application/json"}, json.dumps(body).encode()))


def test_a_post_its_block_theme_prints_undated_gets_the_date_of_its_rest_api_entry(crawl, db, tmp_path):
    home = '<!doctype html><html><head><title>Stone and Bread</title></head><body><a href="/anatomy/">A</a></body>'
    site = Server(routes={"/": (200, {}, home.encode()), "/anatomy/": (200, {}, _post_page())}, fallback=_entry)
    with serve(site) as served:
        result = crawl(served.base)
    assert result.returncode == 0, result.stderr
    expected = [(served.base + "anatomy/", "2010-06-03T06:25:58+00:00")]  # not 2009-03-16, the link's
    assert db("SELECT url, published FROM articles") == expected
    reextracted = run_cli("reextract", "--db", str(tmp_path / "archive.db"))
    assert reextracted.returncode == 0, reextracted.stderr
    assert db("SELECT url, published FROM articles") == expected


def test_a_post_whose_page_states_the_moment_its_rest_api_entry_does_keeps_its_own_offset(crawl, db):
    """Twenty Twenty-Three prints the post's date with the site's offset: the same moment as the entry's UTC time,
    it stands as printed."""
    printed = '<div class="wp-block-post-date"><time datetime="2010-06-03T08:25:58+02:00">June 3, 2010</time></div>'
    page = _post_page().replace(
        b'<h1 class="wp-block-post-title">Anatomy of a Theme</h1>',
        b'<h1 class="wp-block-post-title">Anatomy of a Theme</h1>' + printed.encode(),
    )
    home = '<!doctype html><html><head><title>Stone and Bread</title></head><body><a href="/anatomy/">A</a></body>'
    site = Server(routes={"/": (200, {}, home.encode()), "/anatomy/": (200, {}, page)}, fallback=_entry)
    with serve(site) as served:
        result = crawl(served.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT published FROM articles") == [("2010-06-03T08:25:58+02:00",)]
