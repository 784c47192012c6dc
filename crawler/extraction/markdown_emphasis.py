"""The page's emphasis put back into the post's Markdown, with its links.

trafilatura runs without `include_formatting` (crawler/extraction/body.py says why), so its output holds no
`<strong>`, `<b>`, `<em>` or `<i>` of the post. They are read from the post's container instead and set, as the
links are (markdown_links.py, whose matching they share), on their words where the words that stand around them in
the page stand around them in the post's text too: an emphasised word the text leaves out (a "Tags:" label) puts
no emphasis on the post's own. Not set: emphasis in the container's chrome or code, a heading's whole text (the
heading is a heading line already), an emphasised line that is a picture's caption (images.py reads it as the
caption), emphasis across a line break or holding a block; emphasis inside a word only where the page's is. Links
and emphasis are written in one pass, nested as the page nests them (`**[x](u)**`, `[**x**](u)`); an emphasis
crossing a link's edge is left out. `**`/`*` is the mark: the words are as trafilatura's writer escapes them (a `*`
of theirs is `\\*`), so none of theirs pairs with it; a mark CommonMark would not read as emphasis where it stands
(its flanking rules: `foo**"bar"**`) is left out, the words stay.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from crawler.extraction.images import emphasised_line_under
from crawler.extraction.markdown_links import (
    as_written,
    destination,
    escaped,
    found_in_context,
    in_heading,
    placed_links,
)
from crawler.extraction.page import PHRASING, HtmlElement, Page, text_of

_STRONG, _EMPHASIS = ("strong", "b"), ("em", "i")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_VERBATIM = ("pre", "code", "kbd", "samp", "tt", "script", "style")
_IN_LINE = PHRASING - {"br", "img"}  # what an emphasis may hold: words of one line, no picture
MAX_RUNS = 1000


@dataclass
class _Span:
    """A link or an emphasis at markdown[start:end], written as `opening` and `closing` around it."""

    start: int
    end: int
    element: HtmlElement
    opening: str
    closing: str
    link: bool = False


def with_links_and_emphasis(markdown: str, page: Page, root: HtmlElement | None) -> str:
    """`markdown` (trafilatura's writer's, no links) with the page's links and emphasis from `root` (the post's
    container; the page where None) on their words."""
    if not markdown:
        return markdown
    links = [
        _Span(start, end, anchor, "[", f"]({destination(href)})", link=True)
        for anchor, start, end, href in placed_links(markdown, page, root)
    ]
    runs = [run for run in _placed_emphasis(markdown, page, page.tree if root is None else root) if _nests(run, links)]
    while True:
        written, marks = _written(markdown, links + runs)
        failing = {id(run) for run in runs if not _reads_as_emphasis(written, *marks[id(run)])}
        if not failing:
            return written
        runs = [run for run in runs if id(run) not in failing]


def _placed_emphasis(markdown: str, page: Page, root: HtmlElement) -> list[_Span]:
    """The container's emphasis runs that land in `markdown`, in document order: each from the end of the last
    one placed, or inside the one around it."""
    placed: list[_Span] = []
    by_element: dict[HtmlElement, _Span] = {}
    last_end = 0
    for element in root.iter(*_STRONG, *_EMPHASIS):
        words = " ".join("".join(element.itertext()).split())
        text = as_written(words)
        if not words or "\\" in words or text not in markdown or not _emphasis(element, page, words):
            continue
        around = next((by_element[a] for a in element.iterancestors() if a in by_element), None)
        cursor = around.start if around else last_end
        found = found_in_context(markdown, element, text, cursor, in_heading(element), _in_word(element))
        if found is None or (around is not None and found[1] > around.end):
            continue
        mark = "**" if element.tag in _STRONG else "*"
        placed.append(run := _Span(*found, element, mark, mark))
        by_element[element] = run
        last_end = max(last_end, run.end)
        if len(placed) == MAX_RUNS:
            break
    return placed


def _emphasis(element: HtmlElement, page: Page, text: str) -> bool:
    """Whether the element's emphasis is the post's to write: words of one line with a letter or a digit, not in
    chrome or code, not the same emphasis as one around it (<b><strong>), not a heading's whole text nor a
    picture's caption line."""
    if not any(c.isalnum() for c in text):
        return False
    if any(child.tag not in _IN_LINE for child in element.iterdescendants()):
        return False
    kind = _STRONG if element.tag in _STRONG else _EMPHASIS
    for ancestor in element.iterancestors():
        if ancestor.tag in _VERBATIM or ancestor.tag in kind:
            return False
        if ancestor.tag in _HEADINGS and text == text_of(ancestor):
            return False
    if page.in_chrome(element) or any(child.tag in _VERBATIM for child in element.iterdescendants()):
        return False
    return not _caption_line(element)


