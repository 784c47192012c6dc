"""`sites add` and `sites remove`: edit sites.toml as lines, so every other line and comment stays as it was.

A style-preserving TOML library was tried first: tomlkit attaches the comment above `[sites.b]` to the end of
`[sites.a]`, so removing `a` lost `b`'s comment. Here a comment block directly above a table header (no blank
line between) belongs to that table; everything else outside the removed tables is kept byte for byte.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

from crawler.archivist.sites import NAME, SITE_KEYS, table_headers
from crawler.errors import ConfigError, Problem


def add_site(path: Path, name: str, values: dict[str, Any]) -> None:
    """Append a [sites.NAME] table. The file is created if missing; values are checked as `read_config` would."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    sites = _parse(path, text).get("sites", {})
    problems = [] if NAME.match(name) else [f"may only have letters, digits, '-' and '_' (not {name!r})"]
    if name in sites:
        problems.append("is already in the file; remove it first or edit it by hand")
    problems += [f"{key}: {message}" for key, value in values.items() if (message := SITE_KEYS[key](value))]
    if problems:
        raise ConfigError([Problem(path, 0, f"[sites.{name}]", message) for message in problems])
    table = [f"[sites.{name}]"] + [f"{key} = {toml_value(value)}" for key, value in values.items()]
    before = text.rstrip("\n") + "\n\n" if text.strip() else ""
    _write(path, before + "\n".join(table) + "\n")


def remove_site(path: Path, name: str) -> None:
    """Delete the [sites.NAME] table, its sub-tables and the comment block directly above it."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if name not in _parse(path, text).get("sites", {}):
        raise ConfigError([Problem(path, 0, f"[sites.{name}]", "no such site")])
    lines = text.splitlines(keepends=True)
    headers = table_headers(text)
    drop: set[int] = set()  # 0-based line indexes
    for position, (number, key_path) in enumerate(headers):
        if key_path[:2] != ("sites", name):
            continue
        end = headers[position + 1][0] - 1 if position + 1 < len(headers) else len(lines)
        start = _comment_block_start(lines, number - 1)
        end = _comment_block_start(lines, end) if end < len(lines) else end  # the next table's own comments
        drop.update(range(start, end))
    new_text = "".join(_cut(lines, drop))
    if name in _parse(path, new_text).get("sites", {}):
        raise ConfigError([Problem(path, 0, f"[sites.{name}]", "is not only a [sites.NAME] table; edit it by hand")])
    _write(path, new_text)


def toml_value(value: Any) -> str:
    """A TOML literal for a string, number, boolean or list of them. JSON's escapes (\\" \\\\ \\n \\uXXXX …) are
    all valid in a TOML basic string, so json.dumps writes correct TOML for these types."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([Problem(path, 0, "", f"not valid TOML, fix it first: {exc}")]) from exc


def _comment_block_start(lines: list[str], index: int) -> int:
    """The first line of the run of comment lines ending just above lines[index] (index itself if none)."""
    while index > 0 and lines[index - 1].lstrip().startswith("#"):
        index -= 1
    return index


def _cut(lines: list[str], drop: set[int]) -> list[str]:
    """lines without the dropped ones; where a cut leaves two blank lines in a row (or blank lines at the start
    or end of the file) one is removed. Other lines are untouched."""
    kept: list[str] = []
    after_cut = False
    for index, line in enumerate(lines):
        if index in drop:
            after_cut = True
            continue
        if after_cut and not line.strip() and (not kept or not kept[-1].strip()):
            continue
        after_cut = False
        kept.append(line)
    while after_cut and kept and not kept[-1].strip():
        kept.pop()
    return kept


def _write(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a crash never leaves half a sites file."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
