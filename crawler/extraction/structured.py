"""JSON-LD objects of a page, flattened: every object of every script, @graph expanded, nested kept."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the crawl's own process imports url_kind() and should not pay for lxml
    from lxml.html import HtmlElement


def jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            try:
                data = json.loads(_TRAILING_COMMA.sub(_without_comma, script.text or ""), strict=False)
            except ValueError:
                continue  # broken JSON-LD is common; the page's other metadata still counts
        objects.extend(_flatten(data))
    return objects


# A comma before a closing brace or bracket, outside strings: a template's optional field left empty (Hugo's
# Tranquilpeak writes `"name": "Jane Example",` then `}` where the author has no URL) — JSON's parser refuses it,
# a browser's search engines read it.
_TRAILING_COMMA = re.compile(r'"(?:\\.|[^"\\])*"|,(\s*[}\]])')


def _without_comma(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else match.group(0)


def unreadable_jsonld(tree: HtmlElement) -> list[HtmlElement]:
    """The JSON-LD scripts nested too deeply for Python's json module (it raises RecursionError), which only an
    attacker or a broken generator writes: reading the page without them keeps the post."""
    unreadable = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            try:
                json.loads(script.text or "", strict=False)
            except RecursionError:
                unreadable.append(script)
            except ValueError:
                pass  # broken, not deep: jsonld_objects() skips it
    return unreadable


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        else:
            yield data


def types_of(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def by_type(objects: list[dict[str, Any]], *names: str) -> list[dict[str, Any]]:
    return [obj for obj in objects if types_of(obj) & set(names)]


def first_text(value: Any) -> str | None:
    """A JSON-LD value as text: strings as is, {'name': …} or {'@id': …} objects by name, lists by first item."""
    if isinstance(value, list):
        return first_text(value[0]) if value else None
    if isinstance(value, dict):
        return first_text(value.get("name") or value.get("url") or value.get("@id"))
    if isinstance(value, str):
        return value.strip() or None
    return None


def as_list(value: Any) -> list[Any]:
    """A JSON-LD value that may be one item or a list of them, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
