"""The post's Markdown from trafilatura's output, with code fenced in the language its markup names and quotes as
Markdown quotes; and its text with the code as the page has it.

trafilatura's own writer fences code without a language and writes a blockquote's text as plain paragraphs. Here
each code block the page had (crawler/extraction/verbatim.py numbered them) and each quote is set aside as a
placeholder paragraph while trafilatura writes the rest; the page's links and emphasis go back on their words
(markdown_emphasis.py, which so never lands inside code); then each placeholder becomes its fenced block — the code
exactly as the page has it — or its `> ` quote. trafilatura's plain text drops every blank line, a code block's
too: there each code block is set aside the same way and put back as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from copy import deepcopy

from lxml import etree

from crawler.extraction.upstream import xmltotxt
from crawler.extraction.verbatim import CODE_ATTRIBUTE, CodeBlock, Verbatim

_PLACEHOLDER = re.compile(r"blogarchiveblock(\d+)x")  # letters and digits: trafilatura's writer leaves them be
_LONGEST_BACKTICKS = re.compile(r"`+")
# A list item's first line in trafilatura's writing: its indentation (two spaces a level) and its marker
_LIST_MARKER = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE_START, _QUOTE_END = "blogarchivequotestartx", "blogarchivequoteendx"
_BREAK = "blogarchivebreakx"  # a line break inside a paragraph, for the time of trafilatura's writer
_LINE_BREAK = re.compile(rf"[ \t]*{_BREAK}[ \t]*\n?[ \t]*")
_MARK_IN_LINE = re.compile(rf"\s*(?:{_QUOTE_START}|{_QUOTE_END})\s*")
# A heading's line break until one_line_headings: a sign of no prose (a math fence trafilatura's writer keeps), which
# sitename.fold, comparing the text's lines with the title and fields, reads past
HEADING_BREAK = "\u29d9"
_HEADING_BREAK_LINE = re.compile(rf"[ \t]*\n[ \t\n]*{HEADING_BREAK}[ \t]*(?P<end>$)?", re.MULTILINE)
_LEFT_HEADING_BREAK = re.compile(HEADING_BREAK)
_MARK_SPLIT = re.compile(rf"\s*({_QUOTE_START}|{_QUOTE_END})\s*")  # the marks kept, as parts of their own


def markdown_of(
    body: etree._Element, verbatim: Verbatim, linked: Callable[[str], str], line_breaks: bool = False
) -> str:
    """`body`: trafilatura's output (left as it is); `verbatim`: what crawler/extraction/verbatim.py set aside;
    `linked`: puts the page's links back into Markdown text. An embed's URL on a line of its own becomes a link.
    `line_breaks`: a <br> between a paragraph's words is a line break of it (_line_breaks), not a paragraph break."""
    fills: list[str] = []
    copy = _heading_breaks_marked(_headed(_set_aside(deepcopy(body), verbatim.code_blocks, fills)))
    if line_breaks:
        copy = _line_breaks(copy)
    markdown = linked(_LINE_BREAK.sub("\\\\\n", xmltotxt(copy, include_formatting=True)))
    embeds = set(verbatim.embeds)
    lines = [f"<{line}>" if line in embeds else line for line in markdown.split("\n")]
    markdown = _filled("\n".join(lines), fills, indented=True)
    return tidy(_quoted(markdown)).strip()


def text_with_code(body: etree._Element, verbatim: Verbatim) -> str | None:
    """`body`'s plain text (trafilatura's writer's) with each numbered code block's code as the page has it, blank
    lines and all; None when `body` holds no numbered code block (its text is trafilatura's as it is). An empty
    block is no line, as in trafilatura's text."""
    if not any(element.get(CODE_ATTRIBUTE) is not None for element in body.iter("code")):
        return None  # most posts: no copy of the tree made
    fills: list[str] = []
    blocks = [block if block.code.strip() else None for block in verbatim.code_blocks]
    copy = _set_aside(deepcopy(body), blocks, fills, lambda block: block.code, quotes=False)
    if not fills:
        return None
    return _filled(xmltotxt(copy, include_formatting=False), fills, indented=False)


def _headed(body: etree._Element) -> etree._Element:
    """Each table whose first row is no header row (WordPress's table block saves none unless its "Header section"
    is on; a hand-made table of <td>s) with an empty header row above it: a GFM pipe table is one only under a
    header row and its delimiter row, which trafilatura writes after a header row alone. Not a table in a table's
    cell or around one (a layout table): trafilatura writes a cell's table into its row's line, no pipe table; nor
    a table of one cell, a box around what it holds (a highlighter's frame around its code), no data."""
    for table in body.iter("table"):
        first = table.find("row")
        if first is None or any(cell.get("role") == "head" for cell in first.findall("cell")):
            continue
        if any(True for _ in table.iterancestors("table", "cell")) or any(True for _ in table.iterdescendants("table")):
            continue
        if not "".join(table.itertext()).strip() or (len(table.findall("row")) == 1 and len(first) == 1):
            continue  # a table of empty cells (a layout's spacer), or of one cell (a box, a code block's frame)
        header = etree.Element("row")
        for _ in first.findall("cell"):
            etree.SubElement(header, "cell", role="head")
        first.addprevious(header)
    return body


