"""Galleries a theme's script builds from data the page carries: the pictures put in as the browser shows them.

Hexo Butterfly's `gallery` tag (4.x, scripts/tag/gallery.js) prints no picture: it prints the gallery's pictures
as JSON, `[{"url": …, "alt": …}, …]`, in a `span.gallery-data` inside its `div.fj-gallery`, and the theme's script
lays them out (a few rows at a time, the rest behind a "load more" button). Read as it stands, a post's gallery was
a line of JSON in its text and none of its pictures were among the post's images. Each such data element is
replaced by the pictures it lists, `<img src alt title>`, in its place, before anything reads the page.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

_GALLERY_DATA = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' fj-gallery ')]"
    "/span[contains(concat(' ', normalize-space(@class), ' '), ' gallery-data ')]"
)
# Most of a page carries no gallery: the tree is searched only where the source names the data's class.
MARKER = "gallery-data"


def with_gallery_pictures(tree: HtmlElement) -> None:
    """Replace each gallery's JSON data in `tree` by the pictures it lists (the module's docstring): in place.
    Data that is no JSON list of pictures stays as it is."""
    for data in _GALLERY_DATA(tree):
        pictures = _pictures(data.text_content())
        if not pictures:
            continue
        parent = data.getparent()
        at = parent.index(data)
        for offset, picture in enumerate(pictures):
            parent.insert(at + offset, picture)
        pictures[-1].tail = data.tail
        parent.remove(data)


def _pictures(data: str) -> list[HtmlElement]:
    try:
        items: Any = json.loads(data)
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    pictures = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str) or not item["url"].strip():
            continue
        picture = etree.Element("img", src=item["url"].strip())
        for name in ("alt", "title"):
            if isinstance(value := item.get(name), str) and value.strip():
                picture.set(name, value.strip())
        pictures.append(picture)
    return pictures
