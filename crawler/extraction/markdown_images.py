"""The post's images put into its Markdown where they stand in the page.

trafilatura is run without `include_images`: on real pages that option lowers body precision and recall (F1
0.923 against 0.913 on the shared set of 990 pages). The images come from our own finder instead
(crawler/extraction/images.py), and each is placed after the Markdown line holding the text that precedes it
in the page (a picture that opens its paragraph, before that paragraph). That text is the run of text right before
the picture, a run ending at a <br> or at any block-level element's start or end: Blogger's editor (and many
hand-made and older WYSIWYG-edited sites) writes a post as text and <br>s in <div>s, each picture in a
`div.separator` or a `table.tr-caption-container` of its own, with no <p> around the text before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain, islice

from crawler.extraction.article import Image
from crawler.extraction.page import HtmlElement, compiled, detached, text_of
from crawler.extraction.verbatim import LINE_NUMBERS, line_divs

# A figure's caption is a line of the text (crawler/extraction/captions.py): the next picture of a gallery goes after
# the caption of the one before it, not with it after the text before the gallery.
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt", "figcaption"}
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>|]")
_ITEM = re.compile(r"^(?:[-+]|\d+[.)]) ")  # a list item's marker
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
# Where a run of text ends (a <br>, a block-level element's start or end): the text before a picture.
_BREAKS = _BLOCKS | {
    *("address", "article", "aside", "br", "caption", "center", "details", "dialog", "div", "dl", "fieldset"),
    *("figure", "footer", "form", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "section", "summary"),
    *("table", "tbody", "tfoot", "th", "thead", "tr", "ul"),
}
_NO_TEXT = {"script", "style"}
_RUNS_TRIED = 3  # runs tried, nearest first, before the text block: a run the Markdown left out (chrome, a label)
ANCHOR_CHARS = 40
# A shorter run is searched for as a line of its own (a label, a heading, a caption): "1", "Mehr" or a name stand
# inside many lines of the text.
_WHOLE_LINE_BELOW = 20
_FENCES = ("```", "~~~")


def with_images(markdown: str, root: HtmlElement | None, images: list[tuple[HtmlElement, Image]]) -> str:
    """`images`: the post's images with the <img> each was read from (images.placed_images)."""
    if not images or root is None:
        return markdown
    lines = markdown.split("\n")
    plain: dict[int, str] = {}  # a line without its Markdown, made when the search reaches it
    fences = [i for i, line in enumerate(lines) if line.startswith(_FENCES)]
    placed: dict[int, list[str]] = {}
    cursor = 0
    for anchors, image, cell in _anchored(root, images):
        markup = f"![{image.alt or ''}]({image.src})"
        row = _row_line(lines, cursor, cell[0], plain) if cell is not None else None
        if row is not None and cell is not None and (in_cell := _in_cell(lines[row], cell[1:], markup)) is not None:
            lines[row] = in_cell
            plain.pop(row, None)
            cursor = row  # the next picture may stand in the same row
            continue
        found = next(
            (i for a in anchors for i in range(cursor, len(lines)) if _holds(_plain(lines, i, plain), a)), None
        )
        if found is not None:
            cursor = _past_table(lines, _past_fence(fences, found, len(lines))) + 1
        placed.setdefault(cursor, []).append(markup)
    out: list[str] = []
    for index, line in enumerate([*lines, None]):
        for markup in placed.get(index, []):
            out.extend(([""] if out and out[-1] != "" else []) + [markup, ""])
        if line is not None and not (line == "" and index in placed):  # one blank line after a picture
            out.append(line)
    return "\n".join(out).strip()


def _holds(line: str, anchor: str) -> bool:
    """A run's end (its text as it stands alone, when short, marked by a leading line break) or a block's end."""
    return _ITEM.sub("", line) == anchor[1:] if anchor.startswith("\n") else anchor in line


def _row_line(lines: list[str], start: int, row_text: str, plain: dict[int, str]) -> int | None:
    """The Markdown table row, from `start` on, whose text is `row_text` (its cells' texts, folded)."""
    return next(
        (i for i in range(start, len(lines)) if lines[i].startswith("|") and _plain(lines, i, plain) == row_text),
        None,
    )


def _in_cell(row: str, place: tuple[int, bool], markup: str) -> str | None:
    """The Markdown table row with `markup` in its cell (`place`: the cell's column, and whether the picture opens
    it — then before the cell's words, else after them; a pipe in it escaped), or None where the row has no such
    cell. A picture in a table's cell stands in that cell: put between two rows, it ends the table there, and the
    rows after it are a paragraph of pipes."""
    column, opens = place
    parts = _UNESCAPED_PIPE.split(row)
    cells = parts[1:-1]
    if not 0 <= column < len(cells):
        return None
    words = [cells[column].strip(), markup.replace("|", "&#124;")]
    cells[column] = f" {' '.join(filter(None, reversed(words) if opens else words))} "
    return "|".join([parts[0], *cells, parts[-1]])


def _past_table(lines: list[str], index: int) -> int:
    """`index`, or the last row of the Markdown table whose row it is: a picture goes after the table."""
    while lines[index].startswith("|") and index + 1 < len(lines) and lines[index + 1].startswith("|"):
        index += 1
    return index


