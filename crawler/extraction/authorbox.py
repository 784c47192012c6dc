"""Author boxes: the 'about the author' blocks themes render, and JSON-LD Persons that describe an author.

A box needs a name and at least one of bio, avatar or post count: a bare byline ("By Jane") is not a box, and
nothing is invented where the page has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler.extraction.article import AuthorBox
from crawler.extraction.images import best_source
from crawler.extraction.page import HtmlElement, Page, compiled, text_of
from crawler.extraction.pagekind import ARTICLE_TYPES
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
# Labels themes put before the name, possibly several ("Post author By X"); "Byron" keeps its "By".
_NAME_PREFIX = re.compile(
    r"^(?:(?:about the author|about|über den autor|über die autorin|über|written by|posted by|published by|"
    r"(?:view |see |more |all )*(?:all )?(?:posts|articles|beiträge|artikel) (?:by|von)|zeige alle beiträge von|"
    r"alle beiträge von|post author|author|geschrieben von|verfasst von|eingestellt von|vom|von|by|"
    r"à propos de|作者|글쓴이|저자|작성자|"
    r"auteur|autor|autore|door|por)(?:\s*[:：]\s*|\s+))+",
    re.IGNORECASE,
)
# Link texts in a box that are not a name: "All posts", "Alle Beiträge" …
_NOT_A_NAME = re.compile(
    r"^(?:(?:view |see |show )?all (?:posts|articles)|more posts|alle (?:beiträge|artikel)|tous les articles"
    r"|weiter|weitere artikel|mehr|more|read more|afficher mon profil complet|(?:view )?(?:my )?(?:full )?profile"
    r"|admin|wordpressadmin|archiv anzeigen|show archive|follow|folgen|name)\s*$",
    re.IGNORECASE,
)
_STRIPPED_HEADINGS = ("zur person",)  # headings that share an element with the name or a link
_PROFILE_HOSTS = (
    "twitter.com",
    "x.com",
    "github.com",
    "linkedin.com",
    "mastodon",
    "instagram.com",
    "facebook.com",
    "youtube.com",
    "bsky.app",
    "threads.net",
    "medium.com",
    "substack.com",
)
# Images in a box that are not the author's picture: share and social icons, logos, badges.
_DECORATION = re.compile(r"(?:^|[-_\s/.])(?:logo|icons?|share|sharing|social|emoji|badge|flag|sprite)(?:$|[-_\s/.\d])")
_DECORATION_AROUND = re.compile(r"share|sharing|social|icon|follow")
_AVATAR_HINT = re.compile(r"avatar|gravatar|photo|author|profile|portrait|headshot|user")
_PLACEHOLDER = re.compile(r"placeholder|blank\.|spacer|transparent|pixel|1x1|lazy[-_]?load|loading\.(?:gif|svg)")
_MIN_AVATAR_SIDE = 24  # pixels: at or below on both sides, an image is an icon
_IN_COMMENT = re.compile(r"comment")


def find_author_boxes(page: Page, jsonld: list[dict[str, Any]]) -> list[AuthorBox]:
    """The page's author boxes, each name once; JSON-LD Persons only when the markup has no box."""
    by_name: dict[str, AuthorBox] = {}
    for element in _outermost(page.select(AUTHOR_BOXES)):
        box = _box_from_markup(element, page.base)
        if box is not None:
            by_name[box.name] = _merged(by_name[box.name], box) if box.name in by_name else box
    persons = [box for person in _persons(jsonld) if (box := _box_from_person(person, page.base))]
    if not by_name:
        return persons
    for person in persons:  # the markup's box, completed by the page's own JSON-LD for that author
        if person.name in by_name:
            by_name[person.name] = _merged(by_name[person.name], person)
    return list(by_name.values())


def _merged(first: AuthorBox, again: AuthorBox) -> AuthorBox:
    """One author shown twice (a compact box after the post, a full one further down): the first box, its
    missing parts taken from the second."""
    return AuthorBox(
        name=first.name,
        bio=first.bio or again.bio,
        url=first.url or again.url,
        avatar_url=first.avatar_url or again.avatar_url,
        article_count=first.article_count if first.article_count is not None else again.article_count,
        links=first.links or again.links,
    )


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


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """Drop matches nested in another match and anything inside comments (a commenter's card is no box)."""
    chosen = [e for e in elements if not any(_IN_COMMENT.search(a.get("class") or "") for a in e.iterancestors())]
    taken = set(chosen)
    return [e for e in chosen if not any(a in taken for a in e.iterancestors())]


