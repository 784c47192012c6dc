"""The shared page-cleaning sets (Dragnet, CleanEval): pages, hand-made gold text, the fixed train/test split.

The folder holds `manifest.json` (the split, page by page) and one tarball per set; each tarball is unpacked once
into a data folder outside the repository. Pages are read as their runner reads them: the page's bytes (encodings
vary, each extractor decodes), the gold file whole — on Dragnet readers' comments after the separator line
included —, CleanEval's `URL:` first line and block markers (`<p>`, `<h>`, `<l>` become newlines) and the
`<text id=URL …>` wrapper of its pages taken off. A page without a URL gets its `<link rel=canonical>` or `og:url`,
else a placeholder under example.invalid.
"""

from __future__ import annotations

import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

SETS = ("dragnet", "cleaneval")
SPLITS = ("train", "test", "all")
_MARKER = re.compile(r"<(?:p|h|l)>")
_WRAPPER = re.compile(rb"""^\s*<text\b[^>]*?\bid="([^"]*)"[^>]*>""", re.I)
_WRAPPER_END = re.compile(rb"</text>\s*$")
_CANONICAL = re.compile(rb"""<link\b[^>]*\brel=["']?canonical["']?[^>]*>""", re.I)
_OG_URL = re.compile(rb"""<meta\b[^>]*\bproperty=["']?og:url["']?[^>]*>""", re.I)
_HREF = re.compile(rb"""\b(?:href|content)=["']?(https?://[^"'\s>]+)""", re.I)


class SetError(Exception):
    """The folder is not the shared sets' folder, or a set in it is incomplete."""


@dataclass
class CleaningPage:
    set: str
    id: str
    split: str
    url: str
    html: bytes
    gold: str


def load_cleaning_set(folder: Path, name: str, split: str, data: Path) -> list[CleaningPage]:
    """The pages of set `name` in `split` ("train", "test" or "all"), unpacking its tarball under `data` once."""
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise SetError(f"{folder}: no manifest.json (give the shared extraction-sets folder)")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    if name not in manifest.get("sets", {}):
        raise SetError(f"{manifest_path}: no set {name!r} in it (choose the sets it has with --set)")
    listed = {p["id"]: p for p in manifest["pages"] if p["set"] == name}
    _unpack(folder / manifest["sets"][name]["archive"], list(listed.values()), data)
    pages = []
    for page_id, entry in sorted(listed.items(), key=lambda item: (len(item[0]), item[0])):
        if split in (entry["split"], "all"):
            pages.append(_read(name, page_id, entry, data))
    return pages


def _unpack(archive: Path, entries: list[dict[str, str]], data: Path) -> None:
    if all((data / e["html"]).is_file() and (data / e["gold"]).is_file() for e in entries):
        return
    if not archive.is_file():
        raise SetError(f"{archive}: missing (the shared extraction-sets folder holds it)")
    data.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:xz") as tar:
        tar.extractall(data, filter="data")


def _read(name: str, page_id: str, entry: dict[str, str], data: Path) -> CleaningPage:
    gold = (data / entry["gold"]).read_bytes().decode("utf-8", "replace")
    url = ""
    first, _, rest = gold.partition("\n")
    if first.startswith("URL:"):  # CleanEval's gold names the page's URL on its first line
        url, gold = first[4:].strip(), rest
    gold = _MARKER.sub("\n", gold)
    raw = (data / entry["html"]).read_bytes()
    if wrapper := _WRAPPER.match(raw):  # CleanEval wraps each page: <text id="URL" title=… encoding=…>page</text>
        url = url or wrapper.group(1).decode("utf-8", "replace")
        raw = _WRAPPER_END.sub(b"", raw[wrapper.end() :])
    url = url or _own_url(raw) or f"http://example.invalid/{name}/{page_id}.html"
    return CleaningPage(name, page_id, entry["split"], url, raw, gold)


def _own_url(raw: bytes) -> str:
    """The page's <link rel=canonical> or og:url, or ''."""
    for pattern in (_CANONICAL, _OG_URL):
        if (tag := pattern.search(raw[:200_000])) and (href := _HREF.search(tag.group(0))):
            return href.group(1).decode("ascii", "replace").replace("&amp;", "&")
    return ""
