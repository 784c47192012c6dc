"""Post metadata, from the most explicit source to the least: JSON-LD, OpenGraph/article meta, theme markup,
then what trafilatura and htmldate find. Titles, dates and authors each have a module of their own."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import cache
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from crawler.extraction.article import Metadata
from crawler.extraction.authors import post_authors
from crawler.extraction.bearblog import bear_tags
from crawler.extraction.blog_address import with_blog_address
from crawler.extraction.dates import first_date, modified, published
from crawler.extraction.guesses import Guesses
from crawler.extraction.hugo import PAGES_SECTION, built_by_hugo
from crawler.extraction.page import HtmlElement, Page, compiled, parse_html, text_of
from crawler.extraction.pagekind import ARTICLE_TYPES, url_kind
from crawler.extraction.sitename import SiteNames, fold, site_names
from crawler.extraction.structured import as_list, by_type, first_text
from crawler.extraction.substack import substack_subtitle
from crawler.extraction.term_links import classed_as_tag, linked_terms
from crawler.extraction.textpattern import article_keywords
from crawler.extraction.titles import post_title
from crawler.extraction.vitepress import sugarat_terms
from crawler.extraction.vuepress import hope_categories
from crawler.extraction.wordpress import post_class_terms
from crawler.extraction.xpressengine import xe_document
from crawler.extraction.zblog import footer_fields, view_links
from crawler.urls import joined

_CANONICAL = etree.XPath("//link[@rel='canonical']/@href", smart_strings=False)
# Nikola: a post page (article.postpage), its translations listed in its header (div.posttranslations), and the
# translations of the page its <head> names (every language's, a feed's aside).
_NIKOLA_POST = etree.XPath("//article[contains(concat(' ', normalize-space(@class), ' '), ' postpage ')]")
_NIKOLA_TRANSLATIONS = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), ' posttranslations ')]")
_HEAD_TRANSLATIONS = etree.XPath("//head/link[@rel='alternate'][@hreflang][not(@type)]/@href", smart_strings=False)
_AIOSEO_SCHEMA = compiled(("script.aioseo-schema",))  # All in One SEO's JSON-LD
# Categories' links that say rel="tag" like the tags': WordPress's block themes' post-terms block of categories
# (classic themes say rel="category tag"), Movable Type's templates' (Classic Blog, Classic Website, MT 4 to 9)
# div.entry-categories under a post, its categories' archive links, /travel/kyoto/, beside its div.entry-tags, and
# a link schema.org's microdata names the post's articleSection (MT 5 and 6's Rainier theme prints the primary
# category so in the post's meta line: `in <a itemprop="articleSection" rel="tag" href="…/travel/kyoto/">`).
_TAG_CATEGORIES = (
    ".taxonomy-category a[rel~=tag], div.entry-categories a[rel~=tag], a[rel~=tag][itemprop~=articleSection]"
)
_TERM_COMMA = re.compile(r",(?![^()]*\))")
# The names of Hugo's usual content sections (content/post/, content/posts/, content/blog/, content/page/), folded.
_CONTENT_SECTIONS = {"post", "posts", "blog", "article", "articles", PAGES_SECTION}
# A content folder's name as Hugo's templates print `.Section`: "code", "book", "posts".
_FOLDER_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2,4})?$", re.IGNORECASE)  # "de", "ko", "pt-br", "zh_Hans"


def extract_metadata(
    page: Page, jsonld: list[dict[str, Any]], language: str | None = None, root: HtmlElement | None = None
) -> Metadata:
    """`language`: the body's language where the page declares none (numeric dates are read in its order); `root`:
    the post's container, whose links to term pages name its categories and tags where no markup does."""
    post = next(iter(by_type(jsonld, *ARTICLE_TYPES)), {})
    metas, tree, base = page.meta, page.tree, page.base
    canonical = _untranslated_original(page) or _canonical(tree, base)
    guesses = Guesses(page)  # trafilatura's heuristics, each run only when needed
    sites = site_names(page, jsonld, post)
    tag_categories = set(compiled((_TAG_CATEGORIES,))(tree))  # links, not names: a tag may be named as one is
    tagged_categories = _tags_to_category_pages(page)  # in document order
    linked = cache(lambda: _linked(page, root))  # read only where no markup names a term
    wordpress_terms = cache(lambda: post_class_terms(page))  # and where the post's container links none
    zblog_links = cache(lambda: view_links(page))
    tags = (
        _unique(
            _terms(_metas(metas, "article:tag"))  # Docusaurus writes every tag into one: "web,hugo"
            + _keywords(post.get("keywords"))
            + _link_texts(page, root, "a[rel~=tag]:not([rel~=category])", leaving={*tag_categories, *tagged_categories})
        )
        or sugarat_terms(page)[1]
        or naver_tags(page)
        or brunch_keywords(page)
        or velog_tags(page)
        or bear_tags(page)
        or writefreely_tags(page)
        or forem_tags(page)
        or reco_tags(page)
        or pagefind_tags(page)
        or zblog_links()["tag"]
        or article_keywords(page)
        or linked()[1]
        or _unique(wordpress_terms()[1])
        # rel=tag links that all name categories: the page names no tags, not the tag cloud trafilatura guesses
        or ([] if tagged_categories else _unique(_split(guesses.tags(_sidebars_beside(page, root)))))
    )
    category_links = _link_texts(page, root, f"a[rel~=category], {_TAG_CATEGORIES}")
    return Metadata(
        title=post_title(page, post, sites, lambda: guesses.title),
        authors=with_blog_address(post_authors(page, jsonld, guesses, sites.folded, root), page),
        published=published(page, post, canonical or page.url, language, root),
        updated=first_date(
            first_text(post.get("dateModified")), _meta(metas, "article:modified_time"), _meta(metas, "og:updated_time")
        )
        or modified(page),
        canonical_url=canonical,
        sitename=sites.display,
        description=_first(
            _plain(first_text(post.get("description"))),
            _meta(metas, "og:description"),
            _meta(metas, "description"),
            substack_subtitle(page),
        ),
        categories=xe_terms
        if (xe_terms := xe_category(page)) is not None
        else _unique(
            _sections(
                _unlisted(as_list(post.get("articleSection")), category_links, tags, _aioseo(page))
                + _metas(metas, "article:section"),
                page,
                sites,
                linked,
            )
            + category_links
        )
        or sugarat_terms(page)[0]
        or hope_categories(page)
        or tistory_category(page)
        or naver_category(page)
        or quarto_categories(page)
        or gnuboard_category(page)
        or [name for name in footer_fields(page)[1:] if name]
        or zblog_links()["category"]
        or distill_categories(page)
        or linked()[0]
        or _unique(wordpress_terms()[0])
        # trafilatura reads article:section again
        or _unique(_sections(guesses.categories(_sidebars_beside(page, root)), page, sites, linked))
        or _unique([text_of(link) for link in tagged_categories]),
        tags=tags,
    )


