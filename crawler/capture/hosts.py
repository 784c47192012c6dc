"""Which other hosts a crawl may fetch page requisites from: REQUISITES_HOSTS and REQUISITES_DENY_HOSTS.

A pattern is `*` (every host), a host name or address (`fonts.gstatic.com`, `192.0.2.7`), which also matches the
hosts under it (`gstatic.com` matches `fonts.gstatic.com`; a leading `*.` or `.` means the same), or either with a
port (`cdn.example.com:8443`), which then matches that port only. A host the deny list matches is never asked,
whatever the allow list says. The crawl's own hosts are not subject to these rules; every host, its own included,
still passes the scope guard's address rules (crawler/downloadermiddlewares/scope_guard.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_PATTERN = re.compile(r"(?:\*\.|\.)?(?P<host>[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(?::(?P<port>\d{1,5}))?")


def check_host_pattern(pattern: str) -> str | None:
    """What is wrong with a host pattern, or None."""
    if pattern == "*" or _PATTERN.fullmatch(pattern.strip().lower()):
        return None
    if "://" in pattern or "/" in pattern:
        return f"{pattern!r} is not a host pattern: give the host alone (cdn.example.com), not a URL"
    return f"{pattern!r} is not a host pattern (a host such as cdn.example.com, *.example.com, host:port, or *)"


class HostRules:
    """REQUISITES_HOSTS / REQUISITES_DENY_HOSTS, checked patterns (see the module docstring)."""

    def __init__(self, allow: Iterable[str], deny: Iterable[str] = ()) -> None:
        self.allow = _compiled(allow)
        self.deny = _compiled(deny)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        try:
            port = parts.port or _DEFAULT_PORTS.get(parts.scheme)
        except ValueError:
            return False
        return not _matches(self.deny, host, port) and _matches(self.allow, host, port)


Compiled = tuple[str, int | None]  # ("*", None) matches every host


def _compiled(patterns: Iterable[str]) -> list[Compiled]:
    compiled = []
    for pattern in (p.strip().lower() for p in patterns):
        if not pattern:
            continue
        if (problem := check_host_pattern(pattern)) is not None:
            raise ValueError(problem)
        if pattern == "*":
            compiled.append(("*", None))
            continue
        match = _PATTERN.fullmatch(pattern)
        assert match is not None
        port = match.group("port")
        compiled.append((match.group("host").strip("[]").rstrip("."), int(port) if port else None))
    return compiled


def _matches(patterns: list[Compiled], host: str, port: int | None) -> bool:
    for domain, wanted_port in patterns:
        if domain == "*":
            return True
        if (host == domain or host.endswith("." + domain)) and (wanted_port is None or wanted_port == port):
            return True
    return False
