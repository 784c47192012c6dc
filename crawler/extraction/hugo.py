"""Hugo's conventions: whether Hugo built a page, and whether it is one of the site's pages by its content section or
by its theme's layout for content that is no post (Academic's), or a post by its theme's layout for posts."""

from __future__ import annotations

import re

from lxml import etree

from crawler.extraction.page import Page

# Hugo Pipes' `resources.Fingerprint` names an asset by its SHA-256: `style.min.<64 hex digits>.css`.
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{64}\.(?:css|js)(?:[?#]|$)")
# The content section Hugo themes' example sites keep the site's pages in (content/page/about.md: Bilberry, Stack,
# Beautiful Hugo), as Hugo's templates state it in article:section (`.Section`; Stack title-cases it, "Page").
PAGES_SECTION = "page"
# Academic — "Source Themes Academic" in its generator tag, renamed Wowchemy (5.x) and Hugo Blox — lays each content
# type out its own way: a post in `article.article` with a JSON-LD BlogPosting; a publication, and a talk or event,
# in `div.pub` (layouts/publication/, talk/, event/single.html); a project in `article.article-project`; a docs or
# book chapter (its courses) in `div.docs-article-container`; slides in reveal.js's `div.reveal > div.slides`.
ACADEMIC_GENERATORS = ("Source Themes Academic", "Wowchemy", "Hugo Blox")
_ACADEMIC_LAYOUTS = etree.XPath(
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' pub ')]"
    " | //article[contains(concat(' ', normalize-space(@class), ' '), ' article-project ')]"
    " | //div[contains(concat(' ', normalize-space(@class), ' '), ' docs-article-container ')]"
    " | //div[contains(concat(' ', normalize-space(@class), ' '), ' reveal ')]"
    "/div[contains(concat(' ', normalize-space(@class), ' '), ' slides ')]"
)

# Academic's JSON-LD (layouts/partials/jsonld/) types a page of its content type "post" a BlogPosting, and no other
# page: its publications are Articles, its Privacy and Terms pages carry none.
ACADEMIC_POST_TYPE = "BlogPosting"
_ACADEMIC_POST_CONTAINER = etree.XPath("//article[contains(concat(' ', normalize-space(@class), ' '), ' article ')]")


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


def in_academic_pages_layout(page: Page) -> bool:
    """Academic (ACADEMIC_GENERATORS) laid the page out as a publication, talk, project, docs page or slides: no post,
    though Academic's feed, Hugo's RSS of every regular page, dates it as it dates posts (an R blogger's site listed
    its example publications, projects and talk beside the posts)."""
    return _built_by_academic(page) and bool(_ACADEMIC_LAYOUTS(page.tree))


def in_academic_page_layout(page: Page, types: set[str]) -> bool:
    """Academic (ACADEMIC_GENERATORS) laid the page out in the `article.article` of its posts, but the page's JSON-LD
    `types` lack the ACADEMIC_POST_TYPE it prints for its posts alone: a page of the site's own, its Privacy and Terms
    (content/privacy.md, terms.md), which its feed dates as it dates posts."""
    return ACADEMIC_POST_TYPE not in types and _built_by_academic(page) and bool(_ACADEMIC_POST_CONTAINER(page.tree))


def in_academic_post_layout(page: Page, types: set[str]) -> bool:
    """Academic (ACADEMIC_GENERATORS) laid the page out as a post: `article.article`, and the page's JSON-LD `types`
    name ACADEMIC_POST_TYPE, which Academic prints for its content type "post" alone. Such a page is a post whatever
    its date: Hugo prints a post whose front matter's date is empty (`date: ''`) at its zero date, year 1 — under
    /1/01/01/ where the permalink names the date —, and its feed lists it with that placeholder, as it lists the site's
    pages."""
    return ACADEMIC_POST_TYPE in types and _built_by_academic(page) and bool(_ACADEMIC_POST_CONTAINER(page.tree))


def _built_by_academic(page: Page) -> bool:
    return any(name.startswith(ACADEMIC_GENERATORS) for name in page.meta.get("generator", []))
