"""Chrome taken out of trafilatura's output: the blocks whose text the page shows only inside chrome.

A theme's share bar, related posts, byline, widget or aside (selectors.NOT_POST) that trafilatura kept is dropped
block by block — a paragraph, heading, list item, quote or table cell whose text occurs on the page as often inside
chrome regions as on the whole page. A block that also stands in the post ("Share" as a word of the prose) stays.
Generic class names also mark posts themselves (`div.entry.themeform.share` around a whole post), so a region
holding a large share of the page's text is never chrome, and when the chrome would take most of the output the
output is left whole: it is then the post.

A page whose post has no text at all (a title-only entry, a stub for a post published elsewhere) is a different
case: trafilatura, finding no post, falls back on the page's whole text — its menus. When the page's post-body
container is empty (the theme's post-body element, else its `main`, else its `article`: no text, no image, video or
frame) and trafilatura's output is the page's landmarks of navigation (`nav`, a `header` or `footer` outside any
article or main, their ARIA roles) and hidden text but for a few words (the post's title, date and share links),
there is no body text (`only_navigation`). Either alone is not enough: on the shared real pages a `<header>` left
unclosed holds a whole article, a paywalled article is hidden until paid for, a block theme's empty `<main>` group
stands beside the post, and a theme's empty `itemprop=articleBody` beside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from crawler.extraction.content import holds_media
from crawler.extraction.page import HtmlElement, Page, compiled, narrowed
from crawler.extraction.selectors import POST_BODY_SELECTOR

MAX_DROPPED_SHARE = 0.5  # of the output's text: more than this and the "chrome" is the post
_BLOCKS = ("p", "head", "item", "quote", "code", "cell")
_CONTAINERS = ("list", "table", "row", "quote")
MAX_OTHER_WORDS = 30  # beside the navigation: a post's title, date and share links around its empty body
_MAIN = etree.XPath("//main | //*[@role='main']")
_ARTICLES = etree.XPath("//article")
# HTML's landmarks that are never a post's, and what the page hides; outermost only.
_NAVIGATION = etree.XPath(
    "//*[(self::nav or @role='navigation' or @role='banner' or @role='contentinfo' or @hidden"
    " or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')"
    " or (self::header or self::footer) and not(ancestor::article or ancestor::main))"
    " and not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::*[@role='navigation'"
    " or @role='banner' or @role='contentinfo' or @hidden or @aria-hidden='true'])]"
)

# What a page keeps for its scripts and shows no reader: an element hidden by the `hidden` attribute (not
# "until-found", whose text a reader's search reveals) or an inline display:none, holding text and no element — data,
# not a part of the page laid out and hidden for now (a closed menu, a slide): Naver Blog's
# div.social_plugin_property, the post's share data as JSON.
_HIDDEN_DATA = etree.XPath(
    "//body//*[@hidden and @hidden != 'until-found' or contains(translate(@style, ' ', ''), 'display:none')]"
    "[not(*)][normalize-space()]"
)


def drop_chrome_blocks(body: etree._Element, page: Page, max_region_share: float) -> bool:
    """Removes, in place, the blocks of trafilatura's output `body` that come from the page's chrome; True when
    it removed any. `max_region_share`: a chrome match holding more than this share of the page's text is not
    chrome."""
    chrome_text = _chrome_text(page, max_region_share)
    if not chrome_text:
        return False
    page_text = _squashed(page.text)
    doomed, dropped = [], 0
    for block in body.iter(*_BLOCKS):
        text = _squashed("".join(block.itertext()))
        if not text or any(d in block.iterancestors() for d in doomed):
            continue
        if text in chrome_text and chrome_text.count(text) >= page_text.count(text):
            doomed.append(block)
            dropped += len(text)
    total = len(_squashed("".join(body.itertext())))
    if not doomed or dropped > MAX_DROPPED_SHARE * total:
        return False
    for block in doomed:
        _remove(block)
    for container in reversed(list(body.iter(*_CONTAINERS))):  # innermost first: a row, then its table
        if not _squashed("".join(container.itertext())) and container.getparent() is not None:
            _remove(container)
    return True


def drop_hidden_data(body: etree._Element, page: Page) -> bool:
    """Removes, in place, the blocks of an extraction's output `body` whose text the page holds only in its hidden
    data (_HIDDEN_DATA); True when it removed any. trafilatura's fallbacks for a text it finds too short
    (readability's, its baseline, jusText's) read what the page hides: a short post on Naver Blog's mobile page came
    out as the JSON of its hidden div.social_plugin_property. Judged after the fact: a page whose extraction holds
    none of that data reads as before."""
    data = [_squashed(page.text_in(e)) for e in _HIDDEN_DATA(page.tree)]
    data = "\n".join(text for text in data if text)
    if not data:
        return False
    page_text = _squashed(page.text)
    doomed = []
    for block in body.iter(*_BLOCKS):
        text = _squashed("".join(block.itertext()))
        if (
            text
            and text in data
            and data.count(text) >= page_text.count(text)
            and not any(d in block.iterancestors() for d in doomed)
        ):
            doomed.append(block)
    for block in doomed:
        _remove(block)
    return bool(doomed)


# The label an ad slot prints over its ad ("Anzeige", "Werbung", "Advertisement", "Reklama" …): the ad itself, a
# script's frame, leaves no text, and the label stood as a line between the post's paragraphs.
_AD_LABEL = re.compile(
    r"^\W*(?:ad|ads|advertisement|advertisements|advertising|anzeige|werbung|reklama|reklame|publicidad|publicité"
    r"|pubblicità|advertentie|annons|mainos|реклама|광고|広告|sponsored)\W*$",
    re.IGNORECASE,
)
# A class or id word naming an ad slot, its words split at "-", "_" and a lower-to-upper case change ("infor-ad",
# "textAds", "AdContainer", "section-ad", "adv-info"): not "add", "adress", "head"
_AD_WORDS = frozenset(("ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsense", "adslot"))
_WORDS_OF_NAME = re.compile(r"[-_]+|(?<=[a-z])(?=[A-Z])")
AD_SLOT_LEVELS = 3  # the label, or an element around it up to this many levels out, names the ad slot
_CLASSED_OR_IDENTIFIED = etree.XPath("//body//*[@class or @id]")


def ad_labels(page: Page) -> list[HtmlElement]:
    """The labels of the page's ad slots: each element whose text is an ad's label alone (_AD_LABEL) and that is
    named as an ad slot (_AD_WORDS in its class or id), or stands inside one at most AD_SLOT_LEVELS levels in. A
    blogger's own "Werbung" over a sponsored post, a disclosure, is no ad slot's and stays."""
    names = {name for name in (*page.names.classes, *page.names.ids) if _names_an_ad(name)}
    if not names:
        return []
    slots = [
        e for e in _CLASSED_OR_IDENTIFIED(page.tree) if not names.isdisjoint((*e.get("class", "").split(), e.get("id")))
    ]
    labels = {e for slot in slots for e in _within(slot, AD_SLOT_LEVELS) if _AD_LABEL.match(e.text_content())}
    return [e for e in labels if not any(a in labels for a in e.iterancestors())]


def _within(element: HtmlElement, levels: int) -> Iterator[HtmlElement]:
    """The element and its descendants at most `levels` levels in."""
    yield element
    if levels:
        for child in element:
            if isinstance(child.tag, str):
                yield from _within(child, levels - 1)


@contextmanager
def ad_labels_silenced(page: Page) -> Iterator[None]:
    """The page's ad labels (ad_labels) without their words for the time of the block: emptied, not taken out, as an
    ad slot may stand inside a paragraph whose words go on after it (its tail)."""
    with _emptied([(e, e is not label) for label in ad_labels(page) for e in label.iter()]):
        yield


@contextmanager
def _emptied(parts: list[tuple[HtmlElement, bool]]) -> Iterator[None]:
    """Each element without its text (and its tail, where its flag says so) for the time of the block."""
    kept = [(element, element.text, element.tail if with_tail else None) for element, with_tail in parts]
    for element, _, tail in kept:
        element.text = None
        if tail is not None:
            element.tail = None
    try:
        yield
    finally:
        for element, text, tail in kept:
            element.text = text
            if tail is not None:
                element.tail = tail


# PHP's error messages as its display_errors prints them into a page, before or amid the HTML a blog's software
# writes (an old WordPress on a newer PHP): "<b>Deprecated</b>:  message in <b>/path/file.php</b> on line <b>42</b>"
_PHP_LEVELS = (
    "Warning",
    "Notice",
    "Deprecated",
    "Strict Standards",
    "Fatal error",
    "Parse error",
    "Catchable fatal error",
)
_PHP_ERROR_LEVELS = etree.XPath(
    "//b["
    + " or ".join(f"normalize-space() = '{level}'" for level in _PHP_LEVELS)
    + "][starts-with(normalize-space(following-sibling::node()[1]), ':')]"
)


@contextmanager
def php_errors_silenced(page: Page) -> Iterator[None]:
    """PHP's error messages in the page (_PHP_ERROR_LEVELS: its level, the message, the script and the line, each
    part in its place) without their words for the time of the block: dozens of "Deprecated: … in
    /www/htdocs/…/wp-settings.php on line 520" lines stood in the post's text. The text after the line's number
    stays."""
    parts: list[tuple[HtmlElement, bool]] = []
    for level in _PHP_ERROR_LEVELS(page.tree):
        path = level.getnext()
        number = path.getnext() if path is not None else None
        if (
            path is None
            or number is None
            or path.tag != "b"
            or number.tag != "b"
            or not (path.text or "").strip().endswith(".php")
            or (path.tail or "").strip() != "on line"
            or not (number.text or "").strip().isdigit()
        ):
            continue
        parts += [(level, True), (path, True), (number, False)]
    with _emptied(parts):
        yield


def _names_an_ad(name: str) -> bool:
    return bool(name) and any(word.lower() in _AD_WORDS for word in _WORDS_OF_NAME.split(name))


def only_navigation(body: etree._Element, page: Page) -> bool:
    """True when the page's post container is empty and trafilatura's output `body` is the page's navigation
    landmarks and hidden text but for a few words (the post's title, date and share links, a "top" link): the
    page's post has no text (see the module's docstring). Lines, not blocks: trafilatura's fallback gives the
    page's text as one paragraph, a line per element."""
    container = _empty_container(page)
    if container is None:
        return False
    regions = "\n".join(_squashed(page.text_in(e)) for e in _NAVIGATION(page.tree))
    page_text = _squashed(page.text)
    lines = [line for line in "".join(body.itertext()).split("\n") if line.strip()]
    rest = [
        line
        for line in lines
        if (squashed := _squashed(line)) not in regions or regions.count(squashed) < page_text.count(squashed)
    ]
    return bool(lines) and sum(len(line.split()) for line in rest) <= MAX_OTHER_WORDS


