"""What the spider hands to the pipeline: one item per request (a fetched response, an error, a gone page, or a
skip), carrying the request's frontier row so the pipeline can mark it done with what it stores."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.discovery.feeds import FeedEntry, starts_as_feed
from crawler.discovery.sitemaps import starts_as_sitemap
from crawler.discovery.wordpress import wordpress_comment_id


@dataclass(frozen=True)
class Listed:
    """A page a feed or a sitemap lists. `dated`: a feed's item with (True) or without (False) a publication
    date; None for a sitemap's entry or a taxonomy's term in a feed, which say nothing of the page's kind."""

    url: str
    dated: bool | None = None
    published: str | None = None  # a dated feed item's publication date (ISO 8601)
    authors: tuple[tuple[str, str | None], ...] = ()  # a dated feed item's authors, (name, URL) each
    terms: tuple[str, ...] = ()  # a dated feed item's categories and tags
    tags: tuple[str, ...] = ()  # of those, the ones the feed marks as tags (feeds.FeedEntry.tags)
    alternates: tuple[str, ...] = ()  # a sitemap entry's translations (sitemaps.SitemapEntry.alternates)
    term: bool = False  # a taxonomy's term in a feed (feeds.FeedEntry.term)
    title: str | None = None  # a dated feed item's title (feeds.FeedEntry.title)
    # a comment feed's item (WordPress's `#comment-N`): the comment's id (N) and when it was posted, the feed's moment
    comment: str | None = None
    posted: str | None = None
    platform_id: str | None = None  # a dated feed item's post's identity on its platform (feeds.FeedEntry.platform_id)

    @classmethod
    def of_feed_entry(cls, entry: FeedEntry, url: str) -> Listed:
        """A feed's item as listed, at `url` (its address as the crawl cleaned it)."""
        return cls(
            url,
            entry.dated,
            entry.published,
            entry.authors,
            entry.terms,
            tags=entry.tags,
            term=entry.term,
            title=entry.title,
            comment=wordpress_comment_id(entry.url) if entry.posted else None,
            posted=entry.posted,
            platform_id=entry.platform_id,
        )


@dataclass
class FetchedPage:
    url: str
    status: int
    content_type: str
    fetched_at: str  # ISO 8601 UTC
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None  # the one the Content-Type header declared: decoding starts from it
    # Set for discovery documents (robots, sitemap, feed): stored as a page, never extracted.
    kind: str | None = None
    lists: list[Listed] = field(default_factory=list)  # a feed's or sitemap's pages, in scope
    # The server answered 304: `body` is the archived copy, used for links and to find where the post's comments are
    # served apart from it; extracted again only with those comments, when they changed (ArchivePipeline).
    not_modified: bool = False
    # Not fetched at all (a sitemap or feed said the post is unchanged): the archived copy, handed on with the
    # comments served apart from it, which may have changed; no fetch of it is recorded.
    from_archive: bool = False
    # A 304 whose archived page other rules decided (an older blogarchive), or decided no post: extracted again from
    # that page and stored as a fetch of it would be (ArchivePipeline).
    decided_again: bool = False
    frontier_id: int | None = None  # the request's frontier row, marked done once this page is stored
    # Reached through redirects (crawler/core/moves.py): the address asked for, and its hops' causes ("301", "302 then
    # 301", "meta refresh (canonical)"); a post archived at that address moves here when every hop was permanent.
    redirected_from: str | None = None
    redirect: str | None = None
    body_sha256: str | None = None  # filled by ArchivePipeline (same-body check), before extraction
    body_zlib: bytes | None = None  # filled by the extraction worker
    # Set by ArchivePipeline when the archive holds these very bytes for this URL: their page kind, and the page is
    # not extracted again.
    previous_kind: str | None = None
    previous_reason: str | None = None
    # Set by ArchivePipeline once the page is archived as an article: its images, for the media pipeline.
    image_urls: list[str] = field(default_factory=list)
    # Rendered in a browser (crawler/downloadermiddlewares/render.py): `body` is the DOM it built, `raw_body` what
    # the server sent, `rendered` why, `screenshot` the PNG's file name in RENDER_SCREENSHOTS.
    raw_body: bytes | None = None
    rendered: str | None = None
    screenshot: str | None = None
    # The page needed a browser it did not get (--render never, or rendering failed): why; a crawl error.
    needs_browser: str | None = None
    # What the spider fetched for this post after its page (crawler/discovery/wordpress.py): (URL, body) of pages
    # 2..N of a split post, the REST API's pages of its comments, the post's own REST API entry (its date), and
    # those requests' frontier rows, marked done with this page.
    parts: list[tuple[str, bytes]] = field(default_factory=list)
    comment_pages: list[tuple[str, bytes]] = field(default_factory=list)
    comments_incomplete: bool = False  # a page of its comments did not answer: the comments read are not all of them
    entry: tuple[str, bytes] | None = None
    companion_frontier_ids: list[int] = field(default_factory=list)

    @property
    def is_html(self) -> bool:
        """By its Content-Type (by its first bytes without one); never a feed nor a sitemap, whatever its
        Content-Type: a static host serves a feed saved as /blog/feed/index.html, or a sitemap saved as
        /sitemap/index.html, as text/html, and as a page it was stored as a post (its entries not read)."""
        if self.content_type in ("text/html", "application/xhtml+xml"):
            return not starts_as_feed(self.body) and not starts_as_sitemap(self.body)
        return not self.content_type and self.body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))


@dataclass
class CrawlError:
    url: str
    message: str
    frontier_id: int | None = None
    # False: nothing the crawl should have archived was there (a part of a post answering 404, a feed link to no
    # feed); such an error does not make the crawl exit non-zero
    lost: bool = True


@dataclass
class Gone:
    """A page that answered 404 or 410: the archive keeps the post and sets gone_at."""

    url: str
    status: int
    frontier_id: int | None = None


@dataclass
class Skipped:
    """A request that ended with nothing to store (robots.txt said no, a usual-path probe missed): its frontier
    row is done all the same."""

    url: str
    reason: str
    frontier_id: int | None = None
