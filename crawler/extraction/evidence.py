"""What a page's markup says of its kind: the facts `pagekind.decide()` weighs, gathered from the parsed page.

A page is dated when extraction found its publication date (crawler/extraction/dates.py: where a theme or CMS
states it — metadata, JSON-LD, <time>, an element classed as a date, the URL — and never guessed from numbers in
its text).

Post markup, strongest first: a schema.org post type (JSON-LD, then microdata), microformats (h-entry, hAtom's
hentry), an <article> holding a <time> or a rel=author link, one element marked as a post's body
(itemprop=articleBody, no itemtype around it: a theme may mark its About page's body so), OpenGraph's og:type
article (the weakest: Hugo's template prints it on every page, About and Impressum too).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from crawler.discovery.app_routes import shown_url
from crawler.extraction.dates import PRINTED_DAY, days_named
from crawler.extraction.entries import find_entries, titled_elsewhere, without_the_post
from crawler.extraction.gnuboard import gnuboard_view
from crawler.extraction.hugo import (
    in_academic_page_layout,
    in_academic_pages_layout,
    in_academic_post_layout,
    in_pages_section,
)
from crawler.extraction.page import HtmlElement, Page, text_of, word_count
from crawler.extraction.pagekind import (
    ACADEMIC_PAGE_MARKUP,
    ACADEMIC_PAGES_MARKUP,
    ACADEMIC_POST_LAYOUT,
    ARTICLE_TYPES,
    BODY_ONLY_MARKUP,
    HUGO_PAGES_MARKUP,
    LISTING_TEXT_SHARE,
    LISTING_TYPES,
    WEAKEST_POST_MARKUP,
    PageEvidence,
    url_kind,
)
from crawler.extraction.sitename import is_home_url
from crawler.extraction.structured import by_type, types_of

_HOME_PATHS = re.compile(r"^/(?:index\.(?:html?|php|aspx?)|default\.aspx?|home/?|start/?)?$", re.IGNORECASE)
_ITEMTYPES = etree.XPath("//@itemtype", smart_strings=False)
_ITEMTYPE_ELEMENTS = etree.XPath("//*[@itemtype or @typeof]")  # microdata, RDFa (VuePress's list of posts)
_MICROFORMAT = etree.XPath(
    "(//*[contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hentry ')])[1]/@class",
    smart_strings=False,
)
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")
_SECTIONING = ("main", "article", "section", "nav", "header", "footer", "aside")
# ikiwiki's page template (templates/page.tmpl) without its html5 option, as Debian's ikiwiki builds a blog: <div>s
# alone, the page's content in div#pagebody > div#content role="main" (WAI-ARIA's main landmark, <main>'s role).
_IKIWIKI_CONTENT = etree.XPath("(//div[@id='pagebody']/div[@id='content'][@role='main'])[1]")
# The generators' markup for a page of the site (About, Impressum) rendered with the post's layout: a schema.org
# Article or BlogPosting with a date there, which no feed lists.
_PAGE_MARKUP = (
    ("Nikola's article.storypage", "storypage"),  # its posts: postpage
    ("Hexo's article.article-type-page", "article-type-page"),  # its posts: article-type-post
)
_PAGE_ARTICLES = etree.XPath("//article[@class]")
# The element Gatsby, Next.js and Nuxt render a page's components into, on the page they prerender: a template of
# today in <div>s alone — gatsby-starter-lumen prints a post in CSS modules' <div>s, no <main> nor <article>, and
# the best of three extractions kept one item of a post's list (64 of its 587 words) on ten posts of a Korean blog.
_APP_ROOTS = etree.XPath("//body/div[@id='___gatsby' or @id='__next' or @id='__nuxt'][1]")
# Docusaurus classes the <html> of each page by the plugin that made it: its blog's posts `plugin-blog
# blog-post-page`, its docs' pages `plugin-docs docs-doc-page`, its standalone pages (src/pages/) `plugin-pages` — a
# doc page prints the day it was last updated, and a Korean blog's tutorial page was stored as a post.
_DOCUSAURUS_PAGES = (
    ("Docusaurus's docs page (html.docs-doc-page)", "docs-doc-page"),
    ("Docusaurus's standalone page (html.plugin-pages)", "plugin-pages"),
)
# Themes' own layouts for a page of the site, by the container that layout alone prints (the page's front matter
# names the layout): Hexo Matery's About (layout/about.ejs, `layout: about`) prints the blog's profile card, post
# counts and the page's text, without a date, in div#aboutme.about-container; its posts are in div#artDetail.
_PAGE_LAYOUTS = (
    (
        "Hexo Matery's about layout (#aboutme.about-container)",
        etree.XPath("//div[@id='aboutme'][contains(concat(' ', normalize-space(@class), ' '), ' about-container ')]"),
    ),
    # PluXml's static pages (About, Legal notice): its themes' static.php prints the page's text in an
    # <article class="article static" id="static-page-N">, its posts' article.php an article#post-N
    (
        "PluXml's static page (article.static#static-page-N)",
        etree.XPath(
            "//article[starts-with(@id, 'static-page-')]"
            "[contains(concat(' ', normalize-space(@class), ' '), ' static ')]"
        ),
    ),
)
# Nikola's index pages (index.tmpl of its base theme, which bootstrap4 and bootblog4 keep, and their Jinja twins)
# print the posts of the page in full, each an h-entry, in a div.postindex: the oldest page, index-1.html, may hold
# one post alone, which its markup cannot tell from the post's own page (article.postpage, outside any postindex).
# Gnuboard's board skins (basic, gallery; the theme's and mobile ones) print a board's list of posts in a
# form#fboardlist — a table of numbers, categories, subjects, authors, views and times, or the gallery's cards: a
# list's first page, of one category or of a search, of a few posts, was a post of about a hundred words. A post's
# page prints the same list under the post where the board says so (bo_use_list_view): not there.
_GNUBOARD_LIST = etree.XPath("//form[@id='fboardlist']")
_INDEX_POSTS = etree.XPath(
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' postindex ')]"
    "//article[contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')]"
)
# Hakyll's default post list (templates/post-list.html, which hakyll-init's archive and many Hakyll blogs' section
# pages print): `<ul><li><a href="$url$">$title$</a> - $date$</li>…</ul>`, each item a link and its day in words.
_LINKED_ITEMS = etree.XPath("//ul[count(li) >= 3]/li[count(*) = 1][a[@href]]")
# Themes' layouts for their archives, by the class their <body> carries there (Hugo Stack's layouts/_default/
# archives.html: `template-archives`; its posts' <body> is `article-page`). Movable Type's templates (its Classic
# Blog and Classic Website themes, MT 4 to 9) class the <body> of every listing they publish `mt-archive-listing`
# (a category's, a month's, an author's archive, each post in full as the home prints it, one post alone where the
# category holds one), of the archives' index (archives.html) `mt-archive-index`, of the home `mt-main-index`; a
# post's `mt-entry-archive`, a page's `mt-page-archive`.
_ARCHIVE_LAYOUTS = (
    ("Hugo Stack's body.template-archives", "template-archives"),
    ("Movable Type's body.mt-archive-listing", "mt-archive-listing"),
    ("Movable Type's body.mt-archive-index", "mt-archive-index"),
    ("Movable Type's body.mt-main-index", "mt-main-index"),
)
# b2evolution's skins class every <body> by what it displays (skin_body_attrs(): "coll_N disp_X detail_Y item_N"):
# disp_single is a post, disp_page a page of the site (About); disp_posts lists posts (a collection's front page, a
# category's, a tag's, a day's or month's), and its directories of categories, archives, tags, latest comments, search
# results list them too; any other disp is a page of its own (the login and registration forms, the contact form,
# disp_access_requires_login for a collection open to its members alone, a user's profile, 404).
_B2EVO_BODY = (re.compile(r"^coll_\w+$"), re.compile(r"^disp_(\w+)$"), re.compile(r"^detail_[\w-]+$"))
_B2EVO_LISTINGS = frozenset({"posts", "front", "catdir", "arcdir", "postidx", "mediaidx", "tags", "comments", "search"})
_DASH = re.compile(r"^\s*-\s*")
MIN_DATED_LINKS = 3  # a list of posts: one or two are a post's own "see also"
_SPECIAL_LAYOUT = etree.XPath(
    "//*[self::article or self::div][contains(concat(' ', normalize-space(@class), ' '), ' single ')"
    " and contains(concat(' ', normalize-space(@class), ' '), ' special ')]"
)
# A <time> that dates something: its datetime, or a year in its words — not Hugo Stack's reading time, "<time
# class=article-time--reading>1 minute read</time>", on its About page.
_ARTICLE_BODIES = etree.XPath("//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' articleBody ')]")
_DATED_ARTICLE = etree.XPath(
    "//article[.//time[@datetime or re:test(., '(^|[^0-9])(19|20)[0-9]{2}([^0-9]|$)')]"
    " or .//*[contains(concat(' ', @rel, ' '), ' author ')]]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def page_evidence(page: Page, jsonld: list[dict[str, Any]], text: str, published: str | None) -> PageEvidence:
    """The evidence of one page: `text` is the post's text as extracted, `published` the date extraction found."""
    parts = urlsplit(shown_url(page.url))  # an app's route (`/#/posts/x`) is no home page
    types = _types(_of_this_page(jsonld, page))
    entries = find_entries(page)
    page_words = _words_outside_chrome(page)
    marked = [e for e in _ITEMTYPE_ELEMENTS(page.tree) if _is_post_type(e) and not page.in_chrome(e)]
    # one post marked up twice, an RDFa item around a microdata one (Drupal's), is one item: the outermost
    within = {id(e) for item in marked for e in item.iterdescendants()} if len(marked) > 1 else set()
    items = [e for e in marked if id(e) not in within]
    text_runs = _runs(text)
    entry_share = round(min(entries.words / page_words, 1.0), 3) if page_words else 0.0
    # a page that lists posts: its entries hold most of its text (not a page of its own prose whose headings link
    # the pages it introduces: a Hexo Cactus blog's /exploitation/, its six sections each a link to a page of notes)
    listing = entries.count > 1 and entry_share >= LISTING_TEXT_SHARE or url_kind(page.url) is not None
    return PageEvidence(
        words=word_count(text),
        home=bool(_HOME_PATHS.match(parts.path or "/")) and not parts.query,  # /?p=123 is a WordPress post
        entries=entries.count,
        entry_share=entry_share,
        text_in_entries=_share_within(text_runs, entries.texts),
        link_share=round(_link_chars(page, text) / max(len("".join(text.split())), 1), 3),
        post_markup=post_markup(page, types),
        post_items=len(items),
        text_in_items=_share_within(text_runs, _teasers(items, page)),
        listing_markup=_listing_markup(types),
        dated=published is not None,
        url_kind=url_kind(page.url),
        page_markup=_page_markup(page, jsonld, listing=listing),
        index_markup=_index_markup(page),
        archive_layout=_archive_layout(page),
        post_layout=ACADEMIC_POST_LAYOUT if in_academic_post_layout(page, types) else None,
        days=days_named(page),
    )


