"""A page nested too deeply to parse, made flat enough to parse: the fallback extract() takes for such a page.

libxml2 stops building the tree at 256 levels (lxml says "Excessive depth in document" and drops the rest), and
Python's recursion limit ends some tree walks earlier: a post wrapped in 5,000 <div>s came out as its menu's
"Home". `too_deep()` tells such a page from its tree, and `flatten()` drops the opening and closing tags of plain
containers (div, span, section …) below MAX_DEPTH levels, and of any element below twice that, keeping every
text: the post's paragraphs, headings and links parse as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

MAX_DEPTH = 120
_DEEP = etree.XPath(f"boolean(//*[count(ancestor::*) >= {MAX_DEPTH}])")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>|<!--.*?-->", re.S)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_CONTAINERS = frozenset(
    ["div", "span", "section", "font", "center", "table", "tbody", "thead", "tr", "td", "th", "form", "label"]
)
_SELF_ENDING = frozenset(
    ["p", "li", "dt", "dd", "option", "tr", "td", "th"]
)  # a second one ends the first: <li>a <li>b


class _Nesting:
    """The open elements while reading the tags in order; `depth` counts those kept."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool]] = []  # (tag name, kept)
        self.depth = 0

    def open(self, name: str) -> bool:
        if name in _SELF_ENDING and self.stack and self.stack[-1][0] == name:
            self.close(name)
        keep = self.depth < MAX_DEPTH or (name not in _CONTAINERS and self.depth < 2 * MAX_DEPTH)
        self.stack.append((name, keep))
        self.depth += keep
        return keep

    def close(self, name: str) -> bool:
        """Closes the innermost open `name` and whatever was left open inside it; a stray closing tag is dropped."""
        for index in range(len(self.stack) - 1, max(-1, len(self.stack) - 50), -1):
            if self.stack[index][0] == name:
                kept = self.stack[index][1]
                self.depth -= sum(keep for _, keep in self.stack[index:])
                del self.stack[index:]
                return kept
        return False


def _tags(html: str) -> Iterator[tuple[re.Match[str], str | None, bool]]:
    """Each tag or comment, the name of the element it opens or closes (None for the others), and whether it
    closes it."""
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name is None or self_closing or name.lower() in _VOID:
            yield match, None, False
        else:
            yield match, name.lower(), bool(closing)


def too_deep(tree: etree._Element) -> bool:
    """Whether the parsed page reaches MAX_DEPTH levels: where libxml2 cut it, or near (one XPath, in C)."""
    return bool(_DEEP(tree))


def flatten(html: str) -> str:
    """The page without the tags that nest it beyond MAX_DEPTH (see the module docstring)."""
    out: list[str] = []
    nesting = _Nesting()
    position = 0
    for match, name, closing in _tags(html):
        out.append(html[position : match.start()])
        position = match.end()
        keep = name is None or (nesting.close(name) if closing else nesting.open(name))
        if keep:
            out.append(match.group(0))
    out.append(html[position:])
    return "".join(out)
