"""sites.toml: the blogs `blogarchive schedule` and `run-due` crawl, read with tomllib and validated.

    [defaults]                      # optional: db, and a default for any site key but urls
    db = "archive.db"
    [sites.kitchen]
    urls = ["https://blog.example.org/"]
    schedule = "0 3 * * *"

Every key is described in docs/sites-file.md. tomllib gives a line only for syntax errors, so
`key_lines()` finds the line of every table header and key itself, and each Problem names file:line and key.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from croniter import croniter

from crawler.alerts.webhook import webhook_problem
from crawler.capture.hosts import check_host_pattern
from crawler.core.setting_names import crawl_setting_names, unknown_setting
from crawler.errors import ConfigError, InvalidPattern, InvalidStartURL, Problem, SessionInputError
from crawler.members.session import parse_header
from crawler.rendering import RENDER_MODES
from crawler.urls import compile_patterns, validate_start_url

DEFAULT_SCHEDULE = "0 3 * * *"  # daily at 03:00 UTC
NAME = re.compile(r"[A-Za-z0-9_-]+\Z")  # a TOML bare key, and safe as a lock file name


@dataclass(frozen=True)
class Site:
    name: str
    urls: tuple[str, ...]
    schedule: str = DEFAULT_SCHEDULE
    enabled: bool = True
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    max_pages: int = 0
    user_agent: str = ""
    download_delay: float | None = None  # None: the crawler's own default
    concurrency: int | None = None
    autothrottle: bool | None = None
    obey_robots: bool | None = None
    media: Path | None = None
    warc: Path | None = None
    requisites: bool = False
    requisite_hosts: tuple[str, ...] | None = None  # None: the crawler's default (every host)
    requisite_deny_hosts: tuple[str, ...] = ()
    cookies: Path | None = None  # a cookies.txt: the members' session (`crawl --cookies`)
    headers: tuple[str, ...] = ()  # extra headers, "Name: value" (`crawl --header`)
    render: str | None = None  # None: the crawler's default (auto)
    render_hosts: tuple[str, ...] | None = None  # None: the crawler's default (every host)
    webhook: str | None = None  # where each crawl's changes are POSTed (`crawl --webhook`)
    changes_feed: Path | None = None  # the Atom file each crawl's changes are added to (`crawl --changes-feed`)
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SitesConfig:
    path: Path
    db: Path
    sites: dict[str, Site]


# -- value checks: each returns what is wrong, or None ---------------------------------------------------


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _integer(minimum: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= minimum
        return None if ok else f"must be an integer ≥ {minimum}"

    return check


def _seconds(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    return None if ok else "must be a number of seconds ≥ 0"


def _strings(value: Any) -> str | None:
    return None if isinstance(value, list) and all(isinstance(v, str) for v in value) else "must be a list of strings"


def _regexes(value: Any) -> str | None:
    if (error := _strings(value)) is not None:
        return error
    try:
        compile_patterns(value)
    except InvalidPattern as exc:
        return str(exc)
    return None


def _hosts(value: Any) -> str | None:
    if (error := _strings(value)) is not None:
        return error
    return next((problem for host in value if (problem := check_host_pattern(host)) is not None), None)


def _render_mode(value: Any) -> str | None:
    return None if value in RENDER_MODES else f"must be one of {', '.join(map(repr, RENDER_MODES))}"


def _urls(value: Any) -> str | None:
    if _strings(value) is not None or not value:
        return "must be a non-empty list of URLs"
    for url in value:
        try:
            validate_start_url(url)
        except InvalidStartURL as exc:
            return str(exc)
    return None


def _headers(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        return 'must be a table of header names and their values: { "X-Members-Token" = "…" }'
    try:
        for name, header in value.items():
            parse_header(f"{name}: {header}")
    except SessionInputError as exc:
        return str(exc).removeprefix("--header ")
    return None


def _webhook(value: Any) -> str | None:
    return _text(value) or webhook_problem(value)


def _cron(value: Any) -> str | None:
    if isinstance(value, str) and croniter.is_valid(value):
        return None
    forms = "5 fields, a 6th for seconds, or @hourly, @daily, @weekly, @monthly, @yearly"
    return f"{value!r} is not a cron expression ({forms})"


def _settings(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be a table of Scrapy settings (NAME = value)"
    for name, setting in value.items():
        if not isinstance(setting, str | int | float | bool):
            return f"{name}: must be a string, number or boolean"
    known = crawl_setting_names() if value else set()
    return next((unknown for name in value if (unknown := unknown_setting(name, known)) is not None), None)


SITE_KEYS: dict[str, Callable[[Any], str | None]] = {
    "urls": _urls,
    "schedule": _cron,
    "enabled": _flag,
    "allow": _regexes,
    "deny": _regexes,
    "max_pages": _integer(0),
    "user_agent": _text,
    "download_delay": _seconds,
    "concurrency": _integer(1),
    "autothrottle": _flag,
    "obey_robots": _flag,
    "media": _text,
    "warc": _text,
    "requisites": _flag,
    "requisite_hosts": _hosts,
    "requisite_deny_hosts": _hosts,
    "cookies": _text,
    "headers": _headers,
    "render": _render_mode,
    "render_hosts": _hosts,
    "webhook": _webhook,
    "changes_feed": _text,
    "settings": _settings,
}
DEFAULT_KEYS = {"db": _text} | {key: check for key, check in SITE_KEYS.items() if key != "urls"}


# -- reading ---------------------------------------------------------------------------------------------


def read_config(path: Path) -> SitesConfig:
    """The validated configuration, or ConfigError listing every problem found."""
    if not path.is_file():
        hint = "create it with `blogarchive sites add NAME URL`" if not path.exists() else "not a file"
        raise ConfigError([Problem(path, 0, "", f"no sites file ({hint})")])
    text = path.read_text(encoding="utf-8")
    lines = key_lines(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_syntax_problems(path, text, exc)) from exc
    problems: list[Problem] = []

    def problem(key_path: tuple[str, ...], message: str, table: bool = False) -> None:
        if table:
            label = "[" + ".".join(key_path) + "]"
        else:
            label = ("[" + ".".join(key_path[:-1]) + "] " if len(key_path) > 1 else "") + key_path[-1]
        problems.append(Problem(path, line_of(lines, key_path), label, message))

    for key in data.keys() - {"defaults", "sites"}:
        problem((key,), "unknown table or key (a sites file has [defaults] and [sites.NAME] tables)", table=True)
    defaults = _table(data, ("defaults",), DEFAULT_KEYS, problem)
    sites_table = data.get("sites", {})
    if not isinstance(sites_table, dict):
        problem(("sites",), "must be tables: [sites.NAME]", table=True)
        sites_table = {}
    sites = {}
    for name, raw in sites_table.items():
        values = _table(sites_table, ("sites", name), SITE_KEYS, problem)
        if not NAME.match(name):
            problem(("sites", name), f"site name {name!r} may only have letters, digits, '-' and '_'", table=True)
        elif isinstance(raw, dict) and "urls" not in raw:
            problem(("sites", name), 'has no urls (urls = ["https://…"])', table=True)
        elif "urls" in values:
            sites[name] = _site(name, defaults, values, path.parent)
            if sites[name].requisites and sites[name].warc is None:
                problem(("sites", name, "requisites"), 'needs warc = "DIR": page requisites are kept in WARC files')
    if problems:
        raise ConfigError(sorted(problems, key=lambda p: p.line))
    return SitesConfig(path, path.parent / defaults.get("db", "archive.db"), sites)


def _table(parent: dict[str, Any], key_path: tuple[str, ...], known: dict, problem: Callable) -> dict[str, Any]:
    """The valid keys of the table at key_path[-1] of parent; each problem is reported through `problem`."""
    table = parent.get(key_path[-1], {})
    if not isinstance(table, dict):
        problem(key_path, "must be a table", table=True)
        return {}
    valid = {}
    for key, value in table.items():
        check = known.get(key)
        if check is None:
            close = difflib.get_close_matches(key, known, n=1)
            problem((*key_path, key), "unknown key" + (f"; did you mean {close[0]!r}?" if close else ""))
        elif (message := check(value)) is not None:
            problem((*key_path, key), message)
        else:
            valid[key] = value
    return valid


def _site(name: str, defaults: dict[str, Any], values: dict[str, Any], base: Path) -> Site:
    merged = {key: value for key, value in defaults.items() if key != "db"} | values
    merged["settings"] = defaults.get("settings", {}) | values.get("settings", {})
    for key in ("urls", "allow", "deny", "requisite_hosts", "requisite_deny_hosts", "render_hosts"):
        if key in merged:
            merged[key] = tuple(merged[key])
    for key in ("media", "warc", "cookies", "changes_feed"):
        if key in merged:
            merged[key] = base / merged[key]
    if "headers" in merged:
        merged["headers"] = tuple(f"{name}: {value}" for name, value in merged["headers"].items())
    return Site(name=name, **merged)


def _syntax_problems(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> list[Problem]:
    """A site defined twice gets its own message naming both lines; any other syntax error tomllib's own."""
    headers: dict[tuple[str, ...], int] = {}
    problems = []
    for line, key_path in table_headers(text):
        if len(key_path) == 2 and key_path[0] == "sites" and key_path in headers:
            message = f"site {key_path[1]!r} is defined twice (first at line {headers[key_path]})"
            problems.append(Problem(path, line, f"[sites.{key_path[1]}]", message))
        headers.setdefault(key_path, line)
    if problems:
        return problems
    found = re.search(r"at line (\d+)", str(exc))
    return [Problem(path, int(found.group(1)) if found else 0, "", f"not valid TOML: {exc}")]