def _index_markup(page: Page) -> str | None:
    """The generator's markup of a page listing its posts: Nikola's div.postindex, Gnuboard's board list, Hakyll's
    post list (at least MIN_DATED_LINKS items each a link, " - " and the day, in one list)."""
    if _INDEX_POSTS(page.tree):
        return "Nikola's div.postindex"
    if _GNUBOARD_LIST(page.tree) and gnuboard_view(page) is None:
        return "Gnuboard's board list"
    lists = Counter(
        item.getparent()
        for item in _LINKED_ITEMS(page.tree)
        if not (item.text or "").strip()
        and (dash := _DASH.match(tail := item[0].tail or ""))
        and PRINTED_DAY.match(" ".join(tail[dash.end() :].split()))
    )
    return "Hakyll's post list" if any(count >= MIN_DATED_LINKS for count in lists.values()) else None


def _archive_layout(page: Page) -> str | None:
    """The theme's name for the layout of its archives the page is laid out with (_ARCHIVE_LAYOUTS, b2evolution's
    listings: _B2EVO_LISTINGS), or None."""
    classes = _body_classes(page)
    if (disp := _b2evolution_display(classes)) in _B2EVO_LISTINGS:
        return f"b2evolution's body.disp_{disp}"
    return next((layout for layout, name in _ARCHIVE_LAYOUTS if name in classes), None)


