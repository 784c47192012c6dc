"""One page, parsed once: the lxml tree every part of extraction reads, and what they share about it.

Each finder (metadata, author boxes, images, comments, page kind) takes a `Page` instead of parsing the HTML
again. CSS selectors are compiled once to XPath (lxml.cssselect) and evaluated in C; a selector naming a class, an
id or an attribute the page never uses is dropped before the tree is walked (see `narrowed`): each selector of a
union walks the whole tree, so most of a select's cost was in selectors that could not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache

from cssselect import HTMLTranslator, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash, Tree
from lxml import etree
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector

from crawler.extraction import galleries
from crawler.extraction.selectors import NOT_POST, QUOTE_ATTRIBUTIONS, SIDEBARS
from crawler.extraction.upstream import load_html
from crawler.urls import joined

HtmlElement = lxml_html.HtmlElement

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ATTRIBUTES = etree.XPath("//@*")
_CLASSED = etree.XPath("//*[@class]")
_BASE_HREF = etree.XPath("//base/@href", smart_strings=False)
_IDENTIFIED = etree.XPath("//*[@id]")
_BARE_NAME = re.compile(r"[.#]-?[_a-zA-Z][\w-]*")
# Script and style text is the only child of its element: a parent test, where an ancestor test would walk to
# the root for every text node. (<template> elements are gone from the tree: parse_html.)
_VISIBLE_TEXT = etree.XPath("descendant-or-self::text()[not(parent::script or parent::style)]", smart_strings=False)


def parse_html(html: str) -> HtmlElement | None:
    """The document's lxml tree; None when there is no document at all. Parsed by trafilatura's own loader
    (utils.load_html: its parser options, its repair of a leading doctype libxml2 mishandles, its fallback for an
    XML declaration): on some real pages its extraction finds no body in a tree parsed any other way."""
    html = _XML_DECLARATION.sub("", html, count=1)
    tree = load_html(html)  # None for a fragment it takes for no document: lxml's own parse then
    if not isinstance(tree, HtmlElement):
        try:
            tree = lxml_html.document_fromstring(html)
        except (ValueError, etree.ParserError):
            return None
    if "<template" in html:
        _drop_templates(tree)
    if galleries.MARKER in html:
        galleries.with_gallery_pictures(tree)
    if _ESCAPED_SUMMARY_END in html:
        _close_escaped_summaries(tree)
    return tree


# A <template>'s content is inert (HTML's "template contents": never rendered, there for a script to copy), but a
# parser that knows no templates makes it the element's children: AMP's and other frameworks' Mustache templates
# (`<template type="amp-mustache">{{#images}}…`) were lines of a recipe's text. A declarative shadow root
# (`shadowrootmode`, formerly `shadowroot`) is rendered in place, and stays.
_INERT_TEMPLATES = etree.XPath("//template[not(@shadowrootmode or @shadowroot)]")


def _drop_templates(tree: HtmlElement) -> None:
    for template in _INERT_TEMPLATES(tree):
        if template.getparent() is not None:
            template.drop_tree()


# kramdown (Jekyll's Markdown) reads the content of a raw `<details><summary>Label</summary>` as Markdown and does
# not take the writer's closing tag on the label's line for one: it prints `<summary><p>Label&lt;/summary&gt;</p>`,
# then every block of the details — the rest of the post where the details close at its end — inside the summary,
# which it closes before `</details>`. trafilatura reads a summary as a heading, and of a post whose summary so
# held most of its text (an al-folio blog's Chinese post) it kept that part alone, its first 12,000 characters
# lost. The summary is closed where the writer closed it: the literal tag taken out of its label, the blocks after
# the label moved out of it, after it in the details.
_ESCAPED_SUMMARY_END = "&lt;/summary&gt;"
_UNCLOSED_SUMMARIES = etree.XPath(
    "//summary[*[1][self::p][re:test(., '</summary>\\s*$')]][count(*) > 1]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def _close_escaped_summaries(tree: HtmlElement) -> None:
    for summary in _UNCLOSED_SUMMARIES(tree):
        label, *blocks = list(summary)
        last = label if len(label) == 0 else label[-1]
        attribute = "text" if last is label else "tail"
        setattr(last, attribute, re.sub(r"</summary>\s*$", "", getattr(last, attribute) or ""))
        label.drop_tag()
        at = summary.getparent().index(summary)
        for offset, block in enumerate(blocks, start=1):
            summary.getparent().insert(at + offset, block)


class Page:
    """The parsed page and the facts about it that more than one finder needs, each computed once."""

    def __init__(self, tree: HtmlElement, url: str, source: str = "") -> None:
        """`source`: the HTML text the tree was parsed from, where the caller has it — what the parser drops (the
        HTML comments) is read there."""
        self.tree = tree
        self.url = url
        self.source = source
        self.names = page_names(tree)
        self._texts: dict[HtmlElement, str] = {}

    @classmethod
    def from_html(cls, html: str, url: str) -> Page:
        """A page from its HTML text (an empty document when it has none): for tests and one-off callers."""
        tree = parse_html(html)
        return cls(lxml_html.document_fromstring("<html></html>") if tree is None else tree, url, html)

    @cached_property
    def base(self) -> str:
        """The URL relative links resolve against: <base href>, else the page's URL."""
        for href in _BASE_HREF(self.tree):
            return joined(self.url, href) or self.url
        return self.url

    @cached_property
    def chrome(self) -> frozenset[HtmlElement]:
        """Every element matching NOT_POST (sidebars, share bars, related posts, author boxes …), but a quote's
        attribution in its <footer> (QUOTE_ATTRIBUTIONS)."""
        quotes = self.select_unordered(QUOTE_ATTRIBUTIONS)
        return frozenset(
            e for e in self.select_unordered(NOT_POST) if e.tag not in ("html", "body") and e not in quotes
        )

    @cached_property
    def sidebars(self) -> frozenset[HtmlElement]:
        """Every element matching SIDEBARS (sidebars, widgets, related posts): the date finder and the term links
        both set them aside."""
        return frozenset(self.select_unordered(SIDEBARS))

    def select_unordered(self, selectors: str) -> set[HtmlElement]:
        """The elements of the page matching any of the comma-separated `selectors`, in no order. A bare `.name`
        or `#name` is looked up in one pass over the elements that carry a class or an id, where each selector
        of an XPath union walks the whole tree (a tenth of the time for NOT_POST's 16 classes on a blog post)."""
        classes, ids, rest = _bare_names(selectors)
        classes, ids = classes & self.names.classes, ids & self.names.ids
        found = {e for e in _CLASSED(self.tree) if not classes.isdisjoint(e.get("class").split())} if classes else set()
        if ids:
            found.update(e for e in _IDENTIFIED(self.tree) if e.get("id") in ids)
        if rest:
            found.update(self.select(rest))
        return found

    @cached_property
    def text(self) -> str:
        """The page's visible text, whitespace folded."""
        return text_of(self.tree)

    def text_in(self, element: HtmlElement) -> str:
        """`text_of(element)`, made once per element: chrome regions are measured by more than one finder."""
        if element not in self._texts:
            self._texts[element] = text_of(element)
        return self._texts[element]

    def in_chrome(self, element: HtmlElement) -> bool:
        """True when the element or an ancestor is chrome."""
        chrome = self.chrome
        if not chrome:
            return False
        return element in chrome or any(node in chrome for node in element.iterancestors())

    def select(self, selectors: str, root: HtmlElement | None = None) -> list[HtmlElement]:
        """The elements under `root` (default: the whole document; `root` itself included) matching any of the
        comma-separated `selectors`, in document order."""
        keep = narrowed(selectors, self.names)
        return compiled(keep)(self.tree if root is None else root) if keep else []

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """<meta> contents by lower-cased name / property / itemprop / http-equiv, in document order."""
        index: dict[str, list[str]] = {}
        for tag in self.tree.iter("meta"):
            content = tag.get("content")
            if content is None:
                continue
            for attribute in ("name", "property", "itemprop", "http-equiv"):
                if key := (tag.get(attribute) or "").strip().lower():
                    index.setdefault(key, []).append(content.strip())
        return index


