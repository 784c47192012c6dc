"""`-s NAME=VALUE` (crawl, and sites.toml's settings through run-due): each value read the way Scrapy will read it,
so a name or value it cannot use is one line before the crawl, not a traceback from whichever component reads it
first.

A list setting (RETRY_HTTP_CODES, BLOG_DENY …) takes a JSON list (`-s 'RETRY_HTTP_CODES=[500,503]'`) or, as
Scrapy reads text, comma-separated items (`-s RETRY_HTTP_CODES=500,503`); the items must be of the default's type.
"""

from __future__ import annotations

import json
from typing import Any

import click
from scrapy.settings import BaseSettings, Settings

from crawler.capture.hosts import check_host_pattern
from crawler.core.setting_names import unknown_setting
from crawler.errors import InvalidPattern
from crawler.urls import compile_patterns

HINT = "-s/--set"


def parse_settings(pairs: tuple[str, ...], defaults: Settings) -> dict[str, Any]:
    """NAME → value for each -s NAME=VALUE (text; a list setting's value as a list)."""
    settings: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint=HINT)
        name = name.strip()
        if (unknown := unknown_setting(name, defaults.attributes)) is not None:
            raise click.BadParameter(unknown, param_hint=HINT)
        default = defaults.get(name)
        if isinstance(default, (list, tuple)):
            settings[name] = _list_value(name, value, default)
        else:
            _check_setting_type(name, value, default)
            settings[name] = value
        if name in _PATTERN_SETTINGS:
            _check_patterns(name, value, settings[name])
        if name in _HOST_SETTINGS:
            _check_hosts(name, value, settings[name])
    return settings


def _list_value(name: str, value: str, default: list[Any] | tuple[Any, ...]) -> list[Any]:
    if value.strip().startswith("["):
        try:
            items = json.loads(value)
        except ValueError as exc:
            raise click.BadParameter(f"{name}={value!r}: not a JSON list ({exc})", param_hint=HINT) from None
    else:
        items = Settings({name: value}).getlist(name)  # Scrapy's reading of text: split at commas
    kinds = {type(item) for item in default}
    kind = kinds.pop() if len(kinds) == 1 else str
    try:
        return [kind(item) if kind is not str else _text(item) for item in items]
    except (TypeError, ValueError):
        example = json.dumps(list(default)[:3])
        raise click.BadParameter(
            f"{name}={value!r}: {name} takes a list of {kind.__name__} items, as JSON ({example}) or with commas",
            param_hint=HINT,
        ) from None


def _text(item: Any) -> str:
    if not isinstance(item, str):
        raise TypeError(item)
    return item


# The type of a setting's default → how Scrapy reads the setting, what to tell a user who gave a bad value, and
# whether to show the default in that message (not a whole dict).
_READERS: tuple[tuple[type | tuple[type, ...], Any, str, bool], ...] = (
    (bool, Settings.getbool, "true or false (also 1 or 0)", True),  # before int: a bool is an int
    (float, Settings.getfloat, "a number", True),
    (int, Settings.getint, "a whole number", True),
    ((dict, BaseSettings), Settings.getdict, "a JSON object", False),
)
# Settings Scrapy (2.19) reads as floats though their defaults are ints: a fraction is fine for these.
_READ_AS_FLOAT = {"DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "DNS_TIMEOUT"}

# Settings whose values the spider compiles as regexes (crawler/urls.py: Scope).
_PATTERN_SETTINGS = ("BLOG_ALLOW", "BLOG_DENY")


def _check_patterns(name: str, value: str, patterns: list[str]) -> None:
    """Each regex of the list, as the spider will read it. Text is split at commas, so a regex with a comma in it
    is cut in two: the message says so, and how to give such a regex."""
    try:
        compile_patterns(patterns)
    except InvalidPattern as exc:
        raise click.BadParameter(
            f"{name}={value!r}: {exc} (text is split at commas: give a JSON list, or use --allow and --deny)",
            param_hint=HINT,
        ) from None


# Settings whose values are host patterns (crawler/capture/hosts.py).
_HOST_SETTINGS = ("REQUISITES_HOSTS", "REQUISITES_DENY_HOSTS")


def _check_hosts(name: str, value: str, patterns: list[str]) -> None:
    for pattern in patterns:
        if pattern.strip() and (problem := check_host_pattern(pattern)) is not None:
            raise click.BadParameter(f"{name}={value!r}: {problem}", param_hint=HINT)


def _check_setting_type(name: str, value: str, default: Any) -> None:
    if name in _READ_AS_FLOAT:
        default = float(default)
    for kind, read, expected, show_default in _READERS:
        if isinstance(default, kind):
            try:
                read(Settings({name: value}), name)
            except ValueError:
                shown = f" (default: {default!r})" if show_default else ""
                raise click.BadParameter(f"{name}={value!r}: {name} takes {expected}{shown}", param_hint=HINT) from None
            return
