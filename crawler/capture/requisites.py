"""A page's requisites — what a browser fetches to show it — found in its HTML and in its stylesheets. Pure: bytes
in, absolute URLs out; no Scrapy, no network.

In HTML (lxml): `<link>` stylesheets, icons, preloads (`as=style|script|font|image`, `imagesrcset`) and
modulepreloads; `<script src>`; images in `src` and `srcset` of `<img>`, `<picture><source>`, `<input
type=image>`, `<video poster>`, SVG `<image>`/`<use>`, old `background` attributes, and the attributes lazy-loading
scripts read instead (`data-src`, `data-srcset`, `data-lazy-src`, `data-original` …, and `data-bg` backgrounds);
`<noscript>` copies, parsed like the rest; CSS in `<style>` blocks and `style` attributes. In CSS (tinycss2):
`url(…)`, `image-set("…")` and `@import`. Not found: what only a running script asks for (fetch, XHR, dynamic
imports), frames (pages of their own), audio and video sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urlsplit

import lxml.html
import tinycss2
from lxml import etree

from crawler.urls import joined

STYLESHEET, SCRIPT, IMAGE, FONT = "stylesheet", "script", "image", "font"

# Attributes holding one image URL, and those holding a srcset; the data-* ones are lazy-loading plugins' (lazysizes,
# WP Rocket, a3 Lazy Load, Jetpack, jQuery lazyload, Echo.js …), read by their script instead of src and srcset.
IMAGE_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "data-lazy", "data-echo", "data-orig-src")
IMAGE_SRCSETS = ("srcset", "data-srcset", "data-lazy-srcset", "data-original-set")
# Lazy backgrounds, on any element: a URL, or CSS with url(…).
LAZY_BACKGROUNDS = ("data-bg", "data-background", "data-background-image", "data-bg-image")

# element → (attributes with one URL, attributes with a srcset, kind)
ELEMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "img": (IMAGE_SOURCES, IMAGE_SRCSETS, IMAGE),
    "source": ((), IMAGE_SRCSETS, IMAGE),  # in <picture>; a <video>/<audio> source's src is not taken
    "input": (("src",), (), IMAGE),  # type=image
    "video": (("poster", "data-poster"), (), IMAGE),
    "image": (("href", "xlink:href"), (), IMAGE),  # SVG
    "use": (("href", "xlink:href"), (), IMAGE),  # SVG sprites: sprite.svg#icon
    "body": (("background",), (), IMAGE),
    "table": (("background",), (), IMAGE),
    "td": (("background",), (), IMAGE),
    "th": (("background",), (), IMAGE),
    "script": (("src",), (), SCRIPT),
}
ICON_RELS = {"icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon"}
PRELOAD_KINDS = {"style": STYLESHEET, "script": SCRIPT, "font": FONT, "image": IMAGE}


@dataclass(frozen=True)
class Requisite:
    url: str  # absolute, http(s), without a fragment
    kind: str  # STYLESHEET, SCRIPT, IMAGE or FONT


class _Found:
    """Requisites in document order, each URL once (its first kind), resolved against `base`."""

    def __init__(self, base: str, page: str) -> None:
        self.base = base
        self.page = urldefrag(page).url
        self.urls: dict[str, str] = {}

    def add(self, value: str | None, kind: str) -> None:
        if not value or not (value := value.strip()) or value.startswith(("data:", "#")):
            return
        if (resolved := joined(self.base, value)) is None:  # an invalid IPv6 host and the like: no request
            return
        url = urldefrag(resolved).url
        if urlsplit(url).scheme in ("http", "https") and url != self.page:
            self.urls.setdefault(url, kind)

    def requisites(self) -> list[Requisite]:
        return [Requisite(url, kind) for url, kind in self.urls.items()]


def page_requisites(body: bytes, url: str) -> list[Requisite]:
    """The requisites of the HTML page `body` fetched from `url` (its `<base href>` applied)."""
    try:
        root = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError):  # empty, or nothing but a comment
        return []
    base = next((joined(url, href) for href in root.xpath("//base/@href") if href.strip()), None) or url
    found = _Found(base, url)
    _scan_html(root, found)
    return found.requisites()


def stylesheet_requisites(css: bytes, url: str, encoding: str | None = None) -> list[Requisite]:
    """What the stylesheet `css` fetched from `url` asks for: @imports (stylesheets), fonts, images. `encoding` is
    the one its Content-Type names; @charset and a BOM are honoured as browsers do."""
    rules, _encoding = tinycss2.parse_stylesheet_bytes(css, protocol_encoding=encoding, skip_whitespace=True)
    found = _Found(url, url)
    _scan_css(rules, found, IMAGE)
    return found.requisites()


def parse_srcset(value: str) -> list[str]:
    """The URLs of a srcset, as the HTML standard splits it: a candidate's URL runs to the next whitespace (a comma
    inside it, as in `w_300,h_200`, is part of it), its descriptors to the next comma outside parentheses."""
    urls, position, end = [], 0, len(value)
    while position < end:
        while position < end and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < end and not value[position].isspace():
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")  # no descriptors
        else:
            depth = 0
            while position < end and (value[position] != "," or depth):
                if value[position] == "(":
                    depth += 1
                elif value[position] == ")" and depth:
                    depth -= 1
                position += 1
        if url:
            urls.append(url)
    return urls


def _scan_html(root: Any, found: _Found) -> None:
    for element in root.iter(etree.Element):
        tag = element.tag
        if tag == "link":
            _link(element, found)
        elif tag == "style":
            _scan_css(tinycss2.parse_stylesheet(element.text or "", skip_whitespace=True), found, IMAGE)
        elif tag == "noscript" and "<" in (element.text or ""):  # kept as text by the parser: parse it as HTML
            _scan_html(lxml.html.fragment_fromstring(element.text, create_parent="div"), found)
        if tag in ELEMENTS:
            sources, srcsets, kind = ELEMENTS[tag]
            for name in sources:
                found.add(element.get(name), kind)
            for name in srcsets:
                for url in parse_srcset(element.get(name) or ""):
                    found.add(url, kind)
        if style := element.get("style"):
            _scan_css(tinycss2.parse_blocks_contents(style, skip_whitespace=True), found, IMAGE)
        for name in LAZY_BACKGROUNDS:
            if value := element.get(name):
                _lazy_background(value, found)


def _link(element: Any, found: _Found) -> None:
    rels = set((element.get("rel") or "").lower().split())
    kind = None
    if "stylesheet" in rels:
        kind = STYLESHEET
    elif rels & ICON_RELS:
        kind = IMAGE
    elif rels & {"preload", "prefetch"}:
        kind = PRELOAD_KINDS.get((element.get("as") or "").lower())
    elif "modulepreload" in rels:
        kind = SCRIPT
    if kind is None:
        return
    found.add(element.get("href"), kind)
    for url in parse_srcset(element.get("imagesrcset") or ""):
        found.add(url, IMAGE)


def _lazy_background(value: str, found: _Found) -> None:
    if "url(" in value:
        _scan_css(tinycss2.parse_component_value_list(value), found, IMAGE)
    else:
        found.add(value, IMAGE)


def _scan_css(nodes: Iterable[Any], found: _Found, kind: str) -> None:
    """Walk tinycss2's nodes: url() tokens and functions, image-set() strings, @import targets."""
    for node in nodes:
        match node.type:
            case "url":
                found.add(node.value, kind)
            case "function":
                _css_function(node, found, kind)
            case "at-rule" if node.lower_at_keyword == "import":
                target = next((t for t in node.prelude if t.type in ("string", "url", "function")), None)
                if target is not None:
                    found.add(_css_url(target), STYLESHEET)
            case "at-rule":
                _scan_css(node.prelude, found, kind)
                _scan_css(node.content or (), found, FONT if node.lower_at_keyword == "font-face" else kind)
            case "qualified-rule":
                _scan_css(node.content, found, kind)
            case "declaration":
                _scan_css(node.value, found, kind)
            case "() block" | "[] block" | "{} block":
                _scan_css(node.content, found, kind)


def _css_function(node: Any, found: _Found, kind: str) -> None:
    if node.lower_name == "url":
        found.add(_css_url(node), kind)
        return
    if node.lower_name in ("image-set", "-webkit-image-set"):
        for token in node.arguments:
            if token.type == "string":
                found.add(token.value, IMAGE)
    _scan_css(node.arguments, found, kind)


def _css_url(token: Any) -> str | None:
    """The URL of a string, url token or url("…") function."""
    if token.type in ("string", "url"):
        return token.value
    if token.type == "function" and token.lower_name == "url":
        return next((t.value for t in token.arguments if t.type == "string"), None)
    return None