@dataclass(frozen=True)
class Names:
    """What a selector can require of a page: class names, ids and attribute names its elements carry, and (a
    selector's needs only) the parts of an id or a class name its attribute selectors test: (attribute, operator,
    value), `("id", "^=", "busuanzi_")`."""

    classes: frozenset[str]
    ids: frozenset[str]
    attributes: frozenset[str]
    values: frozenset[tuple[str, str, str]] = frozenset()

    def allow(self, needs: Names) -> bool:
        return (
            needs.classes <= self.classes
            and needs.ids <= self.ids
            and needs.attributes <= self.attributes
            and all(self._carries(*value) for value in needs.values)
        )

    def _carries(self, attribute: str, operator: str, value: str) -> bool:
        """Whether an id or a class name of the page can satisfy the attribute selector `[attribute operator
        value]`: an id is the attribute's whole value; a class name is one word of it, and a value without spaces
        lies within one word (_VALUE_TESTS)."""
        test = _VALUE_TESTS[operator]
        return any(test(name, value) for name in (self.ids if attribute == "id" else self.classes))


def page_names(tree: HtmlElement) -> Names:
    """The class names, ids and attribute names the page's elements carry, from one XPath evaluated in C.

    Taken once, when the page is parsed. Extraction's later, temporary changes to the tree take elements out,
    rename tags or clear attributes (crawler/extraction/body.py, captions.py, verbatim.py), and add no class, id
    or attribute before its last select: these stay a superset of what the tree holds, and a selector they rule
    out cannot match."""
    classes, ids, attributes = [], set(), set()
    for value in _ATTRIBUTES(tree):
        name = value.attrname
        attributes.add(name)
        if name == "class":
            classes.append(value)
        elif name == "id":
            ids.add(str(value))
    return Names(frozenset(" ".join(classes).split()), frozenset(ids), frozenset(attributes))


