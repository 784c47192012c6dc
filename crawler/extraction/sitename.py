"""The site's own name, from what the page states and how its layout links home.

One reading serves three jobs: the `sitename` field, cutting the name off a title ("Post – Site", "Blog :: Post")
and telling the site from an author. Sources, most explicit first: og:site_name, application-name, the JSON-LD
WebSite's and the post's publisher's name, the theme's site-title markup (`.site-title`, `.wp-block-site-title` …)
and the labels of links to the home page (their text, title, aria-label or logo's alt: every layout links its name
home), then a head's feed link titled as one end of the <title> (see `_feed_names`). A host name is never the
`sitename` field, but a title part that spells the page's host ("Example.com") names the site too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from lxml import etree

from crawler.extraction.blogger import served_by_blogger
from crawler.extraction.page import HtmlElement, Page, text_of
from crawler.extraction.selectors import SITE_TITLES
from crawler.extraction.structured import as_list, by_type, first_text

MAX_LINKS_READ = 400  # anchors, in document order: a layout's home links are in its header, nav or sidebar
MAX_NAME_CHARS = 80
MIN_HOST_NAME = 4  # letters: a shorter host name ("ab.de") is a prefix of too many words
_ANCHORS = etree.XPath("//a[@href]")
_H1S = etree.XPath("//h1")
# the <head>'s links, read from the root down (no walk of the tree): libxml2's HTML parser keeps one <head>, the
# root's child, and drops a misplaced <head> tag (its links go to where the tag stood)
_FEED_LINKS = etree.XPath(
    "/*/head/link[@title][contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
    "[contains(@type, 'rss+xml') or contains(@type, 'atom+xml')]"
)
_FEED_LINK_ATTRIBUTES = frozenset({"title", "rel", "type"})  # a page without one of them has no _FEED_LINKS
MAX_FEED_LINKS_READ = 8
MAX_H1S_READ = 5
_IN_OR_AROUND_HEADING = etree.XPath("ancestor::*[self::h1 or self::h2 or self::h3] or .//h1 or .//h2 or .//h3")
# A link home that names a person, not the site: an author card's name, linked home where the author has no page of
# their own (Jekyll's Minimal Mistakes: `<div class="h-card" itemtype="…/Person">…<a class="u-url" rel="me" href="/">`).
_PERSON_LINK = etree.XPath(
    "contains(concat(' ', normalize-space(@rel), ' '), ' me ')"
    " or contains(concat(' ', normalize-space(@rel), ' '), ' author ')"
    " or ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' h-card ')"
    " or contains(@itemtype, 'schema.org/Person')]"
    # The copyright holder's name in the footer's "© 2022–2026 Jane Roe", linked home: the owner, most often the
    # person who writes the blog (Hexo's and Hugo's themes print their `author` setting so); the © in the link's
    # line or in a sibling of its own (hello-friend-ng: `<span>© 2024</span><span><a href="/">Jane Roe</a></span>`).
    " or ancestor::*[position() <= 2][string-length(normalize-space()) < 200]"
    "[contains(., '©') or contains(translate(., 'COPYRIGHT', 'copyright'), 'copyright')]"
)
# A theme's credit in the page's footer: a link to its repository, titled (_theme_names)
_THEME_CREDITS = etree.XPath("//footer//a[starts-with(@href, 'https://github.com/')][@title]")
_INDEX_FILE = re.compile(r"(?:^|/)index\.(?:html?|php)$")
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")
# A separator left at an end of a stated name: All in One SEO writes og:site_name as its title format's "site name,
# separator, tagline" and leaves the separator where the tagline is empty ("Stone and Bread -").
_DANGLING_SEPARATOR = re.compile(r"^(?:(?:\||-|–|—|::|»|·)\s+)+|(?:\s+(?:\||-|–|—|::|»|·))+$")
_NOT_A_NAME = re.compile(r"[\d\s./:-]+")
_HOST_LIKE = re.compile(r"(?:https?://)?[\w.-]+\.[a-z]{2,}(?::\d+)?/?", re.IGNORECASE)
# The name a hosting platform writes as og:site_name on the blogs it hosts, and the platform's own hosts.
_PLATFORM_NAMES = {"tumblr"}
_PLATFORM_HOSTS = {"tumblr.com", "www.tumblr.com"}
_AFFIXES = re.compile(r"^www|(?:com|de|at|ch|net|org|eu|fr|es|it|uk|info|io|dev|blog)$")


@dataclass(frozen=True)
class SiteNames:
    """`display`: the name for the sitename field (None when the page states none); `folded`: every spelling of
    the site's name the page shows, folded (see `fold`), the host's included."""

    display: str | None
    folded: frozenset[str]

    host_name: str = ""  # the host's name label, folded ("example" for www.example.co.uk)

    def __contains__(self, text: object) -> bool:
        """True for a spelling of the site's name."""
        return isinstance(text, str) and bool(folded := fold(text)) and folded in self.folded

    def named_by(self, part: str) -> bool:
        """True when a title's leading or trailing part names the site: a spelling of its name, or a name that
        starts with the host's ("Example.com", "Example Blog" on example.org)."""
        folded = fold(part)
        return part in self or len(self.host_name) >= MIN_HOST_NAME and folded.startswith(self.host_name)


