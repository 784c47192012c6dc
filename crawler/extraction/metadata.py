"""Post metadata, from the most explicit source to the least: JSON-LD, OpenGraph/article meta, theme markup,
then what trafilatura (and htmldate inside it) found."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector
from trafilatura.metadata import METANAME_AUTHOR

from crawler.extraction.article import Person
from crawler.extraction.authorbox import clean_name
from crawler.extraction.guesses import Guesses
from crawler.extraction.page import Page, compiled, first, text_of
from crawler.extraction.pagekind import ARTICLE_TYPES
from crawler.extraction.selectors import AUTHOR_BOXES
from crawler.extraction.structured import by_type, first_text

_AUTHOR_LINKS = CSSSelector("a[rel~=author][href]")
_CANONICAL = etree.XPath("//link[@rel='canonical']/@href", smart_strings=False)
_TIME_VALUES = etree.XPath("//time/@datetime", smart_strings=False)
# Theme bylines (hAtom, microdata, common themes), most specific first; the first that names someone wins.
_BYLINES = (
    ".entry-meta .author .fn", ".byline .author .fn", ".author.vcard .fn", "span.author.vcard a",
    ".entry-meta .author a",
    "[itemprop=author] [itemprop=name]", "a[itemprop=author]", "a.author-name", ".byline__author-name",
    ".entry-author-name", ".post-author-name", ".entry-author-text a", ".byline .author", ".byline.author",
    ".byline a",
)  # fmt: skip
# Regions whose names are not the post's author: comments, sidebars, widgets, menus, other posts.
_NOT_BYLINE = re.compile(r"comment|widget|sidebar|related|site-footer|recent|popular|menu|respond", re.IGNORECASE)
_POST_META = re.compile(r"meta|byline|author|info", re.IGNORECASE)
_BLOGGER_POSTS = re.compile(r"(?:^|\s)Blog\d*(?:\s|$)")  # Blogger's posts live in <div class="widget Blog" id="Blog1">
# A comment's signature ("Anna sagt:", "Bob says"): the commenter, not the post's author.
_SIGNATURE = re.compile(r"\s(?:sagt|says|said|schreibt|writes|dice|dit)\s*:?$", re.IGNORECASE)
# Bylines that name no person: desks, agencies, placeholders and labels a theme left behind.
_NO_PERSON = re.compile(
    r"^(?:unknown|anonymous|redaktion|die redaktion|editorial team|editorial staff|staff|agencies|agentur"
    r"|newsdesk|team)$",
    re.IGNORECASE,
)
# Words a theme leaves where a name should be, and degrees split off a name ("Grant Tinsley, PhD").
_PLACEHOLDER = re.compile(
    r"^(?:no author|human|posted|datum|date|edit|text|tiempo de lectura|ph\.?d\.?|md|dr\.?|prof\.?)$",
    re.IGNORECASE,
)
_EXTRA_PREFIX = re.compile(
    r"^(?:show all articles of|par|interview|text|beitrag von|zum profil von|erstellt von|posted on .*? by"
    r"|\S+ \d{4} by)(?:\s*:\s*|\s+)",
    re.IGNORECASE,
)
_THEME_VENDORS = {"themegrill", "themeisle", "elegant themes", "themeforest", "wordpress", "wordpress.com", "blogger",
                  "generatepress", "astra", "elementor", "tagdiv", "mh themes", "mythemeshop"}  # fmt: skip
_DOMAIN = re.compile(r"(?:^|[\s(])(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b(?:/\S*)?", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")
_TRAILING_DATE = re.compile(r"[\s,|–-]+(?:am\s+|on\s+)?\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}.*$")
# A date written out after the name: "am 21. April 2020", "Stand: 05. Februar 2020", "vor 5 Stunden".
_TRAILING_WORDED_DATE = re.compile(
    r"(?:[\s,|–—-]+(?:am|on|stand:?|published|veröffentlicht)?\s*\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul"
    r"|aug|sep|okt|oct|nov|dez|dec)\w*\.?,?\s+\d{4}|\s+vor\s+\d+\s+\w+|\s+[—–]\s+(?:veröffentlicht|published)\b).*$",
    re.IGNORECASE,
)
# What a byline leaves after the name once its date is cut: "Stand:", "vor 3 Tagen", "Updated", a Twitter handle.
_TRAILING_LABEL = re.compile(r"\s+(?:stand|vor|am|on|updated|aktualisiert|@\w+)\s*:?$", re.IGNORECASE)


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
    sitename = _sitename(page, jsonld, post)
    title = _first(first_text(post.get("headline")), _meta(metas, "og:title"), _h1(tree)) or _first(guesses.title)
    return Metadata(
        title=_without_site(title, sitename),
        authors=_authors(page, jsonld, guesses, _site_names(page, jsonld, post, sitename)),
        published=_published(page, post, guesses),
        updated=_first_date(first_text(post.get("dateModified")), _meta(metas, "article:modified_time"),
                            _meta(metas, "og:updated_time")),
        canonical_url=canonical,
        sitename=sitename,
        description=_first(first_text(post.get("description")), _meta(metas, "og:description"),
                           _meta(metas, "description")),
        categories=_unique(_as_list(post.get("articleSection")) + _metas(metas, "article:section")
                           + _link_texts(tree, "a[rel~=category]")) or _unique(guesses.categories),
        tags=_unique(_metas(metas, "article:tag") + _keywords(post.get("keywords"))
                     + _link_texts(tree, "a[rel~=tag]:not([rel~=category])")) or _unique(_split(guesses.tags)),
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
    for href in _CANONICAL(tree):
        return urljoin(base, href.strip())
    return None


def _authors(page: Page, jsonld: list[dict[str, Any]], guesses: Guesses, sites: set[str]) -> list[Person]:
    """The post's authors from the first source that names a person: JSON-LD, author meta tags, rel=author
    links, the theme's byline, trafilatura's reading of meta tags and JSON-LD, trafilatura's byline search. A
    site's, publisher's or theme's name is no author; neither is a name in comments, widgets or menus."""
    base, post = page.base, next(iter(by_type(jsonld, *ARTICLE_TYPES)), {})
    sources = (
        lambda: [p for a in _as_list(post.get("author")) if (p := _person(_resolved(a, jsonld), base)) is not None],
        lambda: [Person(name=n) for n in _split_names(_meta_author(page.meta))],
        lambda: [Person(name=text_of(a), url=urljoin(base, a.get("href")))
                 for a in _AUTHOR_LINKS(page.tree) if text_of(a) and not _outside_post(a)],
        lambda: _bylines(page),
        lambda: [Person(name=n) for n in _split_names(guesses.stated_author or "")],
        lambda: [Person(name=n) for n in _split_names(guesses.byline(lambda e: _a_byline(page, e)) or "")],
    )  # fmt: skip
    organisation: list[Person] = []  # the site's own name or a desk: kept only when no source names a person
    for source in sources:
        unique: dict[str, Person] = {}
        for person in source():
            name, is_person = _person_name(person.name, sites)
            if name and is_person and name.casefold() not in {k.casefold() for k in unique}:
                unique[name] = Person(name, person.url)
            elif name and not is_person and not organisation:
                organisation = [Person(name, person.url)]
        if unique:
            return list(unique.values())
    return organisation