def narrowed(selectors: str, names: Names | None) -> tuple[str, ...]:
    """The comma-separated `selectors` that can match a page carrying `names` (all of them when None)."""
    if names is None:
        return tuple(part for part, _ in _parts(selectors))
    return tuple(part for part, needs in _parts(selectors) if names.allow(needs))


@lru_cache(maxsize=1024)
def _parts(selectors: str) -> tuple[tuple[str, Names], ...]:
    """Each selector of a comma-separated group with what it requires of a page to match."""
    parts = (part.strip() for part in selectors.split(","))
    return tuple((p, _needs(p)) for p in parts if p)


def _needs(selector: str) -> Names:
    """The class names, ids and attribute names an element and its ancestors must carry to match `selector`:
    those of every compound, not those inside a negation or another pseudo-class's argument."""
    classes, ids, attributes, values = set(), set(), set(), set()
    pending: list[Tree] = [parsed.parsed_tree for parsed in parse(selector)]
    while pending:
        node = pending.pop()
        if isinstance(node, Class):
            classes.add(node.class_name)
        elif isinstance(node, Hash):
            ids.add(node.id)
        elif isinstance(node, Attrib) and node.namespace is None:
            attributes.add(node.attrib.lower())  # as HTMLTranslator matches it
            if (value := _tested_value(node)) is not None:
                values.add(value)
        if isinstance(node, CombinedSelector):
            pending += [node.selector, node.subselector]
        elif not isinstance(node, Element):
            pending.append(node.selector)  # Class, Hash, Attrib, Negation, Pseudo, Function …: what it qualifies
    return Names(frozenset(classes), frozenset(ids), frozenset(attributes), frozenset(values))


# What an id or a class name must be for an attribute selector on `id` or `class` to match: a part of its value
_VALUE_TESTS: dict[str, Callable[[str, str], bool]] = {
    "=": str.__eq__,
    "^=": str.startswith,
    "$=": str.endswith,
    "*=": str.__contains__,
}


def _tested_value(node: Attrib) -> tuple[str, str, str] | None:
    """(attribute, operator, value) of an attribute selector on `id` or `class` that page_names can rule out:
    `[id^=busuanzi_]` on a page none of whose ids starts so. Each walked the whole tree on every page (the busuanzi
    counters' selector was a tenth of NOT_POST's time). Not a value with a space in it (a class attribute's value
    spans words) nor one matched without regard to case."""
    name, value = node.attrib.lower(), node.value.value if node.value is not None else ""
    if name not in ("id", "class") or node.operator not in _VALUE_TESTS or node.flag == "i" or not value:
        return None
    return None if name == "class" and value.split() != [value] else (name, node.operator, value)


