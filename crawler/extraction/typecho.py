"""What Typecho says about its own pages: the type of content its core names in the page.

Typecho (the self-hosted PHP blog engine most used in China) prints `<meta name="generator" content="Typecho 1.3.0">`
through the `header()` call every theme makes, and with it OpenGraph's `og:type`: `article` for a single post or
page, `website` for every other archive — the home, a category's, tag's, author's or search's posts and each
further page of them (/author/1/2/), which can hold a single post in full markup. A post and a static page (About)
look alike in most themes; Typecho names the box of the reply form after the content's type and id
(`Widget\\Base\\Contents::respondId`: `respond-post-4`, `respond-page-18`, `respond-attachment-3`), which themes
print as the form's container (`<div id="<?php $this->respondId(); ?>">`) and the core's threaded-reply script
looks up.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.extraction.page import Page

# (content type in the reply box's id, page kind)
RESPOND_KINDS = {"post": "article", "page": "page", "attachment": "other"}
_RESPOND_BOX = etree.XPath("//*[starts-with(@id, 'respond-')]/@id")
_RESPOND_ID = re.compile(r"^respond-([a-z]+)-\d+$")


def typecho_kind(page: Page) -> str | None:
    """The page's kind as Typecho names it: "listing" for an archive its header types `website`, the kind of the
    content type its reply box is named after for a single one; None for a page Typecho did not render, or a post
    or page whose comments are closed (no reply box: the page's own evidence decides)."""
    if not any(generator.startswith("Typecho") for generator in page.meta.get("generator", [])):
        return None
    if next(iter(page.meta.get("og:type", [])), "").strip() == "website":
        return "listing"
    types = {match.group(1) for box in _RESPOND_BOX(page.tree) if (match := _RESPOND_ID.match(box))}
    kinds = {RESPOND_KINDS[name] for name in types if name in RESPOND_KINDS}
    return kinds.pop() if len(kinds) == 1 else None