def _meta_author(metas: dict[str, list[str]]) -> str:
    """The first author meta tag under any of the names trafilatura knows (author, dc.creator, parsely-author …)
    that holds a name rather than a profile URL."""
    for name in ("author", *sorted(METANAME_AUTHOR - {"author"})):
        for value in metas.get(name, []):
            if value and not value.startswith(("http://", "https://", "@")):  # a profile or a Twitter handle
                return value
    return ""


def _resolved(value: Any, jsonld: list[dict[str, Any]]) -> Any:
    """A JSON-LD reference ({"@id": …} alone, as Yoast writes a post's author) replaced by the object it names."""
    if isinstance(value, dict) and "name" not in value and (ref := value.get("@id")):
        return next((obj for obj in jsonld if obj.get("@id") == ref and obj is not value), value)
    return value


def _split_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*(?:,|;|&| and | und )\s*", text) if n.strip()]


def _person_name(text: str, sites: set[str]) -> tuple[str | None, bool]:
    """A byline's name cleaned (labels, trailing arrows, dates and URLs dropped), and whether it names a person
    rather than the site, its publisher, a desk ("Redaktion") or a theme; (None, False) for no name at all."""
    text = html.unescape(" ".join(text.split())).strip(" →»›")
    text = _EXTRA_PREFIX.sub("", text)
    text = _TRAILING_LABEL.sub("", _TRAILING_DATE.sub("", _TRAILING_WORDED_DATE.sub("", text)))
    parts = _TITLE_SEPARATOR.split(text)
    if len(parts) > 1:  # "unocero - Alberto Ávila", "Jane Doe | Redakteurin": the part that is not the site
        rest = [part for part in parts if _folded(part) not in sites]
        text = rest[0] if len(rest) == 1 else text
    name = clean_name(text.strip(" ,;"))
    if not name or _PLACEHOLDER.match(name) or _SIGNATURE.search(name) or not _mostly_letters(name):
        return None, False
    words = name.split()
    if len(words) == 2 and words[0].casefold() == words[1].casefold():
        name = words[0]  # "jesusfreak jesusfreak": a profile link's label and its name
    folded = _folded(name)
    if not folded:
        return None, False
    organisation = (
        _NO_PERSON.match(name)
        or folded in sites
        or name.casefold() in _THEME_VENDORS
        or _DOMAIN.search(name)
        or "[at]" in name
    )
    return name, not organisation


