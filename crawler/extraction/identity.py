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

Blogger numbers every post (a 64-bit id) and every blog (its id); an author may edit a published post's permalink
("Permalink → Custom permalink"), and the old address then answers 404. Blogger names the post by both numbers in
its feeds, the Atom entry's `<id>` and the RSS item's `<guid isPermaLink="false">`:
`tag:blogger.com,1999:blog-BLOGID.post-POSTID` — the identity is written so, whichever it was read from. A post's
page names its blog in the link Blogger prints in the head of every page (`<link rel="service.post"
href="https://www.blogger.com/feeds/BLOGID/posts/default">`; a classic template's EditURI,
`https://www.blogger.com/rsd.g?blogID=BLOGID`), the layouts' `<meta itemprop="blogId">`, or Blogger's widget script
(`_WidgetManager._SetDataContext([{'name': 'blog', 'data': {'blogId': 'BLOGID', …`); and the post in every theme's
own way: `<meta itemprop="postId">` (the layouts' post metadata), `<a name="POSTID">` opening the post (classic
templates and the layouts), the post body's id `post-body-POSTID`, a `data-id` on the `.post` element, the comments'
`data-post-id`, and the widget script's `'postId': 'POSTID'`. A page that names more than one post (the home, an
archive's page) names none as its own.
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
# Blogger's own name of a post in its feeds, the form its identity is written in
BLOGGER_TAG = re.compile(r"^tag:blogger\.com,1999:blog-(\d+)\.post-(\d+)$")
# The blog's id in the head's links to Blogger's API: service.post's posts feed, a classic template's EditURI (RSD)
_BLOGGER_API = re.compile(r"^https?://(?:www\.)?blogger\.com/(?:feeds/(\d+)/posts/default|rsd\.g\?blogID=(\d+))")
_BLOGGER_API_LINKS = etree.XPath("//head/link[@rel='service.post' or @rel='EditURI']/@href", smart_strings=False)
_BLOGGER_META = etree.XPath("//meta[@itemprop=$name]/@content", smart_strings=False)
# Blogger's widget script on every page of a layout or theme, which states the blog's id and a post page's id
_BLOGGER_DATA = etree.XPath("//script[contains(., '_WidgetManager._SetDataContext')]/text()", smart_strings=False)
_BLOGGER_DATA_BLOG = re.compile(r"'blogId': '(\d+)'")
_BLOGGER_DATA_POST = re.compile(r"'postId': '(\d+)'")
_POST_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' post ')"
_TITLE_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' post-title ')"
_BLOGGER_POST_IDS = etree.XPath(
    "//*[starts-with(@id, 'post-body-')]/@id"
    f" | //*[{_POST_CLASS}]/@data-id"
    " | //*[@data-post-id]/@data-post-id"
    # the anchor before the post: the first thing in the .post, or right before its title or the .post itself
    f" | //a[@name][not(node())][parent::*[{_POST_CLASS}] and not(preceding-sibling::*)"
    f" or following-sibling::*[1][{_POST_CLASS} or {_TITLE_CLASS}]]"
    "/@name",
    smart_strings=False,
)


def platform_id(page: Page) -> str | None:
    """The post's identity on its platform: WordPress's, `HOME?p=ID` (`https://site/?p=123`), Ghost's,
    `SITE/ghost/#/editor/post/ID`, or Blogger's, `tag:blogger.com,1999:blog-BLOGID.post-POSTID`; None where the page
    prints none."""
    if found := _blogger(page):
        return found
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
    for found in (shortlink(links.get(("shortlink", ""))), _rest_entry(links.get(("alternate", "application/json")))):
        if found is not None:
            return wordpress_identity(*found)
    body = page.tree.find("body")
    number = _BODY_ID.search(body.get("class") or "") if body is not None else None
    root = links.get(("https://api.w.org/", ""))
    if number is None or root is None or not root.endswith(_API_ROOT):
        return None
    return wordpress_identity(root.removesuffix(_API_ROOT), number.group(1))


def shortlink(href: str | None) -> tuple[str, str] | None:
    """(home, ID) of a shortlink of WordPress's own form, `HOME?p=ID` (the guid WordPress gives a post too)."""
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


def wordpress_identity(home: str, number: str) -> str:
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


def _blogger(page: Page) -> str | None:
    """The identity of the Blogger post the page is of: its blog's id and the one post id its markup names."""
    blog = _blogger_blog(page)
    if blog is None:
        return None
    data = " ".join(_BLOGGER_DATA(page.tree))
    posts = {value.removeprefix("post-body-").strip() for value in _BLOGGER_POST_IDS(page.tree)}
    posts.update(value.strip() for value in _BLOGGER_META(page.tree, name="postId"))
    posts.update(_BLOGGER_DATA_POST.findall(data))
    posts = {post for post in posts if post.isdigit()}
    return blogger_identity(blog, posts.pop()) if len(posts) == 1 else None


def _blogger_blog(page: Page) -> str | None:
    """The id of the Blogger blog the page is of, where Blogger's own links, metadata or script name it."""
    for href in _BLOGGER_API_LINKS(page.tree):
        if found := _BLOGGER_API.match(href.strip()):
            return found.group(1) or found.group(2)
    for value in _BLOGGER_META(page.tree, name="blogId"):
        if value.strip().isdigit():
            return value.strip()
    found = _BLOGGER_DATA_BLOG.search(" ".join(_BLOGGER_DATA(page.tree)))
    return found.group(1) if found else None


def blogger_identity(blog_id: str, post_id: str) -> str | None:
    """Blogger's post `post_id` of the blog `blog_id`, in Blogger's own form; None for ids that are none of
    Blogger's (numbers)."""
    if not (blog_id.isdigit() and post_id.isdigit()):
        return None
    return f"tag:blogger.com,1999:blog-{blog_id}.post-{post_id}"