# -- where things are in the file ------------------------------------------------------------------------

_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\\\n]*"|'[^'\n]*')"""
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"\s*\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(rf"\s*({_DOTTED})\s*=")


def _key_path(dotted: str) -> tuple[str, ...]:
    """('sites', 'my blog') for `sites."my blog"`: tomllib itself unquotes the parts."""
    data: Any = tomllib.loads(f"{dotted} = 0")
    parts = []
    while isinstance(data, dict):
        (key, data), *_ = data.items()
        parts.append(key)
    return tuple(parts)


def table_headers(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """(line number, key path) of every [table] and [[array]] header."""
    return [
        (number, _key_path(match.group(1)))
        for number, line in enumerate(text.splitlines(), 1)
        if (match := _HEADER.match(line))
    ]


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The first line of every table header and `key =` line, by full key path. A line inside a multi-line
    string that looks like `key = …` may be taken for a key; this only serves to point at lines."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            table = _key_path(header.group(1))
            lines.setdefault(table, number)
        elif key := _KEY.match(line):
            lines.setdefault(table + _key_path(key.group(1)), number)
    return lines


def line_of(lines: dict[tuple[str, ...], int], key_path: tuple[str, ...]) -> int:
    """The line of key_path, else of its nearest enclosing table or key that has one (1 if none)."""
    for end in range(len(key_path), 0, -1):
        if key_path[:end] in lines:
            return lines[key_path[:end]]
    return 1
