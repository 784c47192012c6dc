"""The URL a post is stored under: its rel=canonical when that names the same post, else the page's own address.

A canonical URL keys one post reached at several addresses (http and https, `?p=17` and its permalink, an AMP copy)
as one row (crawler/urls.py: storage_url). Themes and SEO plugins get it wrong, and then different posts name the
same canonical — the home page, a template's fixed URL, the previous post — and each overwrote the one before:
a blog's posts collapsed into one row, the others only in its article_versions. So a canonical is the key only as
long as it holds no other post:

- a canonical that names the site's root, on a page elsewhere, is no post's address (storage_url);
- a post whose canonical names another path, where a post with another title is stored, goes under its own address;
- a post at its own address that a post with another title took earlier in this run (through its canonical) gets
  its address back: the earlier post moves to the address it was fetched from;
- a canonical that differs from the page's address only in the letter case of its path (Hexo Redefine lowercases it:
  /macmini-ipad/ for the post served at /Macmini-iPad/) is a dead address on a case-sensitive host: the post goes
  under the address it was fetched from unless the crawl has read the canonical (200) — where a later fetch of the
  canonical answers, the host ignores case and the post moves there;
- a post without a canonical at a folder's address (/post/) or its index (/post/index.html), where the other one
  holds the same post, is stored there: one post, not two;
- an app's route page (`/#/posts/x`, crawler/discovery/app_routes.py) is stored under its route URL: the canonical
  its shell prints, the same in every route, names the document.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import unquote, urlsplit

from archive import Archive
from crawler.discovery.app_routes import is_route
from crawler.urls import storage_url

logger = logging.getLogger(__name__)


class PostKeys:
    """One per run: it remembers which fetched page put a post under another address this run."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.taken: dict[str, str] = {}  # key → the URL of the page stored there through its canonical, this run
        self.unread: dict[str, str] = {}  # a canonical spelled in other letters, not read → the URL stored instead

    def key(self, url: str, result: dict[str, Any]) -> str:
        """The address to store `result`, the post fetched at `url`, under."""
        if is_route(url):  # an app's route page (app_routes.py): the shell's canonical names the document, for all
            return url
        key = storage_url(url, result.get("canonical_url"))
        if key != url and _other_case(key, url) and self.archive.last_read(key) is None:
            self.unread[key] = url
            return url
        if (spelling := self.unread.pop(key, None)) is not None:  # read after all: the host ignores letter case
            stored, title = self.archive.article_title(spelling)
            if stored and not _other_post(title, result.get("title")):
                self.archive.move_article(spelling, key)
        if key != url and _one_path(key, url):  # http/https, www., a query: the same page, whatever its title
            return key
        if key == url and (alias := _index_spelling(url)) is not None:
            stored, title = self.archive.article_title(alias)
            if stored and not _other_post(title, result.get("title")):
                return alias  # /post/ stored already as /post/index.html, or the other way round
        stored, title = self.archive.article_title(key)
        if not stored or not _other_post(title, result.get("title")):
            return key
        if key != url:
            logger.warning(
                "%s: its rel=canonical names %s, where another post (%r) is stored; stored under its own address",
                url,
                key,
                title,
            )
            return url
        if (taken_by := self.taken.pop(key, None)) is not None and self.archive.move_article(key, taken_by):
            logger.warning(
                "%s: stored at %s through its rel=canonical, which is another post's address; moved back there",
                taken_by,
                key,
            )
        return key

    def stored(self, url: str, key: str, outcome: str) -> None:
        """The post fetched at `url` was stored under `key` (save_article's `outcome`)."""
        if key != url and outcome == "new":
            self.taken[key] = url


def _other_post(stored_title: str | None, title: str | None) -> bool:
    """Two titles that name different posts; a missing title tells nothing."""
    return (
        bool(stored_title and title) and " ".join(stored_title.split()).casefold() != " ".join(title.split()).casefold()
    )


def _index_spelling(url: str) -> str | None:
    """The folder's other address: /post/index.html for /post/ and the other way round (a static host serves one
    page at both, and Quarto links one, its author's prose the other); None for another URL."""
    parts = urlsplit(url)
    if parts.path.endswith("/index.html"):
        return parts._replace(path=parts.path.removesuffix("index.html")).geturl()
    if parts.path.endswith("/"):
        return parts._replace(path=parts.path + "index.html").geturl()
    return None


def _one_path(url: str, other: str) -> bool:
    """The two addresses differ at most in scheme, host spelling, query, a trailing slash or index.html."""
    return _path(url) == _path(other)


def _other_case(url: str, other: str) -> bool:
    """The two addresses' paths differ in the letter case of some characters and in nothing else."""
    path, other_path = unquote(_path(url)), unquote(_path(other))
    return path != other_path and path.casefold() == other_path.casefold()


def _path(url: str) -> str:
    path = urlsplit(url).path
    return path.removesuffix("index.html").removesuffix("index.php").rstrip("/")