def _heading_breaks_marked(body: etree._Element) -> etree._Element:
    """Each <br> (trafilatura's <lb>) of a heading with HEADING_BREAK before the words after it: one_line_headings
    joins them to the heading's line."""
    for head in body.iter("head"):
        for lb in head.iter("lb"):
            lb.tail = HEADING_BREAK + (lb.tail or "").lstrip()
    return body


def one_line_headings(markdown: str) -> str:
    """`markdown` (markdown_of's) with each heading's lines one line, a space for each break: a Markdown heading is
    one line, and trafilatura's writer ended it at a <br> (WordPress's heading block and the classic editor keep a
    heading's Shift+Enter as one), the words after it a paragraph under it. Joined only once the title and the
    fields before the post's text are read off its lines (extract.py): a theme's <h1> breaks its title from a kicker
    or a date line. A break whose heading's line went with them starts a line of its own."""
    joined = _HEADING_BREAK_LINE.sub(lambda match: "" if match.group("end") is not None else " ", markdown)
    return _LEFT_HEADING_BREAK.sub("", joined)


def _filled(written: str, fills: list[str], indented: bool) -> str:
    """`written` with each placeholder's block in its place, on lines of its own: trafilatura writes a list item's
    block on the item's line ("1. Install it: ```", the code's first line run on from the item's words), and so
    the code begins a line, and what follows it in the item another. With `indented` (the Markdown), the block's
    lines are indented to the list item's content, as CommonMark reads a fenced block inside an item (unindented,
    it ends the list)."""
    out = []
    for line in written.split("\n"):
        matches = list(_PLACEHOLDER.finditer(line))
        if not matches or _QUOTE_START in line or _QUOTE_END in line:  # a quote's marks stand on their own lines
            out.append(_PLACEHOLDER.sub(lambda match: fills[int(match.group(1))], line))
            continue
        marker = _LIST_MARKER.match(line)
        indent = " " * (marker.end() if marker else len(line) - len(line.lstrip())) if indented else ""
        parts, start = [], 0
        for match in matches:
            before = line[start : match.start()]
            lines = fills[int(match.group(1))].split("\n")
            if start == 0 and (not before.strip() or (marker and before == marker.group(0))):
                parts.append(before + lines[0])  # the line's (or the item's) own start: the block begins it
            else:
                parts += [before.rstrip(), indent + lines[0]] if before.strip() else [indent + lines[0]]
            parts += [indent + code if code else "" for code in lines[1:]]
            start = match.end()
        if rest := line[start:].strip():
            parts.append(indent + rest)
        out.append("\n".join(parts))
    return "\n".join(out)


def _line_breaks(body: etree._Element) -> etree._Element:
    """Each <br> (trafilatura's <lb>) of a paragraph with words before and after it as a mark that becomes a
    Markdown hard break (a backslash ending the line), where trafilatura's writer made it a paragraph break. Only for a
    renderer that writes a <br> for a line of the source and never two for a paragraph: trafilatura's tree keeps one
    <lb> of Blogger's `<br><br>`, a paragraph break, so a <br> of any page is no line break."""
    for paragraph in body.iter("p"):
        for lb in [child for child in paragraph if child.tag == "lb"]:
            before = lb.getprevious()
            words_before = (paragraph.text or "").strip() or any(
                "".join(sibling.itertext()).strip() or (sibling.tail or "").strip()
                for sibling in lb.itersiblings(preceding=True)
            )
            words_after = (lb.tail or "").strip() or any(
                "".join(sibling.itertext()).strip() or (sibling.tail or "").strip() for sibling in lb.itersiblings()
            )
            if not (words_before and words_after):
                continue
            mark = f" {_BREAK} {lb.tail or ''}"
            if before is not None:
                before.tail = (before.tail or "") + mark
            else:
                paragraph.text = (paragraph.text or "") + mark
            paragraph.remove(lb)
    return body


