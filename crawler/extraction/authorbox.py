"""Reading an author box: the name, bio, avatar, author page, article count and profile links an element holds,
and what a JSON-LD Person says of its author (crawler/extraction/boxes.py finds the boxes).

A box needs a name and at least one of bio, avatar or post count: a bare byline ("By Jane") is not a box, and
nothing is invented where the page has none.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.extraction.article import AuthorBox, Person
from crawler.extraction.avatars import avatar_url, normalised
from crawler.extraction.images import SHARE_HREF
from crawler.extraction.page import HtmlElement, Names, compiled, narrowed, text_of
from crawler.extraction.pagekind import ARTICLE_TYPES
from crawler.extraction.selectors import AUTHOR_BIO, AUTHOR_NAME, BOX_HEADINGS
from crawler.extraction.structured import by_type, first_text, types_of
from crawler.urls import joined, query_is_path

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
# Labels themes put before the name, possibly several ("Post author By X"); "Byron" keeps its "By". "Author
# Archives: X" is the author page's heading of WordPress's Twenty Ten, Eleven, Twelve and Nineteen (and of the
# many themes made from them), as their English strings print it.
_NAME_PREFIX = re.compile(
    r"^(?:(?:about the author|about|über den autor|über die autorin|über|written by|posted by|published by|"
    r"(?:view |see |show |read |more |all )*(?:all )?(?:posts|articles|stories|beiträge|artikel) (?:by|of|von)|"
    r"(?:zeige )?(?:alle|weitere) (?:beiträge|artikel) von|post author|author archives?|author|geschrieben von|"
    r"verfasst von|eingestellt von|veröffentlicht von|publié par|vom|von|by|"
    r"à propos de|作者|글쓴이|저자|작성자|"
    r"auteur|autor|autore|door|por)(?:\s*[:：]\s*|\s+))+",
    re.IGNORECASE,
)
# Hatena Blog writes a user as "id:NAME" (its profile module, its links to users).
_HATENA_ID = re.compile(r"^id:(?=[A-Za-z][\w-]*$)")
# Link texts in a box that are not a name: "All posts", "Alle Beiträge" …
_NOT_A_NAME = re.compile(
    r"^(?:(?:view |see |show )?all (?:posts|articles)|more posts|alle (?:beiträge|artikel)|tous les articles"
    r"|weiter|weitere artikel|mehr|more|read more|afficher mon profil complet|(?:view )?(?:my )?(?:full )?profile"
    r"|admin|wordpressadmin|archiv anzeigen|show archive|follow|folgen|name"
    # a box's heading over its authors (PublishPress Authors' "Authors"), read where a byline is searched
    r"|(?:the |post )?authors?|autor(?:in|en)?|auteurs?|작성자|글쓴이|저자)\s*$",
    re.IGNORECASE,
)
_STRIPPED_HEADINGS = ("zur person",)  # headings that share an element with the name or a link
# Images in a box that are not the author's picture: share and social icons, logos, badges.
_DECORATION = re.compile(r"(?:^|[-_\s/.])(?:logo|icons?|share|sharing|social|emoji|badge|flag|sprite)(?:$|[-_\s/.\d])")
_DECORATION_AROUND = re.compile(r"share|sharing|social|icon|follow")
_PORTRAIT = re.compile(r"avatar|profile|photo|portrait|headshot", re.IGNORECASE)
_AVATAR_HINT = re.compile(r"avatar|gravatar|photo|author|profile|portrait|headshot|user")
_MIN_AVATAR_SIDE = 24  # pixels: at or below on both sides, an image is an icon
# An author's own page, by the paths platforms give it: WordPress and Ghost /author/slug/, Jekyll and Hugo themes'
# /authors/slug/, Blogger's www.blogger.com/profile/ID, Wix's /profile/slug/profile, Medium's and Substack's /@handle.
_AUTHOR_PAGE = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|profile|profil|people|team|members?|users?)/[^/?#]+|/@[\w.-]+/?$",
    re.IGNORECASE,
)
# Hosts whose author pages live on the platform, not on the blog's own host.
_PROFILE_PLATFORMS = ("blogger.com", "medium.com", "substack.com", "wordpress.com", "tumblr.com")
_TRACKING = re.compile(r"^(?:utm_\w+|source|ref|fbclid|gclid)$", re.IGNORECASE)
# Links in a box that act rather than lead to a profile: sign in, follow, subscribe.
_ACTION = re.compile(r"/(?:m/)?signin|/login|[?&]actionUrl=|/subscribe\b|/follow\b", re.IGNORECASE)
_FEED_PATH = re.compile(r"\.(?:xml|rss|atom)$", re.IGNORECASE)
# Text a box prints beside the name that is no bio: a date, a reading time ("5 Jan 2024 · 4 min read").
_NOT_A_BIO = re.compile(
    r"\b(?:19|20)\d\d\b|(?:19|20)\d\d\s*[年년]|\b\d{1,2}[./]\d{1,2}[./]\d{2}\b|\bmin(?:ute)?s?\b|minuten|분"
    r"|\b\d{1,2}:\d\d\b",
    re.IGNORECASE,
)  # a year (a Chinese, Japanese or Korean one with its 年 or 년: "2022年8月20日"), a day of two-digit year
# ("12.12.22"), a reading time, a clock time (Typepad's byline line "Posted by <a rel=author>Jane</a> at 03:42 PM |
# Permalink", its day in the date header above it)
_MIN_BIO_CHARS, _SHORT_TEXT_CHARS = 20, 60
_SENTENCE = re.compile(r"[.!?。！？]\s*$")
_NAME_LINES = ("strong", "b", "a", "span")  # the name printed in a bio's element before the bio
BY_WORDS = "by|von|par|por|di|door|av|af"
BY_PREFIX = re.compile(rf"^(?:(?:written|posted)\s+)?(?:{BY_WORDS})\s+", re.IGNORECASE)  # "Written by", "Von"
_LINES = ("div", "p", "h2", "h3", "h4", "h5", "h6")  # elements a card prints as lines of their own
# A link to the person's archive of posts, beside the bio in its element: rel=author, or to an author page.
_ARCHIVE_LINKS = "a[rel~=author], a[href*='/author/']"
_WIDE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def parse_article_count(text: str) -> int | None:
    """'Artikel: 1367', '1.367 Beiträge', '글 152개', '42 posts' → the number; None when the text has none."""
    for pattern in _COUNT_PATTERNS:
        match = pattern.search(text)
        if match:
            return int(re.sub(r"\D", "", match.group(1)))
    return None


def read_box(
    element: HtmlElement, base: str, person: Person | None = None, names: Names | None = None
) -> AuthorBox | None:
    """The author box `element` holds: its name (`person`'s when the caller found the box by that person), bio,
    avatar, author page, article count and profile links; None without a name or without any of bio, avatar and
    count (a bare byline is no box). `names`: those of the page `element` is part of (page.Names), so that the
    theme selectors naming classes it lacks are not tried."""
    name = person.name if person is not None else _name(element, names)
    if not name:
        return None
    bio = _bio(element, name, names)
    avatar_url = _avatar(element, base)
    count = parse_article_count(text_of(element))
    if not (bio or avatar_url or count is not None):
        return None
    url, links = _links(element, base, name, person.url if person is not None else None)
    return AuthorBox(name=name, bio=bio, url=url, avatar_url=avatar_url, article_count=count, links=links)


def _name(element: HtmlElement, names: Names | None) -> str | None:
    for node in _in_priority(element, AUTHOR_NAME, names):
        if name := clean_name(_without_heading(text_of(node))):
            return name
    return None


def clean_name(text: str) -> str | None:
    """A person's name as a byline or box shows it, without its label ("Post author By …", "Von …"); None for
    text that is no name (a link text like "All posts", a count, a URL, a sentence)."""
    # a link label's arrow too (Twenty Ten's "View all posts by Jane →")
    text = _HATENA_ID.sub("", _NAME_PREFIX.sub("", " ".join(text.split())).strip(" :—-|→»›"))
    text = re.split(r"\s+[-–|]\s+https?://", text)[0].strip()
    if not text or len(text) > 80 or "://" in text or parse_article_count(text) is not None:
        return None
    return None if _NOT_A_NAME.match(text) else text


def split_names(text: str) -> list[str]:
    """The names a byline lists: "Ana Lima, Ben Roe and Cy Doe" → three; so with a serial comma before the last
    ("Ana Lima, Ben Roe, and Cy Doe")."""
    return [n.strip() for n in re.split(r"\s*(?:,\s*and |,|;|&| and | und )\s*", text) if n.strip()]


def _without_heading(text: str) -> str:
    """The text less a leading box heading ("Zur Person Alle Beiträge" → "Alle Beiträge"); "" when it is one."""
    lowered = text.lower()
    if lowered.strip(" :") in BOX_HEADINGS:
        return ""
    for heading in BOX_HEADINGS:
        if lowered.startswith(heading + " ") and heading in _STRIPPED_HEADINGS:
            return text[len(heading) :].strip()
    return text


def _bio(element: HtmlElement, name: str, names: Names | None) -> str | None:
    """The box's text about the person: the theme's bio element, else its first paragraph that is neither the
    name, a count, a date or reading time, nor a link's label ("More posts by Jane."); a heading inside the bio
    element is not the bio (Astra's .ast-author-bio holds the name's <h1> and the bio's <p>), nor is a link to
    the person's posts (Twenty Twenty's "View Archive →" after the bio's <p>), nor the name printed in an element
    of its own before it (MkDocs Material's `.md-profile__description`: `<strong>Jane</strong><br>` and the bio)."""
    for node in _in_priority(element, AUTHOR_BIO, names):
        kept = _less_headings_and_links(node)
        text = text_of(kept)
        if _mostly_link(kept, text):
            continue
        text = _without_name(kept, text, name)
        if _width(text) < _MIN_BIO_CHARS or text == name or clean_name(text) == name or _byline(kept, text, name):
            continue  # the name, or its byline line ("Autor: Jane Roe-Hoffmann", a header's label line): no bio
        short = _width(text) < _SHORT_TEXT_CHARS
        if short and (parse_article_count(text) is not None or _dated_or_timed(text, name)):
            continue
        return text
    return _bare_bio(element, name)


def _byline(node: HtmlElement, text: str, name: str) -> bool:
    """A post's byline line, no bio: the name in an element of its own and a <time> (or an element with its
    datetime) in one line with few other words — Serendipity's Timeline prints "Geschrieben von <a>Jane</a> am
    <time>…</time> <a>Noch keine Kommentare</a>" in the p.post-info above the entry, read as the first <p> of a
    region around the name's link."""
    dated = [e for e in node.iter() if isinstance(e.tag, str) and (e.tag == "time" or e.get("datetime"))]
    if not dated or not any(text_of(e) == name for e in node.iterdescendants(*_NAME_LINES)):
        return False
    rest = text.replace(name, " ", 1)
    for element in dated:
        rest = rest.replace(text_of(element), " ", 1)
    return _width(" ".join(rest.split())) < _SHORT_TEXT_CHARS


def _without_name(node: HtmlElement, text: str, name: str) -> str:
    """A bio's text less the name printed in an element of its own before it, with its byline word (the starter
    blog of Gatsby: "Written by <strong>Jane Roe</strong> writes about rivers. <a>You should follow them on
    Twitter</a>"), and less a last link's label after the bio's last sentence (its profiles are the box's links)."""
    if any(text_of(e) == name for e in node.iterdescendants(*_NAME_LINES)):
        bare = BY_PREFIX.sub("", text, count=1)
        if bare.startswith(name + " "):
            text = bare[len(name) :].strip()
    last = _last_element(node)
    while last is not None and last.tag != "a" and not (last.tail or "").strip():
        last = _last_element(last)
    if last is not None and last.tag == "a" and not (last.tail or "").strip() and (label := text_of(last)):
        before = text[: -len(label)].rstrip() if text.endswith(label) else ""
        if _SENTENCE.search(before):
            text = before
    return text


def _last_element(node: HtmlElement) -> HtmlElement | None:
    return next((e for e in reversed(node) if isinstance(e.tag, str)), None)


def _less_headings_and_links(node: HtmlElement) -> HtmlElement:
    """A copy of a bio element without its headings and its links to the person's archive, the text after each
    kept: WordPress's Twenty Ten and Eleven print the bio as bare text after the box's "About Jane" <h2>."""
    kept = copy.deepcopy(node)
    for element in [*kept.iterdescendants("h1", "h2", "h3", "h4", "h5", "h6"), *compiled((_ARCHIVE_LINKS,))(kept)]:
        element.drop_tree()  # lxml.html's: the element's tail stays
    return kept


def _bare_bio(element: HtmlElement, name: str) -> str | None:
    """Where no bio element or paragraph holds it, the sentence printed in the line right after the name's (Hugo's
    Congo and Blowfish: "Author", the name and the bio, each a <div> of utility classes); not a date line."""
    named = next((e for e in element.iterdescendants(*_LINES) if text_of(e) == name), None)
    following = named.getnext() if named is not None else None
    if following is None or following.tag not in _LINES or next(following.iterdescendants(*_LINES), None) is not None:
        return None
    text = text_of(following)
    if _width(text) < _MIN_BIO_CHARS or not _SENTENCE.search(text) or _mostly_link(following, text):
        return None
    return None if _width(text) < _SHORT_TEXT_CHARS and _dated_or_timed(text, name) else text


def _dated_or_timed(text: str, name: str) -> bool:
    """A short text names a date or a reading time (_NOT_A_BIO) in other words than the person's name: a Korean
    given name romanised, "Min-ji" or "Kim Min Ji", is no "min" of a reading time ("Min-ji cooks in Berlin.")."""
    for word in name.split():
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return _NOT_A_BIO.search(text) is not None


def _width(text: str) -> int:
    """Length with CJK characters counted twice: 매일 집밥을 기록합니다 says as much as a 20-letter sentence."""
    return len(text) + len(_WIDE.findall(text))


def _mostly_link(node: HtmlElement, text: str) -> bool:
    linked = sum(len(text_of(a)) for a in node.iterdescendants("a"))
    return linked * 2 > len(text)


def _in_priority(element: HtmlElement, selectors: tuple[str, ...], names: Names | None) -> Iterator[HtmlElement]:
    """Matches under `element` (itself excluded), selector by selector in the table's order."""
    for selector in selectors:
        if kept := narrowed(selector, names):
            yield from (node for node in compiled(kept)(element) if node is not element)


def _avatar(element: HtmlElement, base: str) -> str | None:
    """The box's own picture: its images less icons and logos, each by its real source (avatars.py), one that
    says it is an avatar or photo first, else the first."""
    found = []
    for img in element.iterdescendants("img"):
        source = None if _is_decoration(img, element) else avatar_url(img, base)
        if source:
            found.append((img, source))
    hinted = [source for img, source in found if _AVATAR_HINT.search(_described(img))]
    return (hinted or [source for _, source in found] or [None])[0]


def _described(img: HtmlElement) -> str:
    return " ".join(img.get(a) or "" for a in ("class", "id", "alt", "src", "data-src")).lower()


def _is_decoration(img: HtmlElement, box: HtmlElement) -> bool:
    """A share or social icon, a logo, a badge: by its own attributes, its size, or the element around it."""
    described = " ".join(img.get(a) or "" for a in ("class", "id", "alt")).lower()
    # The path of its address (any base resolves it; an address urllib cannot read has none).
    src = urlsplit(joined("http://x/", img.get("data-src") or img.get("src")) or "").path.lower()
    if _PORTRAIT.search(img.get("class") or ""):
        return False  # Hatena's "profile-icon" is the person's picture
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


def _links(element: HtmlElement, base: str, name: str, known_url: str | None) -> tuple[str | None, list[str]]:
    """The author's page and their profiles elsewhere. The author page: the link the byline gave for the person
    (unless that is another host's and the box links an author page on the site), else a rel=author link, else a
    link to an author-page path, else a link on the site labelled with the name.
    Profiles: rel=me links and links to other hosts, less share buttons."""
    anchors = [(a, joined(base, a.get("href")) or "") for a in element.iterdescendants("a") if a.get("href")]
    anchors = [(a, href) for a, href in anchors if href.startswith("http") and not SHARE_HREF.search(href)]
    home = urlsplit(base).netloc.lower()
    anchors = [(a, href) for a, href in anchors if not _ACTION.search(href) and not _is_feed(a, href)]
    # a byline's link to the person's own website is their page only where the box links no author page on the
    # site (Starbox links the name to the website, the author's archive from "see all")
    elsewhere = known_url is not None and urlsplit(known_url).netloc.lower() != home and not names_a_profile(known_url)
    on_site = elsewhere and any(
        urlsplit(href).netloc.lower() == home and _author_page(href, home) for _, href in anchors
    )
    tests = (
        lambda a, href: href == known_url and not on_site,
        lambda a, href: "author" in (a.get("rel") or "").split(),
        lambda a, href: _author_page(href, home) and "me" not in (a.get("rel") or "").split(),
        lambda a, href: urlsplit(href).netloc.lower() == home and clean_name(text_of(a)) == name,
    )
    url = next((_untracked(href) for test in tests for a, href in anchors if test(a, href)), None)
    links: list[str] = []
    for anchor, href in anchors:
        is_me = "me" in (anchor.get("rel") or "").split()
        href = _untracked(href)
        if href != url and href not in links and (is_me or _is_profile(href, base)):
            links.append(href)
    return url, links


def _is_feed(anchor: HtmlElement, href: str) -> bool:
    """A link to a feed, no page of the person's: Nikola's author page links the author's RSS at /authors/x.xml
    (`type="application/rss+xml"`), at an author page's path."""
    kind = (anchor.get("type") or "").lower()
    return kind.endswith(("rss+xml", "atom+xml", "feed+json")) or _FEED_PATH.search(urlsplit(href).path) is not None


def names_a_profile(url: str) -> bool:
    """The URL's path is an author page's (/author/x, /authors/x, /profile/x, /@x), on whatever host."""
    return bool(_AUTHOR_PAGE.search(urlsplit(url).path))


def _author_page(href: str, home: str) -> bool:
    """A link to an author page: its path is one (on the site itself, or on a platform's profile host)."""
    parts = urlsplit(href)
    host = parts.netloc.lower()
    on_platform = host == home or any(host == h or host.endswith("." + h) for h in _PROFILE_PLATFORMS)
    return on_platform and bool(_AUTHOR_PAGE.search(parts.path))


def _untracked(url: str) -> str:
    """The URL without the tracking parameters platforms add to profile links (Medium's ?source=, utm_*); as written
    where its query is a path (Serendipity without URL rewriting links an author's page `index.php?/authors/2-Ben`),
    which rebuilt as parameters read `index.php?%2Fauthors%2F2-Ben=`, an address that serves no such page."""
    parts = urlsplit(url)
    if not parts.query or query_is_path(parts.query):
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), parts.fragment))