def fold(text: str) -> str:
    """Lower-cased letters and digits only: "Daily Planet" and "daily-planet" compare equal."""
    return re.sub(r"\W+", "", text.casefold())


def site_names(page: Page, jsonld: list[dict[str, Any]], post: dict[str, Any]) -> SiteNames:
    publisher = post.get("publisher")
    own_titles = {fold(t) for t in [text_of(page.tree.find(".//title")), *page.meta.get("og:title", [])] if t}
    # a person the post names as its author is no publisher, though a theme names them so (Hugo's DoIt: its
    # `author` setting as the publisher Organization, the post's authors as Persons)
    authors = {fold(name) for name in post_author_names(post)}
    organisations = [
        _blogs_publisher(first_text(publisher.get("name")) if isinstance(publisher, dict) else None, page),
        *(first_text(obj.get("name")) for obj in by_type(jsonld, "Organization", "NewsMediaOrganization")),
    ]
    stated = [
        _blogs_own(next(iter(page.meta.get("og:site_name", [])), None), page),
        _application_name(page),
        *(first_text(obj.get("name")) for obj in by_type(jsonld, "WebSite")),
        *(name for name in organisations if name and fold(name) not in authors),
    ]
    stated = [name for name in stated if name and fold(name) not in own_titles]  # a tag misused for the title
    site_titles = page.select(SITE_TITLES)
    stated += [text_of(element) for element in site_titles[:1]]
    homes = [anchor for anchor in home_links(page) if not _PERSON_LINK(anchor)]
    titled = [text_of(a) for a in homes if _IN_OR_AROUND_HEADING(a) or "home" in (a.get("rel") or "").split()]
    headings = _post_headings(page, set(site_titles) | set(homes))
    labels = [label for anchor in homes for label in _labels(anchor) if not _holds_any(label, headings)]
    feeds = _feed_names(page, headings)
    names = [_clean(name) for name in stated + titled + feeds + labels]
    host = (urlsplit(page.url).hostname or "").lower()
    shown = len(stated) + len(titled) + len(feeds)
    display = next((n for n in names[:shown] if n and not _HOST_LIKE.fullmatch(n)), None)
    display = display or _titled_label(
        [_clean(label) for label in labels], text_of(page.tree.find(".//title")), headings
    )
    if display is not None and len(stated) == 0:  # a home link's label: the name, or the name and its tagline
        display = _named_in_title(display, text_of(page.tree.find(".//title")))
    parts = [part for name in names if name for part in TITLE_SEPARATOR.split(name)]  # "Site - Tagline"
    folded = {fold(name) for name in names + parts if name} | _host_spellings(host)
    folded |= {_AFFIXES.sub("", name) for name in folded}
    return SiteNames(display, frozenset(name for name in folded if len(name) > 1), _host_name(host))


def _application_name(page: Page) -> str | None:
    """application-name, unless it is the name of the page's theme: Hugo's LoveIt and its forks (DoIt, FixIt) write
    their `params.app.title` there, which the theme's own configuration, the one blogs copy, sets to the theme's
    name ("FixIt"); the theme names itself in its footer's credit and FixIt's home page in `<meta name="theme">`."""
    name = next(iter(page.meta.get("application-name", [])), None)
    return None if name and fold(name) in _theme_names(page) else name


def _theme_names(page: Page) -> set[str]:
    """The names of the page's theme, folded: `<meta name="theme" content="FixIt v0.3.2">`, and the credit a LoveIt
    theme prints in its footer, a link to its repository titled with its name and version
    (`<a href="https://github.com/hugo-fixit/FixIt" title="FixIt v0.3.2">`)."""
    names = {words[0] for theme in page.meta.get("theme", []) if (words := theme.split())}
    for link in _THEME_CREDITS(page.tree):
        repository = urlsplit(link.get("href")).path.rstrip("/").rsplit("/", 1)[-1]
        words = link.get("title").split()
        if len(words) == 2 and fold(words[0]) == fold(repository) and words[1].lstrip("v")[:1].isdigit():
            names.add(repository)
    return {fold(name) for name in names}


