"""What kind of page this is: a post (stored as an article) or a page the crawler only takes links from, and why.

A post is a post by what the page is — its markup (crawler/extraction/evidence.py gathers it) and, in a crawl, its
place in the site's structure (`SiteFacts`: what the site's feeds say of the URL) — never by its length or its URL
alone. `decide()` is the one decision: `extract()` calls it without site facts, the crawl's archive pipeline again
with what the crawl learnt from the site's feeds and sitemaps.

`url_kind()` reads a hub's URL (/tag/, /category/, /author/, /page/N, ?s=, date archives). It is a hint only: it
names the kind of a page that is a listing, lets the crawl settle a hub without parsing it when no feed lists
the URL as a dated post (crawler/pipelines/archive.py), and decides a page nothing else says is a post (no date,
no post markup, no feed); it never makes a page that is a post anything else.

This module imports no lxml: the crawl's own process uses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from crawler.discovery.app_routes import shown_url

URL_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # (not Blogger's label pages, /search/label/LABEL: a tag's, below)
    ("search", re.compile(r"(?:[?&](?:s|q|search)=)|/search(?:/(?!label/)|$)")),
    # A tag or category with one name after it (and maybe /page/N): /category/travel/rome-trip/ is a post under
    # a /%category%/%postname%/ permalink, or a nested category, and is parsed to tell which.
    ("tag", re.compile(r"/(?:tag|tags|tagged|schlagwort|label|search/label)/[^/?]+/?(?:page/\d+/?)?(?:$|\?)", re.I)),
    (
        "category",
        re.compile(
            r"/(?:category|categories|kategorie|categoria|categorie|topics?)/[^/?]+/?(?:page/\d+/?)?(?:$|\?)", re.I
        ),
    ),
    # A nested tag's page, its name's "/" kept as folders below /tags/: Quartz writes the page of Obsidian's tag
    # `cs/dsa/dp` at /tags/cs/dsa/dp (Hugo's urlize keeps a tag's "/" too: "CI/CD" at /tags/ci/cd/). No permalink
    # puts a post below /tags/ as WordPress's %category% puts one below /category/.
    ("tag", re.compile(r"/tags/[^/?]+(?:/[^/?]+)+/?(?:$|\?)", re.I)),
    # WriteFreely's tag pages, a blog's posts holding the #hashtag: /tag:baking, /tag:baking/page/2 (routes.go).
    # Kirby's URL parameters, name:value folders after the page's own path (Kirby\Http\Params): its Starterkit
    # lists a tag's notes at /notes/tag:travel, a blog filters by category at /blog/category:design (its cookbook's
    # `param('category')`), and paginate() pages them, as it pages the blog itself, with /page:2 (below). MediaWiki's
    # /wiki/Category:Spells, a category's page, is one too: a wiki page's links to it name the page's categories.
    ("tag", re.compile(r"/tag:[^/?]+/?(?:page[/:]\d+/?)?(?:$|\?)", re.I)),
    ("category", re.compile(r"/category:[^/?]+/?(?:page:\d+/?)?(?:$|\?)", re.I)),
    # PluXml's categories, numbered: /categorie1/walking, or without URL rewriting index.php?categorie1/walking
    ("category", re.compile(r"[/?]categorie\d+/[^/?]+/?(?:page\d+/?)?$", re.I)),
    # PluXml's tag pages and date archives without URL rewriting, its routes in the query — index.php?tag/ireland,
    # index.php?archives/2024/03, /page2 their later pages (rewritten, /tag/ireland is a tag's page above): its
    # posts' tag links named no tag, and each such page of one or two posts was stored as a post
    ("tag", re.compile(r"^/(?:index\.php)?\?tag/[^/?&]+/?(?:page\d+/?)?$", re.I)),
    ("archive", re.compile(r"^/(?:index\.php)?\?archives/\d{4}(?:/\d\d?){0,2}/?(?:page\d+/?)?$", re.I)),
    # The index of every tag or category, at the site's root or its blog's (Jekyll's Minimal Mistakes and Beautiful
    # Jekyll list each tag's posts there, under the tag's name), or a language's below either (a multilingual Hugo
    # site on a GitHub Pages project site: /WangScape/en/tags/).
    ("tag", re.compile(r"^/(?:[^/?]+/)?(?:[a-z]{2}(?:[-_][a-z]{2,4})?/)?tags/?(?:$|\?)", re.I)),
    ("category", re.compile(r"^/(?:[^/?]+/)?(?:[a-z]{2}(?:[-_][a-z]{2,4})?/)?categories/?(?:$|\?)", re.I)),
    ("author", re.compile(r"/(?:author|authors|autor|auteur)/[^/]+/?(?:page/\d+/?)?$", re.I)),
    ("attachment", re.compile(r"/attachment/|[?&]attachment_id=", re.I)),
    # WordPress's and Hugo's /page/N, jekyll-paginate's /pageN/, Pelican's /index2.html (its default
    # PAGINATION_PATTERNS: the last holds a post or two in full, each heading a rel=bookmark link, as a post's page
    # does) and ?paged=N only: a plain ?page=N also splits long posts and forum threads, so such a page is parsed
    # and classified by its content. Kirby's paginate() pages a listing with a URL parameter, /notes/page:3 (its
    # Starterkit's last page of notes, holding one note's teaser in an <article> with its <time>, was a post).
    (
        "listing",
        re.compile(
            r"(?:/page/?\d+/?$)|(?:/page:\d+/?(?:$|\?))|(?:/index(?:[2-9]|[1-9]\d+)\.html?$)|(?:[?&]paged=\d+)"
            r"|(?:/archive/?$)",
            re.I,
        ),
    ),
    # A year's, month's or day's archive: /2024/03/ (WordPress), and the month and day unpadded where the URL is
    # made of the numbers as such (Mezzanine's /blog/archive/2024/3/, Django's date-based views)
    ("archive", re.compile(r"/(?:19|20)\d\d/(?:(?:\d\d|[1-9])/)?(?:(?:\d\d|[1-9])/)?$")),
    # WordPress's archives under plain permalinks (its query variables), and the pages of its query-loop blocks.
    ("tag", re.compile(r"^/(?:index\.php)?\?(?:.*&)?tag=[^&]+", re.I)),
    ("category", re.compile(r"^/(?:index\.php)?\?(?:.*&)?(?:cat=-?\d+|category_name=[^&]+)", re.I)),
    ("author", re.compile(r"^/(?:index\.php)?\?(?:.*&)?author(?:_name)?=[^&]+", re.I)),
    ("archive", re.compile(r"^/(?:index\.php)?\?(?:.*&)?(?:m=\d{4,14}|year=\d{4})(?:&|$)", re.I)),
    ("listing", re.compile(r"[?&]query-\d+-page=\d+", re.I)),
    # Emlog's (a PHP blog engine of China's) archives, as its default URLs (?sort=10, ?record=202401, ?keyword=)
    # and its rewritten ones (/sort/10, /record/202401) name them; its tag and author pages are ?tag=, ?author=
    # as WordPress's are. A category's page holding one post prints it under its <time> as the post's page does.
    ("category", re.compile(r"^/(?:index\.php)?\?(?:.*&)?sort=[^&]+|^/sort/[^/?]+/?(?:page/\d+/?)?$", re.I)),
    ("archive", re.compile(r"^/(?:index\.php)?\?(?:.*&)?record=\d{4,8}(?:&|$)|^/record/\d{4,8}/?(?:page/\d+/?)?$")),
    ("search", re.compile(r"^/(?:index\.php)?\?(?:.*&)?keyword=", re.I)),
    # HTMLy's (a flat-file PHP blog engine's) archives, as its routes name them: /archive/2024, /archive/2024-03 and
    # /archive/2024-03-15 a year's, month's or day's posts (/archive/:req), /type/post, /type/image … its posts of
    # one content type (/type/:type, the six it knows), ?page=N their later pages. Each is marked up as a post is
    # (og:type article on every page) and dated by its teasers; its sitemap lists them all (sitemap.archive.xml,
    # sitemap.type.xml), and a month of one or two posts was reported as a post the crawl did not keep.
    ("archive", re.compile(r"^/archive/\d{4}(?:-\d\d){0,2}/?(?:$|\?)")),
    ("listing", re.compile(r"^/type/(?:post|image|video|audio|link|quote)/?(?:$|\?)")),
)
_QUERY_PAGE = re.compile(r"(?:^|&)page=\d+(?:&|$)")
_LATER_PAGE = re.compile(r"/page/\d+/?(?:\?|$)|[?&]paged?=\d+")
_LISTING_PATH = re.compile(r"^/?$|^/(?:blog|news|posts|articles|archives?|index\.(?:html?|php))/?$", re.I)
# A folder's index page named in full: jekyll-paginate-v2's page trail (al-folio's pagination) links
# /blog/page/2/index.html, Hexo's archives /archives/2022/07/index.html — the folder's own address.
_FOLDER_INDEX = re.compile(r"(?<=/)index\.html?$", re.I)
ARTICLE_TYPES = {
    "Article",
    "BlogPosting",
    "NewsArticle",
    "TechArticle",
    "Report",
    "SocialMediaPosting",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "ReportageNewsArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
}
LISTING_TYPES = {"CollectionPage", "ProfilePage", "SearchResultsPage", "Blog", "WebSite"}
# Without a date, post markup or a feed that lists it, a page this long is taken for a post when nothing is known of
# its site (`blogarchive extract`, a blog without feeds or sitemaps).
MIN_ARTICLE_WORDS = 60
MAX_LINK_DENSITY = 0.5
# Why decide() took such a page for a post: the weakest of its reasons, which the crawl weighs again at its end
# (crawler/pipelines/archive.py) and which restores no post a run that knew more of the site retired.
BY_LENGTH_ALONE = "no date, no post markup, nothing known of the site"
MANY_DAYS = 3  # distinct days in a page's <time>s: a list of posts, not a post
WEAKEST_POST_MARKUP = "og:type article"  # evidence.post_markup's name for it
# evidence.post_markup's name for a post's body marked alone (itemprop=articleBody, no itemtype around it): a theme
# that marks it so on a post marks its About page's body so too (gatsby-starter-hoodie), as og:type article is
# printed on every page — a post by it where the page is dated or nothing is known of the site
BODY_ONLY_MARKUP = "schema.org articleBody (microdata)"
# evidence.page_markup's name for a page of Hugo's section of the site's pages (content/page/). Hugo's default RSS
# template lists every regular page of the site, each with its front matter's date: a feed's date says nothing of
# such a page, where it overrules the page markup of generators whose feeds list posts alone (Nikola, Hexo).
HUGO_PAGES_MARKUP = "Hugo's section of the site's pages (article:section page)"
# evidence.page_markup's name for a page Academic (Wowchemy, Hugo Blox) lays out as one of its content types that are
# no posts: a publication, talk or event, project, docs or book chapter, slide deck (crawler/extraction/hugo.py).
# Academic's feed, Hugo's RSS of the site's regular pages, lists each with its front matter's date, as it lists posts.
ACADEMIC_PAGES_MARKUP = "Academic's layout for a publication, talk, project, docs page or slides (Hugo)"
# evidence.page_markup's name for a page Academic lays out in its posts' article.article without the JSON-LD BlogPosting
# it gives its posts alone (crawler/extraction/hugo.py): its Privacy and Terms, which its feed dates as it dates posts.
ACADEMIC_PAGE_MARKUP = "Academic's article.article without the BlogPosting of its posts (Hugo)"
# evidence.post_layout's name for a page Academic lays out as a post (crawler/extraction/hugo.py): a post though
# undated, where its feed lists it with Hugo's placeholder date as it lists the site's pages.
ACADEMIC_POST_LAYOUT = "Academic's layout for a post: article.article with a JSON-LD BlogPosting (Hugo)"
# The page markups of generators whose feeds list such pages with a date: a feed's date makes no post of them.
FEED_LISTED_PAGE_MARKUPS = frozenset({HUGO_PAGES_MARKUP, ACADEMIC_PAGES_MARKUP, ACADEMIC_PAGE_MARKUP})
# A page whose entries (crawler/extraction/entries.py) hold this share of its text is a listing: see
# _entries_of_a_listing() for how many entries it takes.
LISTING_TEXT_SHARE = 0.5
MAX_TEXT_IN_ENTRIES = 0.2
MAX_LISTING_TYPE_WORDS = 400


@dataclass(frozen=True)
class PageEvidence:
    """What a page's own markup says of its kind (crawler/extraction/evidence.py), kept with the extraction's
    result so that the crawl can decide again with what it knows of the site."""

    words: int  # of the post's text as extracted
    home: bool  # the site's home page (/, /index.html …)
    entries: int  # teasers linking to other pages of the site (crawler/extraction/entries.py)
    entry_share: float  # the share of the page's text those entries hold
    text_in_entries: float  # the share of the extracted text that lies in those entries (1.0: too short to say)
    link_share: float  # the share of the content's text that is link text
    post_markup: str | None  # e.g. "schema.org BlogPosting", "h-entry"; None when the page has none
    post_items: int  # elements outside the chrome whose microdata type is a post's (one per teaser on a listing)
    text_in_items: float  # the share of the extracted text that lies in those elements (1.0: too short to say)
    listing_markup: str | None  # schema.org CollectionPage, ProfilePage … without a post type
    dated: bool  # the page states when it was published
    url_kind: str | None  # url_kind(url)
    # The generator's markup for a page of the site that is not a post (Nikola's `article.storypage`): an About
    # page carries a post's markup and a date there, and no feed lists it.
    page_markup: str | None = None
    days: int = 0  # the days its first 20 <time datetime>s name: a listing names one per entry
    # The generator's markup for a page listing posts in full, however few (Nikola's `div.postindex`: its oldest
    # index page may hold one post, marked up as the post's own page is).
    index_markup: str | None = None
    # A theme's layout for its archives, a listing however few posts it lists and whatever a feed says of it (Hugo's
    # feeds list a page of content/page/ with its front matter's date: Stack's Archives).
    archive_layout: str | None = None
    # The generator's layout for its posts, which it gives no other page (Academic's): a post, dated or not, whatever
    # the feeds say of it — Hugo's feed lists an undated post as it lists the site's pages, with its zero date.
    post_layout: str | None = None


@dataclass(frozen=True)
class SiteFacts:
    """What the crawl learnt of one URL from the site's feeds and sitemaps (crawler/discovery/structure.py)."""

    feed_dated: bool = False  # a feed lists it as an item with a date: the site publishes it as a post
    # A feed that dates its other items lists it without a date (Hugo's feeds list every page, pages undated).
    feed_undated: bool = False
    # … in a section (/posts/) where the feeds date MIN_SECTION_POSTS items or more: a post whose front matter gives
    # no date, which Hugo prints at its zero date and its feed lists with that placeholder, 0001-01-01, as it lists the
    # site's pages (crawler/discovery/structure.py); a post where its page is marked up as one.
    undated_among_posts: bool = False
    site_known: bool = False  # the crawl read a feed or sitemap of the site that lists its pages
    # A feed dates it, but it lies at the site's root (/about/) where all the site's other dated items lie in one
    # section (/posts/…): a page, as Hugo's feeds list every page with the date its front matter was given.
    apart_from_posts: bool = False
    # It is dated, but no feed of the site lists it, and they list nothing in its section (its first folder, or the
    # root) though they date three items or more, the oldest no later than it: Pelican's /pages/impressum.html beside
    # posts at the root, jekyll-seo-tag's About page dated at the build's time beside /posts/….
    outside_the_feeds: bool = False
    # No feed of the site lists it, and they list nothing in its section though they date three items or more: an
    # undated page there is one of the site's pages, whatever its markup (LoveIt and DoIt, Hugo themes, mark About
    # up as a BlogPosting without a date, at the root beside posts in /posts/).
    section_unlisted: bool = False
    # It is the folder right above pages a feed dates, or lists as a taxonomy's terms, and no feed dates it: the
    # list page of a section (Hugo's /ko/posts/, which FixIt dates by its newest post, as Hugo's section pages lie
    # in no feed) or a taxonomy's page of terms (Hugo's /series/, whose feed lists each series).
    holds_listed: bool = False
    # It is the folder the crawl was started in (`blogarchive crawl https://x.github.io/repo/`): the blog's home, below
    # the site's root where a blog lives under a sub-path (a GitHub project site's /<repo>/), which PageEvidence.home,
    # reading the address alone, cannot tell from any other folder's page (a feed's channel link may name the host's
    # root instead: Hexo's `url` set without its `root`).
    crawl_home: bool = False
    # The crawl read MIN_SECTION_POSTS posts of the site or more that its own markup dates and marks up as posts, where
    # no feed or sitemap tells its posts from its pages: its post template prints what an undated page without post
    # markup lacks (Kirby's Starterkit prints a note in an <article> with its <time>, its About and photo albums
    # neither, and has no feed).
    posts_marked_up: bool = False


