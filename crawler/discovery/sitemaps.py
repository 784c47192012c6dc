"""Sitemaps: urlsets and sitemap indexes (WordPress wp-sitemap.xml, Yoast sitemap_index.xml, Astro's
sitemap-index.xml), plain or gzip."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from crawler.urls import joined

GZIP_MAGIC = b"\x1f\x8b\x08"

# Where sitemaps live when robots.txt does not say. WordPress without permalinks serves its sitemap index at
# /?sitemap=index, and /robots.txt and /wp-sitemap.xml answer with a redirect to its home page. Astro's
# @astrojs/sitemap writes /sitemap-index.xml (of /sitemap-0.xml …), which Astro's blog starter names only in a
# <link rel="sitemap"> (crawler/discovery/links.py), read after the pages its home links.
USUAL_SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/sitemap-index.xml", "/wp-sitemap.xml", "/?sitemap=index")

# A sitemap's first bytes: a BOM; white space, the XML declaration, processing instructions (a sitemap's
# xml-stylesheet, as Yoast and WordPress print), comments; then its root: sitemaps.org's <urlset> or <sitemapindex>.
# Possessive (`*+`), as feeds._FEED_START: a comment ends at its first `-->` (no exponential retries).
_SITEMAP_START = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?[^>]*>|<!--.*?-->)*+<(?:[\w-]+:)?(?:urlset|sitemapindex)[\s>/]", re.DOTALL
)

# A decompressed sitemap larger than this is refused (the sitemaps.org limit is 50 MB).
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None
    is_sitemap: bool  # True: another sitemap (from an index); False: a page
    # The page's translations, its own address among them, as its <xhtml:link rel="alternate" hreflang> name them
    # (Hugo's sitemap of a multilingual site): what tells a language's folder (/de/, /ko/) from a section.
    alternates: tuple[str, ...] = ()


def sitemaps_from_robots(robots_txt: bytes, base_url: str) -> list[str]:
    return list(sitemap_urls_from_robots(robots_txt, base_url=base_url))


def starts_as_sitemap(body: bytes) -> bool:
    """The body is a sitemap or sitemap index by its first bytes, whatever the Content-Type it came with: a static
    host serving a sitemap saved as /sitemap/index.html, or /sitemap.xml with the wrong type, calls it text/html.
    Cheap (no parse) and false for any HTML page (the same test as feeds.starts_as_feed)."""
    return _SITEMAP_START.match(body) is not None


def parse_sitemap(body: bytes) -> list[SitemapEntry]:
    """Entries of a sitemap or sitemap index; [] for a body that is not a sitemap. Raises ValueError on bad gzip or a
    gzip file that inflates past MAX_SITEMAP_BYTES."""
    if body[:3] == GZIP_MAGIC:
        try:
            body = gunzip(body, max_size=MAX_SITEMAP_BYTES)
        except ValueError as exc:  # scrapy's: the output passed max_size
            raise ValueError(f"it inflates to more than {MAX_SITEMAP_BYTES // 2**20} MB (a gzip bomb?)") from exc
        except (OSError, EOFError) as exc:
            raise ValueError(f"broken gzip file ({exc})") from exc
    try:
        sitemap = Sitemap(body)
    except Exception:  # lxml raises several types on garbage; a non-sitemap is simply empty
        return []
    is_index = sitemap.type == "sitemapindex"
    if sitemap.type not in ("urlset", "sitemapindex"):
        return []
    return [
        SitemapEntry(url, entry.get("lastmod"), is_index, tuple(entry.get("alternate", ())))
        for entry in sitemap
        if entry.get("loc") and (url := joined(entry["loc"], None))
    ]