# Tistory (Kakao's blog platform): its editor wraps every post's body in div.tt_article_useless_p_margin, and its
# skins print the post's category ([##_article_rep_category_##], "parent/child") as a link to its page
# ([##_article_rep_category_link_##], /category/parent/child) in the post's header, no rel nor class to it
_TISTORY_BODY = etree.XPath(
    "(//div[contains(concat(' ', normalize-space(@class), ' '), ' tt_article_useless_p_margin ')])[1]"
)
_TISTORY_CATEGORY = re.compile(r"^/category/(.+?)/?$")


def tistory_category(page: Page) -> list[str]:
    """A Tistory post's category: the last link before its body (a menu's come earlier) to the blog's category
    page that names it as Tistory prints it, its path (a sidebar's category list adds each one's count), else the
    first such link after the body's start (Tistory's "'…' 카테고리의 다른 글" under the post)."""
    if "tt_article_useless_p_margin" not in page.names.classes:  # no walk of the tree on another platform's page
        return []
    body = next(iter(_TISTORY_BODY(page.tree)), None)
    if body is None:
        return []
    host, sidebars = urlsplit(page.base).netloc, page.sidebars
    before, after, past = [], [], False
    for element in page.tree.iter():
        past = past or element is body
        if element.tag != "a" or (target := joined(page.base, element.get("href") or None)) is None:
            continue
        url = urlsplit(target)
        match = _TISTORY_CATEGORY.match(url.path)
        if url.netloc != host or match is None or text_of(element) != unquote(match[1]).strip():
            continue
        if page.in_chrome(element) or any(node in sidebars for node in element.iterancestors()):
            continue
        (after if past else before).append(text_of(element))
    return before[-1:] or after[:1]


