"""What the crawl learns of a site's structure from its feeds and sitemaps, for the decision of which pages are
posts (crawler/extraction/pagekind.py `SiteFacts`).

A feed's item with a publication date is a page the site publishes as a post; an item without one is a page the
feed lists all the same (Hugo's feeds list every page, About and Impressum with the placeholder date 0001-01-01).
A taxonomy's feed lists its term pages with dates too (Hugo's /tags/index.xml): such an item, at a hub's URL and
without text of its own, says nothing of the page (crawler/discovery/feeds.py), and pagekind.decide() weighs a
page's entries before any feed. A sitemap lists posts and pages alike: it says only that the crawl knows the
site's pages.

Hugo's feeds list every page with the date `hugo new` wrote into its front matter, About and Impressum too: a
dated item at the site's root (/about/) while every other dated item of the site lies in one section (/posts/…,
at least MIN_SECTION_POSTS of them, and more than the root's) is a page apart from the posts. A blog whose posts
lie at its root, or in several sections or dated folders (/2024/05/…), has no such section, and its items are
posts as they are listed.

Pelican's, Astro's and Jekyll's feeds list only posts, and their pages carry a post's markup and a date (Pelican's
"Updated on", jekyll-seo-tag's build time): a dated page none of the site's feeds lists, in a section of the site
where they list nothing (/pages/impressum.html beside posts at the root, /about/ beside /posts/…), dated no earlier
than the oldest item they list (a feed lists the newest posts: an older post may have dropped out of it), is a page
apart from the posts, once the feeds date MIN_SECTION_POSTS items of the site.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from crawler.discovery.feeds import feed_entries
from crawler.discovery.sitemaps import parse_sitemap
from crawler.extraction.authorbox import clean_name
from crawler.extraction.dates import more_precise
from crawler.extraction.pagekind import SiteFacts, decide_again, settled_kind
from crawler.extraction.sitename import fold
from crawler.items import Listed
from crawler.urls import clean_url

MIN_SECTION_POSTS = 3


class SiteStructure:
    def __init__(self) -> None:
        self.dated: set[str] = set()  # URLs a feed lists with a date
        self.undated: set[str] = set()  # URLs a feed that dates its other items lists without a date
        self.published: dict[str, str] = {}  # URL -> the date the first feed listing it with one gives
        self.authors: dict[str, tuple[tuple[str, str | None], ...]] = {}  # URL -> its authors, as that feed names
        self.terms: dict[str, tuple[str, ...]] = {}  # URL -> its terms, as the first feed naming any names them
        self.known_hosts: set[str] = set()  # hosts with a feed or sitemap that lists pages
        # per host, the first path segment of each dated URL below one (/posts/a/ -> posts), and the dated URLs at
        # its root (/about/)
        self.sections: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.at_root: defaultdict[str, set[str]] = defaultdict(set)
        self.oldest: dict[str, str] = {}  # per host, the day of the oldest item a feed dates

    def add(self, listed: Iterable[Listed]) -> list[str]:
        """Take in a feed's or sitemap's pages; the URLs that became known as dated posts just now."""
        listed = list(listed)
        dates_posts = any(page.dated for page in listed)  # a feed without dates says nothing by their absence
        new_posts = []
        for page in listed:
            self.known_hosts.add(_host(page.url))
            if page.dated and page.published:
                self.published.setdefault(page.url, page.published)
                host = _host(page.url)
                self.oldest[host] = min(self.oldest.get(host, page.published[:10]), page.published[:10])
            if page.dated and page.authors:
                self.authors.setdefault(page.url, page.authors)
            if page.dated and page.terms:
                self.terms.setdefault(page.url, page.terms)
            if page.dated and page.url not in self.dated:
                self.dated.add(page.url)
                new_posts.append(page.url)
                segments = _segments(page.url)
                if len(segments) == 1:
                    self.at_root[_host(page.url)].add(page.url)
                elif segments:
                    self.sections[_host(page.url)][segments[0]] += 1
            elif page.dated is False and dates_posts:
                self.undated.add(page.url)
        return new_posts

    def settles_by_url(self, url: str) -> bool:
        """A hub by its URL (pagekind.settled_kind) that no feed lists as a post: settled without parsing."""
        return settled_kind(url) is not None and clean_url(url) not in self.dated

    def decide(self, result: dict[str, Any], url: str, facts: SiteFacts | None = None) -> None:
        """extract()'s `result` for `url` decided again with what the crawl knows of the site (`facts`, else this
        structure's), in place; a post whose page gives no date, or its day alone, gets the date its site's feed
        gives it (dates.more_precise), one whose page names nobody the authors the feed names (its item's, or
        the feed's own: Eleventy's base blog names its author in its Atom feed only), and its terms as
        `with_feed_terms` reads them with its feed item's."""
        result["kind"], result["kind_reason"] = decide_again(result, facts or self.facts(url, result.get("published")))
        if result["kind"] != "article":
            return
        listed = self.published.get(clean_url(url))
        if more_precise(listed, result.get("published")):
            result["published"] = listed
        # a name as a byline would be read: not WordPress's "admin" account, which its feed names as dc:creator
        authors = [(name, link) for name, link in self.authors.get(clean_url(url), ()) if clean_name(name)]
        if authors and not result.get("authors"):
            result["authors"] = [{"name": name, "url": link} for name, link in authors]
            result["author"] = ", ".join(name for name, _ in authors)
        if terms := self.terms.get(clean_url(url)):
            result["categories"], result["tags"] = with_feed_terms(result.get("categories"), result.get("tags"), terms)

    def facts(self, url: str, published: str | None = None) -> SiteFacts:
        """What the site's feeds and sitemaps say of `url`, a page dated `published` (None: it states no date)."""
        url = clean_url(url)
        return SiteFacts(
            feed_dated=url in self.dated,
            feed_undated=url in self.undated and url not in self.dated,
            site_known=_host(url) in self.known_hosts,
            apart_from_posts=url in self.at_root[_host(url)] and self._one_section(_host(url)),
            outside_the_feeds=bool(published and url not in self.dated and self._outside_the_feeds(url, published)),
            section_unlisted=url not in self.dated and self._section_unlisted(url),
        )

    def _outside_the_feeds(self, url: str, published: str) -> bool:
        """The site's feeds date MIN_SECTION_POSTS items or more, none in the section of `url` (its first folder,
        or its root), the oldest of them no later than `published`."""
        oldest = self.oldest.get(_host(url))
        return oldest is not None and published[:10] >= oldest and self._section_unlisted(url)

    def _section_unlisted(self, url: str) -> bool:
        """The site's feeds date MIN_SECTION_POSTS items or more, none in the section of `url` (its first folder, or
        its root)."""
        host = _host(url)
        if sum(self.sections[host].values()) + len(self.at_root[host]) < MIN_SECTION_POSTS:
            return False
        segments = _segments(url)
        return not (self.sections[host][segments[0]] if len(segments) > 1 else self.at_root[host])

    def _one_section(self, host: str) -> bool:
        """All the host's dated URLs below its root lie in one section, which holds more of them than the root."""
        sections = self.sections[host]
        if len(sections) != 1:
            return False
        count = next(iter(sections.values()))
        return count >= MIN_SECTION_POSTS and count > len(self.at_root[host])


