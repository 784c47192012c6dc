"""Post metadata, from the most explicit source to the least: JSON-LD, OpenGraph/article meta, theme markup,
then what trafilatura (and htmldate inside it) found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from crawler.extraction.article import Person
from crawler.extraction.authors import as_list, post_authors
from crawler.extraction.guesses import Guesses
from crawler.extraction.page import Page, compiled, first, text_of
from crawler.extraction.pagekind import ARTICLE_TYPES
from crawler.extraction.sitename import site_names
from crawler.extraction.structured import by_type, first_text
from crawler.extraction.titles import post_title

_CANONICAL = etree.XPath("//link[@rel='canonical']/@href", smart_strings=False)
_TIME_VALUES = etree.XPath("//time/@datetime", smart_strings=False)


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


def extract_metadata(page: Page, jsonld: list[dict[str, Any]]) -> Metadata:
    post = next(iter(by_type(jsonld, *ARTICLE_TYPES)), {})
    metas, tree, base = page.meta, page.tree, page.base
    canonical = _canonical(tree, base)
    guesses = Guesses(page, canonical)  # trafilatura's and htmldate's heuristics, each run only when needed
    sites = site_names(page, jsonld, post)
    return Metadata(
        title=post_title(page, post, sites, lambda: guesses.title),
        authors=post_authors(page, jsonld, guesses, sites.folded),
        published=_published(page, post, guesses),
        updated=_first_date(
            first_text(post.get("dateModified")), _meta(metas, "article:modified_time"), _meta(metas, "og:updated_time")
        ),
        canonical_url=canonical,
        sitename=sites.display,
        description=_first(
            first_text(post.get("description")), _meta(metas, "og:description"), _meta(metas, "description")
        ),
        categories=_unique(
            as_list(post.get("articleSection"))
            + _metas(metas, "article:section")
            + _link_texts(tree, "a[rel~=category]")
        )
        or _unique(guesses.categories),
        tags=_unique(
            _metas(metas, "article:tag")
            + _keywords(post.get("keywords"))
            + _link_texts(tree, "a[rel~=tag]:not([rel~=category])")
        )
        or _unique(_split(guesses.tags)),
    )


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
    for href in _CANONICAL(tree):
        return urljoin(base, href.strip())
    return None


def _published(page: Page, post: dict[str, Any], guesses: Guesses) -> str | None:
    """The publication date in the page's own day and offset.

    htmldate's reading (the URL's date, the dates the page shows, its metadata) decides the day: where it and a
    stated date (JSON-LD, article:published_time, the theme's <time>) disagree, it is right about three times as
    often on the shared set of real pages (a stated date is often a re-publication, or a sidebar's <time>). The
    stated value is kept when it falls on that day, for its time and offset; a UTC value gives way to the page's
    own <time> of the same instant, whose offset keeps the local day."""
    stated = _first_date(
        first_text(post.get("datePublished")), _meta(page.meta, "article:published_time"), _time(page.tree)
    )
    seen = _first_date(guesses.date)
    if stated is None or seen is None:
        return stated or seen
    local = (_local_time(page, stated) if _is_utc(stated) else None) or stated
    return local if seen[:10] in (stated[:10], local[:10]) else seen


def _local_time(page: Page, utc: str) -> str | None:
    """The page's <time datetime> naming the same instant as `utc` with a local offset, if it has one."""
    instant = _instant(utc)
    for value in _TIME_VALUES(page.tree)[:20]:
        local = iso_date(value.strip())
        if local and not _is_utc(local) and instant is not None and _instant(local) == instant:
            return local
    return None


def _is_utc(value: str) -> bool:
    return value.endswith(("+00:00", "Z"))


def _instant(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    return [k for k in as_list(value) if isinstance(k, str)]


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
