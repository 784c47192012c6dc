"""What the extraction processes check around extract(), so that a post is never lost without a word.

- extract() that found no post body on a page whose content (find_content_root: the post's container, else the
  element with the most paragraph text) holds MIN_BODY_WORDS words or more: the result says so, with the count.
  That is asked of a short page not taken for a post (but one its generator marks as a page of the site: Nikola's
  story page, Hexo's page typed `website`), and of a post with no text at all (stored all the same:
  its title, date, authors and images are the post's, and the error says what may be missing).

`checked_extract()` returns the article as a dict with "problem" set then (None otherwise): the archive pipeline
records it in crawl_errors when the crawl does not keep the page as a post either (what it knows of the site may
make it one: crawler/extraction/pagekind.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crawler.extraction.content import find_content_root
from crawler.extraction.dates import same_moment
from crawler.extraction.decoding import decode_html
from crawler.extraction.extract import extract
from crawler.extraction.page import HtmlElement, Page, detached, text_of
from crawler.extraction.pagekind import MIN_ARTICLE_WORDS, SiteFacts
from crawler.extraction.selectors import PLUGIN_CHROME, WORDPRESS_WIDGETS
from crawler.extraction.served_comments import served_comments
from crawler.extraction.split_posts import joined
from crawler.extraction.threads import completed
from crawler.extraction.wordpress_rest import rest_published

MIN_BODY_WORDS = 2 * MIN_ARTICLE_WORDS


def checked_extract(
    body: bytes,
    url: str,
    parts: Sequence[tuple[str, bytes]] = (),
    comment_pages: Sequence[bytes] = (),
    charset: str | None = None,
    site: SiteFacts | None = None,
    entry: bytes | None = None,
) -> dict[str, Any]:
    """`parts`: (URL, body) of pages 2..N of a split post (crawler/extraction/split_posts.py); `comment_pages`: the
    post's comments as its platform served them apart from the page (crawler/extraction/served_comments.py);
    `charset`: the one the page's Content-Type header declared (crawler/extraction/decoding.py); `site`: what the
    crawl knows of the page's site (extract()); `entry`: the post's WordPress REST API entry, whose date is the
    post's (crawler/discovery/wordpress.py), whatever the page printed or let be guessed.

    A page of kind "other" gets its parts and comments as a post does: a feed read later may make it one
    (crawler/pipelines/archive.py keeps it then, as it was read here)."""
    text = decode_html(body, charset)
    article = extract(text, url, site)
    post = article.kind in ("article", "other")
    if post and parts:
        # Read under page 1's URL: a part's own (`?p=17&page=2`, `/post/2/`) looks like a listing's to url_kind().
        article = joined(article, [extract(decode_html(part), url, site) for _, part in parts])
    if post and comment_pages:
        article.comments = completed(article.comments, served_comments(list(comment_pages), url))
    if post and entry and (published := rest_published(entry)) and not same_moment(article.published, published):
        article.published = published  # where the page states that moment, its own stands, on its clock's offset
    result = article.to_dict()
    # a page its generator marks as one of the site's pages (pagekind's page_markup) is no post missed
    marked_page = bool((result.get("evidence") or {}).get("page_markup"))
    short = result["kind"] == "other" and result["word_count"] < MIN_ARTICLE_WORDS and not marked_page
    empty = result["kind"] == "article" and not result["text"].strip()
    result["problem"] = missed_body(text, url) if short or empty else None
    return result


def _marked_chrome_inside(page: Page, root: HtmlElement | None) -> list[HtmlElement]:
    """What themes and plugins mark unambiguously as no part of the post (selectors.PLUGIN_CHROME: comments,
    related posts, the post's navigation, author boxes; WordPress's sidebar widgets) inside `root`: not the generic
    chrome (an <aside>, a <footer>), where a theme may print the post itself — that is a post missed."""
    chrome = f"{PLUGIN_CHROME}, {WORDPRESS_WIDGETS}"
    return [] if root is None else [e for e in page.select(chrome, root) if e is not root]


def missed_body(html: str, url: str) -> str | None:
    """Why a page extract() found no post on looks like a post all the same; None when it does not. The words of
    the chrome marked as such inside the content root are not counted: OceanWP prints a post's navigation,
    related posts and comments (with their form) inside its <article>, which made a post of a single picture one
    missed."""
    page = Page.from_html(html, url)
    root = find_content_root(page)
    with detached(_marked_chrome_inside(page, root)):
        words = len(text_of(root).split())
    if root is None or words < MIN_BODY_WORDS:
        return None
    return f"extraction found no post body, though the page's <{root.tag}> holds {words} words"
