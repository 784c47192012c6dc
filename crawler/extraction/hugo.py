"""Hugo's conventions: whether Hugo built a page, and whether it is one of the site's pages by its content section."""

from __future__ import annotations

import re

from crawler.extraction.page import Page

# Hugo Pipes' `resources.Fingerprint` names an asset by its SHA-256: `style.min.<64 hex digits>.css`.
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{64}\.(?:css|js)(?:[?#]|$)")
# The content section Hugo themes' example sites keep the site's pages in (content/page/about.md: Bilberry, Stack,
# Beautiful Hugo), as Hugo's templates state it in article:section (`.Section`; Stack title-cases it, "Page").
PAGES_SECTION = "page"


def built_by_hugo(page: Page) -> bool:
    """Hugo built the page: its generator tag says so, or a stylesheet or script Hugo Pipes fingerprinted
    (_FINGERPRINTED) where its theme prints no generator tag (Stack prints none on a post)."""
    if any(generator.startswith("Hugo") for generator in page.meta.get("generator", [])):
        return True
    assets = (element.get("href") or element.get("src") or "" for element in page.tree.iter("link", "script"))
    return any(_FINGERPRINTED.search(asset) for asset in assets)


def in_pages_section(page: Page) -> bool:
    """The page states Hugo's section of the site's pages (PAGES_SECTION) as its article:section, and Hugo built it:
    an About, a Legal notice, whatever date its front matter gives it (Bilberry's example pages are dated 2000 and
    2010, before any post)."""
    sections = page.meta.get("article:section", [])
    return any(section.strip().casefold() == PAGES_SECTION for section in sections) and built_by_hugo(page)