def _body_classes(page: Page) -> set[str]:
    body = next(page.tree.iter("body"), None)
    return set((body.get("class") or "").split()) if body is not None else set()


def _b2evolution_display(classes: set[str]) -> str | None:
    """What a b2evolution page displays, by its <body>'s classes (_B2EVO_BODY: "single" for a post, "posts" for a
    listing …); None for a page without b2evolution's three classes."""
    found = [next((m for name in classes if (m := pattern.match(name))), None) for pattern in _B2EVO_BODY]
    return found[1].group(1) if all(found) else None


def _teasers(items: list[HtmlElement], page: Page) -> list[str]:
    """The texts of the items marked up as posts that are teasers: all of them when each links by its heading to
    another page (a listing of full-text posts, one long and one short, as Nikola's later index pages print them);
    else without one that dwarfs the others (the page's own post, beside its related stories)."""
    texts = [text_of(item) for item in items]
    if len(items) > 1 and all(titled_elsewhere(item, page) for item in items):
        return texts
    return without_the_post(texts)


def _page_markup(page: Page, jsonld: list[dict[str, Any]], listing: bool) -> str | None:
    """The generator's or theme's name for the page's markup of a page that is not a post (_PAGE_MARKUP, or a theme's
    layout for a page: _PAGE_LAYOUTS), or None. Hexo's `open_graph()` helper, which its themes print, types a post
    `article` and every other page `website`: a page that does not list posts (`listing`), typed so by Hexo, is one of
    the site's pages, however its theme dates it (Butterfly's About and Impressum print their front matter's date as
    `article:published_time`). Hugo's LoveIt family (LoveIt, DoIt, FixIt) types every page a BlogPosting and names its
    content type the `genre`: "page" for a page, without a date. Hugo's section of the site's pages, content/page/,
    where Hugo themes' example sites keep them (hugo.in_pages_section), and Academic's layouts for its content types
    that are no posts (hugo.in_academic_pages_layout), and its posts' layout without the BlogPosting it gives its posts
    alone (hugo.in_academic_page_layout). b2evolution's pages that display neither a post nor a list of them
    (_B2EVO_BODY: its static pages, its forms). Docusaurus's docs and standalone pages (_DOCUSAURUS_PAGES)."""
    classes = {name for article in _PAGE_ARTICLES(page.tree) for name in article.get("class").split()}
    if markup := next((markup for markup, name in _PAGE_MARKUP if name in classes), None):
        return markup
    if markup := next((markup for markup, layout in _PAGE_LAYOUTS if layout(page.tree)), None):
        return markup
    if (disp := _b2evolution_display(_body_classes(page))) not in (None, "single", *_B2EVO_LISTINGS):
        return f"b2evolution's body.disp_{disp}"
    pages = [item for item in by_type(jsonld, *ARTICLE_TYPES) if item.get("genre") == "page"]
    if any(not item.get("datePublished") for item in pages):
        return 'JSON-LD genre "page", undated'
    # the family's layout for any content but its posts (_default/single.html): FixIt's <article class="page single
    # special">, LoveIt's and DoIt's <div class="page single special">; its posts have posts/single.html, "page
    # single", and its home and feed list the content type "posts" alone — a dated About there is a page too
    if pages and _SPECIAL_LAYOUT(page.tree):
        return 'JSON-LD genre "page", on the LoveIt family\'s layout for pages (.single.special)'
    if in_pages_section(page):
        return HUGO_PAGES_MARKUP
    if in_academic_pages_layout(page):
        return ACADEMIC_PAGES_MARKUP
    if in_academic_page_layout(page, _types(jsonld)):
        return ACADEMIC_PAGE_MARKUP
    if any(generator.startswith("Docusaurus") for generator in page.meta.get("generator", [])):
        html = set((page.tree.getroottree().getroot().get("class") or "").split())
        if markup := next((markup for markup, name in _DOCUSAURUS_PAGES if name in html), None):
            return markup
    hexo = any(generator.startswith("Hexo") for generator in page.meta.get("generator", []))
    if hexo and not listing and page.meta.get("og:type", [""])[0] == "website":
        return "Hexo's og:type website"
    return None