def _a_byline(page: Page, element: Any) -> bool:
    """Whether an element trafilatura's byline search found is the post's byline: not in comments, widgets or
    menus, and not a whole author box with paragraphs (its text would bring the bio; extract() reads the box).
    A byline marked like a box (Blogger's <span class="post-author">) is a byline."""
    if _outside_post(element):
        return False
    return not (element in page.select(AUTHOR_BOXES) and element.find(".//p") is not None)


def _mostly_letters(name: str) -> bool:
    """False for "3.17", "#10" or "13:36 Uhr": a name has at least two letters and more letters than digits."""
    letters = sum(c.isalpha() for c in name)
    return letters >= 2 and letters > sum(c.isdigit() for c in name)


def _outside_post(element: Any) -> bool:
    """True for a link in comments, widgets, sidebars, menus or navigation. An <article>'s own classes are not
    read: WordPress lists the post's categories and tags there ("category-related", "has-sidebar"); an <aside>
    is outside unless its classes say it holds the post's meta or byline."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        names = (node.get("class") or "") + " " + (node.get("id") or "")
        if node.tag == "nav" or (node.tag == "aside" and not _POST_META.search(names)):
            return True
        if node.tag not in ("article", "main") and _NOT_BYLINE.search(names) and not _BLOGGER_POSTS.search(names):
            return True
    return False


def _bylines(page: Page) -> list[Person]:
    for selector in _BYLINES:
        found = [e for e in page.select(selector) if not _outside_post(e)]
        if found:
            container = found[0].getparent()
            same = [e for e in found if e is found[0] or e.getparent() is container]
            return [Person(name=text_of(e), url=_href(e, page.base)) for e in same[:6] if text_of(e)]
    return []


def _href(element: Any, base: str) -> str | None:
    href = element.get("href")
    if href is None and (link := first(element, "a[href]")) is not None:
        href = link.get("href")
    return urljoin(base, href) if href else None


def _folded(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _sitename(page: Page, jsonld: list[dict[str, Any]], post: dict[str, Any]) -> str | None:
    """og:site_name, else the JSON-LD WebSite's or publisher's name, else the title's suffix; never a host name."""
    candidates = [_meta(page.meta, "og:site_name"), _meta(page.meta, "application-name")]
    candidates += [first_text(obj.get("name")) for obj in by_type(jsonld, "WebSite")]
    publisher = post.get("publisher")
    candidates.append(first_text(publisher.get("name")) if isinstance(publisher, dict) else None)
    title = text_of(first(page.tree, "head title")) if page.tree.find(".//title") is not None else ""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        candidates.append(parts[-1])
    host = (urlsplit(page.url).hostname or "").lower()
    for value in candidates:
        value = " ".join(html.unescape(value or "").split())
        if value and not _is_host(value, host) and not re.fullmatch(r"[\d\s./:-]+", value):
            return value
    return None


