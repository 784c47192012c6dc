"""A post's paragraph written as a <div> of text: read as a paragraph for the time of trafilatura's run.

trafilatura reads a `<div>`'s own text only where the page's `<p>`s hold little text: under three times its minimum
extraction size, counted over the whole page, its chrome too (main_extractor's `ptest`). A post that writes a
paragraph straight into a `<div>` among its `<p>`s — a Hugo shortcode's column beside a picture (`<div
class="left"> words </div><div class="right"><figure>`), a hand-made page's text block, an editor that saves a
paragraph as a `<div>` — lost it whenever the page's `<p>`s held more (the sidebar's, the author box's), and kept it
otherwise. On such a page, inside the post's container and outside its chrome, a `<div>` that holds text of its own
and nothing but what stands in a line of text (phrasing content: links, emphasis, `<br>`s), and whose words end as a
sentence does, is a `<p>` meanwhile. Where the page's `<p>`s hold less, trafilatura reads the `<div>`s already, and
they stay: a `<p>` more could tip the page over that line and cost it the rest of its `<div>`s (a post written in
`<div>`s alone, Medium-like editors').

An editor that writes every paragraph as a `<div>` marks its body: Tistory's (Kakao's blog platform) wraps each post
in `div.tt_article_useless_p_margin`, its older editor's paragraphs `<div><span>…</span></div>`, one line each,
however short, with no sentence's end ("아이씐나", "… 들어간 뒤,"): there every `<div>` of a line of text is a
paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from crawler.extraction.page import PHRASING, HtmlElement, Page, renamed, text_of

MIN_WORDS = 8  # a sentence: not a date line, a label or a button's words
# and it ends as a sentence does (a closing quote or bracket after its mark allowed)
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
DIVS_UNREAD_FACTOR = 3  # trafilatura reads <div>s where the page's <p> text is under this × its minimum size
_PARAGRAPH_TEXT = etree.XPath("//p//text()")
# the bodies of editors that write a paragraph as a <div> (Tistory's)
_DIV_EDITOR_BODIES = etree.XPath(
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' tt_article_useless_p_margin ')]"
)


@contextmanager
def text_divs_as_paragraphs(page: Page, root: HtmlElement | None, min_extracted_size: int) -> Iterator[None]:
    """Each paragraph-like <div> in the post's container `root`, and each <div> of a line of text in a Tistory
    post's body, as a <p>, for the block, on a page whose <p>s hold DIVS_UNREAD_FACTOR × `min_extracted_size`
    (trafilatura's setting) or more; none elsewhere."""
    divs = []
    if sum(map(len, _PARAGRAPH_TEXT(page.tree))) >= DIVS_UNREAD_FACTOR * min_extracted_size:
        divs = [] if root is None else list(_text_divs(page, root))
        divs += [div for body in _DIV_EDITOR_BODIES(page.tree) for div in body.iterdescendants("div") if _a_line(div)]
    with renamed([(div, "p") for div in dict.fromkeys(divs)]):
        yield


def _text_divs(page: Page, root: HtmlElement) -> Iterator[HtmlElement]:
    for div in root.iterdescendants("div"):
        if not _own_text(div) or not _a_line(div):
            continue
        text = text_of(div)
        if len(text.split()) >= MIN_WORDS and _SENTENCE_END.search(text) and not page.in_chrome(div):
            yield div


@contextmanager
def leading_text_as_paragraph(page: Page, root: HtmlElement | None) -> Iterator[None]:
    """The post's first paragraph where it is written straight into a <div> of the post's container `root`, before
    the <p>s that follow it (Typepad's editor: "ARLINGTON -- In the first major league start …<p>Texas avoided …"),
    in a <p> of its own for the block: trafilatura reads a <div>'s own text beside its <p>s not at all, and the post
    lost its first paragraph. The text and the phrasing elements in its line (links, emphasis, <br>s) up to the first
    block are the paragraph, where they make a sentence of MIN_WORDS words or more, outside the page's chrome."""
    runs = [] if root is None else [run for div in (root, *root.iterdescendants("div")) if (run := _leading(page, div))]
    for div, phrasing in runs:
        paragraph = div.makeelement("p", {})
        paragraph.text, div.text = div.text, None
        paragraph.extend(phrasing)  # each with its tail
        div.insert(0, paragraph)
    try:
        yield
    finally:
        for div, _ in reversed(runs):
            paragraph = div[0]
            div.remove(paragraph)
            div.text = paragraph.text
            for index, child in enumerate(list(paragraph)):
                div.insert(index, child)


def _leading(page: Page, div: HtmlElement) -> tuple[HtmlElement, list[HtmlElement]] | None:
    """The <div> and the phrasing elements of its leading text's line, where that line is a paragraph before a <p>
    of the <div>'s; None otherwise."""
    if div.tag != "div" or not (div.text or "").strip():
        return None
    phrasing = list(itertools.takewhile(lambda child: isinstance(child.tag, str) and child.tag in PHRASING, div))
    if len(phrasing) == len(div) or div[len(phrasing)].tag != "p":
        return None
    text = " ".join(((div.text or "") + "".join(text_of(e) + " " + (e.tail or "") for e in phrasing)).split())
    if len(text.split()) < MIN_WORDS or not _SENTENCE_END.search(text) or page.in_chrome(div):
        return None
    return div, phrasing


def _a_line(div: HtmlElement) -> bool:
    """Whether the <div> holds words and nothing but what stands in a line of text."""
    return bool(text_of(div)) and all(not isinstance(child.tag, str) or child.tag in PHRASING for child in div)


def _own_text(div: HtmlElement) -> bool:
    """Whether the <div> holds text outside its child elements."""
    return bool((div.text or "").strip()) or any((child.tail or "").strip() for child in div)
