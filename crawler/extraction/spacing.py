"""Line breaks of the page's source folded out of the paragraphs of an extraction.

trafilatura trims a paragraph's text as it reads it, but not everywhere: a block it builds from an element whose
children it left out keeps the source's indentation — a Hugo theme's meta line (`<div>` of a `<time>`, a
separator and a reading time) came out as "    \\n    \\n      ·1 min\\n    \\n", and Hugo's own figure shortcode
(`<figcaption>` holding an indented `<p>`) gave a caption thirteen spaces in. The text is the page's words, not
its source's layout: a run of white space with a line break and more in it is one space, and a line neither
starts nor ends with one. A line break alone stays: trafilatura's fallback for a page it cannot read joins the
page's lines with it, and a source's hard-wrapped paragraph is left as trafilatura gives it — except in a paragraph
holding inline code, which trafilatura leaves untrimmed around the code: there a line break alone is the source's
wrap ("gibt ein `Result` zurück, und der Aufrufer muss\\nentscheiden" in every Markdown engine's output). Code
keeps every character.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

_BROKEN_SPACE = re.compile(r"\s*\n\s*")
_LINE_BREAK = "\n"  # alone, it is a line of its own: trafilatura's fallback joins the page's text so
_VERBATIM = {"code", "pre"}
_BLOCKS = {"p", "head", "item", "cell", "quote", "list", "row", "table", "body", "div", "section", "article", "figure"}
# What a line ends at and starts after. Not <code>: trafilatura marks inline code so too.
_LINE_ENDS = _BLOCKS | {"lb", "graphic"}
_PARAGRAPHS = {"p", "head", "item", "cell", "quote"}  # where a line of prose wraps


def fold_source_breaks(body: etree._Element) -> bool:
    """Folds, in place, the white space holding a line break in `body`'s text outside code; True when any was."""
    changed = False
    for element in body.iter():
        broken_text, broken_tail = "\n" in (element.text or ""), "\n" in (element.tail or "")
        if not (broken_text or broken_tail) or not isinstance(element.tag, str) or _in_verbatim(element):
            continue
        if broken_text and element.tag not in _VERBATIM:
            text = _BROKEN_SPACE.sub(_folding(element), element.text)
            if element.tag in _BLOCKS:
                text = text.lstrip(" ")
            if len(element) == 0 and element.tag in _BLOCKS or len(element) and _ends_line(element[0]):
                text = text.rstrip(" ")
            changed |= text != element.text
            element.text = text
        if broken_tail and element.getparent() is not None:
            tail = _BROKEN_SPACE.sub(_folding(element.getparent()), element.tail)
            if element.tag in _LINE_ENDS:
                tail = tail.lstrip(" ")
            following = element.getnext()
            if following is None and element.getparent().tag in _BLOCKS or _ends_line(following):
                tail = tail.rstrip(" ")
            changed |= tail != element.tail
            element.tail = tail
    return changed


def separate_code_blocks(body: etree._Element) -> bool:
    """Ends, in place, each code block of `body` that another follows with a line break; True when any was.
    trafilatura's plain text runs two code blocks in a row into one line (a Quarto cell's code and its output:
    "tt_load('2023-11-07')    Downloading file 1 of 1")."""
    changed = False
    for block in body.iter("code"):
        following = block.getnext()
        if _code_block(block) and following is not None and _code_block(following) and not (block.tail or "").strip():
            block.addnext(etree.Element("lb"))  # xmltotxt drops a code block's tail, not a line break
            changed = True
    return changed


def _code_block(element: etree._Element) -> bool:
    """trafilatura's block of code: a <code> of its own in a block, not inline code in a paragraph."""
    parent = element.getparent()
    return element.tag == "code" and parent is not None and parent.tag in _BLOCKS - {"p", "head", "item", "cell"}


def _ends_line(element: etree._Element | None) -> bool:
    return element is not None and element.tag in _LINE_ENDS


def _folding(holder: etree._Element) -> Callable[[re.Match[str]], str]:
    """How a run of white space in `holder`'s text (or a child's tail) is folded: a line break alone stays, but in
    a paragraph holding inline code."""
    return _to_space if _holds_inline_code(_block_of(holder)) else _folded


def _block_of(element: etree._Element) -> etree._Element | None:
    return next((e for e in (element, *element.iterancestors()) if e.tag in _BLOCKS), None)


def _holds_inline_code(block: etree._Element | None) -> bool:
    return block is not None and block.tag in _PARAGRAPHS and any(not _code_block(c) for c in block.iter("code"))


def _folded(run: re.Match[str]) -> str:
    return _LINE_BREAK if run.group() == _LINE_BREAK else " "


def _to_space(run: re.Match[str]) -> str:
    return " "


def _in_verbatim(element: etree._Element) -> bool:
    return any(ancestor.tag in _VERBATIM for ancestor in element.iterancestors())