# Naver Blog prints a post's category as a link to the blog's list of it (/PostList.naver?blogId=…&categoryNo=…)
# in the post's header: the desktop page in div.blog2_series (a.pcol2), the mobile page in SmartEditor 3's and
# ONE's div.blog_category and the oldest editor's strong.tit_category; and the desktop page its tags under the
# post in div.wrap_tag, each an a.itemTagfont to /PostListByTagName.naver… printing "#" and the tag (the mobile page
# writes its tags with a script)
_NAVER_CATEGORY = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' blog2_series ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' blog_category ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' tit_category ')]//a[contains(@href, 'categoryNo=')]"
)
_NAVER_TAGS = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' wrap_tag ')]"
    "//a[contains(concat(' ', normalize-space(@class), ' '), ' itemTagfont ')]"
)
_NAVER_CLASSES = frozenset(("blog2_series", "blog_category", "tit_category"))


def naver_category(page: Page) -> list[str]:
    """A Naver Blog post's category: the first link to its list in the post's header (_NAVER_CATEGORY)."""
    if _NAVER_CLASSES.isdisjoint(page.names.classes):  # no walk of the tree on another platform's page
        return []
    return [name for link in _NAVER_CATEGORY(page.tree) if (name := text_of(link))][:1]


def _classed(name: str) -> str:
    """An XPath test of an element whose class attribute names `name` among its words."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# Quarto prints a post's `categories` (its front matter's) in its title block, header#title-block-header, as
# plain <div>s, no link, rel nor meta to any (templates/title-block.html and banner/title-block.html:
# `<div class="quarto-categories"><div class="quarto-category">news</div>…`); its script makes them links to the
# listing, filtered, in a browser. Not a listing's cards' categories, outside any title block.
_QUARTO_CATEGORIES = etree.XPath(
    f"//header[@id='title-block-header']//div[{_classed('quarto-categories')}]/*[{_classed('quarto-category')}]"
)

# XpressEngine's and Rhymix's board skins (default, xedition) print a document's category before its title, in the
# h1 of the document's header (_read.html: `<a class="category">`, a link to the board's page of it, ?category=N or
# /board/category/N), where the board uses categories: no rel nor meta to it. Not the board list's categories.
_XE_READ_HEADER = ".board_read > .read_header"
_XE_CATEGORY = etree.XPath(
    f"//div[{_classed('board_read')}]/div[{_classed('read_header')}]/h1/a[{_classed('category')}]"
)


# Gnuboard's board skins print a post's category (its ca_name), where the board uses categories, before its subject
# in the title's heading: `h2#bo_v_title > span.bo_v_cate`, no link, rel nor meta (crawler/extraction/gnuboard.py).
_GNUBOARD_CATEGORY = etree.XPath("//article[@id='bo_v']//h2[@id='bo_v_title']/span[" + _classed("bo_v_cate") + "]")


def gnuboard_category(page: Page) -> list[str]:
    """A Gnuboard post's category as its board skin prints it (_GNUBOARD_CATEGORY)."""
    return _platform_terms(page, "bo_v_cate", _GNUBOARD_CATEGORY)


def quarto_categories(page: Page) -> list[str]:
    """A Quarto post's categories as its title block prints them (_QUARTO_CATEGORIES)."""
    return _platform_terms(page, "quarto-category", _QUARTO_CATEGORIES)


# R's distill prints a post's front-matter `categories` in its title block (div.d-title, under the <h1>) as links to
# the blog's listing at a fragment (`<div class="dt-tags"><a href="../../index.html#category:R" class="dt-tag">R
# </a>…`): no rel, no term path, no meta to any. Not a listing's cards' categories (div.dt-tags outside a title
# block).
_DISTILL_CATEGORIES = etree.XPath(f"//*[{_classed('d-title')}]/div[{_classed('dt-tags')}]/*[{_classed('dt-tag')}]")


def distill_categories(page: Page) -> list[str]:
    """A distill post's categories as its title block prints them (_DISTILL_CATEGORIES)."""
    return _platform_terms(page, "dt-tag", _DISTILL_CATEGORIES)


