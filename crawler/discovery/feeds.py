"""RSS, Atom and JSON feeds: the pages they list, whether they list each with a date, and where a site's feeds
are."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from crawler.extraction.dates import first_date
from crawler.extraction.identity import BLOGGER_TAG, blogger_identity, ghost_identity, shortlink, wordpress_identity
from crawler.extraction.pagekind import url_kind
from crawler.urls import joined

# Eleventy's base blog writes its feed to /feed/feed.xml (its own <link> to it is relative, and broken below a
# post; a site from an older base blog links a /feed/rss.xml it never built): read first, the feed says that the
# project pages beside the posts are none. Z-BlogPHP serves its RSS feed at /feed.php, which its default theme links
# only on the home's first page with XML-RPC on: its pubDate states the offset of the blog's clock, which its pages
# print no offset of ("2024-03-05 10:11:00": dates.zoned_by_feed).
USUAL_FEED_PATHS = (
    "/feed/",
    "/feed.xml",
    "/atom.xml",
    "/rss.xml",
    "/index.xml",
    "/feed/feed.xml",
    "/feeds/posts/default",
    "/feed.php",
)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"
# A feed's date before this year is a placeholder: Hugo prints 0001-01-01 for a page without a date.
FIRST_REAL_YEAR = 1970
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# Where an item carries text of its own: RSS's description and content:encoded, Atom's summary and content.
_XML_TEXTS = ("{*}description", "{*}encoded", "{*}summary", "{*}content")
_JSON_TEXTS = ("content_html", "content_text", "summary")
_TAXONOMIES = ("tag", "category", "author")
# Zola's stock Atom and RSS templates name each item's author as the page's first author, else the site's
# `author` setting, else "Unknown": a site that sets neither (a theme's [extra] author is neither) names nobody.
_ZOLA_NOBODY = "Unknown"
_NAMED_ADDRESS = re.compile(r"\S+@\S+\s*\((.*)\)")  # RSS's <author>: "jane@example.org (Jane Roe)"
# A feed's first bytes: a BOM; white space, the XML declaration, processing instructions (a feed's xml-stylesheet),
# comments, a doctype (RSS 0.91's); then its root: <rss>, RSS 1.0's <rdf:RDF>, Atom's <feed> in Atom's namespace
# (1.0's or 0.3's). The run of them is matched possessively (`*+`): a comment ends at its first `-->`, and the
# run is never tried again with a comment stretched to a later one, which took exponential time in the number of
# comments in a row — Jekyll's Chirpy theme opens its pages with dozens.
_FEED_START = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?[^>]*>|<!--.*?-->|<!(?i:doctype)[^>\[]*>)*+"
    rb"<(?:rss\b|rdf:RDF\b|(?:[\w-]+:)?feed\b[^>]*?\sxmlns(?::[\w-]+)?\s*=\s*[\"']"
    rb"http://(?:www\.w3\.org/2005/Atom|purl\.org/atom/ns#)[\"'])",
    re.DOTALL,
)


@dataclass(frozen=True)
class FeedEntry:
    url: str
    modified: str | None  # when the item last changed (Atom <updated>, JSON Feed date_modified), for a recrawl
    # True: the feed gives the item a real publication date, the site publishes it as a post; False: it lists the
    # item without one; None: the item is a taxonomy's term (see _term()), whose date says nothing of its kind.
    dated: bool | None
    # The item's publication date (ISO 8601), when it gives a real one: a post whose page prints none has this one.
    published: str | None = None
    # Who wrote it, (name, URL or None) each: the item's Atom <author>, RSS <dc:creator> or <author>, JSON Feed
    # author; an Atom or JSON feed's own author where the item names none (RFC 4287 4.2.1, JSON Feed 1.1 say so).
    authors: tuple[tuple[str, str | None], ...] = ()
    # Its terms: RSS's <category>, Atom's <category term> (or label), JSON Feed's `tags`.
    terms: tuple[str, ...] = ()
    # The item is a taxonomy's term (_term(), _lists_terms()): its folder is the taxonomy's page of terms.
    term: bool = False
    # Its title as the feed gives it (a dated item's): the post's title as the blog's engine knows it, without the
    # site's name a page's <title> adds and whole where a page's title was cut at a dash.
    title: str | None = None
    # Of its terms, the ones the feed marks as tags (_item_tags()).
    tags: tuple[str, ...] = ()
    # An item within a page (a comment in WordPress's or Blogger's comment feed: _within_a_page()): when it was
    # posted, ISO 8601. A comment changes its post's page and no sitemap's <lastmod>.
    posted: str | None = None
    # The post's identity on its platform, where the feed gives it (crawler/extraction/identity.py, _identities()):
    # Ghost's RSS names each post by its id, WordPress's by its shortlink and Blogger's by its tag URI, each in the
    # item's <guid isPermaLink="false"> (an Atom entry's <id>).
    platform_id: str | None = None


def _json_feed(body: bytes) -> dict | None:
    """A JSON Feed (https://jsonfeed.org/version/1.1) as a dict; None for any other body."""
    if body.lstrip()[:1] != b"{":
        return None
    try:
        feed = json.loads(body)
    except ValueError:
        return None
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(_JSON_FEED_VERSION):
        return None
    return feed if isinstance(feed.get("items"), list) else None


def _root(body: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError:
        return None


def feed_entries(body: bytes, base_url: str) -> list[FeedEntry]:
    """Every item of an RSS, Atom or JSON feed, in feed order; [] when not a feed."""
    if (feed := _json_feed(body)) is not None:
        entries = []
        feed_authors = _json_authors(feed)
        for item in feed["items"]:
            url = item.get("url") or item.get("external_url") if isinstance(item, dict) else None
            if not (isinstance(url, str) and url.strip() and (link := joined(base_url, url))):
                continue
            published, modified = item.get("date_published"), item.get("date_modified")
            term = _term(link, any(_has_text(item.get(key)) for key in _JSON_TEXTS))
            dated = None if term or _within_a_page(link) else _real_date(published) or _real_date(modified)
            authors = _json_authors(item) or feed_authors if dated else ()
            terms = _json_terms(item) if dated else ()
            title = item.get("title") if dated and isinstance(item.get("title"), str) else None
            entries.append(
                FeedEntry(link, modified, dated, _published(published, modified), authors, terms, term, _folded(title))
            )
        return entries
    root = _root(body)
    if root is None:
        return []
    entries = []
    feed_authors = _atom_authors(root) if etree.QName(root).localname == "feed" else ()
    blosxom = _blosxom(root)
    nobody = _ZOLA_NOBODY if _generator(root) == "zola" else ""
    identity_of = _identities(root, base_url)
    items = [
        (item, link) for item in root.iter("{*}item", "{*}entry") if (link := _absolute_link(item, base_url, blosxom))
    ]
    texts = [
        any(_has_text("".join(node.itertext())) for tag in _XML_TEXTS for node in item.iterfind(tag))
        for item, _ in items
    ]
    titles = [_item_title(item) for item, _ in items]
    of_terms = _lists_terms(root, [link for _, link in items], base_url, texts, titles)
    for (item, link), has_text in zip(items, texts, strict=True):
        term = of_terms or _term(link, has_text)
        dated = None if term or _within_a_page(link) else _item_dated(item)
        published = _item_published(item) if dated else None
        authors = _item_authors(item) or feed_authors if dated else ()
        authors = tuple(author for author in authors if author[0] != nobody)
        terms = _item_terms(item) if dated else ()
        if blosxom:  # its <category> is the entry's folder, "/tech/linux": the category "tech/linux"
            terms = tuple(name for term in terms if (name := term.strip("/")))
        title = _item_title(item) if dated else None
        tags = _item_tags(item, base_url) if dated else ()
        posted = _item_published(item) if _within_a_page(link) else None
        identity = identity_of(item) if identity_of and dated else None
        entry = FeedEntry(
            link, _item_modified(item), dated, published, authors, terms, term, title, tags, posted, identity
        )
        entries.append(entry)
    return entries


def feed_links(body: bytes, base_url: str) -> list[tuple[str, str | None]]:
    """(post URL, when it last changed or None) for every item of an RSS, Atom or JSON feed; [] when not a feed."""
    return [(entry.url, entry.modified) for entry in feed_entries(body, base_url)]


def is_feed(body: bytes) -> bool:
    """An RSS, RDF or Atom document, with items or without: WordPress serves an empty one for every post nobody
    has commented on yet (its per-post comment feed), which is no error."""
    if _json_feed(body) is not None:
        return True
    root = _root(body)
    return root is not None and etree.QName(root).localname.lower() in ("rss", "feed", "rdf")


def starts_as_feed(body: bytes) -> bool:
    """The body is an RSS, RDF or Atom feed by its first bytes, whatever the Content-Type it came with: a static host
    serving a feed saved as /feed/index.html calls it text/html. Cheap (no parse) and false for any HTML page."""
    return _FEED_START.match(body) is not None


def feed_site(body: bytes, base_url: str) -> str | None:
    """The site a feed says it is the feed of: RSS's <channel><link>, Atom's own <link rel="alternate">, JSON
    Feed's home_page_url."""
    if (feed := _json_feed(body)) is not None:
        home = feed.get("home_page_url")
        return joined(base_url, home) if isinstance(home, str) and home else None
    root = _root(body)
    return _feed_home(root, base_url) if root is not None else None


_NO_TEXT = {"", "<no value>"}


def _term(url: str, has_text: bool) -> bool:
    """An item at a tag's, category's or author's URL (pagekind.url_kind) without text of its own is a term of a
    taxonomy, not a post: Hugo's /tags/index.xml, /categories/index.xml and /authors/index.xml list every term,
    dated by its newest post, with an empty description."""
    return not has_text and url_kind(url) in _TAXONOMIES


def _absolute_link(item: etree._Element, base_url: str, blosxom: bool = False) -> str | None:
    url = (blosxom and _blosxom_entry(item)) or _item_link(item)
    return joined(base_url, url) if url else None


def _blosxom(root: etree._Element) -> bool:
    """A blosxom feed: its stock RSS flavour names the generator "blosxom/<version>" in the channel."""
    return _generator(root).startswith("blosxom")


def _generator(root: etree._Element) -> str:
    """The generator an RSS channel or an Atom feed names, lower-case ("" for none): Zola's stock feeds say "Zola"."""
    node = root.find("{*}generator")
    node = root.find("{*}channel/{*}generator") if node is None else node
    return " ".join((node.text or "").split()).lower() if node is not None else ""


def _identities(root: etree._Element, base_url: str) -> Callable[[etree._Element], str | None] | None:
    """What reads the identity of the post an item lists, in a feed whose engine names its posts so (its
    <generator>): Ghost ("Ghost 5.130"), WordPress ("https://wordpress.org/?v=6.1.9"; its Atom feed's "WordPress"),
    Blogger ("Blogger"); None for another feed's."""
    generator = _generator(root)
    if generator == "blogger":
        return _blogger_identity
    home = _feed_home(root, base_url)
    if home and generator.startswith("ghost "):
        return lambda item: _ghost_identity(item, home)
    if home and (generator.startswith("https://wordpress.org/") or generator == "wordpress"):
        return lambda item: _wordpress_identity(item, home)
    return None


def _feed_home(root: etree._Element, base_url: str) -> str | None:
    """The site a feed says it is the feed of: RSS's <channel><link>, Atom's own <link rel="alternate">."""
    channel = root.find("{*}channel")
    link = _item_link(channel if channel is not None else root)
    return joined(base_url, link) if link else None


def _guid(item: etree._Element) -> str | None:
    """The item's id that is no address: RSS's <guid isPermaLink="false">, Atom's <id>."""
    guid = item.find("{*}guid")
    if guid is not None:
        return guid.text.strip() if guid.get("isPermaLink") == "false" and guid.text else None
    atom_id = item.find("{*}id")
    return atom_id.text.strip() if atom_id is not None and atom_id.text else None


def _ghost_identity(item: etree._Element, site: str) -> str | None:
    """The identity of the post a Ghost feed's item lists: its <guid isPermaLink="false"> is the post's id."""
    guid = _guid(item)
    return ghost_identity(site, guid) if guid else None


def _wordpress_identity(item: etree._Element, home: str) -> str | None:
    """The identity of the post a WordPress feed's item lists: its guid is the post's shortlink, `HOME?p=ID`, as
    WordPress wrote it when the post was made. Its number is the post's ID where the guid is of this blog — the
    importer keeps an imported post's guid, another blog's number —, read with the blog's home as it is now (a guid
    keeps the scheme of its day, http://, where the blog is https:// now)."""
    guid = _guid(item)
    found = shortlink(guid) if guid else None
    if found is None or _schemeless(found[0]) != _schemeless(home):
        return None
    return wordpress_identity(home, found[1])


def _schemeless(address: str) -> str:
    """An address without its scheme and trailing slash: `//site/blog`."""
    return "//" + address.split("://", 1)[-1].rstrip("/")


def _blogger_identity(item: etree._Element) -> str | None:
    """The identity of the post a Blogger feed's entry lists: its <id> (an RSS item's guid) names the blog and the
    post, `tag:blogger.com,1999:blog-BLOGID.post-POSTID`."""
    guid = _guid(item)
    found = BLOGGER_TAG.match(guid) if guid else None
    return blogger_identity(*found.groups()) if found else None


def _blosxom_entry(item: etree._Element) -> str | None:
    """The page of a blosxom entry: its stock RSS flavour links each item to the day's page at the entry's anchor
    (`$url/$yr/$mo_num/$da#$fn`, several entries on one page) and gives its own path only as the guid
    (`$url$path/$fn`, isPermaLink="false"), where blosxom serves the entry alone in its default flavour
    (`$url$path/$fn.html`: dynamically, and statically with $static_entries)."""
    link, guid = _item_link(item), item.find("{*}guid")
    if not (link and urlsplit(link).fragment and guid is not None and (guid.text or "").strip().startswith("http")):
        return None
    entry = guid.text.strip()
    return None if urlsplit(entry).fragment or entry.endswith("/") else entry + ".html"


def _lists_terms(
    root: etree._Element, links: list[str], base_url: str, texts: list[bool], titles: list[str | None]
) -> bool:
    """A taxonomy's own feed lists its terms: every item links a page one folder below the feed's own page, each
    a term's page (pagekind.url_kind), with its description where it has one — Hugo's /authors/index.xml (DoIt:
    each author's bio, dated by their newest post), whose items, read as posts, stored the author pages as posts —
    or none with text of its own: a taxonomy of the site's own naming, Hugo's /series/index.xml ("Series on …")
    lists each series dated by its newest post, with an empty description (a section's feed gives each post its
    summary). A term whose name holds a "/" lies deeper, without text of its own, beside the others: Hugo's urlize
    keeps the "/", and the tag "CI/CD" is /tags/ci/cd/."""
    channel = next((link.text.strip() for link in root.iterfind("{*}channel/{*}link") if link.text), None)
    home = joined(base_url, channel) if channel else None
    if not (home and links and urlsplit(home).path.strip("/")):
        return False  # the site's own feed lists its posts at its root, text or none
    if not all(_one_below(link, home, title) for link, title in zip(links, titles, strict=True)):
        return False
    return all(url_kind(link) in _TAXONOMIES for link in links) or not any(texts)


def _one_below(link: str, home: str, title: str | None) -> bool:
    """`link` is a page in the folder `home` (/series/data-at-the-bakery/ in /series/) — or as many folders below
    as the item's title has parts between slashes: Hugo keeps a slash of a term's name in its address, the series
    "WC/CTSC/APIO" at /series/wc/ctsc/apio/, the tag "0/1 分数规划" at /tags/0/1-分数规划/."""
    rest = urlsplit(link).path.removeprefix(urlsplit(home).path) if link.startswith(home) and link != home else ""
    folders = len([segment for segment in rest.split("/") if segment])
    return bool(rest) and folders in {1, len((title or "").split("/"))}


def _within_a_page(url: str) -> bool:
    """An item at a place within a page (its link has a fragment) is a part of that page, a comment as a rule, and
    says nothing of the page itself: WordPress's comment feed lists each comment at `/?p=1#comment-1` with its
    commenter as dc:creator and its own date, on posts and pages alike; Blogger's at `…html?showComment=…#c…`."""
    return bool(urlsplit(url).fragment)


def _has_text(value: object) -> bool:
    """Text of the item's own: not Go's `<no value>` (a Hugo theme's feed template printing a term's missing
    summary, as Hermit's does, escaped or not)."""
    return isinstance(value, str) and html.unescape(value).strip() not in _NO_TEXT


def _item_link(item: etree._Element) -> str | None:
    for link in item.iterfind("{*}link"):
        if link.get("href") and link.get("rel", "alternate") == "alternate":
            return link.get("href").strip()
        if link.text and link.text.strip():
            return link.text.strip()
    guid = item.find("{*}guid")
    if guid is not None and guid.get("isPermaLink", "true") == "true" and (guid.text or "").startswith("http"):
        return guid.text.strip()
    return None


def _item_authors(item: etree._Element) -> tuple[tuple[str, str | None], ...]:
    """The item's authors: Atom's <author> (or its <source>'s), Dublin Core's <creator>, RSS's <author> — an
    address, "jane@example.org (Jane Roe)", whose name is the part in parentheses. A <dc:creator>'s character
    references are read: Co-Authors Plus writes each co-author's after the first HTML-escaped into its CDATA
    ("Daniel O&#039;Connor")."""
    source = item.find("{*}source")
    if found := _atom_authors(item) or (_atom_authors(source) if source is not None else ()):
        return found
    creators = [" ".join(html.unescape(node.text or "").split()) for node in item.iterfind("{*}creator")]
    if names := [name for name in creators if name]:
        return tuple((name, None) for name in names)
    return tuple((name, None) for node in item.iterfind("{*}author") if (name := _rss_author(node.text or "")))


def _item_terms(item: etree._Element) -> tuple[str, ...]:
    """The item's terms: RSS's <category> text, Atom's <category> label or term; each once, in feed order."""
    found = [
        " ".join((node.get("label") or node.get("term") or node.text or "").split())
        for node in item
        if isinstance(node.tag, str) and etree.QName(node).localname == "category"
    ]
    return tuple(dict.fromkeys(name for name in found if name))


def _item_tags(item: etree._Element, base_url: str) -> tuple[str, ...]:
    """The item's Atom <category>s whose `scheme` is the address of the term's tag page (pagekind.url_kind): Hexo's
    feed (hexo-generator-feed) names a post's categories and tags alike, each with its page as its scheme —
    `/categories/x/` or `/tags/x/` — and many Hexo themes print the categories on a post and not its tags."""
    found = [
        " ".join((node.get("label") or node.get("term") or "").split())
        for node in item
        if isinstance(node.tag, str)
        and etree.QName(node).localname == "category"
        and url_kind(joined(base_url, node.get("scheme") or "") or "") == "tag"
    ]
    return tuple(dict.fromkeys(name for name in found if name))


def _item_title(item: etree._Element) -> str | None:
    """The item's <title> as text: an Atom title of type html is HTML escaped in the XML (its tags and entities
    read as a page's are)."""
    node = next((n for n in item if isinstance(n.tag, str) and etree.QName(n).localname == "title"), None)
    if node is None:
        return None
    text = "".join(node.itertext())
    if node.get("type") == "html" and text.strip():
        text = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
    return _folded(text)


def _folded(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def _json_terms(item: dict[str, Any]) -> tuple[str, ...]:
    tags = item.get("tags")
    names = (" ".join(tag.split()) for tag in tags if isinstance(tag, str)) if isinstance(tags, list) else ()
    return tuple(dict.fromkeys(name for name in names if name))


def _atom_authors(element: etree._Element) -> tuple[tuple[str, str | None], ...]:
    """The element's own Atom <author>s that name someone, with their <uri>."""
    found = []
    for author in element.iterfind("{*}author"):
        name = " ".join((author.findtext("{*}name") or "").split())
        if name:
            found.append((name, (author.findtext("{*}uri") or "").strip() or None))
    return tuple(found)


def _rss_author(text: str) -> str | None:
    """The name in RSS's <author>: "jane@example.org (Jane Roe)" names Jane Roe; a bare address names nobody."""
    text = " ".join(text.split())
    if match := _NAMED_ADDRESS.fullmatch(text):
        return match.group(1).strip() or None
    return None if "@" in text or not text else text


def _json_authors(item: dict[str, Any]) -> tuple[tuple[str, str | None], ...]:
    """JSON Feed's `authors` (1.1) or `author` (1.0) of an item or of the feed."""
    people = item.get("authors") or [item.get("author")]
    return tuple(
        (" ".join(person["name"].split()), person.get("url") if isinstance(person.get("url"), str) else None)
        for person in people
        if isinstance(person, dict) and isinstance(person.get("name"), str) and person["name"].strip()
    )


def _item_modified(item: etree._Element) -> str | None:
    """When the item last changed: Atom's <updated> or Dublin Core's <modified>. Not <pubDate> or <published>:
    an edited post keeps its publication date, so a recrawl must not skip a post by it."""
    for tag in ("{*}updated", "{*}modified"):
        node = item.find(tag)
        if node is not None and node.text:
            return node.text.strip()
    return None


def _item_dated(item: etree._Element) -> bool:
    """The item has a real publication date: RSS <pubDate>, Atom <published> or <updated>, Dublin Core <date>."""
    return any(
        _real_date(node.text)
        for tag in ("{*}pubDate", "{*}published", "{*}updated", "{*}date")
        for node in item.iterfind(tag)
    )


def _item_published(item: etree._Element) -> str | None:
    """The item's publication date: Atom <published>, RSS <pubDate>, Dublin Core <date>, else Atom <updated> (Hugo's
    Atom templates give only that)."""
    tags = ("{*}published", "{*}pubDate", "{*}date", "{*}updated")
    return _published(*(node.text for tag in tags for node in item.iterfind(tag)))


def _published(*values: object) -> str | None:
    """The first of `values` that is a real date (see _real_date), in ISO 8601."""
    return first_date(*(value for value in values if isinstance(value, str) and _real_date(value)))


def _real_date(value: object) -> bool:
    """A date in a feed (RFC 822 or ISO 8601) whose year is a real one. Its year is read from the text: email.utils
    reads Hugo's placeholder "Mon, 01 Jan 0001" as 2001."""
    if not isinstance(value, str):
        return False
    year = _YEAR.search(value)
    return year is not None and int(year.group(1)) >= FIRST_REAL_YEAR
