"""The entries a page lists: the teasers of a blog's home, archive, tag and author pages, each a block that links to
one other page of the site by its title.

An entry's title link is a link in a heading (h1–h6), a link around one (a card: Hugo's beautifulhugo `<article
class=post-preview><a href=…><h2>`), an empty link a card stretches over itself, labelled with its heading (Hugo's
PaperMod: `<a class=entry-link aria-label="post link to …">`), or a link in a list item that also holds a <time>
(or, as its one link, an element of class date): the markup of listings in WordPress, Blogger, Ghost, Hugo and
Jekyll themes alike (`<article><h2><a href=…>`, Jekyll minima's `<li><span class=post-meta>…<h3><a
class=post-link>`, archive pages' `<li><time>…</time> <a>`, Hugo Coder's `<li><span class=date>…</span> <a>`). Its
block is the largest element around the link that holds no other entry's link. Links in the page's chrome (sidebars,
footers, related posts, post navigation: crawler/extraction/selectors.py NOT_POST) are no entries, nor is a link to
the site's home page: a listing lists the site's other pages, and a heading that links home is the site's title or a
"Back to posts" over a post (its block, around both the post and its previous/next teasers, would hold the post).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urldefrag, urlsplit

from lxml import etree

from crawler.extraction.page import HtmlElement, Page, text_of, union_of, word_count
from crawler.extraction.sitename import fold, is_home_link
from crawler.urls import joined

_HEADING = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
# A list item that prints a date: an archive's entry, its date in a <time>, or in an element whose class says so
# beside the item's one link (Hugo's Coder and many hand-made archives: <li><span class="date">May 20, 2023</span>
# <a>Title</a></li>; a news site's teaser rail links a picture and a title in each item; Kakao Brunch's lists of
# posts — an author's page, a keyword's, a brunchbook's — `<li><a class="link_post">` around the teaser's
# strong.tit_subject, its summary and its span.publish_time).
_DATE_CLASS = " or ".join(
    f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"
    for name in ("date", "post-date", "entry-date", "publish_time")
)
# An archive's entry without a <time> (those are above) that is its one link and the post's date beside it: in an
# element whose class ends in -date (FixIt's <article class="archive-item"><a class="archive-item-link">…</a>
# <span class="archive-item-date" title="2024-03-22 10:00:00">03-22</span>), or in words outside the link that name
# a year (Archie's <li class="post"><a>제주 바다</a> <span class="meta">8월 15, 2024</span></li>).
_DATED_BESIDE = (
    "contains(concat(' ', normalize-space(@class), ' '), '-date ') or re:test(., '(^|[^0-9])(19|20)[0-9]{2}([^0-9]|$)')"
)
# A teaser's "Read more": Hexo cuts a post's excerpt at its `<!-- more -->` and marks the place in the post with
# <span id="more">; its themes link each teaser's "Read more" to it (landscape's `a.article-more-link`, Icarus's
# `a.article-more`, NexT's), and Icarus titles its teasers with a <p class="title">, no heading.
_READ_MORE = "substring(@href, string-length(@href) - 4) = '#more'"
# A title that is no heading, by its class: hAtom's `entry-title`, a theme's `post-title`, a paragraph of Bulma's
# `title` (Hexo's Icarus prints each teaser's title, on its archives too, as <p class="title"><a>).
_TITLE_CLASS = (
    ("self::p", "title"),
    ("self::p or self::div or self::span", "entry-title"),
    ("self::p or self::div or self::span", "post-title"),
)
# A card's title in Materialize's markup: `.card-title` in the card's `.card-image`, a link around it (Hexo's
# Matery: `<div class="card"><a href=…><div class="card-image"><img …><span class="card-title">…</span></div></a>`)
_CARD_TITLE = "contains(concat(' ', normalize-space(@class), ' '), ' card-title ')"
# A note, untitled, as IndieWeb sites print it in their streams: a microformats2 h-entry that links no heading, its
# permalink its date (a link around its `<time>`, `u-url` or not: an Eleventy site's activity stream)
_NOTE_PERMALINK = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')]"
    f"[not(.//*[{_HEADING}]//a[@href])]//a[@href][.//time]"
)
_CLASSED = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
# Each kind of title link: its XPath, and the class names an element must carry for it to match (a kind whose classes
# the page never uses is not looked for: page.union_of)
_TITLE_LINKS = (
    (f"//*[{_HEADING}]//a[@href]", ()),
    (f"//a[@href][descendant::*[{_HEADING}]]", ()),
    (f"//a[{_READ_MORE}]", ()),
    (_NOTE_PERMALINK, ("h-entry",)),
    *((f"//*[{tags}][{_CLASSED.format(name)}]//a[@href]", (name,)) for tags, name in _TITLE_CLASS),
    (f"//a[@href][.//*[{_CARD_TITLE}]]", ("card-title",)),
    (f"//li[.//time or count(.//a[@href]) = 1 and .//*[{_DATE_CLASS}]]//a[@href][not(ancestor::*[{_HEADING}])]", ()),
    (
        f"//*[self::li or self::article][count(.//a[@href]) = 1][not(.//time)]"
        f"[*[not(self::a)][not(.//a)][{_DATED_BESIDE}]]//a[@href][not(ancestor::*[{_HEADING}])]",
        (),
    ),
)
# A card's overlay link: empty, stretched over the card by CSS, named for screen readers (PaperMod's
# `<a class="entry-link" aria-label="post link to …">` beside the card's <h2>); see _names_its_card().
_OVERLAY_LINKS = etree.XPath("//a[@href][not(normalize-space())][not(.//img)][@aria-label or @title]")
_HEADINGS_IN = etree.XPath(f".//*[{_HEADING}]")

# The element one entry of a listing is, in the themes' markup: <article>, a list item, microformats' h-entry,
# WordPress's .hentry/.post.
_ENTRY = etree.XPath(
    "self::article or self::li or contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hentry ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' post ')"
)

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


# A block this many times the words of every other is no teaser of the same listing (see without_the_post()).
DOMINANT_BLOCK = 4


@dataclass(frozen=True)
class Entries:
    count: int  # how many entries: blocks of one kind, each linking to one other page by its title
    words: int  # the words of the entries' blocks together
    texts: tuple[str, ...] = ()  # each entry's text, whitespace folded


def find_entries(page: Page) -> Entries:
    """The page's entries: the other pages of the site it links to by their titles, outside its chrome."""
    texts = [text_of(block) for block in teaser_blocks(page)]
    return Entries(len(texts), sum(map(word_count, texts)), tuple(texts))


