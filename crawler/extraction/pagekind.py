"""What kind of page this is: a post (stored as an article) or a hub the crawler only takes links from.

Signals, strongest first: the URL's shape (/tag/, /category/, /author/, /page/N, ?s=, date archives),
the JSON-LD / OpenGraph type, then the body: too little text, or text that is mostly links, is a listing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from crawler.extraction.structured import types_of

if TYPE_CHECKING:  # the crawl's own process imports url_kind() and should not pay for lxml
    from crawler.extraction.page import Page

URL_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("search", re.compile(r"(?:[?&](?:s|q|search)=)|/search(?:/|$)")),
    # A tag or category with one name after it (and maybe /page/N): /category/travel/rome-trip/ is a post under
    # a /%category%/%postname%/ permalink, or a nested category, and is parsed to tell which.
    ("tag", re.compile(r"/(?:tag|tags|tagged|schlagwort|label|search/label)/[^/?]+/?(?:page/\d+/?)?(?:$|\?)", re.I)),
    (
        "category",
        re.compile(
            r"/(?:category|categories|kategorie|categoria|categorie|topics?)/[^/?]+/?(?:page/\d+/?)?(?:$|\?)", re.I
        ),
    ),
    ("author", re.compile(r"/(?:author|authors|autor|auteur)/[^/]+/?(?:page/\d+/?)?$", re.I)),
    ("attachment", re.compile(r"/attachment/|[?&]attachment_id=", re.I)),
    # WordPress's /page/N and ?paged=N only: a plain ?page=N also splits long posts and forum threads, so such a
    # page is parsed and classified by its content.
    ("listing", re.compile(r"(?:/page/\d+/?$)|(?:[?&]paged=\d+)|(?:/archive/?$)", re.I)),
    ("archive", re.compile(r"/(?:19|20)\d\d/(?:\d\d/)?(?:\d\d/)?$")),
    # WordPress's archives under plain permalinks (its query variables), and the pages of its query-loop blocks.
    ("tag", re.compile(r"^/(?:index\.php)?\?(?:.*&)?tag=[^&]+", re.I)),
    ("category", re.compile(r"^/(?:index\.php)?\?(?:.*&)?(?:cat=-?\d+|category_name=[^&]+)", re.I)),
    ("author", re.compile(r"^/(?:index\.php)?\?(?:.*&)?author(?:_name)?=[^&]+", re.I)),
    ("archive", re.compile(r"^/(?:index\.php)?\?(?:.*&)?(?:m=\d{4,14}|year=\d{4})(?:&|$)", re.I)),
    ("listing", re.compile(r"[?&]query-\d+-page=\d+", re.I)),
)
_QUERY_PAGE = re.compile(r"(?:^|&)page=\d+(?:&|$)")
_LATER_PAGE = re.compile(r"/page/\d+/?(?:\?|$)|[?&]paged?=\d+")
_LISTING_PATH = re.compile(r"^/?$|^/(?:blog|news|posts|articles|archives?|index\.(?:html?|php))/?$", re.I)
_HOME_PATHS = re.compile(r"^/(?:index\.(?:html?|php|aspx?)|default\.aspx?|home/?|start/?)?$", re.I)
ARTICLE_TYPES = {"Article", "BlogPosting", "NewsArticle", "TechArticle", "Report", "SocialMediaPosting"}
LISTING_TYPES = {"CollectionPage", "ProfilePage", "SearchResultsPage", "Blog", "WebSite"}
MIN_ARTICLE_WORDS = 60
MAX_LINK_DENSITY = 0.5


def url_kind(url: str) -> str | None:
    """The kind a hub's URL alone gives away (tag, category, author, paginated listing …); None for any other URL."""
    parts = urlsplit(url)
    target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
    kind = next((kind for kind, pattern in URL_KINDS if pattern.search(target)), None)
    if kind is None and _QUERY_PAGE.search(parts.query) and _LISTING_PATH.search(parts.path or "/"):
        return "listing"  # ?page=N on a listing's path; on a post's path it splits the post, which is parsed
    return kind


def settled_kind(url: str) -> str | None:
    """The kind of a hub that is kept without parsing, known by its URL: `url_kind`'s, except an author's own page
    (/author/x/, not its later pages), which is parsed for the person it is about (crawler/extraction/boxes.py)."""
    kind = url_kind(url)
    if kind == "author" and not _LATER_PAGE.search(urlsplit(url).path + "?" + urlsplit(url).query):
        return None
    return kind


def classify(page: Page, jsonld: list[dict[str, Any]], text: str, link_text_chars: int) -> str:
    """The kind of a page whose URL gave nothing away (`url_kind` is asked first, before any parsing)."""
    parts = urlsplit(page.url)
    path = parts.path or "/"
    types = set().union(*(types_of(obj) for obj in jsonld)) if jsonld else set()
    og_type = next(iter(page.meta.get("og:type", [])), "")
    if _HOME_PATHS.match(path) and not parts.query:  # /?p=123 is a post (WordPress without permalinks)
        return "listing"  # a home page is never an article
    if types & ARTICLE_TYPES or og_type.lower() == "article":
        return "article" if text.strip() else "other"
    words = len(text.split())
    if types & LISTING_TYPES and words < 400:
        return "listing"
    if words < MIN_ARTICLE_WORDS:
        return "other"
    if link_text_chars > MAX_LINK_DENSITY * max(len(text), 1):
        return "listing"
    return "article"