def _is_profile(href: str, base: str) -> bool:
    """A link to another host: on a platform's own pages (medium.com/@x), its links to itself are not profiles."""
    return urlsplit(href).netloc.lower() != urlsplit(base).netloc.lower()


def persons(jsonld: list[dict[str, Any]], contributors: bool = False) -> list[dict[str, Any]]:
    """Top-level Person objects and the Persons nested as an article's author, each name once; with `contributors`
    (a page Ghost rendered: its co-authors are its Article's `contributor` Persons) those nested as contributors
    too."""
    keys = ("author", "contributor") if contributors else ("author",)
    nested = [
        author
        for article in by_type(jsonld, *ARTICLE_TYPES)
        for key in keys
        for author in (article.get(key) if isinstance(article.get(key), list) else [article.get(key)])
        if isinstance(author, dict) and "Person" in types_of(author)
    ]
    profile = [
        entity
        for page in by_type(jsonld, "ProfilePage")
        if isinstance(entity := page.get("mainEntity"), dict) and "Person" in types_of(entity)
    ]
    unique: dict[str, dict[str, Any]] = {}
    for person in by_type(jsonld, "Person") + nested + profile:
        unique.setdefault(str(person.get("name")), person)
    return list(unique.values())


def box_from_person(person: dict[str, Any], base: str) -> AuthorBox | None:
    """What a JSON-LD Person says of its author (Yoast's and Ghost's Person: image, url, sameAs, description);
    None without a name. (Only a Person with a description is a box alone: SEO plugins and platforms describe
    every author with a picture and a link; those complete a box the page shows.)"""
    name, bio = first_text(person.get("name")), first_text(person.get("description"))
    same_as = person.get("sameAs") or []
    links = [s for s in ([same_as] if isinstance(same_as, str) else same_as) if isinstance(s, str) and "://" in s]
    image = person.get("image")
    avatar = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else first_text(image)
    avatar = normalised(resolved) if avatar and (resolved := joined(base, avatar)) else None
    if not name:
        return None
    url = first_text(person.get("url"))
    return AuthorBox(
        name=name,
        bio=bio,
        url=joined(base, url) if url else None,
        avatar_url=avatar,
        article_count=parse_article_count(bio or ""),
        links=links,
    )