def teaser_blocks(page: Page) -> list[HtmlElement]:
    """The blocks of the page's entries, without the page's own post (`the_post`)."""
    own = _bare(page.url)
    host = urlsplit(page.url).netloc.lower()
    links: dict[str, HtmlElement] = {}
    overlays = [link for link in _OVERLAY_LINKS(page.tree) if _names_its_card(link)]
    for link in [*union_of(page, _TITLE_LINKS), *overlays]:
        url = urldefrag(joined(page.base, link.get("href")) or "").url
        if urlsplit(url).netloc.lower() != host or _bare(url) == own or url in links or page.in_chrome(link):
            continue
        if is_home_link(link, page.base):
            continue
        links[url] = link
    pairs = _blocks(links)
    post = the_post([text_of(block) for block, _ in pairs], [_a_card(*pair) for pair in pairs])
    if post is not None and _shown_in_full(pairs, post, page):
        post = None
    return [block for index, (block, _) in enumerate(pairs) if index != post]


def _shown_in_full(pairs: list[tuple[HtmlElement, HtmlElement]], post: int, page: Page) -> bool:
    """The dominant block (`the_post`) is one more of the listing's entries, a post it prints in full (Jekyll's
    paginator pages, one long post among short ones): the same element as each other block (tag and class: a listing
    repeats one element per entry), opening with its heading, a link to another page. The page's own post is not —
    a news story's wrapper stands apart from the teasers beside it, and one quoting a related story's linked heading
    opens with its own words, or with a rubric's heading ("Nacionales") in a wrapper of its own."""
    block = pairs[post][0]
    if any(other.get("class") != block.get("class") for index, (other, _) in enumerate(pairs) if index != post):
        return False
    heading = next(iter(_HEADINGS_IN(block)), None)
    title = "" if heading is None else text_of(heading)
    return bool(title) and text_of(block).startswith(title) and titled_elsewhere(block, page)


