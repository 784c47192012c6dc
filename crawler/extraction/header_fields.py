"""The fields a theme prints between a post's title and its body: not the post's first line.

Docusaurus prints the date and the reading time ("March 20, 2024 · One min read") under the title, VuePress's
theme-hope the date, the reading time, the categories and tags ("3/20/24 Less than 1 minute"), Hydejack the date
with the categories and tags ("20 Mar 2024 in Programming on Tools, Build"). trafilatura keeps what is left of
such a line once it drops the `<time>` in it ("· One min read") as the post's first line, where the date line
rule (extract.without_leading_fields) no longer knows it. Where the theme marks the post's body element
(selectors.POST_BODIES), a first line printed between the title and that element, and no sentence — a lead
between them is one, and stays — is such a field; where it marks none, one printed in the title's <header> inside
the post's <article>.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from crawler.extraction.page import HtmlElement, Page
from crawler.extraction.selectors import POST_BODY_SELECTOR
from crawler.extraction.sitename import fold

MAX_FIELD_WORDS = 8  # "in Programming on Tools, Build Last modified at:"
MAX_FIELD_LINES = 3  # field lines in a row: the author's, the date's, the reading time's; a list one line
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_SENTENCE_END = re.compile(r"[.!?。！？…]\s*$")
_WORD = re.compile(r"[^\W_]+")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^()\s]*\)")  # a Markdown link: [words](address)
_HEADINGS = etree.XPath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")
_TEXT = etree.XPath("following::text()[not(ancestor::script or ancestor::style)]")


def without_header_field(text: str, page: Page, root: HtmlElement | None, title: str | None) -> str:
    """`text` without its first lines while each is a field the theme prints after the post's `title` and before
    its body element `root` (a marked one), or in the title's <header> — and no sentence: a theme may print several
    (Hugo's Ananke: the author's line, then the date, the reading time and the word count, " - One minute read -
    37 words", which a short post's fallback extraction keeps after the author's)."""
    for _ in range(MAX_FIELD_LINES):
        shorter = text
        for _ in range(_leading_list_items(text) or 1):  # a list of terms goes whole, or stays whole
            fewer = _without_first_field(shorter, page, root, title)
            if fewer == shorter:
                return text
            shorter = fewer
        text = shorter
    return text


def _leading_list_items(text: str) -> int:
    """How many lines of a list the text starts with (a theme's list of the post's categories in its header)."""
    count = 0
    for line in text.split("\n"):
        if not _LIST_ITEM.match(line):
            break
        count += 1
    return count


def _without_first_field(text: str, page: Page, root: HtmlElement | None, title: str | None) -> str:
    first, _, rest = text.partition("\n")
    plain = MARKDOWN_LINK.sub(r"\1", first)  # Markdown's "[programming](/tag-programming/)" reads "programming"
    if not is_field_line(first) or root is None or not title:
        return text
    headings: dict[str, HtmlElement] = {}
    for element in _HEADINGS(page.tree):
        headings.setdefault(fold("".join(element.itertext())), element)
    heading, line = headings.get(fold(title)), fold(plain)
    if heading is None or line in headings:  # a subtitle or a second headline is no field
        return text
    header = next(heading.iterancestors("header"), None)
    if root in page.select(POST_BODY_SELECTOR):
        body = set(root.iter())
        between = _after(heading, body.__contains__)
    elif header is not None and header is not root and root in header.iterancestors():
        fields = set(header.iter())
        between = _after(heading, lambda element: element not in fields)
    else:
        return text
    return rest.lstrip("\n") if line in between else text


def is_field_line(line: str) -> bool:
    """The line could be a field a theme prints (a date, a reading time, terms): a few words, and no sentence."""
    words = _WORD.findall(MARKDOWN_LINK.sub(r"\1", line))
    return 0 < len(words) <= MAX_FIELD_WORDS and not _SENTENCE_END.search(line)


def _after(heading: HtmlElement, past: Callable[[HtmlElement], bool]) -> str:
    """The page's text after `heading` up to the first text in an element `past` says the fields end at
    (folded)."""
    texts = []
    for node in _TEXT(heading):
        element = node.getparent()
        if element is not None and node.is_tail:
            element = element.getparent()
        if element is None or past(element):
            break
        texts.append(node)
    return fold("".join(texts))