def _share_within(runs: set[tuple[str, ...]], parts: Sequence[str]) -> float:
    """The share of the extracted text found inside `parts` (the texts of the entries or of the items marked up as
    posts): of its `runs` of SHINGLE_WORDS words (_runs), those that some part holds too. Runs, not lines or exact
    strings: trafilatura joins inline elements that the page's text puts spaces between, marks list items with "- " and
    unescapes what a theme escaped twice, and an entry's excerpt may stop mid-sentence. 1.0 for a text too short
    to say."""
    if not runs:
        return 1.0
    held = set().union(*map(_runs, parts))
    return round(len(runs & held) / len(runs), 3)


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    # zip over shifted lists: half the time of a slice per run
    return set(zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False))


def _link_chars(page: Page, text: str) -> int:
    """How much of the extracted `text` (whitespace left out) is link text: each link outside the chrome counts as
    often as its text occurs in `text`, at most as often as the page links it. Measured on the text itself, not on
    the element it came from: a post's container often holds a list of other posts that extraction leaves out (an
    <aside> of related links), and counted there they made a dated news post "mostly links"."""
    linked = Counter(words for a in page.tree.iter("a") if (words := text_of(a)) and not page.in_chrome(a))
    flat = " ".join(text.split())
    return sum(len("".join(words.split())) * min(times, flat.count(words)) for words, times in linked.items())


