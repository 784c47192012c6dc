"""The session a members-only crawl carries: cookies from a cookies.txt and extra headers, bound to the crawl's own
origins (the start URLs' scheme, host and port) — never sent to another host or port, whatever a cookie's domain
says, so an image host, a CDN or a link to another site under the same domain never receives them.

Built and checked before the crawl starts, so a file with no usable cookie for the blog is one line, not a crawl
of what the public sees. No message here quotes a cookie's or a header's value.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from crawler.errors import SessionInputError
from crawler.members.cookies_file import FileCookie, cookies_for, read_cookies_file
from crawler.urls import origin

Origin = tuple[str, str, int | None]

# RFC 9110 §5.6.2: a header name is a token.
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+\Z")
# Headers the HTTP client itself writes, or that have an option of their own.
_NOT_EXTRA = {
    "host": "the crawl sets Host itself",
    "content-length": "the crawl sets Content-Length itself",
    "transfer-encoding": "the crawl sets Transfer-Encoding itself",
    "connection": "the crawl manages its connections",
    "cookie": "give cookies with --cookies FILE (a cookies.txt)",
}


@dataclass(frozen=True)
class Session:
    """What each of the crawl's origins is sent: cookies (seeding its cookie jar) and headers."""

    cookies: dict[Origin, tuple[FileCookie, ...]] = field(default_factory=dict)
    headers: tuple[tuple[str, str], ...] = ()
    origins: frozenset[Origin] = frozenset()

    @property
    def header_names(self) -> tuple[str, ...]:
        return tuple(name.lower() for name, _ in self.headers)


def parse_header(line: str) -> tuple[str, str]:
    """`Name: value` as (name, value); SessionInputError naming the header (not its value) when it cannot be sent."""
    name, sep, value = line.partition(":")
    name, value = name.strip(), value.strip()
    if not sep or not _TOKEN.match(name):
        shown = (name.split() or ["''"])[0][:40]  # never the value
        raise SessionInputError(f"--header {shown}: give it as 'Name: value', the name in letters, digits and '-'")
    if any(char in value for char in "\r\n\0"):
        raise SessionInputError(f"--header {name}: its value may not hold a line break or NUL")
    if (reason := _NOT_EXTRA.get(name.lower())) is not None:
        raise SessionInputError(f"--header {name}: not an extra header: {reason}")
    return name, value


def build_session(
    start_urls: list[str], cookies_path: Path | None, header_lines: list[str], now: float | None = None
) -> Session | None:
    """The session for a crawl of `start_urls`, or None without cookies or headers. SessionInputError when the
    cookies file cannot be read, holds no cookie for a start URL's host that is still valid there, or a header
    cannot be sent."""
    headers = tuple(parse_header(line) for line in header_lines)
    if cookies_path is None and not headers:
        return None
    origins = frozenset(origin(url) for url in start_urls)
    cookies: dict[Origin, tuple[FileCookie, ...]] = {}
    if cookies_path is not None:
        every = read_cookies_file(cookies_path)
        now = time.time() if now is None else now
        for each in sorted(origins, key=str):
            cookies[each] = tuple(_cookies_of(each, every, cookies_path, now))
    return Session(cookies=cookies, headers=headers, origins=origins)


def _cookies_of(place: Origin, every: list[FileCookie], path: Path, now: float) -> list[FileCookie]:
    scheme, host, _ = place
    chosen = cookies_for(every, scheme, host, now)
    if chosen:
        return chosen
    for_host = [c for c in every if c.matches_host(host)]
    if not for_host:
        domains = sorted({c.domain for c in every})
        listed = ", ".join(domains[:5]) + (f" and {len(domains) - 5} more" if len(domains) > 5 else "")
        raise SessionInputError(
            f"--cookies {path}: no cookie for {host} (it has cookies for {listed}); export the cookies of your"
            f" browser while signed in to {host}"
        )
    if all(c.https_only for c in for_host if not c.expired(now)) and any(not c.expired(now) for c in for_host):
        raise SessionInputError(
            f"--cookies {path}: the cookies for {host} are for HTTPS only; crawl https://{host}/ instead"
        )
    last = max(c.expires for c in for_host)
    when = datetime.fromtimestamp(last, UTC).strftime("%Y-%m-%d %H:%M UTC")
    raise SessionInputError(
        f"--cookies {path}: every cookie for {host} has expired (the last on {when}); sign in again and export them"
    )


# The sites file's headers reach a scheduled crawl (`python -m crawler crawl …`) through this variable of its
# environment, a JSON list of "Name: value", not on its command line, which other users of the machine can read.
HEADERS_ENV = "BLOGARCHIVE_HEADERS"


def headers_from_environment(environ: dict[str, str]) -> list[str]:
    """The `Name: value` lines in HEADERS_ENV ([] when unset); SessionInputError when it is not a JSON list of
    strings."""
    raw = environ.get(HEADERS_ENV)
    if not raw:
        return []
    try:
        lines = json.loads(raw)
    except ValueError:
        lines = None
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise SessionInputError(f"{HEADERS_ENV}: must be a JSON list of 'Name: value' strings")
    return lines
