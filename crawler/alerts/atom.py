"""The changes feed: an Atom file (RFC 4287) an archivist subscribes to, one entry per run that changed anything,
newest first, the newest `keep` kept; written to a temporary file beside it and renamed, so a reader never sees half.

A file that is there but is no changes feed blogarchive wrote is left alone (an error), never overwritten.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from html import escape
from pathlib import Path
from typing import Any

from lxml import etree

from crawler.alerts.report import headline

ATOM = "http://www.w3.org/2005/Atom"
GENERATOR = "blogarchive"
LISTED = 100  # changes listed in one entry; the rest are a `blogarchive changes` away


class FeedError(Exception):
    """The feed file cannot be read or written; the message names it and the fix."""


def add_entry(path: Path, alert: dict[str, Any], keep: int) -> None:
    """Add the entry of `alert` (crawler/alerts/report.py) to the feed at `path`, created if missing; an entry for
    the same run (a delivery made again) is replaced."""
    entry = _entry(alert)
    entry_id = entry.findtext(f"{{{ATOM}}}id")
    older = [old for old in _entries(path) if old.findtext(f"{{{ATOM}}}id") != entry_id]
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _child(feed, "id", _urn(str(path.resolve())))
    _child(feed, "title", "blogarchive: changes")
    _child(feed, "subtitle", f"what the crawls into {alert['archive']} changed")
    _child(feed, "updated", entry.findtext(f"{{{ATOM}}}updated"))
    _child(feed, "generator", GENERATOR)
    author = _child(feed, "author")
    _child(author, "name", GENERATOR)
    for kept in [entry, *older][:keep]:
        feed.append(kept)
    etree.indent(feed)  # the entries read back keep their layout, the new one gets it
    _write(path, etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _entries(path: Path) -> list[etree._Element]:
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return []
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise FeedError(f"cannot read the changes feed {path} ({exc}); give another path") from None
    if root.tag != f"{{{ATOM}}}feed" or root.findtext(f"{{{ATOM}}}generator") != GENERATOR:
        raise FeedError(f"{path} is not a changes feed blogarchive wrote; give another path (it was left as it is)")
    return root.findall(f"{{{ATOM}}}entry")


def _entry(alert: dict[str, Any]) -> etree._Element:
    entry = etree.Element(f"{{{ATOM}}}entry")
    name = alert["job"] or ", ".join(alert["start_urls"])
    _child(entry, "id", _urn(f"{alert['archive']}#run-{alert['run']}"))
    _child(entry, "title", f"{name}: {headline(alert['counts'])}")
    _child(entry, "updated", alert["finished"] or alert["started"])
    if alert["start_urls"]:
        etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=alert["start_urls"][0])
    _child(entry, "content", _listing(alert)).set("type", "html")
    return entry


def _listing(alert: dict[str, Any]) -> str:
    """The entry's HTML: one item per change, a link to each post."""
    items = []
    for change in alert["changes"][:LISTED]:
        title = escape(change["title"] or change["url"] or "")
        named = f'<a href="{escape(change["url"])}">{title}</a>' if change["url"] else title
        said = f" — {escape(change['summary'])}" if change["summary"] else ""
        items.append(f"<li>{change['subject']} {change['change']}: {named}{said}</li>")
    more = len(alert["changes"]) - LISTED
    runs = ", ".join(map(str, alert["runs"]))
    command = f"blogarchive changes --run {alert['run']} --db {escape(alert['archive'])}"
    tail = f"<p>… and {more} more: <code>{command}</code></p>" if more > 0 else ""
    return f"<p>Run {runs} of {escape(alert['archive'])}</p><ul>{''.join(items)}</ul>{tail}"


def _child(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = text
    return element


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'blogarchive-changes:{name}')}"


def _write(path: Path, data: bytes) -> None:
    """Write beside `path` and rename: a reader sees the old feed or the new one. The file keeps its mode (new: 644,
    as a web server serving it needs)."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(descriptor, "wb") as out:
            os.fchmod(out.fileno(), mode)
            out.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise FeedError(f"cannot write the changes feed {path}: {exc.strerror or exc}") from None