def _empty_container(page: Page) -> HtmlElement | None:
    """The post's body container when the page has one and it is empty (no text, no image, video or frame): the
    first match of the most specific post-body selector the page has (selectors.CONTENT_ROOTS before the generic
    `.content`), else its `main`, else its `article`; every match empty."""
    for selector in narrowed(POST_BODY_SELECTOR, page.names):
        if found := compiled((selector,))(page.tree):
            return found[0] if not any(page.text_in(e) or holds_media(e) for e in found) else None
    containers = _MAIN(page.tree) or _ARTICLES(page.tree)
    return containers[0] if containers and not any(page.text_in(e) or holds_media(e) for e in containers) else None


def _remove(element: etree._Element) -> None:
    """Takes the element out and keeps its tail (text that follows it inside its parent)."""
    parent, tail = element.getparent(), element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _chrome_text(page: Page, max_region_share: float) -> str:
    """The text of the page's small chrome regions, each counted once (a region inside a small one is part of it),
    whitespace removed, one region per line so that no block matches across two of them."""
    regions = frozenset(e for e in page.chrome if e.tag != "form")
    limit = max_region_share * len(page.text)

    def small(region: HtmlElement) -> bool:
        return len(page.text_in(region)) <= limit

    chosen = [e for e in regions if not any(a in regions and small(a) for a in e.iterancestors()) and small(e)]
    return "\n".join(_squashed(page.text_in(e)) for e in chosen)


def _squashed(text: str) -> str:
    """Text without any whitespace: trafilatura and the page's tree space inline elements differently."""
    return "".join(text.split())