def _set_aside(
    body: etree._Element,
    blocks: Sequence[CodeBlock | None],
    fills: list[str],
    written: Callable[[CodeBlock], str] | None = None,
    quotes: bool = True,
) -> etree._Element:
    """Each numbered code block replaced by a placeholder paragraph (`written`, fenced() by default, the block as it
    goes back in `fills`; a block None left as it is), with `quotes` each quote's content between marks."""
    for element in list(body.iter("code", "quote")):
        number = element.get(CODE_ATTRIBUTE)
        if element.tag == "quote":
            if quotes:
                _mark(element, 0, _QUOTE_START)
                _mark(element, len(element), _QUOTE_END)
        elif number is not None and number.isdigit() and int(number) < len(blocks) and blocks[int(number)]:
            fills.append((written or fenced)(blocks[int(number)]))
            placeholder = etree.Element("p")
            placeholder.text = f"blogarchiveblock{len(fills) - 1}x"
            placeholder.tail = element.tail
            element.getparent().replace(element, placeholder)
    return body


def _mark(quote: etree._Element, position: int, text: str) -> None:
    mark = etree.Element("p")
    mark.text = text
    if position == 0 and quote.text and quote.text.strip():
        mark.tail, quote.text = quote.text, None
    quote.insert(position, mark)


def fenced(block: CodeBlock) -> str:
    """A fenced code block longer than any run of backticks in the code, with its language; a verse (WordPress's
    verse block) as its lines instead (verse_lines())."""
    if block.verse:
        return verse_lines(block.code)
    fence = "`" * max(3, 1 + max((len(run) for run in _LONGEST_BACKTICKS.findall(block.code)), default=0))
    return f"{fence}{block.language or ''}\n{block.code}\n{fence}"


def verse_lines(poem: str) -> str:
    """A poem's lines in Markdown: each line of a stanza ending in a hard break (a backslash), the stanzas apart by
    a blank line, a line's indentation kept as no-break spaces (Markdown drops a line's leading spaces, and reads
    four as code)."""
    stanzas = [stanza.strip("\n") for stanza in re.split(r"\n(?:[^\S\n]*\n)+", poem.strip("\n"))]
    written = []
    for stanza in stanzas:
        lines = [line.rstrip() for line in stanza.split("\n")]
        lines = ["\u00a0" * (len(line) - len(line.lstrip())) + line.lstrip() for line in lines]
        written.append("\\\n".join(lines))
    return "\n\n".join(written)


def _quoted(markdown: str) -> str:
    """The lines between a quote's marks prefixed with `> ` (once per level), the marks gone, no blank quoted line
    at a quote's edges."""
    leveled, depth = [], 0
    for line in _marks_apart(markdown):
        if line.strip() in (_QUOTE_START, _QUOTE_END):
            depth = max(0, depth + (1 if line.strip() == _QUOTE_START else -1))
            continue
        leveled.append((depth, line))
    kept = [
        (level, line)
        for n, (level, line) in enumerate(leveled)
        if not (level and not line.strip() and _at_edge(leveled, n))
    ]
    return "\n".join(("> " * level + line).rstrip() if level else line for level, line in kept)


def _marks_apart(markdown: str) -> list[str]:
    """The Markdown's lines, a quote's mark inside a line set on a line of its own: trafilatura writes a quote
    inside a list item or a <div> of text into the line of the words around it ("1. Zitat von Yves <mark> Das war
    …"). In a table's row the marks are dropped: a row is one line."""
    lines = []
    for line in markdown.split("\n"):
        if (_QUOTE_START not in line and _QUOTE_END not in line) or line.strip() in (_QUOTE_START, _QUOTE_END):
            lines.append(line)
        elif line.lstrip().startswith("|"):
            lines.append(_MARK_IN_LINE.sub(" ", line).strip())
        else:
            lines += [part.strip() for part in _MARK_SPLIT.split(line) if part.strip()]
    return lines


def _at_edge(leveled: list[tuple[int, str]], n: int) -> bool:
    """True when blank line `n` of a quote has only blank lines of its level between it and the quote's edge."""
    level = leveled[n][0]
    for step in (-1, 1):
        k = n + step
        while 0 <= k < len(leveled) and leveled[k][0] == level and not leveled[k][1].strip():
            k += step
        if not 0 <= k < len(leveled) or leveled[k][0] < level:
            return True
    return False


def tidy(markdown: str) -> str:
    """At most one blank line in a row outside fenced code."""
    out, blank, fence = [], 0, None
    for line in markdown.split("\n"):
        opening = re.match(r"(?:> )*\s*(?:(?:[-*+]|\d+[.)])\s+)?(`{3,})", line)  # in a list item too
        if opening and (fence is None or opening.group(1).startswith(fence)):
            fence = opening.group(1) if fence is None else None
        blank = blank + 1 if not line.strip() and fence is None else 0
        if blank <= 1:
            out.append(line)
    return "\n".join(out)
