"""The `blog` spider: finds every page of one or more blogs and hands each response to the pipeline.

Discovery, in order of trust: robots.txt `Sitemap:` lines, the usual sitemap paths (plain, gzip, indexes),
feeds (linked with rel=alternate or at the usual paths), pagination (rel=next, /page/N/, ?page=N — all plain
links) and in-site links. Which pages become articles is decided by extraction (page kind), not here: the spider
follows links on every HTML page in scope and stores nothing itself.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from twisted.python.failure import Failure

from archive import Archive
from crawler.capture.warc_index import INDEX_NAME, DigestIndex
from crawler.core.archive_handle import shared_archive
from crawler.core.moves import redirected_from
from crawler.core.signals import links_found
from crawler.discovery import comment_sources, page_comments
from crawler.discovery.app_routes import DOCSIFY_ANCHORS, app_routes, captured_as, is_route
from crawler.discovery.calendars import empty_months_links
from crawler.discovery.comment_views import viewed_post
from crawler.discovery.feeds import USUAL_FEED_PATHS, FeedEntry, feed_entries, feed_site, is_feed
from crawler.discovery.freshness import ArchivedPosts, parse_when
from crawler.discovery.links import PageLinks, page_links
from crawler.discovery.query_loops import repeated_loop_pages
from crawler.discovery.sitemaps import USUAL_SITEMAP_PATHS, parse_sitemap, sitemaps_from_robots
from crawler.discovery.wordpress import (
    MAX_REST_COMMENT_PAGES,
    comment_times,
    commented_post,
    comments_since_url,
    has_page_links,
    is_rest_api,
    next_rest_comments_page,
    parts_from_rest_post,
    parts_of_linked_posts,
    post_of_comment_link,
    rest_post_url,
    split_post_of,
    split_post_parts,
)
from crawler.downloadermiddlewares.conditional_get import NOT_MODIFIED
from crawler.downloadermiddlewares.render import NEEDS_BROWSER, RenderedResponse
from crawler.errors import InvalidStartURL
from crawler.extraction.decoding import header_charset
from crawler.extraction.pagekind import url_kind
from crawler.failures import NOTHING_THERE, Refused, describe_failure, is_choice, nothing_there
from crawler.frontier.page_budget import page_budget
from crawler.frontier.scheduler import (
    DISCOVERY_PRIORITY,
    FRONTIER_ID,
    HUB_PRIORITY,
    LISTED_PRIORITY,
    QUEUE_AGAIN,
    job_name,
)
from crawler.frontier.trap_budget import TRAP
from crawler.items import CrawlError, FetchedPage, Gone, Listed, Skipped
from crawler.members.addresses import engine_area
from crawler.rendering.detect import loads_docsify
from crawler.urls import Scope, clean_url, origin, redact_url, split_credentials, validate_start_url

logger = logging.getLogger(__name__)

# Page requests see 304 (conditional recrawl) and 404/410 (a post that is gone) in parse_page.
# Besides Scrapy's list (images, documents, archives, code): a post's source as its generator publishes it beside
# the page (Nikola's "Source" link to index.md, Sphinx's _sources/*.rst.txt), text files.
_SOURCES = ("md", "markdown", "rst", "adoc", "ipynb", "txt")
# Not Scrapy's "rss", though: a feed a page links to (VitePress blogs link their /feed.rss from an icon alone, no
# <link rel="alternate">) is read for its posts, dates, authors and terms.
_FEEDS = ("rss",)
_NOT_PAGES = {f".{extension}" for extension in (*IGNORED_EXTENSIONS, *_SOURCES) if extension not in _FEEDS}
_PAGE_META = {"page": True, "handle_httpstatus_list": [304, 404, 410]}
_LINK_META = {**_PAGE_META, TRAP: True}  # a page found by a link: the scheduler checks the trap budgets again


class BlogSpider(scrapy.Spider):
    name = "blog"

    def __init__(self, start_urls: str | Iterable[str] = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        raw = start_urls.split(",") if isinstance(start_urls, str) else list(start_urls)
        raw = [url.strip() for url in raw if url.strip()]
        if not raw:
            raise ValueError("the blog spider needs start URLs: scrapy crawl blog -a start_urls=https://example.org/")
        # A user:password in a start URL is used (OriginCredentialsMiddleware, for that origin only), never kept:
        # the URLs stored (crawl_runs, frontier, pages) and logged are without it.
        self.raw_start_urls = [redact_url(url) for url in raw]
        self.credentials: dict[tuple[str, str, int | None], tuple[str, str]] = {}
        self.invalid_start_urls: list[CrawlError] = []
        self.start_urls = []
        for url, shown in zip(raw, self.raw_start_urls, strict=True):
            try:
                valid, credentials = split_credentials(validate_start_url(url))
            except InvalidStartURL as exc:
                self.invalid_start_urls.append(CrawlError(shown, f"invalid start URL: {exc.reason}"))
                continue
            self.start_urls.append(valid)
            if credentials is not None:
                self.credentials[origin(valid)] = credentials

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> BlogSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.scope = Scope.from_start_urls(
            spider.start_urls, settings.getlist("BLOG_ALLOW"), settings.getlist("BLOG_DENY")
        )
        spider.budget = page_budget(crawler)
        # The job names the crawl in crawl_runs and the frontier: a crawl with the same job resumes a killed one.
        spider.job = job_name(settings.get("CRAWL_JOB"), spider.start_urls or spider.raw_start_urls)
        spider.requested = set()  # URLs this process asked for (the frontier dedupes across runs)
        spider.commented = set()  # archived posts a comment feed lists a comment of since their last fetch
        spider.links_seen = set()  # hrefs (bytes) _follow has looked at already
        spider.query_loops = {}  # WordPress's query loops met, and the page each was first met on (query_loops.py)
        spider.listed = set()  # the posts (not hubs) in scope that the sitemaps list
        archived = spider._archived_posts()
        spider.archived = ArchivedPosts(archived, _uncaptured(settings.get("WARC_DIR"), archived))
        crawler.signals.connect(spider.revisit_unreached, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[Any]:
        for error in self.invalid_start_urls:
            yield error
        for url in self.start_urls:
            page = self._page_request(url, force=True)
            if page is not None:
                yield page
            for request in self._discovery(urljoin(url, "/robots.txt"), self.parse_robots):
                yield request
            for folder in _discovery_folders(url):
                for path in (*USUAL_SITEMAP_PATHS, *USUAL_FEED_PATHS):
                    for request in self._discovery(urljoin(folder, path.lstrip("/")), self.parse_discovered):
                        yield request

    def _archived_posts(self) -> dict[str, str]:
        """URL → last fetch of the posts earlier runs archived (empty with RECRAWL_ARCHIVED off)."""
        if not self.settings.getbool("RECRAWL_ARCHIVED") or not Path(self.settings.get("ARCHIVE_DB")).exists():
            return {}
        archive = Archive(self.settings.get("ARCHIVE_DB"))
        try:
            return archive.article_fetch_times()
        finally:
            archive.close()

    def is_known_unchanged(self, url: str) -> bool:
        """A sitemap or feed declared the post at `url` unchanged since the archive fetched it (never a start page,
        whose links the crawl needs): KnownUnchangedMiddleware drops a request for it that was queued earlier."""
        return url not in self.start_urls and self.archived.known_unchanged(url)

    def revisit_unreached(self) -> None:
        """When the crawl runs dry: request the archived posts it never reached (once), so a post that left
        every sitemap and listing is still checked for edits and deletion."""
        self._count_listed()
        unreached = self.archived.not_reached()
        leftovers = [r for url in unreached if (r := self._page_request(url, route=is_route(url))) is not None]
        self.archived.reached.update(unreached)
        if not leftovers:
            return
        for request in leftovers:
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    # -- requests ---------------------------------------------------------------------------------

    def _page_request(
        self, url: str, force: bool = False, listed: bool = False, by_link: bool = False, route: bool = False
    ) -> scrapy.Request | None:
        """A request for a page in scope; None when out of scope or when the --max-pages budget is spent (the
        scheduler spends it). `force`: a start URL, fetched first and read as a sitemap or feed if it is one.
        `listed`: a sitemap or feed lists it, so it comes before pages found by links. `by_link`: found by a link,
        so subject to the trap budgets (crawler/frontier/trap_budget.py). `route`: `url` is the page of an app's
        route (crawler/discovery/app_routes.py), its fragment its address: kept."""
        url = url if route else clean_url(url)
        if url in self.requested and not force:
            return None  # cheaper here than in the frontier: most links on a page were seen on the last one
        if not force and (not self.scope.contains(url) or self.archived.known_unchanged(url)):
            return None
        if self.budget.exhausted:
            return None
        self.requested.add(url)
        self.archived.reach(url)
        if force:
            return scrapy.Request(
                url, callback=self.parse_start, errback=self.on_error, meta=_PAGE_META, priority=DISCOVERY_PRIORITY
            )
        priority = HUB_PRIORITY if url_kind(url) else LISTED_PRIORITY if listed else 0
        meta = _LINK_META if by_link else _PAGE_META
        return scrapy.Request(url, callback=self.parse_page, errback=self.on_error, meta=meta, priority=priority)

    def _discovery(self, url: str, callback: Any, *, probe: bool = True) -> Iterable[scrapy.Request]:
        """A request for robots.txt, a sitemap or a feed, unless this process asked for `url` already (every page
        of a blog links its feed). A probe of a usual path that fails is expected and not an error."""
        if url in self.requested:
            return
        self.requested.add(url)
        # Ahead of pages: the sooner sitemaps are read, the more unchanged posts a recrawl skips.
        yield scrapy.Request(
            url, callback=callback, errback=self.on_error, meta={"probe": probe}, priority=DISCOVERY_PRIORITY
        )

    # -- callbacks --------------------------------------------------------------------------------

    # Each callback yields its follow-up requests first and the item for its response last: the frontier marks a
    # request done when its item is stored, and by then its follow-ups must be queued (crawler/frontier/scheduler.py).

    def parse_robots(self, response: Response) -> Iterable[Any]:
        for sitemap_url in sitemaps_from_robots(response.body, response.url):
            if self.scope.contains_host(sitemap_url):
                yield from self._discovery(sitemap_url, self.parse_discovered, probe=False)
        yield _fetched(response, kind="robots")

    def parse_discovered(self, response: Response) -> Iterable[Any]:
        """A sitemap, a sitemap index or a feed; told apart by content, since servers mislabel them. The stored item
        lists the pages in scope it names, for the archive pipeline's decision of which pages are posts
        (crawler/discovery/structure.py)."""
        try:
            entries = parse_sitemap(response.body)
        except ValueError as exc:  # a broken gzip file, or one that inflates past MAX_SITEMAP_BYTES (a bomb)
            yield CrawlError(response.url, f"sitemap refused: {exc}", _frontier_id(response.request))
            return
        listed: list[Listed] = []
        if entries:
            for entry in entries:
                if entry.is_sitemap:
                    if self.scope.contains_host(entry.url):
                        yield from self._discovery(entry.url, self.parse_discovered, probe=False)
                        for feed_url in _feeds_beside(entry.url, response.url):
                            yield from self._discovery(feed_url, self.parse_discovered)
                    continue
                if self.scope.contains(url := clean_url(entry.url)):
                    listed.append(Listed(url, alternates=entry.alternates))
                    if not url_kind(entry.url):
                        self.listed.add(url)
                if clean_url(entry.url) not in self.commented and self.archived.unchanged(entry.url, entry.lastmod):
                    yield from self._comments_of_unchanged(entry.url)
                    continue  # the sitemap says: not changed since our last fetch
                if (request := self._page_request(entry.url, listed=True)) is not None:
                    yield request
            self._count_listed()
            yield _fetched(response, kind="sitemap", lists=listed)
            return
        feed = feed_entries(response.body, response.url)
        if feed:
            for entry in feed:
                if self.scope.contains(url := clean_url(entry.url)):
                    listed.append(Listed.of_feed_entry(entry, url))
                if entry.posted and self.archived.commented_since(post := post_of_comment_link(url), entry.posted):
                    if post not in self.commented:  # the feed may list several of its comments
                        yield from self._commented(post)
                    continue
                if clean_url(entry.url) not in self.commented and self.archived.unchanged(entry.url, entry.modified):
                    yield from self._comments_of_unchanged(entry.url)
                    continue  # the feed says: not changed since our last fetch
                if (request := self._page_request(entry.url, listed=True)) is not None:
                    yield request
            yield from self._comments_past_feed(response.url, feed)
            self._count_listed()
            yield _fetched(response, kind="feed", lists=listed)
        elif is_feed(response.body):
            yield _fetched(response, kind="feed")  # a feed with no items yet
        elif response.meta.get("probe"):
            yield Skipped(response.url, "usual path holds no sitemap or feed", _frontier_id(response.request))
        else:
            yield CrawlError(response.url, "not a sitemap or feed", _frontier_id(response.request), lost=False)

    def _commented(self, url: str) -> Iterable[scrapy.Request]:
        """The archived post at `url` (cleaned) has a comment posted since its last fetch (a comment feed's item, the
        REST API's list), or may have (a page that takes comments and prints them alone, crawler/discovery/
        page_comments.py): its page has changed whatever its sitemap's <lastmod> (an edit's time) said or will say,
        and is asked for again if a link's request for it was dropped as unchanged."""
        self.commented.add(url)
        self.archived.recheck(url)
        self.requested.discard(url)
        if (request := self._page_request(url, listed=True)) is not None:
            yield request.replace(dont_filter=True, meta={**request.meta, QUEUE_AGAIN: True})

    def _comments_past_feed(self, url: str, feed: list[FeedEntry]) -> Iterable[scrapy.Request]:
        """WordPress's comment feed holds its latest comments only: when every one of them was posted since the
        crawl last read it, others posted since may be past it, and the REST API is asked for them all (a recrawl
        of a busy blog whose sitemap dates each post by its last edit, as SEO plugins do, missed those)."""
        posted = [when for entry in feed if (when := parse_when(entry.posted)) is not None]
        if not posted or not self.archived.fetched:
            return
        last_read = parse_when(shared_archive(self.crawler).last_read(url))
        if last_read is None or min(posted) <= last_read:
            return
        endpoint = comments_since_url(url, last_read)
        if endpoint is not None and endpoint not in self.requested and self.scope.contains_host(endpoint):
            self.requested.add(endpoint)
            yield self._comment_times_request(endpoint)

    def _comment_times_request(self, url: str) -> scrapy.Request:
        meta = {"handle_httpstatus_list": [401, 403, 404, 410]}  # a site that keeps its API from anonymous readers
        return scrapy.Request(
            url, callback=self.parse_comment_times, errback=self.on_error, meta=meta, priority=DISCOVERY_PRIORITY
        )

    def parse_comment_times(self, response: Response) -> Iterable[Any]:
        """A page of the REST API's list of comments since the crawl last read the comment feed: each post with one
        posted since its last fetch is asked for again, and the next page after it."""
        if response.status != 200:
            logger.warning(
                "%s: HTTP %d; comments posted since the last crawl past the comment feed's latest are not known,"
                " and a post whose page is not fetched keeps them for a later crawl",
                response.url,
                response.status,
            )
            yield Skipped(response.url, f"HTTP {response.status}", _frontier_id(response.request))
            return
        for link, posted in comment_times(response.body):
            post = clean_url(post_of_comment_link(link))
            if self.scope.contains(post) and post not in self.commented and self.archived.commented_since(post, posted):
                yield from self._commented(post)
        total = int(response.headers.get("X-WP-TotalPages", b"1") or 1)
        if (following := next_rest_comments_page(response.url, total)) is not None:
            yield self._comment_times_request(following)
        elif total > MAX_REST_COMMENT_PAGES:
            logger.warning("%s: more comments since the last crawl than the %d pages read", response.url, total)
        yield _fetched(response, kind="feed")

    def parse_start(self, response: Response) -> Iterable[Any]:
        """A start URL: a sitemap (or index) or a feed, told by content, is read as one, and the crawl's scope
        widened to the site it names (a sitemap: its folder; a feed: the site it links to, on its own host, else
        that host); anything else is a page."""
        if response.status == 200 and not _fetched(response).is_html:
            if _is_sitemap(response.body):
                self.budget.refund()
                return self.parse_discovered(response)
            if feed_entries(response.body, response.url):
                self.budget.refund()
                self.scope.add(self._feed_site(response))
                return self.parse_discovered(response)
        return self.parse_page(response)

    def _feed_site(self, response: Response) -> str:
        site = feed_site(response.body, response.url)
        if site is None or not self.scope.contains_host(site):
            return urljoin(response.url, "/")
        parts = urlsplit(site)
        return parts._replace(path=parts.path if parts.path.endswith("/") else parts.path + "/").geturl()

    def _count_listed(self) -> None:
        """For the progress display: the posts the sitemaps list (its total), and those skipped as unchanged."""
        self.crawler.stats.set_value("blogarchive/listed_posts", len(self.listed))
        self.crawler.stats.set_value("blogarchive/skipped_by_lastmod", self.archived.skipped)

    def parse_page(self, response: Response) -> Iterable[Any]:
        if response.status in (404, 410):
            yield Gone(response.url, response.status, _frontier_id(response.request))
            return
        page = _fetched(response)
        if response.status == 200 and not page.is_html and (_is_sitemap(response.body) or is_feed(response.body)):
            # A feed or sitemap a plain link led to (a tag page's RSS icon, Hugo's /tags/x/index.xml, Pelican's
            # /feeds/x.atom.xml): read as one, never an error for not being a page.
            yield from self.parse_discovered(response)
            return
        if response.status == 200 and not page.is_html and _redirected_to_file(response):
            # A page link that led to a file: WordPress (6.4 on) redirects a picture's attachment page, where a
            # gallery's or an image's link goes by default, to the picture; no page lost, as the file's own link
            # is never followed (_NOT_PAGES)
            yield Skipped(response.url, "a link redirected to a file, no page", _frontier_id(response.request))
            return
        page.not_modified = NOT_MODIFIED in response.flags
        if page.is_html and (
            post := viewed_post(response.body, response.url) or commented_post(response.body, response.url)
        ):
            # A post's comments view (FlatPress's …/comments/, WordPress's …/comment-page-2/), reached by a link:
            # read with its post (comment_views.py, wordpress.commented_post), never a page of its own — the post
            # is asked for instead.
            if (request := self._page_request(post, by_link=True)) is not None:
                yield request
            yield Skipped(response.url, f"the comments view of {post}, read with it", _frontier_id(response.request))
            return
        if page.is_html and (post := split_post_of(response.body, response.url)):
            # Page N of a split WordPress post, reached by a link before its post: read as its part (split_post_of)
            if (request := self._page_request(post, by_link=True)) is not None:
                yield request
            reason = f"a page of the split post {post}, read with it"
            yield Skipped(response.url, reason, _frontier_id(response.request))
            return
        companions: list[str] = []
        links = PageLinks()
        if page.is_html and isinstance(response, TextResponse):
            # links_seen: links an earlier page had too are not looked at again (see page_links) — but a split post's
            # page links may have been seen on a listing that printed it whole: they are read from all its links.
            links = page_links(response.body, response.url, response.encoding, self.links_seen)
            every = (
                page_links(response.body, response.url, response.encoding).pages
                if has_page_links(response.body)
                else []
            )
            own = every or links.pages
            parts = [] if page.not_modified or url_kind(page.url) else split_post_parts(own, response.url, bool(every))
            self.requested.update(parts)  # parts of this post, not pages of their own
            # A block theme prints no page links, and an SEO plugin's <link rel="next"> names page 2 alone: its REST
            # API entry counts them all (rest_post_url is None where the page prints page links)
            entry = None if page.not_modified or url_kind(page.url) else rest_post_url(response.body, response.url)
            parts = [] if entry else parts
            self.requested.update(parts_of_linked_posts(every, response.url))  # and of the posts a listing prints
            if response.meta.get(TRAP):  # found by a link: what its links bring counts (trap_budget.py)
                everything = page_links(response.body, response.url, response.encoding).pages
                self.crawler.signals.send_catch_log(signal=links_found, url=response.url, links=everything)
            # the comments a script loads, asked for even when the page is unchanged (304: from its archived body),
            # as they change without it (COMMENTS_RECHECK_LIMIT)
            wanted = [self._comments_url(response.body, response.url, page.not_modified)]
            self.requested.update(clean_url(url) for url in wanted if url and comment_sources.source(url) == "view")
            if repeated := repeated_loop_pages(response.body, response.url, response.encoding, self.query_loops):
                links.pages = [link for link in links.pages if clean_url(link) not in repeated]  # followed elsewhere
            if empty := empty_months_links(response.body, response.url, response.encoding):
                links.pages = [link for link in links.pages if clean_url(link) not in empty]  # a month of no post's
            yield from self._follow(response, links)  # less its comments view: asked for with it, no page of its own
            wanted.insert(0, entry)
            companions = [*parts, *(url for url in wanted if url and self.scope.contains_host(url))]
        if isinstance(response, RenderedResponse):  # the routes its client-side router pushed are pages too
            for url in response.routes:
                if (request := self._page_request(url, by_link=True)) is not None:
                    yield request
            anchors = DOCSIFY_ANCHORS if loads_docsify(response.raw_body) else frozenset()
            routes = app_routes(response.url, links.pages, anchors)  # and those after its '#' (app_routes.py)
            for url in routes:
                if (request := self._page_request(url, by_link=True, route=True)) is not None:
                    yield request
            if routes or is_route(response.url):
                # The shell every route shares: its ETag unchanged says nothing of the pages the app builds (from
                # Markdown files, JSON), so a recrawl asks for it again in full, never conditionally.
                page.etag = page.last_modified = None
        yield self._companion(page, companions) if companions else page

    # -- a post's companions: pages 2..N of a split post, its comments from WordPress's REST API ----------------

    def _comments_url(self, body: bytes, url: str, unchanged: bool) -> str | None:
        """Where the post at `url` (its page `body`) has its comments served apart from the page, if anywhere. For a
        post whose page is unchanged, while this crawl has asked so for fewer than COMMENTS_RECHECK_LIMIT posts:
        comments come and go while the page stays the same."""
        first = comment_sources.comments_url(body, url)
        if first is None or not unchanged:
            return first
        if first in self.requested:  # asked for already: the sitemap said unchanged, then a link's 304 came
            return None
        self.requested.add(first)
        return first if self._may_recheck_comments() else None

    def _may_recheck_comments(self) -> bool:
        """One more unchanged post's comments may be asked for again: fewer than COMMENTS_RECHECK_LIMIT were."""
        stats, limit = self.crawler.stats, self.settings.getint("COMMENTS_RECHECK_LIMIT")
        if stats.get_value("blogarchive/comments_rechecked", 0) >= limit:
            if not stats.get_value("blogarchive/comments_not_rechecked"):
                logger.warning("COMMENTS_RECHECK_LIMIT (%d) reached: further unchanged posts' comments wait", limit)
            stats.inc_value("blogarchive/comments_not_rechecked")
            return False
        stats.inc_value("blogarchive/comments_rechecked")
        return True

    def _comments_of_unchanged(self, url: str) -> Iterable[scrapy.Request]:
        """A post a sitemap or feed declared unchanged is not fetched, but its comments served apart from its page
        are asked for, from where its archived page says they are: the archived page is handed on with them, never
        stored again (FetchedPage.from_archive). A post of Movable Type or Textpattern that takes comments prints
        them in its page alone, which is asked for again instead (a conditional GET: 304 when no comment came)."""
        if not self.scope.contains(url):
            return
        stored = shared_archive(self.crawler).stored_fetch(url)
        if stored is None:
            return
        body, content_type, charset = stored
        if page_comments.takes_comments(body):
            if self._may_recheck_comments():
                yield from self._commented(clean_url(url))
            return
        first = self._comments_url(body, url, unchanged=True)
        if first is None or not self.scope.contains_host(first):
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        page = FetchedPage(url, 200, content_type, now, body, charset=charset, not_modified=True, from_archive=True)
        yield self._companion(page, [first])

    def _companion(self, page: FetchedPage, urls: list[str]) -> scrapy.Request:
        """The request for the first of `urls`; the post's page waits in its meta (and so in the frontier) until
        the last has answered, and is then handed on whole (see parse_companion). Queued though the crawl has the
        URL already (a part of the post a link led to first, read as no page of its own): filtered, it took the
        post with it."""
        meta = {
            "post": page,
            "companions": urls[1:],
            "page": True,
            "handle_httpstatus_list": [401, 403, 404, 410],
            QUEUE_AGAIN: True,
        }
        return scrapy.Request(
            urls[0],
            callback=self.parse_companion,
            errback=self.on_companion_error,
            meta=meta,
            priority=LISTED_PRIORITY,
            dont_filter=True,
        )

    def parse_companion(self, response: Response) -> Iterable[Any]:
        page: FetchedPage = response.meta["post"]
        if (frontier_id := _frontier_id(response.request)) is not None:
            page.companion_frontier_ids.append(frontier_id)
        if response.status != 200 and (is_rest_api(response.url) or comment_sources.source(response.url)):
            # a site that keeps its API or its comment feeds from anonymous readers
            page.comments_incomplete = page.comments_incomplete or comment_sources.source(response.url) is not None
            logger.info("%s: HTTP %d from %s; the page alone is archived", page.url, response.status, response.url)
        elif response.status != 200:
            message = f"HTTP {response.status} for a part of {page.url}"
            yield CrawlError(response.url, message, lost=response.status not in NOTHING_THERE)
        elif "/wp/v2/posts/" in response.url:
            page.entry = (response.url, response.body)
            parts = parts_from_rest_post(response.body, page.url)
            self.requested.update(parts)
            response.meta["companions"][:0] = parts
        elif comment_sources.source(response.url):
            page.comment_pages.append((response.url, response.body))
            total = int(response.headers.get("X-WP-TotalPages", b"1") or 1)
            following = comment_sources.next_comments_pages(response.url, response.body, total)
            response.meta["companions"][:0] = [url for url in following if self.scope.contains_host(url)]
        elif isinstance(response, TextResponse):
            page.parts.append((response.url, response.body))
            links = page_links(response.body, response.url, response.encoding, self.links_seen)
            yield from self._follow(response, links)
        yield from self._next_companion(page, response.meta["companions"])

    def on_companion_error(self, failure: Failure) -> Iterable[Any]:
        page: FetchedPage = failure.request.meta["post"]
        if (frontier_id := _frontier_id(failure.request)) is not None:
            page.companion_frontier_ids.append(frontier_id)
        page.comments_incomplete = page.comments_incomplete or comment_sources.source(failure.request.url) is not None
        yield CrawlError(failure.request.url, f"{describe_failure(failure)} (a part of {page.url})")
        yield from self._next_companion(page, failure.request.meta["companions"])

    def _next_companion(self, page: FetchedPage, urls: list[str]) -> Iterable[Any]:
        yield self._companion(page, urls) if urls else page

    def _follow(self, response: TextResponse, links: PageLinks) -> Iterable[Any]:
        """The page's feeds, then its links to pages: a feed read before the pages it names and those it leaves
        out decides which of them are posts (crawler/discovery/structure.py), and a page decided a post is not
        taken back."""
        for feed_url in links.feeds:
            # A post's own comment feed (Blogger's) lists its comments, not pages: read as the post's comments.
            if self.scope.contains_host(feed_url) and not comment_sources.source(feed_url):
                yield from self._discovery(feed_url, self.parse_discovered, probe=False)
        for link in links.pages:
            if is_route(link) and not isinstance(response, RenderedResponse):
                self._count_hash_route(link)  # followed where a browser rendered the page (parse_page)
            if link in self.requested or self.archived.known_unchanged(link):
                continue  # asked for, or declared unchanged: both tried on the link as written (mostly clean) first
            url = clean_url(link)
            if url in self.requested or posixpath.splitext(urlsplit(url).path)[1].lower() in _NOT_PAGES:
                continue  # asked for already; or a figure's link to its full-size image, a PDF, an archive …
            if engine_area(url) is not None:
                continue  # the engine's admin or login screens: no page of the blog, and closed to a visitor
            if (request := self._page_request(url, by_link=True)) is not None:
                yield request

    def _count_hash_route(self, link: str) -> None:
        """An app's route after '#' on a page no browser rendered: counted, as it is not followed from such a page
        (app_routes.py), and the first one kept to be named in the crawl's line if it archives nothing (crawl.py) —
        the first that names a route, not a heading's anchor of the home route (Docsify's `#/?id=…`), where the page
        has one."""
        stats = self.crawler.stats
        stats.inc_value("blogarchive/hash_routes")
        parts = urlsplit(link)
        named = stats.get_value("blogarchive/hash_route")
        if named is None or ("#/?" in named and not parts.fragment.startswith("/?")):
            stats.set_value("blogarchive/hash_route", f"{parts.path or '/'}#{parts.fragment}")

    def on_error(self, failure: Failure) -> Iterable[Any]:
        request = failure.request
        if failure.check(Refused):  # the scope guard: a redirect or URL the crawl must not follow, an error
            # no loss: what is there is outside the crawl (a redirect off the blog) or forbidden to it
            yield CrawlError(failure.value.url, failure.value.message, _frontier_id(request), lost=False)
            return
        message = describe_failure(failure)
        url = (request.meta.get("redirect_urls") or [request.url])[0]  # the URL the crawl asked for
        if is_choice(failure):  # robots.txt said no, or a sitemap said unchanged: not an error
            yield Skipped(request.url, message, _frontier_id(request))
        elif request.meta.get("probe"):
            yield Skipped(request.url, f"discovery probe: {message}", _frontier_id(request))
        else:
            yield CrawlError(url, message, _frontier_id(request), lost=not nothing_there(failure))


