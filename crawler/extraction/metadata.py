"""Post metadata, from the most explicit source to the least: JSON-LD, OpenGraph/article meta, theme markup,
then what trafilatura (and htmldate inside it) found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from lxml.cssselect import CSSSelector

from crawler.extraction.article import Person
from crawler.extraction.authorbox import clean_name
from crawler.extraction.page import Page, compiled, first, text_of
from crawler.extraction.pagekind import ARTICLE_TYPES
from crawler.extraction.structured import by_type, first_text

_AUTHOR_LINKS = CSSSelector("a[rel~=author][href]")


@dataclass
class Metadata:
    title: str | None = None
    authors: list[Person] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    canonical_url: str | None = None
    sitename: str | None = None
    description: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def extract_metadata(page: Page, jsonld: list[dict[str, Any]], fallback: Any) -> Metadata:
    """`fallback` is trafilatura's Document (or None): used only where the page says nothing more explicit."""
    post = next(iter(by_type(jsonld, *ARTICLE_TYPES)), {})
    metas, soup, base = page.meta, page.tree, page.base
    get = (lambda name: getattr(fallback, name, None)) if fallback is not None else (lambda name: None)
    return Metadata(
        title=_first(first_text(post.get("headline")), _meta(metas, "og:title"), _h1(soup), get("title")),
        authors=_authors(soup, metas, base, post, get("author")),
        published=_first_date(first_text(post.get("datePublished")), _meta(metas, "article:published_time"),
                              _time(soup), get("date")),
        updated=_first_date(first_text(post.get("dateModified")), _meta(metas, "article:modified_time"),
                            _meta(metas, "og:updated_time")),
        canonical_url=_canonical(soup, base),
        sitename=_first(_meta(metas, "og:site_name"), get("sitename")),
        description=_first(first_text(post.get("description")), _meta(metas, "og:description"),
                           _meta(metas, "description"), get("description")),
        categories=_unique(_as_list(post.get("articleSection")) + _metas(metas, "article:section")
                           + _link_texts(soup, "a[rel~=category]")) or _unique(list(get("categories") or [])),
        tags=_unique(_metas(metas, "article:tag") + _keywords(post.get("keywords"))
                     + _link_texts(soup, "a[rel~=tag]:not([rel~=category])")) or _unique(_split(get("tags"))),
    )  # fmt: skip


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return " ".join(value.split())
    return None


def _first_date(*values: str | None) -> str | None:
    """The first value that reads as a date, in extended ISO 8601 ("20230527T21:10:32" → "2023-05-27T21:10:32",
    RFC 822 feed dates too); unreadable values are skipped for the next source."""
    for value in values:
        if value and (iso := iso_date(value.strip())):
            return iso
    return None


def iso_date(value: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value  # a date alone stays a date: no invented midnight
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}$", value[:10]) else None


def _meta(metas: dict[str, list[str]], name: str) -> str | None:
    return next(iter(metas.get(name, [])), None)


def _metas(metas: dict[str, list[str]], name: str) -> list[str]:
    return [value for value in metas.get(name, []) if value]


def _h1(tree: Any) -> str | None:
    for selector in ("h1.entry-title", "h1.post-title", "article h1", "h1"):
        if (h1 := first(tree, selector)) is not None:
            return text_of(h1)
    return None


def _time(tree: Any) -> str | None:
    """The theme's own date markup: <time datetime>, microdata datePublished, hAtom abbr.published."""
    node = first(tree, "article time[datetime], .entry-date[datetime], time.published[datetime]")
    if node is not None:
        return node.get("datetime")
    node = first(tree, "[itemprop=datePublished][content], [itemprop=datePublished][datetime], abbr.published")
    if node is None:
        return None
    return node.get("content") or node.get("datetime") or node.get("title")


def _canonical(tree: Any, base: str) -> str | None:
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        return urljoin(base, href.strip())
    return None


def _authors(
    tree: Any, metas: dict[str, list[str]], base: str, post: dict[str, Any], fallback: str | None
) -> list[Person]:
    people = [_person(a, base) for a in _as_list(post.get("author"))]
    people = [p for p in people if p is not None]
    if not people:
        meta = _meta(metas, "author")
        people = [Person(name=n.strip()) for n in re.split(r"\s*(?:,|;|&| and | und )\s*", meta or "") if n.strip()]
    if not people:
        people = [Person(name=text_of(a), url=urljoin(base, a.get("href")))
                  for a in _AUTHOR_LINKS(tree) if text_of(a)]  # fmt: skip
    people = [Person(name, p.url) for p in people if (name := clean_name(p.name))]
    if not people and fallback:
        people = [Person(name=name) for n in fallback.split(";") if (name := clean_name(n))]
    unique: dict[str, Person] = {}
    for person in people:
        unique.setdefault(person.name, person)
    return list(unique.values())


def _person(value: Any, base: str) -> Person | None:
    if isinstance(value, str):
        return Person(name=value.strip()) if value.strip() and not value.startswith("http") else None
    if isinstance(value, dict) and first_text(value.get("name")):
        url = first_text(value.get("url"))
        return Person(name=first_text(value["name"]), url=urljoin(base, url) if url else None)
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    return [k for k in _as_list(value) if isinstance(k, str)]


def _link_texts(tree: Any, selector: str) -> list[str]:
    return [text_of(a) for a in compiled((selector,))(tree)[:100]]


def _split(values: list[str] | None) -> list[str]:
    """trafilatura joins a page's keywords into one string: split them again."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _unique(values: list[Any]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if isinstance(value, str) and value.strip():
            seen.setdefault(" ".join(value.split()), None)
    return list(seen)