def url_kind(url: str) -> str | None:
    """The kind a hub's URL gives away (tag, category, author, paginated listing …); None for any other URL. An app's
    route (`/#/tags/x`) gives it away as its path would (app_routes.shown_url)."""
    parts = urlsplit(shown_url(url))
    path = _FOLDER_INDEX.sub("", parts.path or "/")  # /page/2/index.html is /page/2/
    target = path + ("?" + parts.query if parts.query else "")
    kind = next((kind for kind, pattern in URL_KINDS if pattern.search(target)), None)
    if kind is None and _QUERY_PAGE.search(parts.query) and _LISTING_PATH.search(path):
        return "listing"  # ?page=N on a listing's path; on a post's path it splits the post, which is parsed
    return kind


def settled_kind(url: str) -> str | None:
    """The kind of a hub that is kept without parsing, known by its URL: `url_kind`'s, except an author's own page
    (/author/x/, not its later pages), which is parsed for the person it is about (crawler/extraction/boxes.py)."""
    kind = url_kind(url)
    parts = urlsplit(shown_url(url))
    if kind == "author" and not _LATER_PAGE.search(_FOLDER_INDEX.sub("", parts.path) + "?" + parts.query):
        return None
    return kind


def decide(evidence: PageEvidence, site: SiteFacts | None = None) -> tuple[str, str]:
    """(kind, why): "article" for a post, else the kind of page (listing, tag, category … or other).

    `site` None: nothing is known of the site (extract() on its own); then a long undated page without post
    markup is still taken for a post, as most pages of a blog are."""
    listing = evidence.url_kind or "listing"
    listed_as_post = site is not None and site.feed_dated and not site.apart_from_posts
    if evidence.words == 0:  # a title alone: a post only where the site's feed publishes it as one
        return ("article", "a feed lists it with a date, without text") if listed_as_post else ("other", "no text")
    if evidence.home:
        return "listing", "the site's home page"
    # (not a post the crawl was started at, to archive it: one a feed dates, or marked up as a post, or one that
    # lists fewer than two other pages — a hand-made post no feed lists any more, a link to one other post under it)
    own_post = listed_as_post or evidence.post_markup not in (None, WEAKEST_POST_MARKUP) or evidence.entries < 2
    if site is not None and site.crawl_home and not own_post:
        return "listing", "the blog's home page: the folder the crawl started in"
    if evidence.archive_layout:
        return listing, f"listing: its theme's layout for its archives ({evidence.archive_layout})"
    if evidence.page_markup and (not listed_as_post or evidence.page_markup in FEED_LISTED_PAGE_MARKUPS):
        return "other", f"a page of the site, not a post ({evidence.page_markup})"
    if evidence.index_markup and not listed_as_post:
        return listing, f"listing: its generator's index of posts ({evidence.index_markup})"
    if site is not None and site.apart_from_posts:
        return "other", "a feed dates it, but at the site's root, and all the site's other dated items in one section"
    enough = _entries_of_a_listing(evidence, listed_as_post)
    beside_entries = _a_post_beside(evidence.words, evidence.text_in_entries)
    if evidence.entries >= enough and evidence.entry_share >= LISTING_TEXT_SHARE and not beside_entries:
        return listing, f"listing: {_entries(evidence.entries)} linking to other pages hold most of its text"
    if listed_as_post:
        return "article", "a feed lists it with a date"
    if site is not None and site.holds_listed:
        return listing, "the folder of pages the site's feeds list: their section's or taxonomy's list page"
    # not an author's page: dated by its newest post where the feeds list none of its section (Nikola's
    # /authors/x/, whose <time>s date her posts), it is still the page of the person it is about
    if site is not None and site.outside_the_feeds and not site.feed_dated and evidence.url_kind != "author":
        return "other", "dated, but the site's feeds, which reach back beyond its date, list nothing of its section"
    if evidence.post_layout:
        return "article", f"its generator's layout for a post ({evidence.post_layout})"
    if site is not None and site.undated_among_posts and evidence.post_markup not in (None, WEAKEST_POST_MARKUP):
        return "article", f"a feed lists it without a date among its section's dated posts ({evidence.post_markup})"
    if site is not None and site.feed_undated:
        return "other", "a feed that dates its posts lists it without a date"
    if evidence.url_kind == "author":  # an author's own page, parsed for the person it is about
        return "author", "an author's page by its URL, and no feed lists it as a post"
    # Blogger's and Hexo NexT's listings mark each teaser up as a BlogPosting/Article; a news post, its related stories
    if evidence.post_items > 1 and not _a_post_beside(evidence.words, evidence.text_in_items):
        return listing, f"listing: {evidence.post_items} items marked up as posts"
    weak = evidence.post_markup in (WEAKEST_POST_MARKUP, BODY_ONLY_MARKUP)
    if weak and not evidence.dated and site is not None and site.site_known:
        return "other", f"no date, {evidence.post_markup} its only post markup, and no feed lists it"
    if evidence.post_markup and not evidence.dated and site is not None and site.section_unlisted:
        return "other", "no date, and the site's feeds, which date its posts, list nothing of its section"
    if evidence.post_markup and not _only_a_theme_default(evidence):
        return "article", f"post markup ({evidence.post_markup})"
    if evidence.link_share > MAX_LINK_DENSITY:  # a tag cloud, an archive list: their dates are no post's date
        return listing, "listing: most of its text is links"
    if evidence.dated:
        return "article", "the page states its publication date"
    if evidence.listing_markup and evidence.words < MAX_LISTING_TYPE_WORDS:
        return listing, f"listing: {evidence.listing_markup} markup"
    if evidence.url_kind:  # nothing says a page at a hub's URL is a post
        return listing, f"{listing} page by its URL: no date, no post markup, and no feed lists it as a post"
    if site is not None and site.site_known:
        return "other", "no date and no post markup, and no feed lists it"
    if site is not None and site.posts_marked_up:
        return "other", "no date and no post markup, where the site's posts the crawl read print both"
    if evidence.words >= MIN_ARTICLE_WORDS:
        return "article", f"{evidence.words} words of text ({BY_LENGTH_ALONE})"
    return "other", f"short page ({evidence.words} words) without a date or post markup"