# vuepress-theme-reco 1.x prints a page's front-matter `tags` in its page info under the title (div.page-title: the
# author in i.reco-account, the date in i.reco-date, the tags in i.reco-tag, each a span.tag-item its script makes
# clickable): no link, rel nor meta to any. Not a listing's cards' tags (outside a div.page-title).
_RECO_TAGS = etree.XPath(f"//*[{_classed('page-title')}]//i[{_classed('reco-tag')}]/span[{_classed('tag-item')}]")


def reco_tags(page: Page) -> list[str]:
    """A vuepress-theme-reco page's tags as its page info prints them (_RECO_TAGS)."""
    return _platform_terms(page, "reco-tag", _RECO_TAGS)


def xe_category(page: Page) -> list[str] | None:
    """An XpressEngine or Rhymix document's category as its board skin prints it (_XE_CATEGORY), none where it
    prints none; None on any other page. A document's page is its category's only source: the skin prints the
    board's category tabs above its list of documents under it (xedition's ul.cTab, each a link to
    /board/category/N), which were read as the categories of a document of none."""
    if xe_document(page) is None or not page.select(_XE_READ_HEADER):
        return None
    return _platform_terms(page, "read_header", _XE_CATEGORY)


def naver_tags(page: Page) -> list[str]:
    """A Naver Blog post's tags as its desktop page prints them (_NAVER_TAGS), without their "#"."""
    return _platform_terms(page, "itemTagfont", _NAVER_TAGS)


def _platform_terms(page: Page, marker: str, terms: etree.XPath) -> list[str]:
    """The texts of the elements `terms` finds, each once, without a leading "#" — on a page whose classes name
    `marker`, the platform's own class: no walk of the tree on another platform's page."""
    if marker not in page.names.classes:
        return []
    return _unique([name for element in terms(page.tree) if (name := text_of(element).lstrip("#").strip())])


# Kakao Brunch prints a post's keywords under it in ul.list_keyword, each an a.link_keyword to the keyword's page
# (/keyword/…), no rel nor meta to any
_BRUNCH_KEYWORDS = etree.XPath(
    "//ul[contains(concat(' ', normalize-space(@class), ' '), ' list_keyword ')]"
    "//a[contains(concat(' ', normalize-space(@class), ' '), ' link_keyword ')][contains(@href, '/keyword/')]"
)
# Velog prints a post's tags in its header (velog-client's PostHead: div.head-wrapper, the byline's
# div.information > span.username beside them), each a link to the tag's page, /tags/<name>, whose classes are
# styled-components' hashes: no rel, no class nor meta to any
_VELOG_TAGS = etree.XPath(
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' head-wrapper ')]"
    "[.//*[contains(concat(' ', normalize-space(@class), ' '), ' information ')]"
    "/span[contains(concat(' ', normalize-space(@class), ' '), ' username ')]]"
    "//a[starts-with(@href, '/tags/')]"
)
# WriteFreely (write.as) makes a link of each #hashtag the writer puts in a post's text, to the blog's page of that
# tag (postrender.go: `<a href="…/tag:baking" class="hashtag"><span>#</span><span class="p-category">baking</span></a>`,
# a Chorus instance's /read/t/baking), and prints the post in article#post-body (collection-post.tmpl,
# chorus-collection-post.tmpl): the post's tags, no rel nor meta to any. Not the hashtags of the teasers a blog's
# home page lists, each in an article.h-entry of its own.
_WRITEFREELY_TAGS = etree.XPath(
    "//article[@id='post-body']//a[contains(concat(' ', normalize-space(@class), ' '), ' hashtag ')]"
    "/span[contains(concat(' ', normalize-space(@class), ' '), ' p-category ')]"
)
# Forem (dev.to and every Forem community) prints a post's tags under its title in the article's header
# (app/views/articles/show.html.erb: article#article-show-container), each an a.crayons-tag to the tag's page, /t/bash,
# "#" in a span.crayons-tag__prefix: no rel, and /t/ is no term path (its meta keywords add the site's own words:
# "software, coding, development")
_FOREM_TAGS = etree.XPath(
    "//article[@id='article-show-container']//a[contains(concat(' ', normalize-space(@class), ' '), ' crayons-tag ')]"
    "[starts-with(@href, '/t/')]"
)