@lru_cache(maxsize=64)
def _bare_names(selectors: str) -> tuple[frozenset[str], frozenset[str], str]:
    """The bare class names (`.x`) and ids (`#x`) of a comma-separated group, and its other selectors."""
    classes, ids, rest = set(), set(), []
    for part, _ in _parts(selectors):
        if _BARE_NAME.fullmatch(part):
            (classes if part[0] == "." else ids).add(part[1:])
        else:
            rest.append(part)
    return frozenset(classes), frozenset(ids), ", ".join(rest)


@lru_cache(maxsize=4096)
def compiled(selectors: tuple[str, ...]) -> CSSSelector:
    return CSSSelector(", ".join(selectors))


def union_of(page: Page, branches: Sequence[tuple[str, tuple[str, ...]]]) -> list[HtmlElement]:
    """What the union of the XPath `branches` selects in the page, in document order. Each branch comes with the
    class names an element must carry for it to match, and one whose classes the page never uses is left out
    before the tree is walked, as `narrowed` leaves out CSS selectors: each branch of a union walks the whole tree."""
    kept = tuple(xpath for xpath, classes in branches if page.names.classes.issuperset(classes))
    return _union(kept)(page.tree) if kept else []


@lru_cache(maxsize=256)
def _union(branches: tuple[str, ...]) -> etree.XPath:
    return etree.XPath(" | ".join(branches), namespaces={"re": "http://exslt.org/regular-expressions"})


@lru_cache(maxsize=1024)
def matcher(selectors: str) -> etree.XPath:
    """An XPath that tests one element (not its descendants) against the comma-separated CSS selectors:
    `bool(matcher(css)(element))`."""
    return etree.XPath(HTMLTranslator().css_to_xpath(selectors, prefix="self::"))


def matches(element: HtmlElement, selectors: str) -> bool:
    return bool(matcher(selectors)(element))


@lru_cache(maxsize=256)
def _ancestor_matcher(selectors: str) -> etree.XPath:
    return etree.XPath(f"ancestor::*[{HTMLTranslator().css_to_xpath(selectors, prefix='self::')}]")


def ancestors_matching(element: HtmlElement, selectors: str) -> list[HtmlElement]:
    """The element's ancestors that `matches` takes for the comma-separated CSS selectors, the nearest last: one
    XPath evaluated in C, where testing each ancestor in turn cost a call (and an element object) per ancestor."""
    return _ancestor_matcher(selectors)(element)


def first(root: HtmlElement, selectors: str) -> HtmlElement | None:
    """The first element under `root` (root excluded) matching the comma-separated selectors."""
    for element in compiled((selectors,))(root):
        if element is not root:
            return element
    return None