def titled_elsewhere(element: HtmlElement, page: Page) -> bool:
    """The element's first heading links to another page: a listing's teaser of a post (Nikola's index pages mark
    each full-text post up as a schema.org Article whose <h1> links to it), not the page's own post, whose heading
    links to the page itself or to nothing."""
    heading = next(iter(_HEADINGS_IN(element)), None)
    link = None if heading is None else heading.find(".//a[@href]")
    if link is None:
        return False
    url = urldefrag(joined(page.base, link.get("href")) or "").url
    return bool(url) and _bare(url) != _bare(page.url)


def _names_its_card(link: HtmlElement) -> bool:
    """An empty link whose label names the one heading of the element it stands in, or, in a card without
    headings, whose aria-label is the text of one of its elements (Hugo Blowfish's `div.group-hover-card-title`): a
    card's overlay link."""
    parent = link.getparent()
    if parent is None:
        return False
    headings = _HEADINGS_IN(parent)
    label = fold(link.get("aria-label") or link.get("title") or "")
    if headings:
        return len(headings) == 1 and bool(title := fold(text_of(headings[0]))) and title in label
    named = fold(link.get("aria-label") or "")  # the link's name for screen readers, not a tooltip
    return bool(named) and any(fold(text_of(e)) == named for e in parent.iterdescendants("div", "span", "p"))


def without_the_post(texts: list[str], cards: Sequence[bool] = ()) -> list[str]:
    """The entries' texts without the page's own post among them (`the_post`)."""
    post = the_post(texts, cards)
    return [text for index, text in enumerate(texts) if index != post]


def the_post(texts: list[str], cards: Sequence[bool] = ()) -> int | None:
    """Which of the entries' texts, if any, holds DOMINANT_BLOCK times the words of each other: the teasers of a
    listing are alike, and a block that large is the page's own content around a title link (a news post whose
    wrapper also holds a link to another story, with the teasers of a rail outside it). A block that `cards` marks
    (all its text within its title link) is a teaser however it compares: Hugo Stack lists a section's pages as
    cards, one of them dated ("Archives Tuesday, May 28, 2019"), the others a word each ("About")."""
    if len(texts) < 2:
        return None
    sizes = [len(text.split()) for text in texts]
    largest = max(range(len(texts)), key=sizes.__getitem__)
    if largest < len(cards) and cards[largest]:
        return None
    others = max(size for index, size in enumerate(sizes) if index != largest)
    return largest if sizes[largest] >= DOMINANT_BLOCK * others else None


def _a_card(block: HtmlElement, link: HtmlElement) -> bool:
    """The entry's block is its title link and what the link holds, nothing beside it: a card."""
    return block is link or len(text_of(block).split()) <= len(text_of(link).split())


def _blocks(links: dict[str, HtmlElement]) -> list[tuple[HtmlElement, HtmlElement]]:
    """The entries' blocks: for each link, the child that holds it of its nearest ancestor holding another entry's
    link too (a list item, an <article>, a card); only the blocks of the most common tag, since a listing repeats
    one element per entry (grouped by year or not). A lone link's block is the entry element around it
    (`_ENTRY`), else its heading's parent."""
    if len(links) == 1:
        link = next(iter(links.values()))
        return [(_entry_around(link), link)]
    holding: Counter[HtmlElement] = Counter()
    for link in links.values():
        holding.update(link.iterancestors())
    blocks = []
    for link in links.values():
        child = link
        for ancestor in link.iterancestors():
            if holding[ancestor] > 1:
                break
            child = ancestor
        blocks.append((child, link))
    tags = Counter(block.tag for block, _ in blocks)
    tag = tags.most_common(1)[0][0] if tags else None
    return [(block, link) for block, link in blocks if block.tag == tag]


def _entry_around(link: HtmlElement) -> HtmlElement:
    parent = link.getparent()
    if parent is not None and not text_of(link) and not link.xpath(".//img"):
        return parent  # a card's overlay link (_OVERLAY_LINKS): the card
    ancestors = list(link.iterancestors())
    entry = next((element for element in ancestors if _ENTRY(element)), None)
    if entry is not None:
        return entry
    heading = next((element for element in ancestors if element.tag in _HEADINGS), link)
    parent = heading.getparent()
    return parent if parent is not None else heading


def _bare(url: str) -> str:
    parts = urlsplit(url)
    return parts._replace(scheme="", fragment="", path=parts.path.rstrip("/") or "/").geturl()