def brunch_keywords(page: Page) -> list[str]:
    """A Kakao Brunch post's keywords, its tags (_BRUNCH_KEYWORDS)."""
    return _platform_terms(page, "link_keyword", _BRUNCH_KEYWORDS)


def velog_tags(page: Page) -> list[str]:
    """A Velog post's tags as its header prints them (_VELOG_TAGS)."""
    return _platform_terms(page, "head-wrapper", _VELOG_TAGS)


def writefreely_tags(page: Page) -> list[str]:
    """A WriteFreely post's hashtags, its tags (_WRITEFREELY_TAGS)."""
    return _platform_terms(page, "hashtag", _WRITEFREELY_TAGS)


def forem_tags(page: Page) -> list[str]:
    """A Forem post's tags as its header prints them (_FOREM_TAGS), without their "#"."""
    return _platform_terms(page, "crayons-tag", _FOREM_TAGS)


# Pagefind, the static search index many static generators' themes build (Lume's, Astro's, Hugo's), files a page
# under the values of its filters, which the theme marks in the page: `data-pagefind-filter="tag"` on an element
# whose text is a value (`<div class="post-tag" data-pagefind-filter="tag">日常</div>`), or the value after a colon,
# `data-pagefind-filter="tag:日常"` — a post's tags where the theme prints them as no link (a Lume blog's 119 posts
# had none). Several filters of one element are separated by commas.
_PAGEFIND_FILTERS = etree.XPath("//*[@data-pagefind-filter]")
_PAGEFIND_TAG_FILTERS = frozenset(("tag", "tags"))


def pagefind_tags(page: Page) -> list[str]:
    """The values of the page's Pagefind filters named tag or tags (_PAGEFIND_FILTERS), outside the chrome."""
    if "data-pagefind-filter" not in page.names.attributes:  # no walk of the tree on a page without filters
        return []
    values = []
    for element in _PAGEFIND_FILTERS(page.tree):
        for name, colon, value in (
            part.strip().partition(":") for part in element.get("data-pagefind-filter").split(",")
        ):
            if name.strip().casefold() in _PAGEFIND_TAG_FILTERS and not page.in_chrome(element):
                values.append((value if colon else text_of(element)).lstrip("#").strip())
    return _unique([value for value in values if value])


def _linked(page: Page, root: HtmlElement | None) -> tuple[list[str], list[str]]:
    """(categories, tags) the post's container links to (term_links), each once as the markup's are: a Nuxt theme
    links its tags as "#brot"."""
    categories, tags = linked_terms(page, root)
    return _unique(categories), _unique(tags)