def _blogs_own(name: str | None, page: Page) -> str | None:
    """og:site_name, unless it is the hosting platform's own name on a blog it hosts: Tumblr writes "Tumblr" there on
    every blog's page (its OpenGraph block, whatever the theme), the blog's name is its theme's {Title}."""
    if name and fold(name) in _PLATFORM_NAMES and (urlsplit(page.url).hostname or "") not in _PLATFORM_HOSTS:
        return None
    return name


def _blogs_publisher(name: str | None, page: Page) -> str | None:
    """The post's publisher's name, unless it is Blogger's on a blog Blogger serves: Blogger's layouts themes
    (Contempo, Soho, Emporio, Notable, Essential) write `"publisher": {"@type": "Organization", "name":
    "Blogger"}` into every post's JSON-LD, the blog's name is its Header widget's."""
    if name and fold(name) == "blogger" and served_by_blogger(page):
        return None
    return name


def _feed_names(page: Page, headings: list[str]) -> list[str]:
    """The site's name as the head's feed links title it, where it is one end of the page's <title>: a layout
    names its feed after the site (jekyll-feed's and Hugo's `title="Site"`, WordPress's "Site » Feed", a Nanoc
    layout's `<link rel="alternate" type="application/atom+xml" title="Site">` beside its "Site - Title"). Not a
    feed titled as the page itself (a CMS's feed link repeating the <title>, Drupal's term feed named after the
    term whose page it is): a name the <title> is whole, or one a post heading (`headings`, folded) holds."""
    title = text_of(page.tree.find(".//title"))
    parts = [fold(part) for part in TITLE_SEPARATOR.split(title)]
    if len(parts) < 2 or not page.names.attributes >= _FEED_LINK_ATTRIBUTES:  # no walk of the tree where none can be
        return []
    ends = {parts[0], parts[-1]} - {""}
    found = []
    for link in _FEED_LINKS(page.tree)[:MAX_FEED_LINKS_READ]:
        stated = " ".join((link.get("title") or "").split())
        name = TITLE_SEPARATOR.split(stated)[0]
        folded = fold(name)
        if fold(stated) == fold(title) or folded not in ends or any(folded in heading for heading in headings):
            continue
        found.append(name)
    return found


def post_author_names(post: dict[str, Any]) -> list[str]:
    """The names of the Persons a JSON-LD post names as its authors: `author`, or Hugo's DoIt's `authors`."""
    people = as_list(post.get("author")) or as_list(post.get("authors"))
    return [
        name
        for person in people
        if isinstance(person, dict)
        and "Person" in as_list(person.get("@type"))
        and (name := first_text(person.get("name")))
    ]


def _post_headings(page: Page, site_marks: set[HtmlElement]) -> list[str]:
    """The page's <h1>s, folded, that are neither the site's title markup nor a link home (`site_marks`), nor in or
    around one: the post's title."""
    found = []
    for h1 in _H1S(page.tree)[:MAX_H1S_READ]:
        around = (h1, *h1.iterancestors(), *h1.iterdescendants())
        if (not site_marks or all(e not in site_marks for e in around)) and (text := fold(text_of(h1))):
            found.append(text)
    return found


def _holds_any(label: str, headings: list[str]) -> bool:
    """A home link's label that prints the post's title is no name of the site: Hexo's Butterfly links the post's
    title home ("Build Systems – Make vs. Ninja - A Comparison  Back to Home"), and the parts of the title around
    its dashes were taken for the site's name and cut off the title."""
    folded = fold(label)
    return bool(folded) and any(heading in folded for heading in headings)


def _titled_label(labels: list[str | None], title: str, headings: list[str]) -> str | None:
    """The first home link's label that is one end of the page's <title> whose rest is the post's heading (one of
    `headings`, folded), as a feed link's title is (_feed_names): Hugo's Ananke and Coder link the site's name home
    from a <nav> with no site-title class and no heading (Congo from its breadcrumbs, its header's link being
    rel=me), and title every post "Post | Site" ("·" for Coder and Congo), with no og:site_name on Debian's Hugo
    0.111. Not a menu's label that opens a <title> of other words ("News" of "News - Site Update - … - Love Hina")."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return None
    ends = {fold(parts[0]): fold("".join(parts[1:])), fold(parts[-1]): fold("".join(parts[:-1]))}
    for label in labels:
        if label and not _HOST_LIKE.fullmatch(label) and ends.get(fold(label), "") in headings:
            return label
    return None


def _named_in_title(label: str, title: str) -> str:
    """The part of the page's <title> that opens `label`, where one does: a logo link that prints the site's name
    and its tagline ("Jane's Notebook Notes on programming") beside a <title> "Post - Jane's Notebook"."""
    for part in TITLE_SEPARATOR.split(title):
        part = part.strip()
        if part and len(part) < len(label) and label.startswith(part) and label[len(part)].isspace():
            return part
    return label


def home_links(page: Page) -> list[HtmlElement]:
    """The page's links to its site's home page (see `is_home_link`)."""
    return [anchor for anchor in _ANCHORS(page.tree)[:MAX_LINKS_READ] if is_home_link(anchor, page.base)]


def _labels(anchor: HtmlElement) -> list[str]:
    """What a home link calls the site: its text, title, aria-label, its logo's alt."""
    labels = [text_of(anchor), anchor.get("title") or "", anchor.get("aria-label") or ""]
    return labels + [img.get("alt") or "" for img in anchor.iter("img")]


