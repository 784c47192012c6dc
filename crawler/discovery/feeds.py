"""RSS, Atom and JSON feeds: the post links they list, and where a site's feeds are."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from lxml import etree

USUAL_FEED_PATHS = ("/feed/", "/feed.xml", "/atom.xml", "/rss.xml", "/index.xml", "/feeds/posts/default")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"


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


def feed_links(body: bytes, base_url: str) -> list[tuple[str, str | None]]:
    """(post URL, when it last changed or None) for every item of an RSS, Atom or JSON feed; [] when not a feed."""
    if (feed := _json_feed(body)) is not None:
        items = [item for item in feed["items"] if isinstance(item, dict)]
        return [
            (urljoin(base_url, url.strip()), item.get("date_modified"))
            for item in items
            if isinstance(url := item.get("url") or item.get("external_url"), str) and url.strip()
        ]
    root = _root(body)
    if root is None:
        return []
    links = []
    for item in root.iter("{*}item", "{*}entry"):
        url = _item_link(item)
        if url:
            links.append((urljoin(base_url, url), _item_modified(item)))
    return links


def is_feed(body: bytes) -> bool:
    """An RSS, RDF or Atom document, with items or without: WordPress serves an empty one for every post nobody
    has commented on yet (its per-post comment feed), which is no error."""
    if _json_feed(body) is not None:
        return True
    root = _root(body)
    return root is not None and etree.QName(root).localname.lower() in ("rss", "feed", "rdf")


def feed_site(body: bytes, base_url: str) -> str | None:
    """The site a feed says it is the feed of: RSS's <channel><link>, Atom's own <link rel="alternate">, JSON
    Feed's home_page_url."""
    if (feed := _json_feed(body)) is not None:
        home = feed.get("home_page_url")
        return urljoin(base_url, home) if isinstance(home, str) and home else None
    root = _root(body)
    if root is None:
        return None
    channel = root.find("{*}channel")
    link = _item_link(channel if channel is not None else root)
    return urljoin(base_url, link) if link else None


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


def _item_modified(item: etree._Element) -> str | None:
    """When the item last changed: Atom's <updated> or Dublin Core's <modified>. Not <pubDate> or <published>:
    an edited post keeps its publication date, so a recrawl must not skip a post by it."""
    for tag in ("{*}updated", "{*}modified"):
        node = item.find(tag)
        if node is not None and node.text:
            return node.text.strip()
    return None