def _is_host(value: str, host: str) -> bool:
    lowered = value.lower().rstrip("/")
    lowered = re.sub(r"^https?://", "", lowered)
    bare = re.sub(r":\d+$", "", lowered)
    return bare in (host, host.removeprefix("www."), "www." + host) or bool(
        re.fullmatch(r"[\w.-]+\.[a-z]{2,}(:\d+)?", lowered)
    )


def _site_names(page: Page, jsonld: list[dict[str, Any]], post: dict[str, Any], sitename: str | None) -> set[str]:
    """Folded names of the site and its publisher, for telling them from the post's author."""
    names = [sitename, _meta(page.meta, "og:site_name")]
    names += [
        first_text(obj.get("name")) for obj in by_type(jsonld, "WebSite", "Organization", "NewsMediaOrganization")
    ]
    publisher = post.get("publisher")
    names.append(first_text(publisher.get("name")) if isinstance(publisher, dict) else None)
    folded: set[str] = set()
    for name in names:
        for part in [name or "", *_TITLE_SEPARATOR.split(name or "")]:
            if f := _folded(part):
                folded.add(f)
                folded.add(re.sub(r"^www|(?:com|de|at|ch|net|org|eu|fr|es|it|uk|info)$", "", f))
    return {f for f in folded if len(f) > 1}


def _without_site(title: str | None, sitename: str | None) -> str | None:
    """The title without a "Site | " prefix or " | Site" / " :: Site" suffix."""
    if not title or not sitename:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        site = _folded(sitename)
        if _folded(parts[-1]) == site:
            return (
                " ".join(_TITLE_SEPARATOR.split(title, maxsplit=len(parts) - 2)[:1])
                if len(parts) == 2
                else title[: title.rfind(parts[-1])].rstrip(" |-–—:»·")
            )
        if _folded(parts[0]) == site:
            return title[len(parts[0]) :].lstrip(" |-–—:»·")
    return title


def _published(page: Page, post: dict[str, Any], guesses: Guesses) -> str | None:
    """The publication date in the page's own day and offset.

    htmldate's reading (the URL's date, the dates the page shows, its metadata) decides the day: where it and a
    stated date (JSON-LD, article:published_time, the theme's <time>) disagree, it is right about three times as
    often on the shared set of real pages (a stated date is often a re-publication, or a sidebar's <time>). The
    stated value is kept when it falls on that day, for its time and offset; a UTC value gives way to the page's
    own <time> of the same instant, whose offset keeps the local day."""
    stated = _first_date(first_text(post.get("datePublished")), _meta(page.meta, "article:published_time"),
                         _time(page.tree))  # fmt: skip
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


def _person(value: Any, base: str) -> Person | None:
    if isinstance(value, str):
        return Person(name=value.strip()) if value.strip() and not value.startswith("http") else None
    if isinstance(value, dict) and first_text(value.get("name")):
        url = first_text(value.get("url"))
        return Person(name=html.unescape(first_text(value["name"]) or ""), url=urljoin(base, url) if url else None)
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
