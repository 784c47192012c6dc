"""What @sugarat/theme, a VitePress blog theme, says of its pages in the page's own data.

VitePress renders each Markdown page to static HTML and writes its site's configuration into every page,
`window.__VP_SITE_DATA__ = JSON.parse("…")` (a JSON string of the JSON). @sugarat/theme (`theme.sugarat.top`, much
used for Chinese blogs) prints a post's author, date and tags only in the browser — its `BlogArticleAnalyze`
component is `<ClientOnly>`: the static page holds the post's heading and text and none of them — but at build time
it reads every page's front matter into its configuration, `themeConfig.blog.pagesData` (under
`themeConfig.blog.locales.<locale>.pagesData` on a site of several languages): per page its `route` (the page's
path without `.html`) and `meta` — `title`, `date` ("2024/04/20 08:15:00", the build machine's clock), `author`,
`tags`, `categories`, and `hidden: true` for a page its front matter keeps out of the blog's list of posts
(`publish: false` sets it; an About page, an Impressum). Its `authorList` names each author's `url` and `des` (the
author's one-line description, which the theme shows on the byline's link): their site and their bio.

A page that data lists and does not hide is a post; one it hides is a page (kind "page", as a WordPress page is);
a page it does not list (the blog's home, a listing of `layout: home`) is judged as any page is.
"""

from __future__ import annotations

import json
import re
import weakref
from typing import Any
from urllib.parse import unquote, urlsplit

from crawler.extraction.article import AuthorBox, Person
from crawler.extraction.page import Page
from crawler.urls import joined

# VitePress's site data in every page it renders (its `app/index` writes it with JSON.stringify twice).
_SITE_DATA = re.compile(r"window\.__VP_SITE_DATA__\s*=\s*JSON\.parse\(\s*(\"(?:\\.|[^\"\\])*\")\s*\)", re.DOTALL)
_DATE = re.compile(r"^(\d{4})/(\d{2})/(\d{2}) (\d{2}):(\d{2}):(\d{2})$")  # the theme's formatDate "yyyy/MM/dd hh:mm:ss"
# Each page's site data and its @sugarat/theme entry, read once: the kind, the date, the authors and the terms ask.
_SITES: weakref.WeakKeyDictionary[Page, dict[str, Any] | None] = weakref.WeakKeyDictionary()
_ENTRIES: weakref.WeakKeyDictionary[Page, tuple[dict[str, Any], dict[str, Any]] | None] = weakref.WeakKeyDictionary()


def _site_data(page: Page) -> dict[str, Any] | None:
    """VitePress's site data in the page, read once per page."""
    if page not in _SITES:
        _SITES[page] = _read_site_data(page)
    return _SITES[page]


def _read_site_data(page: Page) -> dict[str, Any] | None:
    for script in page.tree.iter("script"):
        source = script.text or ""
        if "__VP_SITE_DATA__" not in source or (match := _SITE_DATA.search(source)) is None:
            continue
        try:
            data = json.loads(json.loads(match[1]))
        except ValueError:
            continue
        return data if isinstance(data, dict) else None
    return None