def _past_fence(fences: list[int], index: int, lines: int) -> int:
    """`index`, or the closing fence of the code block whose line it is (`fences`: the fence lines' indexes, of
    `lines` lines): a picture goes after the block."""
    opened = bisect_right(fences, index)
    if opened % 2 == 0:
        return index
    return fences[opened] if opened < len(fences) else lines - 1


def _plain(lines: list[str], index: int, cache: dict[int, str]) -> str:
    if index not in cache:
        cache[index] = _fold(_MARKUP.sub("", _LINK.sub(r"\1", lines[index])))
    return cache[index]


def _anchored(
    root: HtmlElement, images: list[tuple[HtmlElement, Image]]
) -> list[tuple[list[str], Image, tuple[str, int, bool] | None]]:
    """Each image with the ends of the text before it to search the Markdown for, best first: the runs of text
    before it, nearest first, then the end of the text block (_BLOCKS) before it (none when it comes before any
    text); and the table cell it stands in (_cell). One walk over the post's root in document order; a text's tail
    is read at its element's end."""
    root = next(root.iterancestors("article"), root)  # as images.py: the feature image in the post's header
    by_element = dict(images)
    anchored: list[tuple[list[str], Image, tuple[str, int, bool] | None]] = []
    blocks: list[HtmlElement] = []  # the text blocks passed so far; only the last one's text is read, when needed
    runs: list[str] = []  # the runs of text passed so far (made anchors of only when a picture comes)
    run: list[str] = []  # the text of the run under way

    def end_run() -> None:
        if (text := "".join(run)) and not text.isspace():
            runs.append(text)
        run.clear()

    def ended(element: HtmlElement) -> None:
        if element.tag in _BREAKS:
            end_run()
        if element.tag == "pre" and (last := _end_of(element)):  # the code block's last line, as the Markdown has it
            runs.append(last)
        run.append(element.tail or "")

    open_elements: list[HtmlElement] = []  # the element under way and its ancestors below the root
    for element in root.iter():  # document order, comments too: their tail is text
        if element is not root:
            parent = element.getparent()
            while open_elements and open_elements[-1] is not parent:
                ended(open_elements.pop())
            open_elements.append(element)
        if not isinstance(tag := element.tag, str):
            continue
        if tag in _BREAKS:
            end_run()
        if tag in _BLOCKS:
            blocks.append(element)
        elif tag == "img" and (image := by_element.pop(element, None)) is not None:
            container = next((a for a in element.iterancestors(*_BLOCKS)), None)
            skipped = container if container is not None and _opens(container, element) else None
            last = next((text for block in reversed(blocks) if block is not skipped and (text := _end_of(block))), "")
            nearest = filter(None, map(_anchor, chain(("".join(run),), reversed(runs))))
            anchors = [*islice(nearest, _RUNS_TRIED), last[-ANCHOR_CHARS:]]
            anchored.append(([anchor for anchor in anchors if anchor], image, _cell(element)))
        if tag not in _NO_TEXT:
            run.append(element.text or "")
    return anchored + [([], image, None) for image in by_element.values()]


def _cell(img: HtmlElement) -> tuple[str, int, bool] | None:
    """The text of the table row whose cell holds `img` (its cells' texts, as _plain folds a Markdown row), that
    cell's place in the row and whether the picture opens it; None outside a table's cell."""
    cell = next(img.iterancestors("td", "th"), None)
    row = cell.getparent() if cell is not None else None
    if row is None or row.tag != "tr":
        return None
    cells = [child for child in row if child.tag in ("td", "th")]
    row_text = _fold(_MARKUP.sub("", " ".join(text_of(child) for child in cells)))
    return row_text, cells.index(cell), _opens(cell, img)


def _anchor(run: str) -> str:
    """The end of a run of text as the Markdown's lines are searched for it (_plain, _holds)."""
    text = _fold(_MARKUP.sub("", run))
    return text[-ANCHOR_CHARS:] if len(text) >= _WHOLE_LINE_BELOW or not text else f"\n{text}"


def _end_of(block: HtmlElement) -> str:
    """The block's text as the Markdown's lines are searched for it (_plain): a code block's last line, since the
    Markdown holds its lines apart (text_of joins them, and the joined text stands on no line). A highlighter may
    end its lines with <br> (Hexo's) rather than a line break."""
    if block.tag == "pre":
        if divs := line_divs(block):  # Expressive Code: a <div> per line, its number in a gutter
            with detached(compiled((LINE_NUMBERS,))(divs[-1])):
                return _fold(_MARKUP.sub("", "".join(divs[-1].itertext())))
        lines = [line for line in _with_breaks(block).split("\n") if line.strip()]
        return _fold(_MARKUP.sub("", lines[-1])) if lines else ""
    return text_of(block)


def _with_breaks(element: HtmlElement) -> str:
    """The element's text with a line break for each <br>."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append("\n" if child.tag == "br" else _with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _opens(block: HtmlElement, img: HtmlElement) -> bool:
    """No text of `block` comes before `img`: a picture that opens its paragraph (Markdown's `![…](…)` with its
    caption line below it in one <p>) goes before the paragraph, not after it."""
    node = img
    while node is not block and (parent := node.getparent()) is not None:
        if (parent.text or "").strip():
            return False
        for sibling in node.itersiblings(preceding=True):  # an HTML comment has no text of its own, only a tail
            if (isinstance(sibling.tag, str) and text_of(sibling)) or (sibling.tail or "").strip():
                return False
        node = parent
    return True


def _fold(text: str) -> str:
    return " ".join(text.split())
