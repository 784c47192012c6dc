"""The page's links put back into the post's Markdown, on their anchor text.

trafilatura runs without `include_links` (crawler/extraction/body.py says why), so its output has the post's text
but not its links. They are read from the post's container instead and set, in document order, on the first
occurrence of their anchor text after the previous link: a link never lands before one that precedes it in the
page, nor inside a longer word. A link whose words around it the post's text does not hold — a tag list or a tag
cloud in the container that extraction left out — is set nowhere: on the first "books" of the post it would put
a link the author never wrote. The anchor text is looked for as trafilatura's writer escapes it (`the\\_config.py`).
Where each link lands is found here (placed_links, whose matching the post's
emphasis shares); crawler/extraction/markdown_emphasis.py writes the links and the emphasis into the Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from crawler.extraction.page import HtmlElement, Page, text_of
from crawler.extraction.sitename import fold
from crawler.extraction.verbatim import heading_self_links
from crawler.urls import joined

MIN_ANCHOR_CHARS = 3  # "1" or "»" would land on any digit or arrow of the text
CONTEXT_CHARS = 12  # letters and digits of the text on either side of a link that must stand beside it in the post
_INLINE = {"a", "span", "em", "strong", "b", "i", "u", "small", "mark", "code", "sup", "sub", "abbr", "cite", "q", "s"}
_WINDOW = 4 * CONTEXT_CHARS  # characters of the Markdown either side of an occurrence, marks and spaces among them
MAX_LINKS = 500
_SKIPPED_SCHEMES = ("javascript:", "data:")
# What trafilatura's Markdown writer escapes in the text, CommonMark's inline marks: words are searched for so
_WRITTEN_SPECIAL = re.compile(r"[*_`~\[\]<]")
_BRACKET = re.compile(r"(?<!\\)[\[\]]")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Beside a link, words the post's text leaves out: WordPress's file block's "Download" button, beside the link named
# as the file (verbatim.py reads the file's name alone)
_UNREAD_BESIDE = frozenset({"wp-block-file__button"})


def placed_links(markdown: str, page: Page, root: HtmlElement | None) -> list[tuple[HtmlElement, int, int, str]]:
    """(anchor, start, end, address) of each of the page's links that lands in `markdown`, on its anchor text
    (markdown[start:end]), in document order."""
    if not markdown:
        return []
    placed = []
    cursor = 0
    for anchor, text, href in _links(page, page.tree if root is None else root):
        if (text := _as_in(markdown, text)) is None:
            continue
        found = found_in_context(markdown, anchor, text, cursor, in_heading(anchor))
        if found is None:
            continue
        placed.append((anchor, *found, href))
        cursor = found[1]
    return placed


def as_written(text: str) -> str:
    """The words as trafilatura's Markdown writer writes them: CommonMark's inline marks escaped."""
    return _WRITTEN_SPECIAL.sub(r"\\\g<0>", text)


def _as_in(markdown: str, text: str) -> str | None:
    """The link's text as `markdown` holds it, escaped as trafilatura's writer escapes it (a link named
    "the_config.py" is `the\\_config.py` there) or as it is; None where it holds neither."""
    if "\\" not in text and (written := as_written(text)) in markdown:
        return written
    return text if text in markdown else None


def found_in_context(
    markdown: str, element: HtmlElement, text: str, cursor: int, heading: bool, in_word: bool = False
) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of `element`'s `text` in `markdown` from `cursor` on with the words
    that stand around the element in the page around it too (_in_context); `in_word`: the page's element stands
    inside a word, and so may the occurrence. An occurrence right after a backslash that escapes its first character
    starts at the backslash: trafilatura's writer escapes a line's opening `>`, `#` or `1.` (`\\>>> Read more`), and a
    link's bracket or an emphasis mark between the two would undo the escape (`\\[>>> Read more](u)` is no link)."""
    before, after = _context(element)  # read only for text the post holds: most of a page's links' it does not
    found = _in_context(markdown, text, before, after, cursor, heading, in_word)
    if found is None:
        return None
    start = found[0]
    while start > 0 and markdown[start - 1] == "\\":
        start -= 1
    return found[0] - (found[0] - start) % 2, found[1]


def in_heading(anchor: HtmlElement) -> bool:
    """The link is in a heading, or holds one (a teaser's link around its <h2>)."""
    return next(anchor.iterancestors(*_HEADINGS), None) is not None or next(anchor.iter(*_HEADINGS), None) is not None


