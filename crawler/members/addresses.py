"""Addresses, by convention, that a signed-in crawl treats apart: login pages, sign-outs, admin areas, action links.

A login page's address is how a site that redirects says the session ended (`/wp-login.php`, `…/login`,
`…/signin` …). The others are GETs that act rather than show, which a crawler signed in as a member must not
follow: a signed-in page links its sign-out (WordPress's toolbar: `wp-login.php?action=logout&_wpnonce=…`), which
would end the session the crawl is using, and, for a user who may edit, the admin area, whose links act on the blog
(WordPress's "Trash" is `post.php?post=12&action=trash&_wpnonce=…`):

- a sign-out address: a path ending in `/logout`, `/log-out`, `/signout`, `/sign-out`, or `action=logout` in the query;
- an admin area: WordPress's `/wp-admin/`, Ghost's `/ghost/`;
- a WordPress action link: any URL carrying a `_wpnonce`;
- a login page asked for by a link (a redirect to one is followed: the answer says the session ended).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

# The last segment of a login address's path, without its extension: /wp-login.php, /user/login, /accounts/signin/.
LOGIN_PAGES = frozenset({"wp-login", "login", "log-in", "signin", "sign-in", "logon"})
ADMIN_AREAS = ("/wp-admin/", "/ghost/")
_SIGN_OUT = re.compile(r"/(?:logout|log-out|signout|sign-out)(?:\.\w+)?/?$", re.IGNORECASE)


def is_login_address(url: str) -> bool:
    """Whether `url` is a login page's address (its path's last segment is one of LOGIN_PAGES)."""
    segments = [s for s in urlsplit(url).path.lower().split("/") if s]
    return bool(segments) and segments[-1].rsplit(".", 1)[0] in LOGIN_PAGES


def is_sign_out(url: str) -> bool:
    parts = urlsplit(url)
    return bool(_SIGN_OUT.search(parts.path)) or ("action", "logout") in parse_qsl(parts.query)


def acting_link(url: str, redirected: bool = False) -> str | None:
    """Why a signed-in crawl must not ask for `url` ("a sign-out link" …), or None. `redirected`: a redirect, not
    a link, leads there."""
    parts = urlsplit(url)
    if is_sign_out(url):
        return "a sign-out link"
    if any(parts.path.startswith(area) or parts.path == area.rstrip("/") for area in ADMIN_AREAS):
        return "the admin area"
    if any(name == "_wpnonce" for name, _ in parse_qsl(parts.query, keep_blank_values=True)):
        return "a WordPress action link (_wpnonce)"
    if not redirected and is_login_address(url):
        return "a login page"
    return None