def _sections(values: list[Any], page: Page, sites: SiteNames, linked: Callable[[], tuple[list, list]]) -> list[Any]:
    """The page's stated sections that are categories. Hugo prints its content section — the folder the post's
    URL starts with, "post" or "posts" — as article:section and articleSection, and Congo the site's name outside
    any section: on a page Hugo generated, neither is a category (elsewhere a news site's first folder is its
    section, rightly). A theme's category links still name a category so spelt. Hugo themes that print no
    generator state the content section all the same (Coder's "posts"; Stack's "Post", at /p/slug/): a section
    named as content sections are (_CONTENT_SECTIONS) is none where the post's container links its categories'
    pages (`linked`: term_links) and none of them is named so, nor where it names the folder the post's URL starts
    with (hello-friend-ng's "posts" at /posts/…, its category links outside the post's <article>) — or the one after
    a language's folder (a multilingual Hugo site's /de/posts/…, /ko/posts/…) —, nor on a page Hugo generated, where
    the post links no category page so named (its generator tag says so, or the assets Hugo Pipes fingerprinted):
    Hugo's own template prints `.Section` there, Stack its name title-cased
    ("Post" for a post of no category at /p/slug/, "Page" for a page of content/page/, where Hugo themes' example
    sites keep the site's pages). Nor is one spelt as a content folder
    is, in lower case as Hugo's built-in templates print `.Section` ("posts"), wherever the post's URL puts it (a
    `url` in its front matter, the site's permalinks: Archie's /ko/jeju-bada-sajin/), but where the post links a
    category page so named; a category's name is printed as its author spelt it ("Posts", "Blog"). On a page Hugo
    built, any section so spelt is its content folder, whatever its name, unless the post links a category page so
    named (Bilberry's posts in content/code/ and content/book/, at /2018-08-12-rbac-firestore/, state "code")."""
    if not values:
        return values  # most pages state none: no need to ask whether Hugo built it (a walk of its assets)
    path = unquote(urlsplit(page.url).path).strip("/").split("/")
    folders = {fold(path[0]), fold(path[1])} if len(path) > 2 and _LANGUAGE_FOLDER.match(path[0]) else {fold(path[0])}
    hugo = built_by_hugo(page)
    if any(isinstance(v, str) and fold(v) in _CONTENT_SECTIONS for v in values):
        categories = {fold(name) for name in linked()[0]}
        if (hugo or categories) and not categories & _CONTENT_SECTIONS:
            values = [v for v in values if not isinstance(v, str) or fold(v) not in _CONTENT_SECTIONS]
    if any(isinstance(v, str) and v.strip() in _CONTENT_SECTIONS for v in values):  # "posts", not "Posts"
        linked_names = {fold(name) for name in linked()[0]}
        values = [v for v in values if not isinstance(v, str) or v.strip() not in _CONTENT_SECTIONS - linked_names]
    if folders & _CONTENT_SECTIONS:  # /posts/… stated as section "posts": the folder, no category
        values = [v for v in values if not isinstance(v, str) or fold(v) not in folders & _CONTENT_SECTIONS]
    if not hugo:
        return values
    linked_names = {fold(name) for name in linked()[0]} if any(isinstance(v, str) for v in values) else set()
    return [
        v
        for v in values
        if not isinstance(v, str)
        or (name := fold(v)) not in folders
        and name not in sites.folded
        and (not _FOLDER_NAME.fullmatch(v.strip()) or name in linked_names)
    ]


def _aioseo(page: Page) -> bool:
    """The page's JSON-LD is All in One SEO's (`<script type="application/ld+json" class="aioseo-schema">`)."""
    return bool(_AIOSEO_SCHEMA(page.tree))


def _unlisted(sections: list[Any], categories: list[str], tags: list[str], every_term: bool) -> list[Any]:
    """JSON-LD articleSection as a list where a plugin joined the post's terms into one text: All in One SEO writes
    "Walking, ireland, limestone, spring" — the post's categories, then its tags. A text whose comma-separated parts
    name a category or a tag the page links is that list, its tags left out (its first part where all are tags: a
    category named as a tag is); where `every_term` says the plugin is All in One SEO, which writes every term of
    the post there, a text that is a tag the page links, on a page that links no category, is the list of a post in
    no category (WordPress's theme unit test data has such), no section; any other text is one section (a news
    site's section may be a tag of its posts too)."""
    known = {fold(term) for term in categories + tags}
    tagged = {fold(tag) for tag in tags}
    listed: list[Any] = []
    for section in sections:
        parts = [part.strip() for part in section.split(",")] if isinstance(section, str) and "," in section else []
        if len(parts) > 1 and any(fold(part) in known for part in parts):
            untagged = [part for part in parts if part and fold(part) not in tagged]
            listed += untagged or parts[:1]  # a category named as a tag is: the list's first
        elif every_term and isinstance(section, str) and not categories and fold(section) in tagged:
            continue
        else:
            listed.append(section)
    return listed


def _tags_to_category_pages(page: Page) -> dict[HtmlElement, None]:
    """rel=tag links to a category's page, in the page's order: Minimal Mistakes marks its "Categories:" links
    rel=tag as its tags'. They name the post's categories where nothing else does. Not those the theme classes as
    tags (the link or its list: `tag`, `tags`): Nikola's TAG_PATH is "categories" by default, its tags' pages are
    /categories/harbour/ (its categories' /categories/cat_x/), and it prints `<ul class="tags"><li><a class="tag
    p-category" rel="tag">`."""
    return {
        link: None
        for link in compiled(("a[rel~=tag][href]",))(page.tree)[:100]
        if url_kind(joined(page.base, link.get("href", ""))) == "category" and not classed_as_tag(link)
    }


