"""Reading the Netscape `cookies.txt` that browsers (through an extension), curl and yt-dlp export.

One cookie a line, seven fields separated by tabs: domain, whether subdomains get it (TRUE/FALSE), path, HTTPS only
(TRUE/FALSE), expiry (Unix seconds; 0 or empty for a cookie that ends with the browser session), name, value. A line
starting with `#HttpOnly_` is a cookie marked HttpOnly (curl's and the browsers' exports write a site's login cookie
so); other lines starting with `#` and blank lines are comments.

The standard library has a reader (http.cookiejar.MozillaCookieJar), but its errors quote the offending line —
a cookie's value, which must never reach a terminal or a log — without its number, it drops every cookie of the
browser session (expiry 0, how extensions export them), and it refuses a file without the magic first line some
exporters leave out. This reader names the line by its number only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawler.errors import SessionInputError

_HTTPONLY = "#HttpOnly_"
_FIELDS = "domain, include subdomains, path, HTTPS only, expiry, name, value"


@dataclass(frozen=True)
class FileCookie:
    domain: str  # without a leading dot
    subdomains: bool  # also sent to the hosts under `domain`
    path: str
    https_only: bool
    expires: int  # Unix seconds; 0 = ends with the browser session
    name: str
    value: str

    def matches_host(self, host: str) -> bool:
        """Whether a request to `host` gets this cookie, by its domain (the cookie rules, RFC 6265 §5.1.3)."""
        host = host.lower()
        return host == self.domain or (self.subdomains and host.endswith("." + self.domain))

    def expired(self, now: float) -> bool:
        return 0 < self.expires <= now


def read_cookies_file(path: Path) -> list[FileCookie]:
    """Every cookie of the file, in file order; SessionInputError naming the file (and the line) when it cannot be
    read or a line is not a cookies.txt line."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise SessionInputError(f"--cookies {path}: cannot read it: {exc.strerror or exc}") from None
    cookies = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(_HTTPONLY):
            line = line[len(_HTTPONLY) :]
        elif not line.strip() or line.lstrip().startswith("#"):
            continue
        cookie = _cookie(line)
        if cookie is None:
            raise SessionInputError(
                f"--cookies {path}: line {number} is not a cookies.txt line (7 fields separated by tabs: {_FIELDS});"
                " export the cookies in the Netscape cookies.txt format"
            )
        cookies.append(cookie)
    if not cookies:
        raise SessionInputError(f"--cookies {path}: no cookie in the file; export the blog's cookies into it")
    return cookies


def _cookie(line: str) -> FileCookie | None:
    fields = line.rstrip("\r").split("\t")
    if len(fields) == 6:  # a cookie with an empty value, its trailing tab lost by an editor
        fields.append("")
    if len(fields) != 7:
        return None
    domain, subdomains, path, https_only, expires, name, value = fields
    flags = {"TRUE": True, "FALSE": False}
    if not domain.strip() or not name or subdomains.upper() not in flags or https_only.upper() not in flags:
        return None
    try:
        expiry = int(float(expires)) if expires.strip() else 0
    except ValueError:
        return None
    return FileCookie(
        domain=domain.strip().lstrip(".").lower(),
        subdomains=flags[subdomains.upper()] or domain.startswith("."),
        path=path or "/",
        https_only=flags[https_only.upper()],
        expires=expiry,
        name=name,
        value=value,
    )


def cookies_for(cookies: list[FileCookie], scheme: str, host: str, now: float) -> list[FileCookie]:
    """The cookies a request to `scheme://host` gets: by domain, not expired, HTTPS-only ones only over https."""
    return [
        c for c in cookies if c.matches_host(host) and not c.expired(now) and (scheme == "https" or not c.https_only)
    ]