def _redirected_to_file(response: Response) -> bool:
    """The request was redirected to a URL whose extension names no page (_NOT_PAGES: a picture, a PDF)."""
    redirected = bool(response.meta.get("redirect_urls"))
    return redirected and posixpath.splitext(urlsplit(response.url).path)[1].lower() in _NOT_PAGES


def _fetched(response: Response, kind: str | None = None, lists: list[Listed] | None = None) -> FetchedPage:
    header = (response.headers.get("Content-Type") or b"").decode("latin-1")
    rendered = response if isinstance(response, RenderedResponse) else None
    start, redirect = redirected_from(response.request.meta if response.request is not None else {}) or (None, None)
    return FetchedPage(
        url=response.url,
        status=response.status,
        content_type=header.split(";")[0].strip().lower(),
        charset=None if rendered else header_charset(header),  # a rendered DOM is UTF-8 whatever the server said
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        body=response.body,
        etag=_header(response, "ETag"),
        last_modified=_header(response, "Last-Modified"),
        kind=kind,
        lists=lists or [],
        frontier_id=_frontier_id(response.request),
        raw_body=rendered.raw_body if rendered else None,
        rendered=rendered.render_reason if rendered else None,
        screenshot=rendered.screenshot if rendered else None,
        needs_browser=response.meta.get(NEEDS_BROWSER) if response.request is not None else None,
        redirected_from=start,
        redirect=redirect,
    )