def _plain(text: str | None) -> str | None:
    """A JSON-LD text as text: Hugo's `.Summary` left as HTML there (Clarity: "<p>It rained all day …</p>")."""
    if not text or "<" not in text:
        return text
    parsed = parse_html(f"<div>{text}</div>")
    return text_of(parsed) if parsed is not None else text


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return " ".join(value.split())
    return None


def _meta(metas: dict[str, list[str]], name: str) -> str | None:
    return next(iter(metas.get(name, [])), None)


def _metas(metas: dict[str, list[str]], name: str) -> list[str]:
    return [value for value in metas.get(name, []) if value]


def _canonical(tree: Any, base: str) -> str | None:
    for href in _CANONICAL(tree):
        return joined(base, href)
    return None


def _untranslated_original(page: Page) -> str | None:
    """The address of the post a Nikola page is a copy of: a post nobody translated is published under every
    language's folder as well (SHOW_UNTRANSLATED_POSTS, on by default), the same post in each language's chrome,
    each copy its own rel=canonical. Nikola lists a post's translations in its header (div.posttranslations) only
    where there are some; a post page without that list, in a folder (/de/posts/x/) whose <head> names the same
    path without it (/posts/x/, the default language's) among its translations, is that post's copy."""
    if not any(generator.startswith("Nikola") for generator in page.meta.get("generator", [])):
        return None
    if not _NIKOLA_POST(page.tree) or _NIKOLA_TRANSLATIONS(page.tree):
        return None
    parts = urlsplit(page.url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) < 2:
        return None
    original = "/" + "/".join(segments[1:]) + ("/" if parts.path.endswith("/") else "")
    for href in _HEAD_TRANSLATIONS(page.tree):
        translation = joined(page.base, href)
        if translation and urlsplit(translation).netloc == parts.netloc and urlsplit(translation).path == original:
            return translation
    return None


def _keywords(value: Any) -> list[str]:
    """JSON-LD `keywords`: schema.org's Text of keywords delimited by commas, or a list of keywords — a list of one
    entry is that Text in a list, split at its commas as well: Beautiful Hugo writes a post's tags joined into one,
    `["privacy, matomo"]`. An entry of a longer list is one keyword, commas and all ("Kohl, Helmut")."""
    entries = [k for k in as_list(value) if isinstance(k, str)]
    return _terms(entries) if len(entries) == 1 else entries


def _link_texts(page: Page, root: HtmlElement | None, selector: str, leaving: Collection[Any] = ()) -> list[str]:
    """The texts of the page's links matching `selector`; where some lie outside its sidebars and widgets, only
    those: Hexo's landscape marks its sidebar's list of every tag of the site rel=tag, as the post's own tag list
    is. A "sidebar" that holds the post's container is the post's column, and a theme that prints the post's own
    tags in an <aside> prints none elsewhere."""
    found = [a for a in compiled((selector,))(page.tree)[:100] if a not in leaving]
    if not found:
        return []
    sidebars = _sidebars_beside(page, root)
    outside = [a for a in found if sidebars.isdisjoint(a.iterancestors())]
    return [text_of(a) for a in outside or found]


def _sidebars_beside(page: Page, root: HtmlElement | None) -> frozenset[HtmlElement]:
    """The page's sidebars and widgets but those around the post's container `root` (the post's own column)."""
    return page.sidebars - ({root, *root.iterancestors()} if root is not None else set())


def _terms(values: list[str]) -> list[str]:
    """The terms of a list of them written into one value, split at its commas outside brackets ("Prices (Fares,
    Fees and Rates)" is one)."""
    return [part.strip() for value in values for part in _TERM_COMMA.split(value) if part.strip()]


def _split(values: list[str] | None) -> list[str]:
    """trafilatura joins a page's keywords into one string: split them again."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _unique(values: list[Any]) -> list[str]:
    """The terms once each, as first spelled: one term in another case is the same (Hugo themes state a tag's title
    in article:tag, "Web", and its name in JSON-LD keywords, "web"), and so is one printed as a hashtag (Hexo's
    NexT links each tag as "# web")."""
    seen: dict[str, str] = {}
    for value in values:
        if isinstance(value, str) and (term := " ".join(value.removeprefix("#").split())):
            seen.setdefault(term.casefold(), term)
    return list(seen.values())