def _entry(page: Page) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(the page's `meta` in @sugarat/theme's pagesData, the theme's `blog` configuration); None on a page that
    data does not list."""
    if page not in _ENTRIES:
        _ENTRIES[page] = _find_entry(page)
    return _ENTRIES[page]


def _blog(page: Page) -> dict[str, Any] | None:
    """@sugarat/theme's configuration in VitePress's site data (`themeConfig.blog`, holding its `pagesData`)."""
    data = _site_data(page)
    blog = (data.get("themeConfig") or {}).get("blog") if data else None
    if not isinstance(blog, dict) or not ("pagesData" in blog or "locales" in blog):
        return None
    return blog


def _find_entry(page: Page) -> tuple[dict[str, Any], dict[str, Any]] | None:
    if (blog := _blog(page)) is None:
        return None
    data = _site_data(page) or {}
    base = str(data.get("base") or "/")  # a site under a folder: routes are the paths below it
    path = unquote(urlsplit(page.url).path)
    if base != "/" and path.startswith(base):
        path = path[len(base) - 1 :]
    path = path.removesuffix(".html")
    routes = {path, path + "index"} if path.endswith("/") else {path, path.removesuffix("/index")}
    lists = [blog.get("pagesData")] + [
        locale.get("pagesData") for locale in (blog.get("locales") or {}).values() if isinstance(locale, dict)
    ]
    for pages in lists:
        for item in pages if isinstance(pages, list) else []:
            if isinstance(item, dict) and item.get("route") in routes and isinstance(item.get("meta"), dict):
                return item["meta"], blog
    return None


def sugarat_kind(page: Page) -> str | None:
    """Kind "article" for a post @sugarat/theme's page data lists, "page" for a page it hides from the blog's list
    of posts, "listing" for the blog's home (VitePress's `layout: home`, `div.VPHome`, where the theme lists the
    posts); None for any other page."""
    if "__VP_SITE_DATA__" not in page.source:
        return None
    if "VPHome" in page.names.classes:
        return "listing" if _blog(page) is not None else None
    if (entry := _entry(page)) is None:
        return None
    meta, _ = entry
    return "page" if meta.get("hidden") is True or meta.get("publish") is False else "article"


def sugarat_published(page: Page) -> str | None:
    """The post's date as @sugarat/theme's page data holds it, "2024-04-20T08:15:00" (no offset: the clock of the
    machine that built the site); None elsewhere."""
    if "__VP_SITE_DATA__" not in page.source or (entry := _entry(page)) is None:
        return None
    match = _DATE.match(str(entry[0].get("date") or ""))
    return "{}-{}-{}T{}:{}:{}".format(*match.groups()) if match else None


def sugarat_authors(page: Page) -> list[Person]:
    """The post's author as @sugarat/theme's page data names it (its front matter's `author`, else the theme's
    site-wide `author`), with the address the theme's `authorList` gives that name; [] elsewhere."""
    if "__VP_SITE_DATA__" not in page.source or (entry := _entry(page)) is None:
        return []
    meta, blog = entry
    name = meta.get("author")
    if name is None:
        name = blog.get("author")
    if not isinstance(name, str) or not name.strip():  # `author: false` hides the byline
        return []
    listed = next(
        (a for a in blog.get("authorList") or [] if isinstance(a, dict) and a.get("nickname") == name.strip()), {}
    )
    url = listed.get("url")
    return [Person(name=name.strip(), url=joined(page.base, url) if isinstance(url, str) and url else None)]


def sugarat_author_boxes(page: Page) -> list[AuthorBox]:
    """The post's author as @sugarat/theme's `authorList` describes them: their `des` (the line the theme shows on
    the byline's link) their bio, their `url` (their own site) among their links; [] for an author the list does
    not describe, and elsewhere."""
    authors = sugarat_authors(page)
    if not authors or (entry := _entry(page)) is None:
        return []
    listed = next(
        (a for a in entry[1].get("authorList") or [] if isinstance(a, dict) and a.get("nickname") == authors[0].name),
        {},
    )
    bio = listed.get("des")
    if not isinstance(bio, str) or not bio.strip():
        return []
    return [AuthorBox(name=authors[0].name, bio=bio.strip(), links=[authors[0].url] if authors[0].url else [])]


def sugarat_terms(page: Page) -> tuple[list[str], list[str]]:
    """(categories, tags) of the post as @sugarat/theme's page data holds its front matter's; ([], []) elsewhere."""
    if "__VP_SITE_DATA__" not in page.source or (entry := _entry(page)) is None:
        return [], []
    meta = entry[0]
    return _names(meta.get("categories")), _names(meta.get("tags"))


def _names(value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(v).strip() for v in values if isinstance(v, (str, int, float)) and str(v).strip()]