def by_length_alone(result: dict[str, Any]) -> bool:
    """extract()'s `result`, as a dict, is a post by its length alone: no date, no post markup, nothing known of the
    site (a long page of a site without feeds or sitemaps)."""
    return result["kind"] == "article" and (result.get("kind_reason") or "").endswith(f"({BY_LENGTH_ALONE})")


def _only_a_theme_default(evidence: PageEvidence) -> bool:
    """The page's only post markup is og:type article, which some themes print on every page, and it is a page of
    links (a tag cloud, a list of authors) undated or naming MANY_DAYS days (Pelican Elegant's archive, each post
    with its <time>): the markup says nothing of such a page."""
    return (
        evidence.post_markup == WEAKEST_POST_MARKUP
        and evidence.link_share > MAX_LINK_DENSITY
        and (not evidence.dated or evidence.days >= MANY_DAYS)
    )


def _a_post_beside(words: int, share_in_teasers: float) -> bool:
    """The text extraction kept (`words` long, `share_in_teasers` of it in the page's teasers: its entries or its
    items marked up as posts) is a post of its own beside them: MIN_ARTICLE_WORDS words or more, at most
    MAX_TEXT_IN_ENTRIES of it in the teasers — a news post beside a rail of other stories that holds more of the
    page's words than the story. On a listing, the text kept is the teasers' (or, when extraction read little of
    the page, too short to say)."""
    return words >= MIN_ARTICLE_WORDS and share_in_teasers <= MAX_TEXT_IN_ENTRIES


def _entries(count: int) -> str:
    return "one entry" if count == 1 else f"{count} entries"


def decide_again(result: dict[str, Any], site: SiteFacts) -> tuple[str, str | None]:
    """(kind, why) of extract()'s result, as a dict, with what the crawl knows of the page's site."""
    if result.get("evidence") is None:  # an empty page, or a hub settled by its URL
        return result["kind"], result.get("kind_reason")
    return decide(PageEvidence(**result["evidence"]), site)


def listed_anyway(result: dict[str, Any]) -> bool:
    """extract()'s `result`, as a dict, is a page its generator's feeds list whatever it is (FEED_LISTED_PAGE_MARKUPS):
    its feed's date makes no post of it, and leaving it out loses no post a feed lists."""
    return (result.get("evidence") or {}).get("page_markup") in FEED_LISTED_PAGE_MARKUPS


def _entries_of_a_listing(evidence: PageEvidence, listed_as_post: bool) -> int:
    """How many entries make a listing of a page whose entries hold most of its text: one at a hub's URL (a tag or
    author page with one post, whose title links to the post); three where a feed lists the page as a post; else
    two (a post's previous/next teasers are two, but they hold little of its text)."""
    if evidence.url_kind:
        return 1
    return 3 if listed_as_post else 2