def _caption_line(element: HtmlElement) -> bool:
    """The element is the emphasised line under a picture that images.py reads as the picture's caption: the
    Markdown writes it as the picture's caption line already, under its `![…](…)`, as the page's Markdown source
    had it."""
    paragraph = element.getparent()
    if element.tag not in _EMPHASIS or paragraph is None or paragraph.tag != "p":
        return False
    blocks = (paragraph, paragraph.getprevious())
    return any(
        emphasised_line_under(img) is element for block in blocks if block is not None for img in block.iter("img")
    )


def _in_word(element: HtmlElement) -> bool:
    """The page's emphasis starts or ends inside a word: a letter or digit of the text runs into its own."""
    previous, parent = element.getprevious(), element.getparent()
    before = (previous.tail if previous is not None else parent.text if parent is not None else "") or ""
    words = "".join(element.itertext())
    after = element.tail or ""
    return bool((before[-1:].isalnum() and words[:1].isalnum()) or (after[:1].isalnum() and words[-1:].isalnum()))


def _nests(run: _Span, links: list[_Span]) -> bool:
    """The run crosses no link's edge."""
    return not any(
        run.start < link.start < run.end < link.end or link.start < run.start < link.end < run.end for link in links
    )


def _order(span: _Span) -> tuple[int, int, int]:
    """Outer first: the earlier start, the later end, and of the same words the element the other is inside (an <a>
    around the <strong>: `[**x**](u)`; a <strong> around the <a>: `**[x](u)**`)."""
    return span.start, -span.end, sum(1 for _ in span.element.iterancestors())


def _written(markdown: str, spans: list[_Span]) -> tuple[str, dict[int, tuple[int, int, int]]]:
    """The Markdown with each span's marks around its words (a link's words escaped as link text), and for each
    span (by id) where its opening and closing marks stand in it and their length."""
    out: list[str] = []
    length = 0
    marks: dict[int, tuple[int, int, int]] = {}
    opened: dict[int, int] = {}
    stack: list[_Span] = []
    position = 0

    def add(words: str) -> None:
        nonlocal length
        out.append(words)
        length += len(words)

    def text_to(end: int) -> None:
        nonlocal position
        words = markdown[position:end]
        add(escaped(words) if any(span.link for span in stack) else words)
        position = end

    def close() -> None:
        span = stack.pop()
        text_to(span.end)
        marks[id(span)] = (opened[id(span)], length, len(span.closing))
        add(span.closing)

    for span in sorted(spans, key=_order):
        while stack and stack[-1].end <= span.start:
            close()
        text_to(span.start)
        opened[id(span)] = length
        add(span.opening)
        stack.append(span)
    while stack:
        close()
    text_to(len(markdown))
    return "".join(out), marks


def _reads_as_emphasis(markdown: str, opening: int, closing: int, size: int) -> bool:
    """Whether the marks at `opening` and `closing` (`size` characters each) can open and close emphasis by
    CommonMark's flanking rules, their delimiter runs (any mark of the same character beside them) counted whole."""
    mark = markdown[opening]
    left, right = _flanking(markdown, opening, opening + size, mark)
    if not left or (mark == "_" and right and not _punctuation(_before(markdown, opening, mark))):
        return False
    left, right = _flanking(markdown, closing, closing + size, mark)
    return right and not (mark == "_" and left and not _punctuation(_after(markdown, closing + size, mark)))


def _flanking(markdown: str, start: int, end: int, mark: str) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) of the delimiter run around markdown[start:end]."""
    before, after = _before(markdown, start, mark), _after(markdown, end, mark)
    left = not _space(after) and (not _punctuation(after) or _space(before) or _punctuation(before))
    right = not _space(before) and (not _punctuation(before) or _space(after) or _punctuation(after))
    return left, right


def _before(markdown: str, start: int, mark: str) -> str:
    """The character before the run of `mark` that reaches `start`; "" at the start of the text."""
    while start > 0 and markdown[start - 1] == mark:
        start -= 1
    return markdown[start - 1] if start else ""


def _after(markdown: str, end: int, mark: str) -> str:
    while end < len(markdown) and markdown[end] == mark:
        end += 1
    return markdown[end] if end < len(markdown) else ""


def _space(character: str) -> bool:
    """CommonMark's Unicode whitespace, the start and end of a line among it."""
    return not character or character.isspace()


def _punctuation(character: str) -> bool:
    """CommonMark's Unicode punctuation: a punctuation or symbol character."""
    return bool(character) and unicodedata.category(character)[0] in "PS"
