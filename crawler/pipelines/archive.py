"""ArchivePipeline: extraction off the reactor, then one writer into the SQLite archive.

Extraction is CPU-bound (trafilatura and our finders on one lxml tree), so it runs in the crawl's extraction
processes (crawler/extraction_pool/pool.py), and the reactor thread only downloads and writes. All writes happen on
the reactor thread, so the archive has exactly one writer and one connection.

Which pages are posts is decided here, with extraction's evidence of each page and what the crawl learns of the
site from its feeds and sitemaps (crawler/discovery/structure.py, crawler/extraction/pagekind.py): a hub page known
by its URL that no feed lists as a post needs no parsing and is settled on the reactor thread; a page not kept
that a feed read later lists as a dated post is kept then; a page a feed lists as a post that is still not kept is
an error, so that `verify` and the exit code see it. Every page not kept says why in pages.reason.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from scrapy import signals

from archive import Archive
from archive.frontier import Frontier
from archive.media import article_image_urls
from archive.pages import COMMENTS_API, PART, POST_API
from crawler.core.archive_handle import shared_archive, storage_broken, storage_guard
from crawler.core.companions import stored_entry, stored_parts
from crawler.core.moves import is_permanent, same_post
from crawler.core.post_keys import PostKeys
from crawler.core.rules import no_post, retired_reason, rules_fingerprint
from crawler.core.signals import page_settled
from crawler.discovery.structure import SiteStructure, folder_page
from crawler.discovery.wordpress import post_of_comment_link
from crawler.downloadermiddlewares.conditional_get import NOT_MODIFIED
from crawler.extraction.dates import zoned_by_feed, zoned_comments
from crawler.extraction.pagekind import SiteFacts, by_length_alone, decide_again, listed_anyway, url_kind
from crawler.extraction.served_comments import is_html, is_xml
from crawler.extraction_pool.pool import extraction_pool
from crawler.extraction_pool.worker import pack_hub
from crawler.frontier.trap_budget import trap_budget
from crawler.items import CrawlError, FetchedPage, Gone, Skipped
from crawler.urls import clean_url

logger = logging.getLogger(__name__)

MAX_ERRORS_REPORTED = 20  # kept in the crawl's stats for the final summary; all are in crawl_errors


class ArchivePipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.media_enabled = bool(crawler.settings.get("MEDIA_DIR"))
        self.archive: Archive | None = None
        self.frontier: Frontier | None = None
        self.run_id: int | None = None
        self.keys: PostKeys | None = None
        self.pool = extraction_pool(crawler)
        self.saved: set[str] = set()  # the posts this run stored: one reached again at another URL is no news
        # a page reached by a permanent redirect from an archived post's address, not stored yet → (that address, the
        # redirect's hops): the post moves to it once it is stored as one (_redirected)
        self.moving: dict[str, tuple[str, str]] = {}
        self.gone: dict[str, int] = {}  # the archived posts this run found gone (404, 410), by address: their status
        self.structure = SiteStructure()
        self.rules = rules_fingerprint()  # which blogarchive decides this run's pages
        # Pages of kind "other" (no listing, no hub), by clean URL: why they were not kept, and — when a feed read
        # later could make one a post — what to store then (the URL fetched, when, and extraction's result) and
        # the body extraction missed on it (checks.py), an error if the run does not keep it.
        self.not_kept: dict[str, tuple[str, tuple[str, str, dict[str, Any]] | None, str | None]] = {}
        # Posts this run stored by their length alone (pagekind.by_length_alone: no date, no post markup, nothing known
        # of the site), by the URL fetched: their key, when fetched and extraction's decision, to decide
        # again at the run's end with what the crawl learnt of their site since (SiteFacts.posts_marked_up).
        self.unmarked: dict[str, tuple[str, str, dict[str, Any]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchivePipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.finish_run, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.archive = shared_archive(self.crawler)
        spider = self.crawler.spider
        with storage_guard(self.crawler):
            start_urls, job = getattr(spider, "raw_start_urls", []), getattr(spider, "job", None)
            self.run_id = self.archive.start_run(start_urls, job, self.rules)
        self.stats.set_value("blogarchive/run_id", self.run_id)
        self.keys = PostKeys(self.archive)
        self.frontier = Frontier(self.archive, spider.job)
        for url in getattr(spider, "start_urls", []):
            self.structure.add_start(url)
        self.pool.open()

    def close_spider(self) -> None:
        self.pool.close()

    def finish_run(self, reason: str) -> None:
        """On spider_closed, the first moment the close reason is known ("shutdown" after SIGTERM/SIGINT)."""
        traps = trap_budget(self.crawler)
        self.stats.set_value("blogarchive/trap_cut", traps.urls_cut)
        if storage_broken(self.crawler):
            return  # the run stays 'running' with a dead pid: the next run marks it interrupted
        assert self.archive is not None and self.run_id is not None
        status = "finished" if reason in ("finished", "closespider_pagecount") else reason
        with storage_guard(self.crawler):
            for url, message in traps.messages():
                self._error(url, message, lost=False)  # the crawl's guard against endless addresses, as set
            # decided again with all the feeds the run read: one read after a page may list its section
            self._keep_listed_posts(list(self.not_kept))
            self._retire_unmarked()
            for url, (reason, held, missed_body) in self.not_kept.items():
                if held is not None:  # a page held for a feed that did not make it a post
                    self._retire(held[0], held[2], held[1])
                if missed_body:  # of a page held for a feed that did not make it a post
                    self._error(url, missed_body)
                if url in self.structure.dated and not self.structure.facts(url).apart_from_posts:
                    self._error(url, f"a feed lists it as a post, but it was not kept: {reason}")
                elif held is not None and (in_section := self.structure.left_out(url, held[2])) is not None:
                    # dated, a post's markup, a sitemap lists it: not kept only because the feeds leave out what
                    # lies where it does — said, never silent; a loss where it lies in a section of its own (a
                    # feed the crawl never found: Tania's /de/index.xml), not at its root (About, Impressum)
                    self._error(
                        url,
                        f"a sitemap lists it and it looks like a post, but it was not kept: {reason}",
                        lost=in_section,
                    )
            run = self.archive.finish_run(self.run_id, status)
            repaired = self.stats.get_value("blogarchive/pages_repaired", 0)  # no column: the summary's row only
            self.stats.set_value("blogarchive/run", {**run, "pages_repaired": repaired})

    async def process_item(self, item: Any) -> Any:
        if storage_broken(self.crawler):
            return item  # the crawl is stopping: this page's frontier row stays, the next run fetches it again
        extracted = None
        if isinstance(item, FetchedPage) and _needs_extraction(item):
            item.body_sha256 = hashlib.sha256(item.body).hexdigest()
            previous = self.archive.same_body_kind(item.url, item.body_sha256, self.rules)
            if previous is None or (previous[0] == "article" and self._new_comments(item)):
                extracted = await self._extract(item)
            else:
                item.previous_kind, item.previous_reason = previous
        elif isinstance(item, FetchedPage) and _answered_unchanged(item) and self._decided_otherwise(item):
            # a 304 whose page other rules decided (an older blogarchive), or not as a post: decided again from its
            # archived page and parts, as a fetch of these bytes would be
            item.decided_again = True
            self._read_stored(item)
            extracted = await self._extract(item)
        elif isinstance(item, FetchedPage) and _unchanged_page(item) and self._new_comments(item):
            # its page unchanged (304, or a sitemap said so), its comments not: the post read again from its archived
            # page and parts, with the comments as they are now
            self._read_stored(item)
            extracted = await self._extract(item)
        if storage_broken(self.crawler):
            return item
        try:
            with storage_guard(self.crawler):
                self._store(item, extracted)
        except Exception as exc:  # noqa: BLE001 — a fault in this page's rows (its batch undone): lost, and said so
            self._unstorable(item, exc)
        return item

    def _decided_otherwise(self, page: FetchedPage) -> bool:
        """The archived page `page` (a 304) was not decided by today's rules, or was decided no post (what the feeds
        the crawl reads may change): a fetch of the same bytes would be extracted again (Archive.same_body_kind)."""
        page.body_sha256 = hashlib.sha256(page.body).hexdigest()
        return self.archive.same_body_kind(page.url, page.body_sha256, self.rules) is None

    def _read_stored(self, page: FetchedPage) -> None:
        """The parts and REST API entry of the unchanged post `page` as archived, to read it again with."""
        page.parts = stored_parts(self.archive, page.url)
        if (entry := stored_entry(self.archive, page.body, page.url)) is not None:
            page.entry = (page.url, entry)  # its date (Twenty Twenty-Five prints none)

    def _unstorable(self, item: Any, exc: Exception) -> None:
        """The page's rows could not be written (the batch was rolled back): a crawl error that counts as lost, with
        the traceback in the log. Its frontier row stays open, so the next run fetches it again."""
        url = getattr(item, "url", repr(item))
        logger.error("%s: could not be stored", url, exc_info=exc)
        with storage_guard(self.crawler), self.archive.batch():
            self._error(url, f"could not be stored ({type(exc).__name__}: {exc})")

    def _store(self, item: Any, extracted: tuple[bool, Any] | None) -> None:
        # Everything the item leads to, and its frontier row's "done", in one transaction: a kill leaves both
        # or neither, so a resumed crawl neither loses the page nor stores it twice.
        with self.archive.batch():
            if isinstance(item, CrawlError):
                self._error(item.url, item.message, item.lost)
                self._settled(item.url, post=False)
            elif isinstance(item, Gone):
                self._gone(item)
                self._settled(item.url, post=False)
            elif isinstance(item, Skipped):
                logger.debug("skipped %s: %s", item.url, item.reason)
            elif isinstance(item, FetchedPage):
                self._store_page(item, extracted)
            if getattr(item, "frontier_id", None) is not None:
                self.frontier.done(item.frontier_id)
            for frontier_id in getattr(item, "companion_frontier_ids", ()):
                self.frontier.done(frontier_id)

    async def _extract(self, page: FetchedPage) -> tuple[bool, Any]:
        """The page extracted with what the crawl knows of its site (extract()'s `site`): a page its markup leaves
        a listing that a feed makes a post is read as a post, with its images, comments and author box. Read
        again when a feed read while it was being extracted makes it a post it was not read as."""
        if self.structure.settles_by_url(page.url):
            packed = pack_hub(page.body, page.url)  # a hub by its URL that no feed lists as a post: no parsing
        else:
            facts = self.structure.facts(page.url)
            while True:
                packed = await self.pool.extract(page, facts)
                ok, result, _ = packed
                known = self.structure.facts(page.url)
                if not ok or known == facts or _read_as_post(result):
                    break
                if decide_again(result, self.structure.facts(page.url, result.get("published")))[0] != "article":
                    break
                facts = known
        ok, result, page.body_zlib = packed
        return ok, result

    def _new_comments(self, page: FetchedPage) -> bool:
        """The comments of the post `page`, served apart from its page, are not the answers the archive holds of them:
        all of them answered, and one is new or differs."""
        if not page.comment_pages or page.comments_incomplete:
            return False
        return not self.archive.same_companions(COMMENTS_API, page.comment_pages)

    def _store_page(self, page: FetchedPage, extracted: tuple[bool, Any] | None) -> None:
        if page.from_archive:  # not fetched: its comments only
            self._store_comments_of_unchanged(page, extracted)
            self._record_companions(page, extracted is not None)
            return
        self.stats.inc_value("blogarchive/pages_fetched")
        if page.redirected_from:
            self._redirected(page)
        if page.needs_browser is not None:  # its content is lost without one: on record, never silent
            # a hub by its URL (a tag's or an archive's page) holds no post, and its links were read all the same:
            # no loss (Hexo Fluid asks for JavaScript in a <noscript> on every page, its tag pages with little text)
            self._error(page.url, page.needs_browser, lost=not self.structure.settles_by_url(page.url))
        if page.kind is not None:  # robots, sitemap, feed
            self._record_page(page, page.kind)
            self._keep_listed_posts(self.structure.add(page.lists))
            # posts stored undated before this feed was read (this run, or an earlier one: a recrawl finds them
            # unchanged and does not extract them again)
            self.archive.date_posts_from_feed({p.url: p.published for p in page.lists if p.dated and p.published})
            # and their identity on their platform, where the feed gives it and their pages did not (Ghost's <guid>)
            self.archive.identify_posts({p.url: p.platform_id for p in page.lists if p.dated and p.platform_id})
            self._zone_stored_comments(page)
            # and posts stored naming nobody, or no term, get the authors and terms it names (Polylang's /ko/feed/,
            # read after the Korean posts a theme without bylines printed), and a post stored with its page's title
            # the title the crawl gives it when it has read the feed first
            self.archive.credit_posts_from_feed(self.run_id, self._credits(page), page.fetched_at)
        elif page.not_modified and page.decided_again:  # stored as the fetch of its archived bytes is
            self.stats.inc_value("blogarchive/pages_not_modified")
            self.stats.inc_value("blogarchive/pages_decided_again")
            self._store_extracted(page, *extracted)
        elif page.not_modified:
            self._record_page(page, NOT_MODIFIED)
            self.stats.inc_value("blogarchive/pages_not_modified")
            self._check_archived_images(page)
            self._store_comments_of_unchanged(page, extracted)
        elif not page.is_html:
            self._record_page(page, "non-html")
            self._error(page.url, f"not an HTML page ({page.content_type or 'no content type'})", lost=False)
        elif not page.body.strip():
            self._record_page(page, "empty")
            self._error(page.url, "empty page (no body)")
        elif page.previous_kind is not None:  # the same bytes as last time (a server that sends no validators)
            self._record_page(page, page.previous_kind, page.previous_reason)
            self.stats.inc_value("blogarchive/pages_same_body")
            if page.previous_kind == "article" and self.archive.touch_article(page.url, page.fetched_at):
                self.stats.inc_value("blogarchive/articles_unchanged")
                self._check_archived_images(page)
        else:
            assert extracted is not None
            self._store_extracted(page, *extracted)
        self._record_companions(page, extracted is not None)

    def _store_comments_of_unchanged(self, page: FetchedPage, extracted: tuple[bool, Any] | None) -> None:
        """A post whose page is unchanged, read again because its comments changed: stored as any post is, so a
        comment added is a change of it (a version, a change row), and one removed stays in the version before."""
        if extracted is None:
            return
        ok, result = extracted
        if not ok:
            self._error(page.url, result)
            return
        self.structure.decide(result, page.url, self.structure.facts(page.url, result.get("published")))
        if result["kind"] == "article":
            self._save(page.url, page.fetched_at, result)

    def _zone_stored_comments(self, page: FetchedPage) -> None:
        """The comments of the posts the comment feed `page` times, stored before it was read (WordPress links a post's
        comment feed from its page): each stored with its time on the site's clock gets the offset the feed's time
        of it shows (dates.zoned_comments)."""
        posts = sorted({clean_url(post_of_comment_link(p.url)) for p in page.lists if p.comment and p.posted})
        zoned: dict[str, dict[str, list[str]]] = {}
        for url, stored in self.archive.comment_times(posts).items():
            feed = self.structure.comment_times.get(url, {})
            if changed := {i: [t, z] for i, t in stored.items() if (z := zoned_by_feed(feed.get(i), t))}:
                zoned[url] = changed
        if zoned:
            self.archive.zone_comments(zoned)

    def _credits(self, page: FetchedPage) -> dict[str, dict[str, Any]]:
        """What the feed `page` (and the feeds read before it) name for the posts it dates, for
        `credit_posts_from_feed`: their authors and terms (SiteStructure.credit), and for a post stored already
        whose title the feed's completes (with_feed_title) [its stored title, the completed one]."""
        dated = [p.url for p in page.lists if p.dated]
        folders = {url: folder for url in dated if (folder := folder_page(url))}
        stored = self.archive.stored_titles(dated + list(folders.values()))
        credits = {}
        for listed in dated:
            credit = self.structure.credit(listed)
            # a post stored at the folder's page its feed item's link leaves out the trailing slash of
            url = listed if listed in stored or listed not in folders else folders[listed]
            if url in stored:
                title, sitename = stored[url]
                if (completed := self.structure.completed_title(url, title, sitename)) != title:
                    credit["title"] = [title, completed]
            if any(credit.values()):
                credits[url] = credit
        return credits

    def _store_extracted(self, page: FetchedPage, ok: bool, result: Any) -> None:
        if not ok:
            self._record_page(page, "error")
            self._error(page.url, result)
            return
        facts = self.structure.facts(page.url, result.get("published"))
        self.structure.decide(result, page.url, facts)
        kind = result["kind"]
        self._record_page(page, kind, result["kind_reason"])
        if kind == "other" and not page.rendered and not result["text"].strip():
            self.stats.inc_value("blogarchive/textless")  # a script may build it that detect.py does not know
        missed_body = result.pop("problem", None)  # no body found on a page that has one
        if kind == "author" and result.get("author_box"):  # an author page completes the person it is about
            self.archive.save_author_page(self.run_id, page.url, result["author_box"], page.fetched_at)
        if repairs := result.pop("repairs", None):  # read all the same, another way: said, counted, not an error
            logger.warning("%s: %s", page.url, "; ".join(repairs))
            self.stats.inc_value("blogarchive/pages_repaired")
        if kind == "article":
            # a post stored without text, though its page seems to hold some; one stored with the text extraction
            # found (a short page the site's feed makes a post: Mezzanine's) lost no body
            if missed_body and not result["text"].strip():
                self._error(page.url, missed_body)
            self.structure.add_post(page.url, result)
            if self._save(page.url, page.fetched_at, result):
                page.image_urls = [image["src"] for image in result["images"]]
                if by_length_alone(result):
                    self.unmarked[page.url] = (result["url"], page.fetched_at, _decision(result))
            return
        # not a listing or a hub: a post the crawl could not keep, if a feed lists it as one — unless its generator's
        # feeds list such pages as well (Hugo's)
        if kind == "other" and not listed_anyway(result):
            may_be_post = not facts.feed_dated and _post_if_listed(result, facts)
            held = (page.url, page.fetched_at, result) if may_be_post else None
            # a page a feed read later may make a post: its missed body is an error if the run does not keep it
            self.not_kept[clean_url(page.url)] = (result["kind_reason"], held, missed_body if may_be_post else None)
            if may_be_post:
                return
        elif kind == "listing" and not url_kind(page.url) and _few_entries(result):
            # a listing by a handful of entries where no address says so: if a feed lists it as a post, the run says
            # it was not kept (Minimal Mistakes' four related teasers outweighed one-line posts, lost in silence)
            self.not_kept[clean_url(page.url)] = (result["kind_reason"], None, None)
        if (moving := self.moving.pop(page.url, None)) is not None:
            logger.info("%s: redirects to %s, which is no post: the post stays archived at %s", moving[0], *moving)
        if page.needs_browser is None:  # a page that lost its content without a browser tells nothing of what it is
            self._retire(page.url, result, page.fetched_at)
        if missed_body:
            self._error(page.url, missed_body)

    def _keep_listed_posts(self, urls: list[str]) -> None:
        """Pages this run did not keep, decided again with what the feeds read since say of them (one lists the page
        as a dated post, or other pages of its section): kept now, if they are posts."""
        for url in urls:
            _reason, held, _missed_body = self.not_kept.get(url, (None, None, None))
            if held is None:
                continue
            fetched_url, fetched_at, result = held
            self.structure.decide(result, url, self.structure.facts(url, result.get("published")))
            if result["kind"] == "article":
                del self.not_kept[url]
                self.archive.settle_page(self.run_id, fetched_url, result["kind"], result["kind_reason"])
                self._save(fetched_url, fetched_at, result)  # its images: on the crawl's next run

    def _retire_unmarked(self) -> None:
        """The posts this run stored for want of anything known of their site (self.unmarked), decided again with what
        it learnt since: one of the site's pages where the posts it read later print a date and post markup and it
        prints neither (Kirby's About and albums, reached before its notes) is retired, its fetch settled as such."""
        for url, (key, fetched_at, decision) in self.unmarked.items():
            kind, reason = decide_again(decision, self.structure.facts(url))
            if kind != "article":
                self.archive.settle_page(self.run_id, url, kind, reason)
                # "other", which retires no post when a page says nothing of itself, says here that it is not one
                self._retire_post(key, retired_reason({"kind": kind, "kind_reason": reason}), fetched_at)

    def _save(self, url: str, fetched_at: str, result: dict[str, Any]) -> bool:
        """Store the post `url` fetched at `fetched_at`; False when it was not stored (and why is on record)."""
        if not result["text"].strip() and not result.get("title"):
            self._error(url, "no article text found on the page")
            return False
        assert self.keys is not None
        result["url"] = self.keys.key(url, result)
        if (moving := self.moving.pop(url, None)) is not None:  # the post archived where the redirect came from
            self._move(moving[0], result["url"], moving[1], fetched_at)
        scope = getattr(self.crawler.spider, "scope", None)
        if scope is not None and result["url"] != url and not scope.contains(result["url"]):
            logger.info("%s: its canonical URL %s is outside the crawl's scope; not stored", url, result["url"])
            return False
        self._move_gone_here(result, fetched_at)
        if result.get("comments"):  # a time the archive holds with its offset stays, printed again without one
            stored = self.archive.comment_times([result["url"]]).get(result["url"], {})
            result["comments"] = zoned_comments(result["comments"], stored)
        outcome = self.archive.save_article(self.run_id, result, fetched_at)
        self.keys.stored(url, result["url"], outcome)
        # (not by its length alone: a run that read the site's dated, marked-up posts retired it, and one that reads
        # them unchanged, not again, knows less — _retire_unmarked)
        if not by_length_alone(result) and self.archive.restore_article(self.run_id, result["url"]):
            logger.warning("%s: retired before as no post, a post by today's rules: restored", result["url"])
            self.stats.inc_value("blogarchive/restored")
        if outcome == "unchanged" and result["url"] in self.saved:
            outcome = "again"  # this run stored the post already, reached at another URL (its canonical's alias)
        self.saved.add(result["url"])
        self.stats.inc_value(f"blogarchive/articles_{outcome}")
        return True

    def _redirected(self, page: FetchedPage) -> None:
        """`page` was reached through redirects: the address asked for is recorded with where it led (a `pages` row,
        kind `redirect`), and a post archived there moves here when every hop said it moved for good
        (crawler/core/moves.py) and this page is a post — now where one is stored here already, else once this page
        is stored as one (_save). A temporary redirect (302, 307), or one to a page that is no post (the home page,
        a login), leaves the post where it is archived."""
        start, redirect, to = page.redirected_from or "", page.redirect or "", page.url
        first = redirect.split(" then ")[0]
        self.archive.record_page(
            self.run_id,
            {
                "url": start,
                "status": int(first) if first.isdigit() else 200,  # a refresh page answered 200
                "kind": "redirect",
                "reason": f"redirected ({redirect}) to {page.url}",
                "fetched_at": page.fetched_at,
            },
        )
        if not self.archive.article_title(start)[0]:
            return
        if not is_permanent(redirect):
            logger.info("%s: redirects (%s) to %s, not for good: the post stays archived there", start, redirect, to)
        elif self.archive.article_title(page.url)[0]:
            self._move(start, page.url, redirect, page.fetched_at)
        else:
            self.moving[page.url] = (start, redirect)

    def _move_gone_here(self, result: dict[str, Any], fetched_at: str) -> None:
        """The post `result`, to be stored at an address no post is archived at, is one archived elsewhere on its site
        under the same identity (its platform_id) and gone there, 404 or 410 (a permalink structure changed, no
        redirect left): that post moves here (archive/moves.py), and, gone this run, is not counted gone."""
        url, identity = result["url"], result.get("platform_id")
        if not identity or self.archive.article_title(url)[0]:
            return
        if (old := self.archive.gone_as(url, identity, result.get("published"), result.get("title"))) is None:
            return
        self._move(old, url, same_post(self.gone.get(old), identity), fetched_at, "moved_by_id")
        if self.gone.pop(old, None) is not None:
            self.stats.inc_value("blogarchive/gone", -1)

    def _move(self, start: str, to: str, redirect: str, at: str, counted: str = "moved") -> None:
        """The post archived at `start` is the one at `to` (archive/moves.py): said and counted (`counted`: "moved"
        by a permanent redirect, "moved_by_id" by its identity, its old address gone)."""
        if (outcome := self.archive.move_post(self.run_id, start, to, redirect, at)) is not None:
            joined = ", one post with the one stored there" if outcome == "merged" else ""
            how = "for good " if counted == "moved" else ""
            logger.warning("%s: moved %s(%s) to %s%s; its history kept", start, how, redirect, to, joined)
            self.stats.inc_value(f"blogarchive/{counted}")

    def _retire(self, url: str, result: dict[str, Any], fetched_at: str) -> None:
        """The page `url`, decided no post, is no post the archive counts: one an older blogarchive stored as a post
        is retired (kept whole, marked, said and counted)."""
        if no_post(result):
            self._retire_post(url, retired_reason(result), fetched_at)

    def _retire_post(self, url: str, reason: str, fetched_at: str) -> None:
        if self.archive.retire_article(self.run_id, url, reason, fetched_at):
            logger.warning("%s: stored as a post before, no post by today's rules (%s): retired, kept", url, reason)
            self.stats.inc_value("blogarchive/retired")

    def _check_archived_images(self, page: FetchedPage) -> None:
        """A post not extracted again (304, same bytes) hands its archived images to the media pipeline."""
        if self.media_enabled:
            page.image_urls = article_image_urls(self.archive, page.url)

    def _record_page(self, page: FetchedPage, kind: str, reason: str | None = None) -> None:
        if page.kind is None:  # a page, not robots.txt, a sitemap or a feed
            self._settled(page.url, post=kind in ("article", NOT_MODIFIED))
        self.archive.record_page(
            self.run_id,
            {
                "url": page.url,
                "status": page.status,
                "content_type": page.content_type,
                "charset": page.charset,
                "kind": kind,
                "reason": reason,
                "fetched_at": page.fetched_at,
                "etag": page.etag,
                "last_modified": page.last_modified,
                "body": page.body,
                "body_sha256": page.body_sha256,
                "body_zlib": page.body_zlib,
                "raw_body": page.raw_body,
                "rendered": page.rendered,
                "screenshot": page.screenshot,
            },
        )

    def _record_companions(self, page: FetchedPage, extracted: bool) -> None:
        """The parts of a split post, the answers about its comments (WordPress's REST API, JSON; Blogger's comment
        feed, Atom) and the post's REST API entry, kept like pages (their kinds PART, COMMENTS_API and POST_API) so
        `blogarchive reextract` can build the post again from them. Not the parts or entry of an unchanged page (the
        archive's, not fetched), nor answers the post was not built from because one did not answer: the answers
        kept last are those of the post as archived, which the next crawl compares its answers with (_new_comments)."""
        parts = [] if page.not_modified else page.parts
        entry = [page.entry] if page.entry and not page.not_modified else []
        comment_pages = page.comment_pages if extracted or not page.comments_incomplete else []
        for kind, fetched in ((PART, parts), (COMMENTS_API, comment_pages), (POST_API, entry)):
            for url, body in fetched:
                content_type = "text/html" if kind == PART else _served_type(body)
                self.archive.record_page(
                    self.run_id,
                    {"url": url, "status": 200, "content_type": content_type, "kind": kind, "body": body},
                )

    def _settled(self, url: str, post: bool) -> None:
        """Say what the page at `url` turned out to be, for whoever keeps the books of it (the trap budgets)."""
        self.crawler.signals.send_catch_log(signal=page_settled, url=url, post=post)

    def _gone(self, item: Gone) -> None:
        """A post the archive holds that now answers 404 or 410 is gone: kept, given gone_at, counted as gone. So is
        any page answering 410 (its server says it was removed). A 404 for a page never archived is a broken link:
        an error. A post whose identity (its platform_id) a post archived at another address of its site holds is that
        post, moved there without a redirect (a permalink structure changed): one post, at that address."""
        if (elsewhere := self.archive.same_post_elsewhere(item.url)) is not None:
            self._move(item.url, elsewhere[0], same_post(item.status, elsewhere[1]), _now(), "moved_by_id")
        elif self.archive.mark_gone(self.run_id, item.url, _now()) or item.status == 410:
            logger.info("%s: HTTP %d, gone (an archived post is kept, with gone_at)", item.url, item.status)
            self.stats.inc_value("blogarchive/gone")
            self.gone[item.url] = item.status
        else:
            self.stats.inc_value("blogarchive/broken_links")
            self._error(item.url, f"HTTP {item.status}", lost=False)

    def _error(self, url: str, message: str, lost: bool = True) -> None:
        """Log, count and record a crawl error. `lost`: the page held something the archive should have and does
        not (the crawl then exits non-zero); else there was nothing to archive (a link to no page, even one a feed
        or sitemap lists — `verify` reports those —, a file that is no page)."""
        logger.error("%s: %s", url, message)
        self.stats.inc_value("blogarchive/errors")
        if lost:
            self.stats.inc_value("blogarchive/lost")
        messages = self.stats.get_value("blogarchive/error_messages", [])
        if len(messages) < MAX_ERRORS_REPORTED:
            self.stats.set_value("blogarchive/error_messages", [*messages, f"{url}: {message}"])
        self.archive.record_error(self.run_id, url, message)


MAX_TEASERS = 8  # a post's related posts; a page of more entries is a listing a feed may list too (Hugo's sections)


def _few_entries(result: dict[str, Any]) -> bool:
    """The page is a listing by a handful of entries, as a short post's related teasers are — not by its theme's
    layout for its archives (Hugo Stack's Archives of a blog of two posts, which Hugo's feed dates)."""
    evidence = result.get("evidence") or {}
    if evidence.get("archive_layout"):
        return False
    return 0 < max(evidence.get("entries", 0), evidence.get("post_items", 0)) <= MAX_TEASERS


def _decision(result: dict[str, Any]) -> dict[str, Any]:
    """What of extract()'s `result` decide_again() reads: its kind, why, and the page's evidence."""
    return {key: result.get(key) for key in ("kind", "kind_reason", "evidence")}


def _read_as_post(result: dict[str, Any]) -> bool:
    """Extraction read the page as a post (extract(): its kind "article" or "other"), with its images, comments
    and author box."""
    return result["kind"] in ("article", "other")


def _post_if_listed(result: dict[str, Any], facts: SiteFacts) -> bool:
    """Would a feed that lists the page with a date make it a post?"""
    return decide_again(result, replace(facts, feed_dated=True))[0] == "article"


def _needs_extraction(page: FetchedPage) -> bool:
    return page.kind is None and not page.not_modified and page.is_html and bool(page.body.strip())


def _answered_unchanged(page: FetchedPage) -> bool:
    """The server answered 304 for an HTML page: its archived copy stands for it (not one a sitemap's or feed's
    date kept from being fetched at all)."""
    return _unchanged_page(page) and not page.from_archive


def _unchanged_page(page: FetchedPage) -> bool:
    """A page unchanged since the archive's copy (a 304, or a sitemap's or feed's date said so), which is HTML."""
    return page.kind is None and page.not_modified and page.is_html and bool(page.body.strip())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _served_type(body: bytes) -> str:
    if is_html(body):  # a post's comments view (FlatPress's)
        return "text/html"
    return "application/atom+xml" if is_xml(body) else "application/json"