# Han and Kana: Chinese and Japanese put no spaces between words (Korean does), so a sentence is one or two "words"
# by its spaces; two such characters count as one word (word_count).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def word_count(text: str) -> int:
    """How many words `text` holds: its space-separated words, a run of Han or Kana one per two characters. A label,
    分类 or カテゴリー, is one to three; a Chinese post of a hundred characters is fifty, where its spaces make it a
    handful, fewer than the English titles of the sidebar beside it. It counts every page's whole text: a text
    without Han or Kana is counted by its spaces alone (a regular expression per word took 9 ms on a long post)."""
    words = text.split()
    if text.isascii() or _UNSPACED.search(text) is None:
        return len(words)
    return sum(max(1, sum((len(run) + 1) // 2 for run in _UNSPACED.findall(word))) for word in words)


def text_of(element: HtmlElement | None) -> str:
    """The element's visible text, whitespace folded (script, style and comments left out)."""
    if element is None:
        return ""
    return " ".join(" ".join(_VISIBLE_TEXT(element)).split())


# Where line_of() parted two text nodes at an inline element's edge: a space, unless punctuation that closes stands
# right after it or punctuation that opens right before it (a site may lay a <span> out as a line of its own: "Saber.
# <span>Cedida</span>" is two words, "Ardea cinerea</i>, on" is no space)
_EDGE = "\ue000"
_EDGE_BEFORE_CLOSING = re.compile(_EDGE + r"+(?=[,.;:!?)\]}»”’%])")
_EDGE_AFTER_OPENING = re.compile(r"(?<=[(\[{„“‘«])" + _EDGE + "+")


def line_of(element: HtmlElement | None) -> str:
    """The element's visible text as a line, whitespace folded: as text_of(), but the edge of an inline element
    (PHRASING) before closing punctuation or after opening punctuation parts nothing ("the heron, <i>Ardea
    cinerea</i>, on" is "the heron, Ardea cinerea, on", where text_of() parts every text node by a space). Script,
    style and comments left out (a comment's tail kept). Walked with a stack of its own: a page may nest elements
    deeper than Python recurses."""
    if element is None:
        return ""
    parts: list[str] = []
    steps: list[tuple[str, HtmlElement]] = [("open", element)]
    while steps:
        step, node = steps.pop()
        if step == "tail":
            parts.append(node.tail or "")
            continue
        parts.append(" " if node.tag not in PHRASING or node.tag == "br" else _EDGE)
        if step == "close" or node.tag in ("script", "style"):
            continue
        parts.append(node.text or "")
        steps.append(("close", node))
        for child in reversed(node):
            steps.append(("tail", child))
            if isinstance(child.tag, str):
                steps.append(("open", child))
    line = _EDGE_AFTER_OPENING.sub("", _EDGE_BEFORE_CLOSING.sub("", "".join(parts)))
    return " ".join(line.replace(_EDGE, " ").split())


def enclosing(first: HtmlElement | None, second: HtmlElement | None) -> HtmlElement | None:
    """The innermost element that holds both (one may hold the other); the other where one is None."""
    if first is None or second is None:
        return second if first is None else first
    around = {first, *first.iterancestors()}
    return next(e for e in (second, *second.iterancestors()) if e in around)


# What may stand in a line of text (HTML's phrasing content)
PHRASING = frozenset(
    ("a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img")
    + ("ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u")
    + ("var", "wbr")
)

# A table's own parts: what a reader is shown as other blocks while the table lays out the page or a picture
TABLE_PARTS = ("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th")


@contextmanager
def renamed(tags: Sequence[tuple[HtmlElement, str]]) -> Iterator[None]:
    """Each element under the tag paired with it for the time of the block, then under its own again: a layout
    table read as the blocks or the figure it lays out, without a copy of the tree."""
    originals = [(element, element.tag) for element, _ in tags]
    for element, tag in tags:
        element.tag = tag
    try:
        yield
    finally:
        for element, tag in originals:
            element.tag = tag


@contextmanager
def unmarked(marks: Sequence[tuple[HtmlElement, str]]) -> Iterator[None]:
    """Each element without the attribute paired with it for the time of the block, then with it again: a class
    or style a reader takes for chrome or hidden text lifted off a part of the post."""
    lifted = [(element, name, element.attrib.pop(name)) for element, name in marks if name in element.attrib]
    try:
        yield
    finally:
        for element, name, value in lifted:
            element.set(name, value)


@contextmanager
def moved_as_paragraphs(moves: Iterable[tuple[HtmlElement, Callable[[HtmlElement], None]]]) -> Iterator[None]:
    """Each element taken out of its place (its tail left behind), made a bare <p> and put where its `place` puts
    it for the time of the block, then back as it was: a label or caption read as a paragraph where a browser shows
    it (a table's <caption> before its table, a tab's label at the start of its panel). Bare: trafilatura drops an
    element whose class names a caption (Ghost's `div.kg-file-card-caption`) with its text."""
    moved = []
    for element, place in moves:
        parent = element.getparent()
        moved.append((element, parent, parent.index(element), element.tail, element.tag, dict(element.attrib)))
        parent.remove(element)
        element.tag, element.tail = "p", None
        element.attrib.clear()
        place(element)
    try:
        yield
    finally:
        for element, parent, index, tail, tag, attributes in reversed(moved):
            element.getparent().remove(element)
            element.tag, element.tail = tag, tail
            element.attrib.update(attributes)
            parent.insert(index, element)


@contextmanager
def detached(elements: Iterable[HtmlElement]) -> Iterator[None]:
    """The tree without `elements` (the outermost of each nest, with their tails) for the time of the block, then
    whole again: far cheaper than a copy of the tree for a reader that must not see them."""
    taken = set(elements)
    outermost = [e for e in taken if e.getparent() is not None and not any(a in taken for a in e.iterancestors())]
    # Siblings come out last first and go back first first, so every index holds.
    places = sorted(((e, e.getparent(), e.getparent().index(e)) for e in outermost), key=lambda place: place[2])
    for element, parent, _ in reversed(places):
        parent.remove(element)
    try:
        yield
    finally:
        for element, parent, index in places:
            parent.insert(index, element)