def template_markup(page: Page, jsonld: list[dict[str, Any]]) -> str | None:
    """What shows that the page was made by a template of the last fifteen years: its post markup, or else the
    first HTML5 sectioning element (<main>, <article>, <nav> …), or else ikiwiki's page template (_IKIWIKI_CONTENT,
    a template of today in <div>s), or else the element a JavaScript framework renders its components into
    (_APP_ROOTS); None for a page with none of them — a hand-made page, a template of the 2000s.
    The `auto` body mode (crawler/extraction/selection.py) keeps trafilatura's extraction on a page with such markup
    and chooses the best of three on a page without: the choice was fitted on pages of 2007–2013 and loses on
    today's."""
    if found := post_markup(page, _types(jsonld)):
        return found
    element = next(page.tree.iter(*_SECTIONING), None)
    if element is not None:
        return f"<{element.tag}>"
    if _IKIWIKI_CONTENT(page.tree):
        return "ikiwiki's div#content"
    return next((f"div#{root.get('id')}" for root in _APP_ROOTS(page.tree)), None)


def page_post_markup(page: Page, jsonld: list[dict[str, Any]]) -> str | None:
    """The strongest post markup of the page, its JSON-LD objects `jsonld` among it (post_markup), or None."""
    return post_markup(page, _types(jsonld))


