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
apart from the posts, once the feeds date MIN_SECTION_POSTS items of the site; the age does not count where the
feeds list every page the sitemaps list in their sections (Tania's About, dated before the first post). The root
is such a place where the items the feeds date there are pages apart from the posts (above): Hugo's home feed, cut
to the newest `rssLimit` items, lists About and no longer an older /summary/. A section where the crawl read
MIN_SECTION_POSTS posts dated and marked up by their own pages (those older than the feeds' window) is one of posts
the feeds leave out, its newer pages too (a Hugo blog's /notes/ beside the /blog/ of its feed); the archive pipeline
decides the pages it held again at the run's end.

Hugo builds a multilingual site as one site per language, in its folder (/de/, /ko/), each with its own sitemap
and feed: a language's folder, as the translations a sitemap names show it, is no section. /de/posts/x/ lies in
the section posts, /de/impressum/ at the German root, weighed against the German posts; and the feeds' silence
says nothing of a language none of whose items they list (the feed of that language was never read).

An undated item in a section where the feeds date MIN_SECTION_POSTS items or more (/posts/x/ beside three dated
/posts/…) is a post whose front matter gives no date — Hugo prints it at its zero date, and lists it with that
placeholder as it lists the site's pages (/about/me/, where the feeds date fewer) — where its page is marked up as
a post (pagekind.decide).

A site without feeds or sitemaps (Kirby's Starterkit) tells its posts from its pages by its templates alone: once the
crawl has read MIN_SECTION_POSTS posts of it that their own markup dates and marks up as posts (an <article> with its
<time>), a page with neither is one of the site's pages, not a post (pagekind.decide; the archive pipeline decides
again, at the run's end, the pages it stored before it knew).

The folder right above pages a feed dates, or lists as a taxonomy's terms, is their list page, not a post: Hugo's
section pages (/ko/posts/, dated by FixIt from its newest post) and a taxonomy's page of terms (/series/) lie in
no feed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from crawler.discovery.app_routes import shown_url
from crawler.discovery.feeds import feed_entries
from crawler.discovery.sitemaps import parse_sitemap
from crawler.discovery.wordpress import post_of_comment_link
from crawler.extraction.authorbox import clean_name
from crawler.extraction.dates import more_precise, zoned_by_feed, zoned_comments
from crawler.extraction.pagekind import SiteFacts, decide_again, settled_kind, url_kind
from crawler.extraction.sitename import fold
from crawler.extraction.titles import with_feed_title
from crawler.items import Listed
from crawler.urls import clean_url

MIN_SECTION_POSTS = 3


class SiteStructure:
    def __init__(self) -> None:
        self.dated: set[str] = set()  # URLs a feed lists with a date
        self.undated: set[str] = set()  # URLs a feed that dates its other items lists without a date
        self.term_pages: set[str] = set()  # URLs a taxonomy's feed lists as its terms (feeds.py: FeedEntry.term)
        self.published: dict[str, str] = {}  # URL -> the date the first feed listing it with one gives
        self.authors: dict[str, tuple[tuple[str, str | None], ...]] = {}  # URL -> its authors, as that feed names
        self.terms: dict[str, tuple[str, ...]] = {}  # URL -> its terms, as the first feed naming any names them
        self.tags: dict[str, tuple[str, ...]] = {}  # URL -> those of its terms that feed marks as tags
        self.titles: dict[str, str] = {}  # URL -> its title, as the first feed listing it with a date gives it
        self.identities: dict[str, str] = {}  # URL -> its post's identity on its platform, as a feed gives it
        # a post's URL -> {comment id: when it was posted}, as its comment feeds give them (Listed.comment)
        self.comment_times: defaultdict[str, dict[str, str]] = defaultdict(dict)
        self.known_hosts: set[str] = set()  # hosts with a feed or sitemap that lists pages
        self.oldest: dict[str, str] = {}  # per host, the day of the oldest item a feed dates
        self.dated_by_host: defaultdict[str, set[str]] = defaultdict(set)
        # per host, the folders that hold a language's site (/de/, /ko/: Hugo's multilingual sites), as the
        # translations a sitemap names show them
        self.languages: defaultdict[str, set[str]] = defaultdict(set)
        self.sitemapped: defaultdict[str, set[str]] = defaultdict(set)  # per host, the pages a sitemap lists
        # per host, the folders (paths, not the root) right above a page a feed dates or lists as a term
        self.folders: defaultdict[str, set[str]] = defaultdict(set)
        self._place_cache: dict[str, _Places] = {}  # per host, its dated URLs by language and section (cached)
        self.homes: set[tuple[str, str]] = set()  # (host, folder) of the start URLs that name a folder
        # per host, the posts the crawl read that their own markup dates and marks up (SiteFacts.posts_marked_up)
        self.marked_posts: defaultdict[str, set[str]] = defaultdict(set)

    def add_start(self, url: str) -> None:
        """Take in a start URL of the crawl: one that names a folder (/repo/, /repo, /repo/index.html) is its blog's
        home (SiteFacts.crawl_home); one that names a file (/posts/x.html) says nothing."""
        last = urlsplit(url).path.rstrip("/").rpartition("/")[2]
        if "." not in last or last.lower() in ("index.html", "index.htm"):
            self.homes.add((_host(url), _path(url)))

    def add(self, listed: Iterable[Listed]) -> list[str]:
        """Take in a feed's or sitemap's pages; the URLs that became known as dated posts just now."""
        listed = list(listed)
        dates_posts = any(page.dated for page in listed)  # a feed without dates says nothing by their absence
        new_posts = []
        for page in listed:
            host = _host(page.url)
            self.known_hosts.add(host)
            if (page.dated or page.term) and (folder := _folder(page.url)):
                self.folders[host].add(folder)
            if page.term:
                self.term_pages.add(page.url)
            if page.dated is None and not url_kind(page.url):
                self.sitemapped[host].add(page.url)
            if page.alternates and (found := _language_folders([page.url, *page.alternates])):
                self.languages[host] |= found
                self._place_cache.pop(host, None)
            if page.dated and page.published:
                self.published.setdefault(page.url, page.published)
                self.oldest[host] = min(self.oldest.get(host, page.published[:10]), page.published[:10])
            if page.dated and page.authors:
                self.authors.setdefault(page.url, page.authors)
            if page.dated and page.terms and page.url not in self.terms:
                self.terms[page.url], self.tags[page.url] = page.terms, page.tags
            if page.dated and page.title:
                self.titles.setdefault(page.url, page.title)
            if page.dated and page.platform_id:
                self.identities.setdefault(page.url, page.platform_id)
            if page.comment and page.posted:
                self.comment_times[clean_url(post_of_comment_link(page.url))][page.comment] = page.posted
            if page.dated and page.url not in self.dated:
                self.dated.add(page.url)
                self.dated_by_host[host].add(page.url)
                self._place_cache.pop(host, None)
                new_posts.append(page.url)
            elif page.dated is False and dates_posts:
                self.undated.add(page.url)
        return new_posts

    def add_post(self, url: str, result: dict[str, Any]) -> None:
        """Take in a page decided a post (extract()'s `result`): one its own markup dates and marks up as a post shows
        how the site's post template prints its posts (SiteFacts.posts_marked_up)."""
        evidence = result.get("evidence") or {}
        if evidence.get("post_markup") and evidence.get("dated"):
            self.marked_posts[_host(url)].add(clean_url(url))

    def settles_by_url(self, url: str) -> bool:
        """A hub by its URL (pagekind.settled_kind) that no feed lists as a post: settled without parsing."""
        return settled_kind(url) is not None and clean_url(url) not in self.dated

    def decide(self, result: dict[str, Any], url: str, facts: SiteFacts | None = None) -> None:
        """extract()'s `result` for `url` decided again with what the crawl knows of the site (`facts`, else this
        structure's), in place; a post whose page gives no date, or its day alone, gets the date its site's feed
        gives it (dates.more_precise), one whose page gives its time without an offset the offset the feed's
        time shows (dates.zoned_by_feed) — and so does each comment its comment feed gives a time —, one whose page
        names nobody, or some of them only, the authors the feed
        names (its item's, or the feed's own: Eleventy's base blog names its author in its Atom feed only;
        with_feed_authors), its terms as
        `with_feed_terms` reads them with its feed item's, and its title as `with_feed_title` reads it with its
        feed item's; and a post whose page states no identity on its platform (Ghost's, without its comments) the one
        its feed item gives."""
        result["kind"], result["kind_reason"] = decide_again(result, facts or self.facts(url, result.get("published")))
        if result["kind"] != "article":
            return
        key = self._listed(url)
        listed = self.published.get(key)
        if more_precise(listed, result.get("published")):
            result["published"] = listed
        elif zoned := zoned_by_feed(listed, result.get("published")):
            result["published"] = zoned
        if result.get("comments") and (times := self.comment_times.get(key)):
            result["comments"] = zoned_comments(result["comments"], times)
        credit = self.credit(url)
        if credit["authors"] and (people := with_feed_authors(result.get("authors") or [], credit["authors"])):
            result["authors"] = people
            result["author"] = ", ".join(person["name"] for person in people)
        if terms := self.terms.get(key):
            result["categories"], result["tags"] = with_feed_terms(
                result.get("categories"), result.get("tags"), terms, self.tags.get(key, ())
            )
        result["title"] = self.completed_title(url, result.get("title"), result.get("sitename"))
        if not result.get("platform_id") and (identity := self.identities.get(key)):
            result["platform_id"] = identity

    def completed_title(self, url: str, title: str | None, sitename: str | None) -> str | None:
        """The title `title` of the post at `url` (of the site named `sitename`) as `with_feed_title` reads it with
        its feed item's (decide(); the archive pipeline gives it to a post stored before the feed was read)."""
        return with_feed_title(title, self.titles.get(self._listed(url)), sitename)

    def credit(self, url: str) -> dict[str, Any]:
        """What the site's feeds name for the post at `url` (decide(); archive `credit_posts_from_feed` gives it to
        a post stored before the feed was read): its authors — a name as a byline would be read, not WordPress's
        "admin" account, which its feed names as dc:creator — and, as categories, its terms (Quarto prints its
        categories as plain <div>s, and its feed names them; a feed's <category> names a category or a tag
        alike)."""
        key = self._listed(url)
        authors = [(name, link) for name, link in self.authors.get(key, ()) if clean_name(name)]
        tags = self.tags.get(key, ())
        return {
            "authors": [{"name": name, "url": link} for name, link in authors],
            "categories": [term for term in self.terms.get(key, ()) if term not in tags],
            "tags": list(tags),
        }

    def _listed(self, url: str) -> str:
        """`url` as the site's feeds list it: a folder's page (/posts/rye/) where they list it without the trailing
        slash alone (/posts/rye), which a static server answers by redirecting to the folder — R's distill links each
        post so in its feed, and a post got none of its feed item's categories, date, authors or title."""
        url = clean_url(url)
        if url in self.dated or not (bare := _unslashed(url)):
            return url
        return bare if bare in self.dated else url

    def facts(self, url: str, published: str | None = None) -> SiteFacts:
        """What the site's feeds and sitemaps say of `url`, a page dated `published` (None: it states no date)."""
        url = clean_url(url)
        return SiteFacts(
            feed_dated=url in self.dated,
            feed_undated=url in self.undated and url not in self.dated,
            undated_among_posts=url in self.undated and url not in self.dated and self._among_dated_posts(url),
            site_known=_host(url) in self.known_hosts,
            apart_from_posts=self._apart_from_posts(url),
            outside_the_feeds=bool(published and url not in self.dated and self._outside_the_feeds(url, published)),
            section_unlisted=url not in self.dated and self._section_unlisted(url),
            holds_listed=url not in self.dated and _path(url) in self.folders[_host(url)],
            crawl_home=not urlsplit(url).query and (_host(url), _path(url)) in self.homes,
            posts_marked_up=len(self.marked_posts[_host(url)]) >= MIN_SECTION_POSTS,
        )

    def left_out(self, url: str, result: dict[str, Any]) -> bool | None:
        """For a page a sitemap lists, dated and marked up as a post (extract()'s `result`), that the feeds' silence
        about where it lies made no post (SiteFacts.outside_the_feeds): whether it lies in a section (True) or at
        its language's root (False); None for any other page — and for a term's page a taxonomy's feed lists: Hugo's
        /series/x/ of one or two posts, too few entries to make it a listing, is dated by its newest post and marked
        up as the post layout is, and the crawl reported it lost."""
        url = clean_url(url)
        evidence = result.get("evidence") or {}
        if url not in self.sitemapped[_host(url)] or not (evidence.get("post_markup") and result.get("published")):
            return None
        if url in self.term_pages:
            return None
        facts = self.facts(url, result["published"])
        if not facts.outside_the_feeds or decide_again(result, replace(facts, outside_the_feeds=False))[0] != "article":
            return None  # the feeds' silence did not decide it: its own markup (FixIt's page layout) did
        return self._places(_host(url)).place(url)[1] is not None

    def _places(self, host: str) -> _Places:
        if (places := self._place_cache.get(host)) is None:
            places = self._place_cache[host] = _Places(self.dated_by_host[host], self.languages[host])
        return places

    def _outside_the_feeds(self, url: str, published: str) -> bool:
        """The site's feeds date MIN_SECTION_POSTS items or more, none in the section of `url` (its first folder,
        or its root), the oldest of them no later than `published` — or they list every page the sitemaps list in
        the sections they list, and no post of the site has dropped out of them."""
        host = _host(url)
        oldest = self.oldest.get(host)
        if oldest is None or not self._section_unlisted(url) or self._marked_section(url):
            return False
        return published[:10] >= oldest or self._feeds_complete(host)

    def _marked_section(self, url: str) -> bool:
        """The section of `url` (not its language's root) holds MIN_SECTION_POSTS posts or more the crawl read that
        their own markup dates and marks up as posts: a section of posts the feeds leave out (a Hugo blog's /notes/
        beside the /blog/ its feed lists), whose posts older than the feeds' oldest item the crawl kept as posts, and
        whose newer ones are no less posts."""
        host = _host(url)
        places = self._places(host)
        place = places.place(url)
        if place[1] is None:
            return False
        return sum(places.place(post) == place for post in self.marked_posts[host]) >= MIN_SECTION_POSTS

    def _feeds_complete(self, host: str) -> bool:
        """The sitemaps list pages in the sections where the feeds list posts, and the feeds list every one of them
        (a hub's address aside): the feeds reach back to the site's first post (Hugo's list every page of a
        section; Tania's About, dated before the first post, is no post that dropped out of them)."""
        places = self._places(host)
        in_sections = [
            url
            for url in self.sitemapped[host]
            if (place := places.place(url))[1] is not None and places.sections[place]
        ]
        return bool(in_sections) and all(url in self.dated for url in in_sections)

    def _section_unlisted(self, url: str) -> bool:
        """The site's feeds date MIN_SECTION_POSTS items or more, some of them in the language of `url` (its
        folder: /de/, /ko/ on a multilingual Hugo site, whose feed of each language only a link or a probe finds;
        the root's), none in its section (its first folder below the language's, or the language's root)."""
        places = self._places(_host(url))
        if places.total < MIN_SECTION_POSTS:
            return False
        language, section = places.place(url)
        if not places.in_language[language]:
            return False  # no feed of its language was read: their silence says nothing of it
        if section is None:
            return not places.at_root[language] or self._root_apart(language, _host(url))
        return not places.sections[language, section]

    def _among_dated_posts(self, url: str) -> bool:
        """`url` lies in a section (its first folder below its language's) where the feeds date MIN_SECTION_POSTS
        items or more: Hugo's /posts/ beside /about/, whose pages its feed lists undated too."""
        places = self._places(_host(url))
        language, section = places.place(url)
        return section is not None and places.sections[language, section] >= MIN_SECTION_POSTS

    def _apart_from_posts(self, url: str) -> bool:
        """A dated item at its language's root (/about/, /de/impressum/), where all the site's dated items below
        a language's root lie in one section (posts/, /de/posts/, /ko/posts/ are one), which holds
        MIN_SECTION_POSTS of them or more, and more in this language than its root does. Hugo builds each language
        as a site of its own, each with the site's sections."""
        if url not in self.dated:
            return False
        places = self._places(_host(url))
        language, section = places.place(url)
        return section is None and url in places.at_root[language] and self._root_apart(language, _host(url))

    def _root_apart(self, language: str, host: str) -> bool:
        """The dated items at the root of `language` on `host` are pages apart from the posts (_apart_from_posts):
        all the site's dated items below a language's root lie in one section, which holds MIN_SECTION_POSTS of
        them or more, and more in this language than its root does. Its root then holds no posts, whatever the
        feeds list there: Hugo's home feed holds the newest `rssLimit` pages of the site, About and Datenschutz
        among them, and an older page at the root (a /summary/ the feed no longer lists) is no post either."""
        places = self._places(host)
        names = {name for _, name in places.sections}
        if len(names) != 1:
            return False
        [name] = names
        total = sum(count for (_, section_name), count in places.sections.items() if section_name == name)
        return total >= MIN_SECTION_POSTS and places.sections[language, name] > len(places.at_root[language])


class _Places:
    """A host's dated URLs by language (a language's folder, or "" for the site's root) and section (the first
    folder below the language's; None at the language's root)."""

    def __init__(self, dated: Iterable[str], languages: set[str]) -> None:
        self.languages = languages
        self.sections: Counter[tuple[str, str | None]] = Counter()
        self.at_root: defaultdict[str, set[str]] = defaultdict(set)
        self.in_language: Counter[str] = Counter()
        self.total = 0
        for url in dated:
            segments = self.segments(url)
            if not segments[1]:
                continue  # a language's home page
            self.total += 1
            self.in_language[segments[0]] += 1
            if len(segments[1]) == 1:
                self.at_root[segments[0]].add(url)
            else:
                self.sections[segments[0], segments[1][0]] += 1

    def segments(self, url: str) -> tuple[str, list[str]]:
        segments = _segments(url)
        if len(segments) > 1 and segments[0].lower() in self.languages:
            return segments[0].lower(), segments[1:]
        return "", segments

    def place(self, url: str) -> tuple[str, str | None]:
        """(language, section) of `url`: section None at the language's root."""
        language, segments = self.segments(url)
        return language, segments[0] if len(segments) > 1 else None


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*", re.IGNORECASE)


def _language_folders(translations: list[str]) -> set[str]:
    """The folders of languages a page's translations show: a first folder shaped as a language tag (BCP 47:
    de, ko, pt-br) that, left out, gives another translation's path, or in whose place another translation has
    another such folder (Hugo's /de/about/ beside /about/ and /ko/about/)."""
    paths = {tuple(_segments(url)) for url in translations}
    found = set()
    for path in paths:
        if len(path) < 2 or not _LANGUAGE_TAG.fullmatch(path[0]):
            continue
        rest = path[1:]
        if rest in paths or any(
            other != path and other[1:] == rest and _LANGUAGE_TAG.fullmatch(other[0]) for other in paths if other
        ):
            found.add(path[0].lower())
    return found


def with_feed_terms(
    categories: list[str] | None, tags: list[str] | None, feed_terms: Iterable[str], feed_tags: Iterable[str] = ()
) -> tuple[list[str], list[str]]:
    """(categories, tags) of a post's page read with the terms its feed item names (RSS's <category>, Atom's, JSON
    Feed's tags), which name its categories and its tags alike, each by its name. Where the page names no category,
    the feed's terms that are not among the page's tags are its categories: all of them where the page names no
    tag either (Quarto prints its categories as plain <div>s), those beside its tags where it names some (WordPress's
    Hello Elementor prints only the tags; post_class() names a category of other letters by its ID, and the RSS
    item names it "여행"). And a term the page names in another spelling of the feed's — a slug post_class() prints,
    "walking" for "Walking", "long-walks" for "Long walks" — is spelt as the feed names it; but not one the feed
    names as the page spells it: Pelican's Atom feed names a post's category and tags alike, and a tag may share a
    category's name in other letters' case (tag "photography" in category "Photography": two terms, not one); nor
    one the page names as a name where the feed's spelling is its slug (_respelt). Where
    the feed marks some of its terms as tags (`feed_tags`: Hexo's Atom feed gives each term its page as its scheme),
    those are no categories, and they are the post's tags where its page names none (Hexo themes print a post's
    categories and not its tags)."""
    feed = list(dict.fromkeys(feed_terms))
    marked = set(feed_tags)
    spelt: dict[str, str] = {}
    for term in feed:
        spelt.setdefault(_term_key(term), term)

    def respelt(terms: list[str]) -> list[str]:
        return list(dict.fromkeys(term if term in feed else _respelt(term, spelt) for term in terms))

    tags = respelt(tags or []) or [term for term in feed if term in marked]
    if categories:
        return respelt(categories), tags
    tagged = set(tags) | marked  # spelt as the feed spells them where it names them
    return [term for term in feed if term not in tagged], tags


def _respelt(term: str, spelt: dict[str, str]) -> str:
    """The feed's spelling of a term the page spells another way, unless the feed's is a slug (lower case, no
    space) and the page's none: an Atom <category>'s `term` is an identifier, its `label` the name (RFC 4287), and
    Textpattern writes the term alone, `reisen` for the category "Reisen" its pages print."""
    feed = spelt.get(_term_key(term), term)
    return term if _slug_like(feed) and not _slug_like(term) else feed


def _slug_like(term: str) -> bool:
    return term == term.lower() and not any(character.isspace() for character in term)


def _term_key(term: str) -> str:
    """A term's letters and digits, case folded (the term itself where it has none: "🍞")."""
    return fold(term) or term


def _unslashed(url: str) -> str | None:
    """`url`, a folder's page (/posts/rye/ or /posts/rye/index.html), as the folder without its trailing slash
    (/posts/rye); None for any other URL."""
    parts, folder = urlsplit(url), _path(url)
    if folder in ("/", parts.path + "/") or parts.query or parts.fragment:  # the root, or no folder's page
        return None
    return url[: -len(parts.path)] + folder.rstrip("/")


def folder_page(url: str) -> str | None:
    """The folder's page a static server redirects `url` to (/posts/rye -> /posts/rye/): what the crawl stores a
    post a feed lists at `url` under (SiteStructure._listed); None for a folder's page, the root or a query."""
    parts = urlsplit(url)
    if not parts.path.strip("/") or parts.path.endswith("/") or parts.query or parts.fragment:
        return None
    return url[: -len(parts.path)] + parts.path + "/"


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _segments(url: str) -> list[str]:
    """The segments of `url`'s path; an app's route's, its route's (`/#/posts/x`: posts, x; app_routes.shown_url)."""
    return [segment for segment in urlsplit(shown_url(url)).path.split("/") if segment]


def _path(url: str) -> str:
    """The path of `url` as a folder's: /ko/posts/ for /ko/posts, /ko/posts/ and /ko/posts/index.html."""
    segments = _segments(url)
    if segments and segments[-1].lower() in ("index.html", "index.htm"):
        segments = segments[:-1]
    return "/" + "".join(segment + "/" for segment in segments)


def _folder(url: str) -> str | None:
    """The folder right above the page at `url` (/ko/posts/ for /ko/posts/hugo-intro/); None at the root."""
    segments = _path(url).strip("/").split("/")
    return "/" + "".join(segment + "/" for segment in segments[:-1]) if len(segments) > 1 else None


def listed_in(kind: str, body: bytes, url: str) -> list[Listed]:
    """The pages a stored sitemap or feed lists (`kind` as the pages table has it), URLs cleaned as the spider
    cleans them: what `verify` expects and `reextract` decides with."""
    if kind == "sitemap":
        return [
            Listed(clean_url(entry.url), alternates=entry.alternates)
            for entry in parse_sitemap(body)
            if not entry.is_sitemap
        ]
    return [Listed.of_feed_entry(entry, clean_url(entry.url)) for entry in feed_entries(body, url)]


def stored_structure(documents: Iterable[tuple[str, str, bytes]]) -> SiteStructure:
    """The structure the stored sitemaps and feeds ((url, kind, body): archive.completeness.discovery_documents)
    give."""
    structure = SiteStructure()
    for url, kind, body in documents:
        structure.add(listed_in(kind, body, url))
    return structure


def with_feed_authors(page: list[dict[str, Any]], feed: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The post's authors as its feed item completes its page's (`page`, `feed`: {"name", "url"} each), or None
    where the page's stand: the feed's where the page names nobody, or where it names some of the people the feed
    names and no one else — Co-Authors Plus adds a <dc:creator> to WordPress's RSS item for each co-author after
    the first, while a block theme's Post Author block (Twenty Twenty-Two's, Twenty Twenty-Three's) prints the post
    author alone. Each keeps the page's link to them, else the feed's."""
    if not page:
        return feed
    links = {fold(person["name"]): person.get("url") for person in page}
    if len(feed) <= len(page) or not set(links) <= {fold(person["name"]) for person in feed}:
        return None
    return [{"name": person["name"], "url": links.get(fold(person["name"])) or person.get("url")} for person in feed]
