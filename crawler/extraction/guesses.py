"""What trafilatura's heuristics read from a page, each computed only when asked.

Metadata comes first from what the page states (JSON-LD, meta tags, theme markup: crawler/extraction/metadata.py).
These guesses fill the gaps (the date has a module of its own: crawler/extraction/dates.py). They are
trafilatura's own metadata functions, called one by one: its `with_metadata` pass computes all of them on every
page (40 % of its time, an author search that copies the whole tree among them) where most pages need one or two.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cached_property
from urllib.parse import urlsplit

from lxml import etree
from trafilatura.metadata import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from crawler.extraction.page import HtmlElement, Page, detached
from crawler.extraction.selectors import CATEGORY_MENUS
from crawler.extraction.term_links import MAX_TERMS_IN_BLOCK, counted_term_lists
from crawler.extraction.upstream import examine_meta, extract_catstags, extract_meta_json, extract_title
from crawler.urls import joined

MAX_BYLINE_CHARS = 120  # as trafilatura's own search: longer text is a sentence, not a name
_LINKS = etree.XPath("//a[@href]")


class Guesses:
    def __init__(self, page: Page) -> None:
        self._page = page

    @cached_property
    def stated_author(self) -> str | None:
        """trafilatura's reading of the author from meta tags and JSON-LD (names it knows that we do not read)."""
        metadata = examine_meta(self._page.tree)
        if metadata.author and " " not in metadata.author:  # a one-word meta author is a handle or a site
            metadata.author = None
        return extract_meta_json(self._page.tree, metadata).author

    def byline(self, accept: Callable[[HtmlElement], bool]) -> str | None:
        """The text of the first byline trafilatura's search of the page finds that `accept` takes, as the page
        writes it (trafilatura's own normalisation drops accents, dots and digits). Comments, dates and the like
        are out of the tree for the time of the search, not out of a copy of it."""
        tree = self._page.tree
        with detached(e for expression in AUTHOR_DISCARD_XPATHS for e in expression(tree)):
            for expression in AUTHOR_XPATHS:
                for element in expression(tree):
                    text = " ".join(" ".join(element.itertext()).split())
                    if 2 < len(text) < MAX_BYLINE_CHARS and accept(element):
                        return text
        return None

    @cached_property
    def title(self) -> str | None:
        return extract_title(self._page.tree)

    def categories(self, sidebars: Collection[HtmlElement]) -> list[str]:
        """trafilatura's reading of the page's categories, which takes the first block of category links it finds
        anywhere (a `div.row` around the whole layout): a list of every category with its count of posts
        (term_links.counted_term_lists) is never the post's — Mezzanine's default theme prints one in a plain
        column beside every post, and every post had all nine — and the `sidebars` are out of the tree first, as
        for the tags; where that finds none, the whole page's but the counted lists, unless more than
        MAX_TERMS_IN_BLOCK. A platform's own menu of every category (CATEGORY_MENUS) is never the post's either."""
        menus = self._page.select_unordered(CATEGORY_MENUS)
        with detached(counted_term_lists(self._page) | menus):
            return self._terms("category", sidebars)

    def tags(self, sidebars: Collection[HtmlElement]) -> list[str]:
        """trafilatura's reading of the page's tags, which takes the first block of tag links it finds anywhere: a
        sidebar's tag cloud on a post that has no tags (Wagtail's Puput). Read with the `sidebars` out of the tree
        first; where that finds none, the whole page's, unless it is a cloud of more than MAX_TERMS_IN_BLOCK (a
        post's own tags may stand in an aside: Toptal's "blog_post-aside")."""
        return self._terms("tag", sidebars)

    def _terms(self, kind: str, sidebars: Collection[HtmlElement]) -> list[str]:
        """trafilatura's first block of `kind` links with the `sidebars` out of the tree; where there is none, the
        whole page's, unless more than MAX_TERMS_IN_BLOCK (read again only where a sidebar was out: its search
        walks the whole tree with a dozen XPath expressions). Never a link to another site's term page without
        rel=tag (_foreign_links)."""
        with detached(self._foreign_links):
            with detached(sidebars):
                found = extract_catstags(kind, self._page.tree)
            if found or not sidebars:
                return found
            found = extract_catstags(kind, self._page.tree)
        return found if len(found) <= MAX_TERMS_IN_BLOCK else []

    @cached_property
    def _foreign_links(self) -> list[HtmlElement]:
        """The page's links to another site (its host with or without `www.`), rel=tag aside: trafilatura takes any
        link in a `div.row` to a `/category/` page for the post's category, and Docusaurus lays its pages out in
        Infima's `div.row` — a Korean post's link to a shop's wine category, "라쿠텐", in a list of shops, was its
        category. A link rel=tag asserts a term wherever it points (Technorati's tag pages)."""
        host = _site_host(self._page.base)
        return [
            link
            for link in _LINKS(self._page.tree)
            if "tag" not in (link.get("rel") or "").split()
            and _site_host(joined(self._page.base, link.get("href")) or "") not in ("", host)
        ]


def _site_host(url: str) -> str:
    """The URL's host without its `www.`: one site's."""
    return urlsplit(url).netloc.lower().removeprefix("www.")
