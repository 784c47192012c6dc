"""Comments from a Blogger post's comment feed (`/feeds/POSTID/comments/default`): pure, Atom in, Comments out.

Blogger's feed serves published comments only, newest first, each an Atom entry: its id
(`tag:blogger.com,1999:blog-BLOG.post-COMMENT`), `published`, the author's `name` and profile `uri`, the comment's
HTML as `content type="html"` (lines broken with `<br>`), `thr:in-reply-to` (RFC 4685) naming what it answers and,
for a reply, a `related` link to the comment it answers (`…/comments/default/PARENT`). A comment its author or the
blog's owner removed stays in the feed as a notice, marked `blogger.contentRemoved`: it is left out.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.extraction.article import Comment
from crawler.extraction.page import Page
from crawler.extraction.threads import threaded

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "thr": "http://purl.org/syndication/thread/1.0",
    "gd": "http://schemas.google.com/g/2005",
}
_ID = re.compile(r"\.post-(\d+)$")
_RELATED = re.compile(r"/comments/default/(\d+)$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def feed_comments(payloads: list[bytes], base_url: str) -> list[Comment]:
    """The comments of every page of the feed, oldest first, replies after their parent."""
    entries = [entry for payload in payloads for entry in _entries(payload)]
    comments = {c.id: c for c in (_comment(entry, base_url) for entry in entries) if c is not None and c.text}
    for comment in comments.values():
        if comment.parent not in comments:  # the post itself, or a comment removed since
            comment.parent = None
    return threaded(sorted(comments.values(), key=lambda c: c.published or ""))


def _entries(payload: bytes) -> list[etree._Element]:
    try:
        root = etree.fromstring(payload, _PARSER)
    except etree.XMLSyntaxError:
        return []
    return root.findall("atom:entry", _NS) if root.tag == f"{{{_NS['atom']}}}feed" else []


def _comment(entry: etree._Element, base_url: str) -> Comment | None:
    own = _ID.search(entry.findtext("atom:id", "", _NS).strip())
    removed = entry.find("gd:extendedProperty[@name='blogger.contentRemoved']", _NS)
    if own is None or (removed is not None and removed.get("value") == "true"):
        return None
    author = entry.find("atom:author", _NS)
    name = (author.findtext("atom:name", "", _NS) if author is not None else "").strip()
    uri = (author.findtext("atom:uri", "", _NS) if author is not None else "").strip()
    return Comment(
        author=name or None,
        published=entry.findtext("atom:published", "", _NS).strip() or None,
        text=_text(entry.findtext("atom:content", "", _NS), base_url),
        id=own.group(1),
        parent=_parent(entry),
        author_url=uri or None,
    )


def _parent(entry: etree._Element) -> str | None:
    """The id of the comment this one answers: its `related` link, else a `thr:in-reply-to` naming a comment (one
    naming the post is no parent, feed_comments() sees to that); None at the top level."""
    for link in entry.findall("atom:link[@rel='related']", _NS):
        if (found := _RELATED.search(link.get("href", ""))) is not None:
            return found.group(1)
    for reply in entry.findall("thr:in-reply-to", _NS):
        if (found := _ID.search(reply.get("ref", ""))) is not None:
            return found.group(1)
    return None


def _text(html: str, base_url: str) -> str:
    """The comment's text, a line per line of it (Blogger breaks lines with <br>), whitespace folded."""
    if not html.strip():
        return ""
    body = Page.from_html(f"<html><body>{html}</body></html>", base_url).tree
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (" ".join(line.split()) for line in "".join(body.itertext()).splitlines())
    return "\n".join(line for line in lines if line)
