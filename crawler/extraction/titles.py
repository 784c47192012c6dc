"""The post's title as its author wrote it.

Sources, most explicit first: the JSON-LD headline, og:title and twitter:title, the theme's title markup
(selectors.POST_TITLES, or a heading that links to the page itself, as Pelican and classic WordPress themes print
it), then the document's <title> read against the page's <h1>s. A dash is part of a title ("Hugo 입문 - 개요"):
only a leading or trailing part that IS the site's name (crawler/extraction/sitename.py) is cut, and a title
that is nothing but the site's name is none. Two <h1>s the post does not own never win: a layout's site name
(an <h1> around a home link, or spelling the site's name) and a heading inside the body (a `# command` line
Markdown made an <h1>) — a body heading is one that follows the post's first paragraph, and it counts only
where the <title> names it or there is no <title>.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from crawler.extraction.page import HtmlElement, Page, detached, first, text_of
from crawler.extraction.selectors import OTHER_POSTS, POST_TITLES
from crawler.extraction.sitename import TITLE_SEPARATOR, SiteNames, fold, is_home_link
from crawler.extraction.structured import first_text
from crawler.extraction.verbatim import heading_permalinks
from crawler.urls import joined

MAX_HEADINGS_READ = 12
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
_H1S = etree.XPath("//h1")
_SUBHEADINGS = etree.XPath("//h2 | //h3")
_IN_POST = etree.XPath("ancestor::*[self::article or self::main or @role='main']")
_SELF_LINK_HEADINGS = etree.XPath("//*[self::h1 or self::h2 or self::h3][.//a[@href]]")
_ANCHOR_HEADINGS = etree.XPath("//*[self::h1 or self::h2 or self::h3][a[@name = $name and not(@href)]]")
_PARAGRAPHS_AND_H1S = etree.XPath("//p | //h1")
# XpressEngine's and Rhymix's board skins (default, xedition) print a document's category inside the h1 of its
# header, before its title (`<h1><a class="category">여행</a> <a href="…/board/52">Title</a></h1>`): a label, no
# word of the title — the h1 read "여행 Title", which the <title> did not name, and a layout's h1 won.
_CATEGORY_LABELS = etree.XPath(
    "self::h1[parent::div[contains(concat(' ', normalize-space(@class), ' '), ' read_header ')]]"
    "/a[contains(concat(' ', normalize-space(@class), ' '), ' category ')]"
)
# Z-BlogPHP's default theme prints a post's time inside its title's heading, after the title (post-single.php:
# `<h2 class="post-title">Title<span class="post-date">2024-05-07 12:17:00</span></h2>`): no word of the title
_DATES_IN_TITLE = etree.XPath(
    "self::*[contains(concat(' ', normalize-space(@class), ' '), ' post-title ')]"
    "/span[contains(concat(' ', normalize-space(@class), ' '), ' post-date ')]"
)
_IN_HEADER = etree.XPath("ancestor::header")
# chronicle's stock themes (4.6) title an entry's page "<blog's title>: <entry's title>" ("Blog: …" in blocky,
# "copyrighteous: …") and print the entry's title alone in markup of their own, before the entry's body: default's,
# leftbar's and blog.steve.org.uk's div.title in div.entry, blocky's legend of the entry's <fieldset>,
# copyrighteous's span.blosxomTitle in div.storybox (a comment's div.entry names its commenter so: the <title> does
# not name it)
_CHRONICLE_TITLES = etree.XPath(
    "//div[@class='entry']/div[@class='title'][following-sibling::div[@class='body']]"
    " | //fieldset/legend[following-sibling::div[@class='body']]"
    " | //div[@class='storybox']/span[@class='blosxomTitle'][following-sibling::div[@class='story']]"
)
_CHRONICLE_CLASSES = frozenset({"body", "blosxomTitle"})  # one of them on a page where _CHRONICLE_TITLES can match
# FlatPress joins a post's title and the view of it with " : " ("Cliffs in the Rain : comments"): a separator where
# the part before it is the post's printed heading, not elsewhere (French typography spaces every colon so).
_SPACED_COLON = re.compile(r"\s+:\s+")
# A series' episode number before a post's title: Korean "N화" (Kakao Brunch's brunchbooks)
_EPISODE = re.compile(r"^\d{1,4}화\s+(\S.*)$")
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
# A title that opens with a separator is a title template's site part with the page's part empty: Nuxt's
# titleTemplate "%s · Field Notes" (Next.js's "%s | Site", a WordPress SEO plugin's "%title% – %sitename%") in a
# single-page app's shell that no script has rendered yet prints "<title>· Field Notes</title>" — no title.
_LEADING_SEPARATOR = re.compile(r"(?:\||-|–|—|::|»|·)\s")
# A title template that puts the site's name first and a colon after it: R's distill titles every post's page,
# og:title, twitter:title and citation_title "<site's title>: <post's title>" (and Blogger's classic templates
# "<blog>: <post>"). Only the first colon, and only after a spelling of the site's name: "CircleCI for R: Workflows"
# keeps its colon.
_AFTER_SITE_COLON = re.compile(r":\s+")
# What JavaScript prints for a missing value: a generator whose templates are JavaScript (Eleventy's JavaScript and
# WebC templates) fills its title template ("${title} | Site") of a post without a title — an IndieWeb note — so:
# no title.
_MISSING_VALUE = frozenset({"undefined", "null"})


def post_title(page: Page, post: dict[str, Any], sites: SiteNames, guess: Callable[[], str | None]) -> str | None:
    """`post`: the page's JSON-LD Article (or {}); `guess`: trafilatura's reading, asked when nothing else
    names the post."""
    stated = (first_text(post.get("headline")), _meta(page, "og:title"), _meta(page, "twitter:title"))
    for value in stated:
        if title := without_site(value, sites):
            return _printed_start(title, page, sites) or _episode_heading(title, page, sites) or title
    return (
        _marked(page, sites)
        or _from_document(page, sites)
        or _no_date(page, _own(page, _filled(without_site(guess(), sites))))
    )


def with_feed_title(title: str | None, feed_title: str | None, sitename: str | None = None) -> str | None:
    """A post's title read from its page (`title`) with the title its site's feed gives it: the feed's where the
    page's is the feed's and more after a separator ("Lord of Souls — KevOps — DevOps, Cooking, …": a page without
    a heading, its <title> holding the site's name and tagline), or the feed's is the page's and more after a
    separator (a title cut at a dash by the site-name rules: "Release 2.0 – what changed" whose page said "Release
    2.0" beside its site's name) — unless what the feed's has more is the site's name (`sitename`): a feed that
    names its site in every item's title. Any other difference keeps the page's: a feed may shorten, a page may say
    more."""
    if not title or not feed_title or title == feed_title:
        return title or feed_title
    page, feed = title.lower(), feed_title.lower()  # lower(), not casefold(): the lengths stay ("ß")
    if page.startswith(feed) and TITLE_SEPARATOR.match(page[len(feed) :]):
        return feed_title
    if feed.startswith(page) and (separator := TITLE_SEPARATOR.match(feed[len(page) :])):
        more = feed[len(page) + separator.end() :]
        return title if sitename and fold(more) == fold(sitename) else feed_title
    return title


def _printed_start(title: str, page: Page, sites: SiteNames) -> str | None:
    """The post's printed heading where a stated title is that heading and more after a separator ("Post – Site
    tagline", "Post - Rezept von Site"): a site name the page does not spell out, or the view of the post the page
    is (FlatPress's own page of a post's comments: "Post : comments"). None otherwise."""
    separators = sorted([*TITLE_SEPARATOR.finditer(title), *_SPACED_COLON.finditer(title)], key=lambda m: m.start())
    if not separators:
        return None
    heading = _marked(page, sites) or next((text for _, text in _post_h1s(page, sites)), None)
    folded = fold(heading or "")
    return heading if folded and any(fold(title[: m.start()]) == folded for m in separators) else None


def _episode_heading(title: str, page: Page, sites: SiteNames) -> str | None:
    """The post's printed heading where a stated title is that heading after the number of its episode in a
    series ("3화 서울의 골목을 걷다": Kakao Brunch states a brunchbook episode's og:title and <title> so, and prints
    the post's own title alone in its h1.cover_title). None otherwise."""
    if not (match := _EPISODE.match(title)):
        return None
    heading = _marked(page, sites) or next((text for _, text in _post_h1s(page, sites)), None)
    return heading if heading and fold(heading) == fold(match[1]) else None


def without_site(title: str | None, sites: SiteNames) -> str | None:
    """The title without a leading or trailing part that is the site's name; None when it is only that."""
    title = _cleaned(title)
    if not title or title in sites or _LEADING_SEPARATOR.match(title):
        return None
    separators = list(TITLE_SEPARATOR.finditer(title))
    if separators and sites.named_by(title[separators[-1].end() :]):
        return _filled(title[: separators[-1].start()])
    if separators and sites.named_by(title[: separators[0].start()]):
        return _filled(title[separators[0].end() :])
    if (colon := _AFTER_SITE_COLON.search(title)) and title[: colon.start()] in sites and title[colon.end() :]:
        return title[colon.end() :]
    return title


def _filled(part: str | None) -> str | None:
    """The page's part of a title template, unless JavaScript filled it with no value (_MISSING_VALUE); trafilatura's
    guess cuts the site's part itself, and a heading the theme marks up has been read before it."""
    return None if part in _MISSING_VALUE else part


def _cleaned(value: str | None) -> str | None:
    """Whitespace folded; entities a plugin escaped twice ("&#8222;") decoded."""
    if not value:
        return None
    text = " ".join(value.split())
    return html.unescape(text) if _ENTITY.search(text) else text or None


def _meta(page: Page, name: str) -> str | None:
    return next(iter(page.meta.get(name, [])), None)


def _marked(page: Page, sites: SiteNames) -> str | None:
    """The first title the theme marks up (or a heading linking to the page itself, blosxom's heading anchored at
    the file's name, chronicle's entry title: _CHRONICLE_TITLES) that belongs to this page: not in chrome (related
    posts, sidebars, comments), not linking to another page, not the site's name — and of those, the longest the
    document's <title> names (as words), where one does: OceanWP marks its section header ("Blog", an
    <h1 itemprop="headline"> above the post) as it marks the post's title."""
    self_urls = {_plain(page.url, ""), _plain(page.base, _canonical(page) or page.url)} - {""}
    marked = _outside_other_posts(page, page.select(POST_TITLES))[:MAX_HEADINGS_READ]
    linking = [h for h in _SELF_LINK_HEADINGS(page.tree)[:MAX_HEADINGS_READ] if _links_to(h, page, self_urls)]
    found = []
    # no walk of the tree where its classes rule the engines' markup out (most pages)
    chronicle = _CHRONICLE_TITLES(page.tree)[:MAX_HEADINGS_READ] if _CHRONICLE_CLASSES & page.names.classes else []
    for element in marked + linking + _anchored_at_file_name(page) + chronicle:
        permalinks = set(heading_permalinks(element))
        text = _cleaned(_heading_text(element, permalinks) or element.get("content"))
        if not text or text in sites or page.in_chrome(element) or _a_date(element) or _in_another_card(element):
            continue
        link = next((a for a in element.iter("a") if a.get("href") and a not in permalinks), None)
        if link is not None and not _links_to(element, page, self_urls):
            continue  # a teaser's title: next/previous post, a listing
        found.append(text)
    title_element = page.tree.find(".//title")
    document = _words(text_of(title_element)) if title_element is not None else ""
    named = [text for text in found if _names(document, _words(text))]
    return max(named, key=len) if named else next(iter(found), None)


def _in_another_card(element: HtmlElement) -> bool:
    """A microformats2 `p-name` of a microformat nested in the post's h-entry — its author's h-card, a cited
    h-cite —: that one's name, not the post's (a property belongs to its nearest root, `h-*`). An IndieWeb note has
    no name of its own, and the name in its byline's h-card was its title."""
    if "p-name" not in (element.get("class") or "").split():
        return False
    for node in (element, *element.iterancestors()):
        roots = [name for name in (node.get("class") or "").split() if name.startswith("h-")]
        if roots:
            return "h-entry" not in roots
    return False


def _outside_other_posts(page: Page, titles: list[HtmlElement]) -> list[HtmlElement]:
    """The titles that are not other posts' in a query loop or its post template (selectors.OTHER_POSTS) inside the
    post: the theme unit test's query-loop posts list a dozen posts' `.wp-block-post-title`s above the end of the
    post's content, where Spacious and ThemeGrill's other themes print the post's one marked title (a hidden hAtom
    `.entry-title`), and the first twelve marked were the query loop's."""
    others = page.select_unordered(OTHER_POSTS)
    if not others:
        return titles
    return [t for t in titles if not any(node in others for node in (t, *t.iterancestors()))]


def _own(page: Page, title: str | None) -> str | None:
    """The title trafilatura guessed, unless it is what a heading linking to another page says (another post's
    teaser): a post without a title (WordPress's asides and status updates, the theme unit test's "Edge Case: No
    Title") whose page has neither an <h1> nor a <title> other than the site's name was titled after a related post
    that Customizr's "You may also like" cards print under it, a different one on each visit."""
    if not title:
        return title
    self_urls = {_plain(page.url, ""), _plain(page.base, _canonical(page) or page.url)} - {""}
    for heading in _SELF_LINK_HEADINGS(page.tree)[:MAX_HEADINGS_READ]:
        if _cleaned(text_of(heading)) == title and not _links_to(heading, page, self_urls):
            return None
    return title


def _a_date(heading: HtmlElement) -> bool:
    """The heading prints nothing but a <time>: the post's date, no title. micro.blog's Marfa theme prints a post's
    date as a permalink in its header's heading (`<h2 class="headline"><time class="dt-published"><a class="u-url"
    href=…>May 18, 2024</a></time></h2>`), under the title's <h1> where the post has a title — a micropost has
    none."""
    text = text_of(heading)
    return any(text_of(time) == text for time in heading.iter("time"))


def _no_date(page: Page, title: str | None) -> str | None:
    """The title, unless it is what a heading printing nothing but a <time> says (_a_date): trafilatura takes a
    titleless micro.blog post's date heading for its title."""
    if title and any(_a_date(h) and _cleaned(text_of(h)) == title for h in _SUBHEADINGS(page.tree)[:MAX_HEADINGS_READ]):
        return None
    return title


def _anchored_at_file_name(page: Page) -> list[HtmlElement]:
    """The heading that is an anchor named as the page's file is named, without its extension: blosxom's stock
    html flavour prints an entry's title as `<h3><a name="$fn">$title</a></h3>` on the entry's own page
    (`$path/$fn.html`), whose <title> and <h1> are the blog's title alone."""
    name = urlsplit(page.url).path.rpartition("/")[2]
    stem, dot, extension = name.rpartition(".")
    if not (dot and stem and extension.isalnum()):
        return []
    return [
        heading
        for heading in _ANCHOR_HEADINGS(page.tree, name=stem)[:MAX_HEADINGS_READ]
        if text_of(heading) == text_of(heading[0])
    ]


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _names(document: str, words: str) -> bool:
    """The <title>'s `document` words hold `words` as whole words ("blog" is not in "blogging tips")."""
    return bool(words) and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", document) is not None


def _links_to(heading: HtmlElement, page: Page, urls: set[str]) -> bool:
    """True when the heading is a link to the page itself (its text the link's): a permalink heading — not a
    section's anchor, the link to the heading's own id (_anchors_itself)."""
    link = heading if heading.tag == "a" else first(heading, "a[href]")
    if link is None or (href := link.get("href", "").strip()).startswith("#") or not href:
        return False
    if _anchors_itself(heading, link, href):
        return False
    return text_of(link) == text_of(heading) and _plain(page.base, href) in urls


def _anchors_itself(heading: HtmlElement, link: HtmlElement, href: str) -> bool:
    """The link's fragment is the heading's own id: a section heading of the body made a link to itself, the page's
    path before the fragment. Nuxt Content's prose headings print so (`<h2 id="about-me"><a
    href="/articles/post#about-me">`), where markdown-it-anchor and Python-Markdown write the fragment alone."""
    fragment = unquote(urlsplit(href).fragment)
    return bool(fragment) and fragment in {heading.get("id"), link.get("id"), link.get("name")}


def _plain(base: str, href: str) -> str:
    """`href` resolved, without fragment, index file or trailing slash, its %XX escapes in capitals (RFC 3986 2.1:
    FlatPress writes `%ea%b2`, the crawl asks for `%EA%B2`), for comparing a link with the page."""
    if (url := joined(base, href)) is None:  # "http://[not-an-address]/"
        return ""
    parts = urlsplit(url)
    path = re.sub(r"(?:/index\.(?:html?|php))?/*$", "", parts.path)
    plain = f"{parts.netloc.lower()}{path}" + (f"?{parts.query}" if parts.query else "")
    return _ESCAPE.sub(lambda escape: escape.group().upper(), plain) if "%" in plain else plain


def _canonical(page: Page) -> str | None:
    for link in page.tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return None


def _from_document(page: Page, sites: SiteNames) -> str | None:
    """The <title> read against the page's <h1>s: an <h1> the <title> names is the title as the post prints it;
    else an <h1> before the post's first paragraph; else the <title> less the site's name; else any <h1>."""
    title_element = page.tree.find(".//title")
    raw = _cleaned(text_of(title_element)) if title_element is not None else None
    document = without_site(raw, sites)
    headings = _post_h1s(page, sites)
    if raw and (printed := _beside_the_site_heading(page, raw, headings, sites)):
        return printed
    folded_title = fold(raw or "")
    for _, text in headings:
        if folded_title and fold(text) in folded_title:
            return text
    if headings and (document is None or _before_first_paragraph(page, headings[0][0])):
        return headings[0][1]
    return document or (headings[0][1] if headings else None)


def _beside_the_site_heading(
    page: Page, raw: str, headings: list[tuple[HtmlElement, str]], sites: SiteNames
) -> str | None:
    """The post's <h2> or <h3> where the page's <h1> is one end of the <title> and that heading the other: a
    hand-made layout, or Lektor's blog, prints the site's name as the <h1> of every page ("<title>Post — Site",
    `<h1>Site</h1>`, `<h2>Post</h2>`).

    Not where that <h1> is inside the post's <article> or <main> (the post's own heading, not a layout's site
    name), nor with an <h2>/<h3> in a sidebar: Nanoc's `create-site` layout titles every page "<site> - <item's
    title>", prints the item's <h1> in `div#main` and headed widgets in `div#sidebar`, whose heading may spell
    the site's name — a widget's heading, never the post's title. Nor where the <title>'s other end is the site's
    name: that <h1> is the post's title outside its <article>, and the heading spelling the site's name a layout's
    (Spacious prints the post's title in an h1.header-post-title-class above the post, the site's in an h3)."""
    separators = list(TITLE_SEPARATOR.finditer(raw))
    if not separators or not headings:
        return None
    first_sep, last_sep = separators[0], separators[-1]
    ends = {
        fold(raw[last_sep.end() :]): raw[: last_sep.start()],
        fold(raw[: first_sep.start()]): raw[first_sep.end() :],
    }
    other = next((ends[fold(text)] for h1, text in headings if fold(text) in ends and not _IN_POST(h1)), None)
    if other is None or _cleaned(other) in sites:
        return None
    wanted = fold(other)
    sidebars = page.sidebars
    return next(
        (
            text
            for h in _SUBHEADINGS(page.tree)[:MAX_HEADINGS_READ]
            if fold(text := text_of(h)) == wanted and h not in sidebars and sidebars.isdisjoint(h.iterancestors())
        ),
        None,
    )


def _post_h1s(page: Page, sites: SiteNames) -> list[tuple[HtmlElement, str]]:
    """The page's <h1>s that are not the layout's site name nor chrome, those inside the post's <article> or
    <main> first."""
    found = []
    for h1 in _H1S(page.tree)[:MAX_HEADINGS_READ]:
        text = _cleaned(_heading_text(h1, set(heading_permalinks(h1))))
        if not text or text in sites or page.in_chrome(h1) or _around_home_link(h1, page):
            continue
        found.append((h1, text))
    return sorted(found, key=lambda item: not _IN_POST(item[0]))


def _heading_text(element: HtmlElement, permalinks: set[HtmlElement]) -> str:
    """The element's text without its heading `permalinks`: Python-Markdown's `toc` permalink (MkDocs, Pelican)
    puts `<a class="headerlink" href="#id">¶</a>` in every heading, the post's <h1> too ("Coffee Note ¶"); nor
    its category label (_CATEGORY_LABELS), nor its date (_DATES_IN_TITLE)."""
    with detached([*permalinks, *_CATEGORY_LABELS(element), *_DATES_IN_TITLE(element)]):
        return text_of(element)


def _around_home_link(h1: HtmlElement, page: Page) -> bool:
    anchors = [a for a in h1.iterancestors("a")] + list(h1.iter("a"))
    return any(is_home_link(a, page.base) for a in anchors)


def _before_first_paragraph(page: Page, h1: HtmlElement) -> bool:
    """True when no paragraph of the page (outside headers and chrome) comes before the <h1>."""
    for element in _PARAGRAPHS_AND_H1S(page.tree):
        if element is h1:
            return True
        if element.tag == "p" and text_of(element) and not _IN_HEADER(element) and not page.in_chrome(element):
            return False
    return True
