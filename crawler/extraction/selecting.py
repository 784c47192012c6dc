"""Whole-document CSS selection, narrowed by the classes the page actually uses.

soupsieve's cost grows with selectors × elements. Our selector tables list many themes' classes, and a page
uses one theme: a selector that names a class the page never mentions cannot match, so it is dropped before
the tree is walked. The page's classes come from a regex over the raw HTML, far cheaper than a walk.
"""

from __future__ import annotations

import re
from functools import lru_cache

import soupsieve
from bs4 import Tag

_CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_REQUIRED_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_NOT_CLASSES = re.compile(r":not\([^)]*\)|\[[^\]]*\]")  # negations and attribute values name no required class


def page_classes(html: str) -> frozenset[str]:
    return frozenset(
        name for match in _CLASS_ATTR.finditer(html) for name in "".join(g or "" for g in match.groups()).split()
    )


def narrowed(selectors: str, classes: frozenset[str] | None) -> tuple[str, ...]:
    """The comma-separated `selectors` that can match a page using `classes` (all of them when None)."""
    parts = tuple(part.strip() for part in selectors.split(",") if part.strip())
    if classes is None:
        return parts
    return tuple(p for p in parts if all(c in classes for c in _REQUIRED_CLASS.findall(_NOT_CLASSES.sub("", p))))


@lru_cache(maxsize=2048)
def compiled(selectors: tuple[str, ...]) -> soupsieve.SoupSieve:
    return soupsieve.compile(", ".join(selectors))


def select(root: Tag, selectors: str, classes: frozenset[str] | None, limit: int = 0) -> list[Tag]:
    keep = narrowed(selectors, classes)
    return compiled(keep).select(root, limit=limit) if keep else []