def _in_context(
    markdown: str, text: str, before: str, after: str, cursor: int, heading: bool = True, in_word: bool = False
) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of the link's `text` from `cursor` on, as a word, with the words that
    stood `before` and `after` it (folded) on either side; on a line of its own where it stood alone. A link
    outside the page's headings (neither in one nor around one) lands on no heading's line (not `heading`): a
    hand-made table of contents, a list of links to the post's headings by their anchors (WordPress's heading
    block gives each heading its own), which the text leaves out as navigation, put each heading's entry on the
    heading itself."""
    for start, end in _occurrences(markdown, text, cursor, in_word):
        if not heading and markdown[markdown.rfind("\n", 0, start) + 1 : start].lstrip().startswith("#"):
            continue
        if before or after:
            ahead, behind = markdown[max(0, start - _WINDOW) : start], markdown[end : end + _WINDOW]
        else:  # the rest of its line
            line_end = markdown.find("\n", end)
            ahead, behind = markdown[markdown.rfind("\n", 0, start) + 1 : start], markdown[end:line_end]
            if line_end < 0:
                behind = markdown[end:]
        if before or after:
            if fold(ahead).endswith(before) and fold(behind).startswith(after):
                return start, end
        elif not fold(ahead) and not fold(behind):
            return start, end
    return None


def _occurrences(markdown: str, text: str, cursor: int, in_word: bool) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of `text` in `markdown` from `cursor` on, as a word (no word character on
    either side, as `(?<!\\w)text(?!\\w)` reads it) unless `in_word`, as re.finditer finds them: without compiling a
    pattern for each link's text, which cost more than the search (most texts are looked for once)."""
    position = markdown.find(text, cursor)
    while position >= 0:
        end = position + len(text)
        if in_word or not (_word_character(markdown, position - 1) or _word_character(markdown, end)):
            yield position, end
            position = markdown.find(text, max(end, position + 1))
        else:
            position = markdown.find(text, position + 1)


def _word_character(text: str, index: int) -> bool:
    """Whether text[index] is a word character as `\\w` reads it (false outside the text)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _links(page: Page, root: HtmlElement) -> list[tuple[HtmlElement, str, str]]:
    """(anchor, its text, its address) of the links in `root`, outside its chrome; not a heading's link to itself."""
    links = []
    headings = {link for link, _ in heading_self_links(root)}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIPPED_SCHEMES) or page.in_chrome(anchor) or anchor in headings:
            continue
        text = " ".join("".join(anchor.itertext()).split())
        if len(text) >= MIN_ANCHOR_CHARS and (url := joined(page.base, href)):
            links.append((anchor, text, url))
            if len(links) == MAX_LINKS:
                break
    return links


def _context(anchor: HtmlElement) -> tuple[str, str]:
    """A few letters of the text before and after the link, folded (sitename.fold: letters and digits, so that
    trafilatura's spacing and quotes do not count); empty where the link stands alone in its block (a list item,
    a paragraph of one link), which the post's text then holds as a line of its own."""
    element = anchor
    while True:
        before, after = _beside(element)
        parent = element.getparent()
        if before or after or parent is None or parent.tag not in _INLINE:
            return before[-CONTEXT_CHARS:], after[:CONTEXT_CHARS]
        element = parent


def _beside(element: HtmlElement) -> tuple[str, str]:
    """The folded text of the element's parent just before the element and just after it (its siblings' words
    count: "<strong>Offer:</strong> <a>…</a>", "…<br><br><a>…</a>"), at least CONTEXT_CHARS of each where the
    parent has them."""
    before = ""
    for sibling in _read(element.itersiblings(preceding=True)):
        before = fold(_squeezed(text_of(sibling) + " " + (sibling.tail or ""))[-_WINDOW:]) + before
        if len(before) >= CONTEXT_CHARS:
            break
    else:
        parent = element.getparent()
        before = fold(_squeezed(parent.text or "" if parent is not None else "")[-_WINDOW:]) + before
    after = fold(_squeezed(element.tail or "")[:_WINDOW])
    for sibling in _read(element.itersiblings()):
        if len(after) >= CONTEXT_CHARS:
            break
        after += fold(_squeezed(text_of(sibling) + " " + (sibling.tail or ""))[:_WINDOW])
    return before, after


def _read(siblings: Iterator[HtmlElement]) -> Iterator[HtmlElement]:
    """The siblings whose words the post's text holds (not _UNREAD_BESIDE's)."""
    return (s for s in siblings if _UNREAD_BESIDE.isdisjoint((s.get("class") or "").split()))


def _squeezed(text: str) -> str:
    """White space folded, so that a slice of the text holds its words (a tail may open with a line of spaces)."""
    return " ".join(text.split())


def escaped(text: str) -> str:
    """Link text in Markdown: its brackets escaped, those trafilatura's writer escaped already as they are."""
    return _BRACKET.sub(r"\\\g<0>", text)


def destination(href: str) -> str:
    """A link's address in Markdown: no space or parenthesis that would end it."""
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