def is_home_link(anchor: HtmlElement, base: str) -> bool:
    """A link to the site's root, or to the one-folder root a site under a sub-path has ("/blog/" for a page under
    it): where every layout links its name and logo. A language's root, the page's own language, is the same home
    with or without its slash: Hugo's Coder links it as "/ko" from the pages under /ko/ (its relLangURL of "/"
    drops the slash) — not a section's "/gospodarka" from the pages under it."""
    return is_home_url((anchor.get("href") or "").strip(), base, lambda code: _in_language(anchor, code))


def is_home_url(href: str, base: str, in_language: Callable[[str], bool] = lambda code: False) -> bool:
    """`href`, read on the page at `base`, is the site's home page as `is_home_link` tells it (`in_language`: the
    page is in the language of that code, whose root it may name without its slash)."""
    if not href or href.startswith(("#", "mailto:", "javascript:")) or "/." not in href and _DEEP.match(href):
        return False
    try:
        target, page = _target(href, base), _split(base)
    except ValueError:  # "http://[not-an-address]/": a broken link leads nowhere
        return False
    if target.netloc != page.netloc or target.query:
        return False
    path, own = _INDEX_FILE.sub("/", target.path) or "/", _INDEX_FILE.sub("/", page.path) or "/"
    if path.count("/") == 1 and own.startswith(path + "/") and in_language(path[1:]):
        path += "/"  # "/ko" of a page under /ko/ in Korean
    if path == own:
        return False  # the home page itself
    return path == "/" or (path.endswith("/") and path.count("/") == 2 and own.startswith(path))


def _in_language(anchor: HtmlElement, code: str) -> bool:
    """The page's <html lang> is `code` ("ko", "zh-cn"), or its language is ("de" of "de-DE")."""
    lang = (anchor.getroottree().getroot().get("lang") or "").strip().lower()
    return bool(code) and code.lower() in (lang, lang.split("-")[0])


def _target(href: str, base: str) -> SplitResult:
    """`urlsplit(urljoin(base, href))`, with one parse instead of four for a link that names its host (most of a
    page's links): urljoin gives such a link back as it is, or its parse put together again, which differs only
    where the link's path holds a ";" (its empty parameters are dropped)."""
    parts = urlsplit(href)
    if parts.netloc and ";" not in href and _split(base).scheme in ("http", "https"):
        return parts
    return urlsplit(urljoin(base, href))


_split = lru_cache(maxsize=16)(urlsplit)  # the page's own URL, split once for all its links
# A link whose path, rooted or after its host, holds three slashes or more (`/2024/05/post/`; no dot segment that would
# climb back) is no home link, whatever the page: told without parsing it, as most of a page's links are.
_DEEP = re.compile(r"(?:https?://[^/?#]*)?/(?!/)[^?#/]*/[^?#/]*/")


def _clean(name: str | None) -> str | None:
    name = _DANGLING_SEPARATOR.sub("", " ".join(html.unescape(name or "").split()))
    if not name or len(name) > MAX_NAME_CHARS or _NOT_A_NAME.fullmatch(name):
        return None
    return name


def _host_spellings(host: str) -> set[str]:
    """ "www.example.co.uk" → {"wwwexamplecouk", "examplecouk", "example"}: how a title may spell its host."""
    bare = host.removeprefix("www.")
    return {spelling for spelling in (fold(host), fold(bare), _host_name(host)) if spelling}


def _host_name(host: str) -> str:
    """The registered name of a host, folded: "blog.example.co.uk" → "example"; "" for an IP address."""
    labels = [label for label in host.removeprefix("www.").split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return ""
    return fold(labels[-3] if len(labels) > 2 and len(labels[-2]) <= 3 else labels[-2])