def post_markup(page: Page, types: set[str]) -> str | None:
    """The strongest post markup of the page (the module's docstring lists them), or None."""
    if found := sorted(types & ARTICLE_TYPES):
        return f"schema.org {found[0]}"
    microdata = sorted({itemtype.rstrip("/").rsplit("/", 1)[-1] for itemtype in _ITEMTYPES(page.tree)})
    if found := [name for name in microdata if name in ARTICLE_TYPES]:
        return f"schema.org {found[0]} (microdata)"
    if classes := _MICROFORMAT(page.tree):
        return "h-entry" if "h-entry" in classes[0].split() else "hAtom hentry"
    if _one_dated_article(page):
        return "<article> with a <time> or a rel=author link"
    if _one_article_body(page):
        return BODY_ONLY_MARKUP
    if next(iter(page.meta.get("og:type", [])), "").strip().lower() == "article":
        return WEAKEST_POST_MARKUP
    return None


def _of_this_page(jsonld: list[dict[str, Any]], page: Page) -> list[dict[str, Any]]:
    """The JSON-LD objects that describe this page: not an undated post whose mainEntityOfPage is the site's home
    page, on another page. Hexo's Icarus prints a BlogPosting in the head of every page, on a listing (its archives,
    a category's page) the blog's own — its headline the blog's title, its page the blog's home, no date —, and
    that made each listing it was printed on a post."""
    return [obj for obj in jsonld if not (types_of(obj) & ARTICLE_TYPES and _about_the_home(obj, page))]


def _about_the_home(obj: dict[str, Any], page: Page) -> bool:
    """An undated post whose page is the site's home: a news site's dated article that names its home as its page
    is still the article."""
    if obj.get("datePublished") or obj.get("dateCreated"):
        return False
    main = obj.get("mainEntityOfPage")
    target = main.get("@id") or main.get("url") if isinstance(main, dict) else main
    # the home of a blog under a sub-path is named without its slash too: Icarus's "https://x.github.io/blog"
    return isinstance(target, str) and is_home_url(target.strip(), page.url, lambda folder: True)


def _one_dated_article(page: Page) -> bool:
    """One <article> outside the chrome holds a <time> or a rel=author link (those inside it aside): the post's. A
    page of several is a list of them, each dated — Hexo's Icarus prints its archives and a category's page as
    <article>s that are teasers, their titles in a <p class="title">, no heading to tell them by."""
    found = [article for article in _DATED_ARTICLE(page.tree) if not page.in_chrome(article)]
    inner = {id(inside) for article in found for inside in article.iterdescendants("article")}
    return len([article for article in found if id(article) not in inner]) == 1


def _one_article_body(page: Page) -> bool:
    """One element outside the chrome holds text marked as a post's body (microdata's itemprop=articleBody, a
    schema.org Article's property, where the theme declares no itemtype around it: gatsby-starter-hoodie): the
    post's. A page of several is a list of posts' bodies."""
    return len([body for body in _ARTICLE_BODIES(page.tree) if text_of(body) and not page.in_chrome(body)]) == 1


def _types(jsonld: list[dict[str, Any]]) -> set[str]:
    return set().union(*(types_of(obj) for obj in jsonld)) if jsonld else set()


def _listing_markup(types: set[str]) -> str | None:
    found = sorted(types & LISTING_TYPES)
    return f"schema.org {found[0]}" if found and not types & ARTICLE_TYPES else None


def _words_outside_chrome(page: Page) -> int:
    body = page.tree.find("body")
    if body is None:
        return 0
    chrome = page.chrome
    outermost = [element for element in chrome if not any(a in chrome for a in element.iterancestors())]
    return word_count(text_of(body)) - sum(word_count(page.text_in(element)) for element in outermost)


def _is_post_type(element: etree._Element) -> bool:
    """The element is a post's item: microdata's itemtype or RDFa's typeof ("Article", "schema:BlogPosting")."""
    types = f"{element.get('itemtype', '')} {element.get('typeof', '')}".split()
    return any(name.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] in ARTICLE_TYPES for name in types)