def _uncaptured(warc_dir: str, posts: dict[str, str]) -> set[str]:
    """The archived posts the WARC folder (if any) holds no response of: fetched in full, to capture them."""
    if not warc_dir or not posts:
        return set()
    if not (Path(warc_dir) / INDEX_NAME).is_file():
        return set(posts)
    index = DigestIndex(Path(warc_dir))
    try:
        captured = index.captured_urls()
    finally:
        index.close()
    return {url for url in posts if captured_as(url) not in captured}


def _discovery_folders(start_url: str) -> list[str]:
    """Where the usual sitemap and feed paths are tried for a start URL: the host's root, and the start URL's folder
    when it is not the root — a blog on GitHub Pages' project site lives under /<project>/, its generator's
    /hex/sitemap.xml or /blog/index.xml there (MkDocs links its sitemap nowhere): without it, the crawl knew
    nothing of the site when it decided its undated project pages, and stored them as posts."""
    path = urlsplit(start_url).path
    if path and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        start_url = urljoin(start_url, path.rsplit("/", 1)[-1] + "/")  # /hex, which the server redirects to /hex/
    root, folder = urljoin(start_url, "/"), urljoin(start_url, ".")
    return [root] if folder == root else [root, folder]


def _feeds_beside(sitemap_url: str, index_url: str) -> list[str]:
    """The usual feed paths in the folder of a sitemap that a sitemap index lists from a folder below its own: Hugo's
    multilingual site is one site per language, /de/ with its /de/sitemap.xml and its /de/index.xml, which its
    pages need not link (Tania's footer links /index.xml in every language)."""
    folder, index_folder = posixpath.dirname(urlsplit(sitemap_url).path), posixpath.dirname(urlsplit(index_url).path)
    if urlsplit(sitemap_url).netloc != urlsplit(index_url).netloc or folder == index_folder:
        return []
    if not folder.startswith(index_folder.rstrip("/") + "/"):
        return []
    return [urljoin(sitemap_url, path.lstrip("/")) for path in USUAL_FEED_PATHS]


def _is_sitemap(body: bytes) -> bool:
    try:
        return bool(parse_sitemap(body))
    except ValueError:  # a broken gzip file: parse_discovered reports it
        return False


def _frontier_id(request: scrapy.Request | None) -> int | None:
    return request.meta.get(FRONTIER_ID) if request is not None else None


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
