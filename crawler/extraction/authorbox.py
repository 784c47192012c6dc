"""Author boxes: the 'about the author' blocks themes render, and JSON-LD Persons that describe an author.

A box needs a name and at least one of bio, avatar or post count: a bare byline ("By Jane") is not a box, and
nothing is invented where the page has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from crawler.extraction.article import AuthorBox
from crawler.extraction.images import best_source, page_base
from crawler.extraction.pagekind import ARTICLE_TYPES
from crawler.extraction.selecting import select
from crawler.extraction.selectors import AUTHOR_BIO, AUTHOR_BOXES, AUTHOR_NAME, BOX_HEADINGS
from crawler.extraction.structured import by_type, first_text, types_of

_NUMBER = r"(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)"
_COUNT_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?:artikel|beiträge|posts|articles|articoli|artículos|entradas|publications|berichten|articles publiés)"
        r"\s*[:：]\s*" + _NUMBER,
        _NUMBER + r"\s*(?:artikel|beiträge|posts|articles|articoli|artículos|entradas|publications|berichten)\b",
        r"(?:글|게시물|게시글)\s*" + _NUMBER + r"\s*개",
        r"(?:글|게시물|게시글)\s*[:：]\s*" + _NUMBER,
        r"記事数?\s*[:：]?\s*" + _NUMBER,
        _NUMBER + r"\s*(?:件の記事|記事)",
    )
]
_NAME_PREFIX = re.compile(
    r"^(?:about the author|about|über den autor|über die autorin|über|written by|geschrieben von|von|by|"
    r"à propos de|作者|글쓴이|저자|작성자|auteur|autor|autore|door|por)(?:\s*[:：]\s*|\s+)",  # "Byron" keeps "By"
    re.IGNORECASE,
)
_PROFILE_HOSTS = ("twitter.com", "x.com", "github.com", "linkedin.com", "mastodon", "instagram.com",
                  "facebook.com", "youtube.com", "bsky.app", "threads.net", "medium.com", "substack.com")  # fmt: skip


def find_author_boxes(
    soup: BeautifulSoup, base_url: str, jsonld: list[dict[str, Any]], classes: frozenset[str] | None = None
) -> list[AuthorBox]:
    """`classes`: the page's class names (selecting.page_classes), to skip theme selectors that cannot match."""
    base = page_base(soup, base_url)
    boxes: list[AuthorBox] = []
    for element in _outermost(select(soup, AUTHOR_BOXES, classes)):
        box = _box_from_markup(element, base)
        if box is not None and all(b.name != box.name for b in boxes):
            boxes.append(box)
    if not boxes:
        boxes = [box for person in _persons(jsonld) if (box := _box_from_person(person, base))]
    return boxes


def _persons(jsonld: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Top-level Person objects and the Persons nested as an article's author, each name once."""
    nested = [
        author
        for article in by_type(jsonld, *ARTICLE_TYPES)
        for author in (article.get("author") if isinstance(article.get("author"), list) else [article.get("author")])
        if isinstance(author, dict) and "Person" in types_of(author)
    ]
    unique: dict[str, dict[str, Any]] = {}
    for person in by_type(jsonld, "Person") + nested:
        unique.setdefault(str(person.get("name")), person)
    return list(unique.values())


def parse_article_count(text: str) -> int | None:
    """'Artikel: 1367', '1.367 Beiträge', '글 152개', '42 posts' → the number; None when the text has none."""
    for pattern in _COUNT_PATTERNS:
        match = pattern.search(text)
        if match:
            return int(re.sub(r"\D", "", match.group(1)))
    return None


def _outermost(elements: list[Tag]) -> list[Tag]:
    """Drop matches nested in another match and anything inside comments."""
    chosen = [e for e in elements if not e.find_parent(class_=re.compile(r"comment"))]
    return [e for e in chosen if not any(other is not e and e in other.descendants for other in chosen)]


def _box_from_markup(element: Tag, base: str) -> AuthorBox | None:
    name = _name(element)
    if not name:
        return None
    bio = _bio(element, name)
    avatar = element.find("img")
    avatar_url = best_source(avatar, base)[0] if avatar else None
    count = parse_article_count(element.get_text(" ", strip=True))
    if not (bio or avatar_url or count is not None):
        return None
    url, links = _links(element, base)
    return AuthorBox(name=name, bio=bio, url=url, avatar_url=avatar_url, article_count=count, links=links)


def _name(element: Tag) -> str | None:
    for node in _in_priority(element, AUTHOR_NAME):
        text = " ".join(node.get_text(" ", strip=True).split())
        if text.lower().strip(" :") in BOX_HEADINGS:
            continue
        text = _NAME_PREFIX.sub("", text).strip(" :—-")
        if text and len(text) <= 80 and parse_article_count(text) is None:
            return text
    return None


def _bio(element: Tag, name: str) -> str | None:
    for node in _in_priority(element, AUTHOR_BIO):
        text = " ".join(node.get_text(" ", strip=True).split())
        if len(text) >= 20 and text != name and not (parse_article_count(text) is not None and len(text) < 40):
            return text
    return None


def _in_priority(element: Tag, selectors: tuple[str, ...]) -> Iterator[Tag]:
    for selector in selectors:
        yield from element.select(selector)


def _links(element: Tag, base: str) -> tuple[str | None, list[str]]:
    url = None
    links: list[str] = []
    for anchor in element.find_all("a", href=True):
        href = urljoin(base, anchor["href"].strip())
        if not href.startswith("http"):
            continue
        if url is None and ("author" in (anchor.get("rel") or []) or "/author/" in href or "/autor/" in href):
            url = href
        elif _is_profile(href, base) and href not in links:
            links.append(href)
    return url, [link for link in links if link != url]


def _is_profile(href: str, base: str) -> bool:
    host = urlsplit(href).netloc.lower()
    return any(h in host for h in _PROFILE_HOSTS) or host != urlsplit(base).netloc.lower()


def _box_from_person(person: dict[str, Any], base: str) -> AuthorBox | None:
    name, bio = first_text(person.get("name")), first_text(person.get("description"))
    if not name or not bio:
        return None
    same_as = person.get("sameAs") or []
    links = [same_as] if isinstance(same_as, str) else [s for s in same_as if isinstance(s, str)]
    image = person.get("image")
    avatar = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else first_text(image)
    url = first_text(person.get("url"))
    return AuthorBox(name=name, bio=bio, url=urljoin(base, url) if url else None,
                     avatar_url=urljoin(base, avatar) if avatar else None,
                     article_count=parse_article_count(bio), links=links)  # fmt: skip