def _box_from_markup(element: HtmlElement, base: str) -> AuthorBox | None:
    name = _name(element)
    if not name:
        return None
    bio = _bio(element, name)
    avatar_url = _avatar(element, base)
    count = parse_article_count(text_of(element))
    if not (bio or avatar_url or count is not None):
        return None
    url, links = _links(element, base)
    return AuthorBox(name=name, bio=bio, url=url, avatar_url=avatar_url, article_count=count, links=links)


def _name(element: HtmlElement) -> str | None:
    for node in _in_priority(element, AUTHOR_NAME):
        if name := clean_name(_without_heading(text_of(node))):
            return name
    return None


def clean_name(text: str) -> str | None:
    """A person's name as a byline or box shows it, without its label ("Post author By …", "Von …"); None for
    text that is no name (a link text like "All posts", a count, a URL, a sentence)."""
    text = _NAME_PREFIX.sub("", " ".join(text.split())).strip(" :—-|")
    text = re.split(r"\s+[-–|]\s+https?://", text)[0].strip()
    if not text or len(text) > 80 or "://" in text or parse_article_count(text) is not None:
        return None
    return None if _NOT_A_NAME.match(text) else text


def _without_heading(text: str) -> str:
    """The text less a leading box heading ("Zur Person Alle Beiträge" → "Alle Beiträge"); "" when it is one."""
    lowered = text.lower()
    if lowered.strip(" :") in BOX_HEADINGS:
        return ""
    for heading in BOX_HEADINGS:
        if lowered.startswith(heading + " ") and heading in _STRIPPED_HEADINGS:
            return text[len(heading) :].strip()
    return text


def _bio(element: HtmlElement, name: str) -> str | None:
    for node in _in_priority(element, AUTHOR_BIO):
        text = text_of(node)
        if len(text) >= 20 and text != name and not (parse_article_count(text) is not None and len(text) < 40):
            return text
    return None


def _in_priority(element: HtmlElement, selectors: tuple[str, ...]) -> Iterator[HtmlElement]:
    """Matches under `element` (itself excluded), selector by selector in the table's order."""
    for selector in selectors:
        yield from (node for node in compiled((selector,))(element) if node is not element)


def _avatar(element: HtmlElement, base: str) -> str | None:
    """The box's own picture: its images less icons and logos, each by its real source (a lazy-loading
    placeholder does not count), one that says it is an avatar or photo first, else the first."""
    found = []
    for img in element.iterdescendants("img"):
        source = None if _is_decoration(img, element) else best_source(img, base)[0]
        if source and not _PLACEHOLDER.search(source.lower()):
            found.append((img, source))
    hinted = [source for img, source in found if _AVATAR_HINT.search(_described(img))]
    return (hinted or [source for _, source in found] or [None])[0]


def _described(img: HtmlElement) -> str:
    return " ".join(img.get(a) or "" for a in ("class", "id", "alt", "src", "data-src")).lower()


def _is_decoration(img: HtmlElement, box: HtmlElement) -> bool:
    """A share or social icon, a logo, a badge: by its own attributes, its size, or the element around it."""
    described = " ".join(img.get(a) or "" for a in ("class", "id", "alt")).lower()
    src = urlsplit((img.get("data-src") or img.get("src") or "").lower()).path
    if _DECORATION.search(described) or _DECORATION.search(src):
        return True
    width, height = _int(img.get("width")), _int(img.get("height"))
    if width is not None and height is not None and width <= _MIN_AVATAR_SIDE and height <= _MIN_AVATAR_SIDE:
        return True
    for ancestor in img.iterancestors():
        if ancestor is box:
            return False
        if _DECORATION_AROUND.search((ancestor.get("class") or "").lower()):
            return True
    return False


def _int(value: str | None) -> int | None:
    match = re.match(r"\s*(\d+)", value or "")
    return int(match.group(1)) if match else None


def _links(element: HtmlElement, base: str) -> tuple[str | None, list[str]]:
    url = None
    links: list[str] = []
    for anchor in element.iterdescendants("a"):
        if anchor.get("href") is None:
            continue
        href = urljoin(base, anchor.get("href").strip())
        if not href.startswith("http"):
            continue
        if url is None and ("author" in (anchor.get("rel") or "").split() or "/author/" in href or "/autor/" in href):
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
    links = [s for s in ([same_as] if isinstance(same_as, str) else same_as) if isinstance(s, str) and "://" in s]
    image = person.get("image")
    avatar = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else first_text(image)
    url = first_text(person.get("url"))
    return AuthorBox(
        name=name,
        bio=bio,
        url=urljoin(base, url) if url else None,
        avatar_url=urljoin(base, avatar) if avatar else None,
        article_count=parse_article_count(bio),
        links=links,
    )
