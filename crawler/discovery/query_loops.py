"""WordPress's query loops whose pages the crawl follows on one page only, however many pages print them.

A Query Loop block (core/query) that does not inherit the page's query pages itself with a parameter of its own,
`query-<id>-page` (its core/query-pagination block, a `nav.wp-block-query-pagination` inside the loop's
`.wp-block-query`), added to the URL of whatever page prints it: `/category/news/?query-0-page=2`. What the loop lists
on its page N is the same on every page that prints it. A classic theme that prints posts whole on its listings
(Hemingway) prints a post's loops on the home, on its /page/N/ and on every category, tag, date and author archive
that lists the post, and each of those paths linked the loop's pages anew — a URL pattern of its own each, so no
trap budget held (a real WordPress 6.1 with the theme unit test data: four loops of 27 pages each on 18 archive
paths, 1,311 pages fetched after 46 minutes and going on).

So a loop's pagination is followed on the first page the crawl finds the loop on, and its links on any other page
are left out. A loop is known by its id and what its current page lists: its posts (the `post-<ID>` class of each
`.wp-block-post`) and their links. A loop listing other posts, even with the same id, is another loop and is
followed, so a block theme's home or a page whose only way to older posts is a loop of its own loses none. The page
is parsed (on the reactor) only when it prints a pagination of a loop of its own.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import lxml.html
from lxml import etree

from crawler.urls import clean_url, joined

_MARK = b"wp-block-query-pagination"
_LOOP_LINK = re.compile(rb"[?&;]query-\d+-page=")  # an inherited loop's pagination is the archive's /page/N/
_LOOP_PARAMETER = re.compile(r"^query-(\d+)-page$")
_POST_ID = re.compile(r"(?<![\w-])post-\d+(?![\w-])")


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_PAGINATIONS = etree.XPath(f"//*[{_has_class('wp-block-query-pagination')}]")
_LOOP = etree.XPath(f"ancestor::*[{_has_class('wp-block-query')}][1]")
_LINKS = etree.XPath(".//a/@href")
_LISTED = etree.XPath(f".//a[not(ancestor::*[{_has_class('wp-block-query-pagination')}])]/@href")
# Each post a loop lists is an element of WordPress's post_class(): `wp-block-post post-17 … category-news` (and
# classes a theme adds for where it is printed, Hemingway's `post-preview` on listings: only post-17 is kept).
_POSTS = etree.XPath(f".//*[{_has_class('wp-block-post')}]/@class")

LoopKey = tuple[str, tuple[str, ...], tuple[str, ...]]  # (host, the loop's ids, the posts and links it lists)


def repeated_loop_pages(body: bytes, url: str, encoding: str, first_seen: dict[LoopKey, str]) -> set[str]:
    """The pagination links (clean URLs) of the page's query loops that an earlier page printed already.

    `first_seen` maps each loop the crawl has met to the URL of the page it was first met on; the page's new loops
    are added to it."""
    if _MARK not in body or not _LOOP_LINK.search(body):
        return set()  # no parse on the reactor for a block theme's every listing
    try:
        tree = lxml.html.document_fromstring(body, parser=lxml.html.HTMLParser(encoding=encoding))
    except (etree.ParserError, ValueError):
        return set()
    own = _loop_pages(urlsplit(url).query)
    repeated: set[str] = set()
    for pagination in _PAGINATIONS(tree):
        loops = _LOOP(pagination)
        links = [link for href in _LINKS(pagination) if (link := joined(url, href)) is not None]
        ids = _own_ids(links, own)
        if not loops or not ids:
            continue  # a loop inheriting the page's query: its pages are the archive's /page/N/
        posts = (match.group() for classes in _POSTS(loops[0]) for match in _POST_ID.finditer(classes))
        listed = (*posts, *(link for href in _LISTED(loops[0]) if (link := joined(url, href)) is not None))
        key = (urlsplit(url).netloc.lower(), ids, listed)
        if first_seen.setdefault(key, url) != url:
            repeated.update(clean_url(link) for link in links)
    return repeated


def _own_ids(links: list[str], own: dict[str, str]) -> tuple[str, ...]:
    """The loop's own parameter: the one whose page its pagination's links change (a link keeps the page of every
    other loop of the page as it is: `?query-1-page=2&query-0-page=3` on `?query-1-page=2`)."""
    ids: set[str] = set()
    for link in links:
        ids.update(name for name, page in _loop_pages(urlsplit(link).query).items() if own.get(name, "1") != page)
    return tuple(sorted(ids))


def _loop_pages(query: str) -> dict[str, str]:
    """The query-loop parameters of a URL's query (`query-0-page` → its page number)."""
    return {name: value for name, value in parse_qsl(query, keep_blank_values=True) if _LOOP_PARAMETER.match(name)}
