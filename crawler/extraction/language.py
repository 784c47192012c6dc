"""The post's language as ISO 639-1: what the page declares, else py3langid on the body text."""

from __future__ import annotations

import re

import py3langid

from crawler.extraction.page import Page

_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def declared_language(page: Page) -> str | None:
    html = page.tree
    candidates = [html.get("lang"), html.get("xml:lang"), html.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for key in ("og:locale", "content-language"):
        candidates.append(next(iter(page.meta.get(key, [])), None))
    for value in candidates:
        match = _CODE.match((value or "").strip())
        if match and len(match.group(1)) == 2:
            return match.group(1).lower()
    return None


def detect_language(text: str) -> str | None:
    """py3langid's guess for a text of at least a few words; None for too little text."""
    if len(text.split()) < 5 and len(text) < 40:
        return None
    language, _score = py3langid.classify(text[:5000])
    return language
