"""The post's own identity on its platform: what stays when its address changes.

WordPress numbers every post (its ID) and prints the number on the post's page whatever its permalink structure:
the shortlink in the head (wp_shortlink_wp_head: `<link rel='shortlink' href='https://site/?p=123'>`, printed once
pretty permalinks are on), the REST API's link to the post's entry (rest_output_link_wp_head: `<link rel="alternate"
type="application/json" href="https://site/wp-json/wp/v2/posts/123">`, or `?rest_route=/wp/v2/posts/123`), and the
body class of a single post or page (`postid-123`, `page-id-2`). A site that changes Settings → Permalinks serves the
same post, with the same ID, at a new address, and its old addresses often answer 404: the archive knows the post by
its ID then (crawler/pipelines/archive.py, archive/moves.py).

The identity is written as WordPress's shortlink, `HOME?p=ID` — the address WordPress itself answers with a
redirect to the post wherever it is now — so that it names the blog as well as the number: two blogs of one host (a
multisite network in folders) number their posts each from 1. Where the page prints no shortlink of that form (a
plugin removes it, Jetpack writes a wp.me one), the REST link gives the home and the number, and else the body class
the number and the REST API's root link (`<link rel="https://api.w.org/" href="https://site/wp-json/">`) the home.

Ghost gives every post an id (24 hexadecimal digits, MongoDB's ObjectId) that stays when an editor changes the post's
slug — its old address then answers 404, unless the owner writes a redirect. A post's page prints it only in the
script of Ghost's native comments, where the blog has them on (`{{comments}}`: `<script data-ghost-comments="SITE"
data-post-id="ID" …>`); Ghost's RSS feed gives every post it lists its id as the item's `<guid isPermaLink="false">`
(crawler/discovery/feeds.py). Either is written as the address of the post's editor in Ghost Admin,
`SITE/ghost/#/editor/post/ID`, which names the blog as well as the post.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from crawler.extraction.page import Page
from crawler.urls import joined

_LINKS = etree.XPath("//head/link[@rel and @href]")
# The REST API's route to one post of any type: /wp/v2/posts/123, /wp/v2/pages/2, a custom type's rest_base
_REST_ROUTE = re.compile(r"^/wp/v2/[\w-]+/(\d+)/?$")
# body_class(): `postid-123` on a single post of any type, `page-id-2` on a page
_BODY_ID = re.compile(r"(?:^|\s)(?:postid|page-id)-(\d+)(?=\s|$)")
_API_ROOT = "wp-json/"
# (rel, type) of the three links read
_WANTED = {("shortlink", ""), ("alternate", "application/json"), ("https://api.w.org/", "")}
_PATHINFO = "index.php/"
# Ghost's comments script, which names the site and the post
_GHOST_COMMENTS = etree.XPath("//script[@data-ghost-comments and @data-post-id]")
_GHOST_ID = re.compile(r"^[0-9a-f]{24}$")


def platform_id(page: Page) -> str | None:
    """The post's identity on its platform: WordPress's, `HOME?p=ID` (`https://site/?p=123`), or Ghost's,
    `SITE/ghost/#/editor/post/ID`; None where the page prints none."""
    for script in _GHOST_COMMENTS(page.tree):
        site = joined(page.base, script.get("data-ghost-comments"))
        if site and (found := ghost_identity(site, script.get("data-post-id"))):
            return found
    links: dict[tuple[str, str], str | None] = {}
    for link in _LINKS(page.tree):
        for rel in link.get("rel").lower().split():
            key = (rel, (link.get("type") or "").lower())
            if key in _WANTED and key not in links:  # only these are joined: a head holds dozens of links
                links[key] = joined(page.base, link.get("href"))
    for found in (_shortlink(links.get(("shortlink", ""))), _rest_entry(links.get(("alternate", "application/json")))):
        if found is not None:
            return _identity(*found)
    body = page.tree.find("body")
    number = _BODY_ID.search(body.get("class") or "") if body is not None else None
    root = links.get(("https://api.w.org/", ""))
    if number is None or root is None or not root.endswith(_API_ROOT):
        return None
    return _identity(root.removesuffix(_API_ROOT), number.group(1))


def _shortlink(href: str | None) -> tuple[str, str] | None:
    """(home, ID) of a shortlink of WordPress's own form, `HOME?p=ID`."""
    if not href:
        return None
    parts = urlsplit(href)
    number = parse_qs(parts.query).get("p", [""])[0]
    return (href.split("?", 1)[0], number) if number.isdigit() else None


def _rest_entry(href: str | None) -> tuple[str, str] | None:
    """(home, ID) of a link to the post's REST API entry: `HOME/wp-json/wp/v2/TYPE/ID`, or `HOME?rest_route=…`
    under plain permalinks."""
    if not href:
        return None
    address, _, query = href.partition("?")
    route = parse_qs(query).get("rest_route", [""])[0]
    if route:
        home = address
    else:
        home, _, route = address.partition("/" + _API_ROOT)
        home, route = home + "/", "/" + route
    number = _REST_ROUTE.match(route)
    return (home, number.group(1)) if number else None


def _identity(home: str, number: str) -> str:
    """`HOME?p=ID`. Under PATHINFO permalinks (`/index.php/%postname%/`) the REST API's addresses are under
    `HOME/index.php/wp-json/`, the shortlink under HOME: the home is the same either way, and when the blog leaves
    PATHINFO for rewritten permalinks."""
    home = home if home.endswith("/") else home + "/"
    return f"{home.removesuffix(_PATHINFO)}?p={number}"


def ghost_identity(site: str, post_id: str) -> str | None:
    """Ghost's post `post_id` of the blog at `site`, as the address of its editor in Ghost Admin; None for an id that
    is none of Ghost's."""
    if not _GHOST_ID.match(post_id.strip()):
        return None
    site = site.split("#", 1)[0].split("?", 1)[0]
    return f"{site if site.endswith('/') else site + '/'}ghost/#/editor/post/{post_id.strip()}"