def with_feed_terms(
    categories: list[str] | None, tags: list[str] | None, feed_terms: Iterable[str]
) -> tuple[list[str], list[str]]:
    """(categories, tags) of a post's page read with the terms its feed item names (RSS's <category>, Atom's, JSON
    Feed's tags), which name its categories and its tags alike, each by its name. Where the page names no category,
    the feed's terms that are not among the page's tags are its categories: all of them where the page names no
    tag either (Quarto prints its categories as plain <div>s), those beside its tags where it names some (WordPress's
    Hello Elementor prints only the tags; post_class() names a category of other letters by its ID, and the RSS
    item names it "여행"). And a term the page names in another spelling of the feed's — a slug post_class() prints,
    "walking" for "Walking", "long-walks" for "Long walks" — is spelt as the feed names it."""
    feed = list(dict.fromkeys(feed_terms))
    spelt: dict[str, str] = {}
    for term in feed:
        spelt.setdefault(_term_key(term), term)

    def respelt(terms: list[str]) -> list[str]:
        return list(dict.fromkeys(spelt.get(_term_key(term), term) for term in terms))

    tags = respelt(tags or [])
    if categories:
        return respelt(categories), tags
    tagged = {_term_key(tag) for tag in tags}
    return [term for term in feed if _term_key(term) not in tagged], tags


def _term_key(term: str) -> str:
    """A term's letters and digits, case folded (the term itself where it has none: "🍞")."""
    return fold(term) or term


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _segments(url: str) -> list[str]:
    return [segment for segment in urlsplit(url).path.split("/") if segment]


def listed_in(kind: str, body: bytes, url: str) -> list[Listed]:
    """The pages a stored sitemap or feed lists (`kind` as the pages table has it), URLs cleaned as the spider
    cleans them: what `verify` expects and `reextract` decides with."""
    if kind == "sitemap":
        return [Listed(clean_url(entry.url)) for entry in parse_sitemap(body) if not entry.is_sitemap]
    return [
        Listed(clean_url(entry.url), entry.dated, entry.published, entry.authors, entry.terms)
        for entry in feed_entries(body, url)
    ]


def stored_structure(documents: Iterable[tuple[str, str, bytes]]) -> SiteStructure:
    """The structure the stored sitemaps and feeds ((url, kind, body): archive.completeness.discovery_documents)
    give."""
    structure = SiteStructure()
    for url, kind, body in documents:
        structure.add(listed_in(kind, body, url))
    return structure
