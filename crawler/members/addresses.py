"""Addresses, by convention, that a crawl treats apart: engines' admin and member areas, login pages, sign-outs,
action links.

An engine's admin and member areas (ENGINE_AREAS, GNUBOARD_AREA, XE_AREA) are no pages of the blog, for any crawl:
every visitor's page may link them (Rhymix's xedition layout links `/index.php?module=admin` on every page), and the
engine answers a visitor with its login form, a redirect to it, or 403 — which counted as a page the crawl could not
archive. Nor are an engine's links that switch the view of a page it serves at its own address (Gnuboard's skins,
Serendipity's comments): the page again, or worse. A crawl does not follow a link there (crawler/spiders/blog.py).

A signed-in crawl treats more apart.

A login page's address is how a site that redirects says the session ended (`/wp-login.php`, `…/login`,
`…/signin` …). The others are GETs that act rather than show, which a crawler signed in as a member must not
follow: a signed-in page links its sign-out (WordPress's toolbar: `wp-login.php?action=logout&_wpnonce=…`), which
would end the session the crawl is using, and, for a user who may edit, the admin area, whose links act on the blog
(WordPress's "Trash" is `post.php?post=12&action=trash&_wpnonce=…`):

- a sign-out address: a path ending in `/logout`, `/log-out`, `/signout`, `/sign-out`, or `action=logout` in the query;
- an engine's admin or member area (`engine_area`);
- a WordPress action link: any URL carrying a `_wpnonce`;
- a login page asked for by a link (a redirect to one is followed: the answer says the session ended).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

# The last segment of a login address's path, without its extension: /wp-login.php, /user/login, /accounts/signin/.
LOGIN_PAGES = frozenset({"wp-login", "login", "log-in", "signin", "sign-in", "logon"})
# Engines' admin and member areas by the start of their path (a folder also without its last slash), and whose.
ENGINE_AREAS: dict[str, str] = {
    "/wp-admin/": "WordPress's admin area",
    "/wp-login.php": "WordPress's login page",
    "/ghost/": "Ghost's admin area",
    "/admin/": "the admin area (Typecho, Emlog, Bludit, Decap CMS)",
    "/administrator/": "Joomla's admin area",
    "/user/login": "Drupal's login page",
    "/user/register": "Drupal's sign-up page",
    "/user/password": "Drupal's password page",
}
# XpressEngine and Rhymix address every screen by query: `module=admin`, or an `act` named disp|proc, its module, then
# Admin for the module's admin screens (`dispMenuAdminSiteMap`); the member module's screens are sign-in, sign-up,
# account (`dispMemberLoginForm`, `dispMemberSignUpForm`, `procMemberLogout`).
XE_AREA = re.compile(r"^(?:disp|proc)(?:Member|[A-Z]\w*?Admin)")
# Gnuboard's scripts in its bbs/ folder that are forms, actions or pop-ups, no page of the board (its pages are
# board.php, content.php, faq.php, new.php, group.php, search.php, qalist.php …): a visitor's every post page links
# the write and reply forms, the comment's delete check (password.php), the scrap, profile and mail pop-ups and
# view_image.php, a script's shell around an attachment, which a crawl counted lost.
GNUBOARD_AREA = re.compile(
    r"/bbs/(?:write|password|password_lost|login|logout|register|register_form|member_confirm|member_leave|profile"
    r"|formmail|memo|memo_form|scrap|scrap_popin|point|current_connect|view_image|download|good|link|move|delete"
    r"|delete_comment|qawrite|poll_result)\.php$"
)
# Gnuboard's footer links its other skins' view of the page, `?device=mobile` (PC) or `?device=pc` (mobile): the
# switch is kept in the visitor's session, and every page the crawl fetched after it came in the other skin's markup.
# Serendipity's switch of an entry's comments between its threaded and linear view, which its themes print over the
# comments (2k11's and Timeline's entries.tpl): `index.php?url=archives/1-title.html&serendipity[cview]=linear`, that
# form whether the blog rewrites its URLs or not — the entry at another address, which prints no rel=canonical there,
# so a crawl that followed it archived the entry twice (or, its `/` in the query encoded, fetched the front page).
SERENDIPITY_COMMENT_VIEW = "serendipity[cview]"
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
    if any(name == "_wpnonce" for name, _ in parse_qsl(parts.query, keep_blank_values=True)):
        return "a WordPress action link (_wpnonce)"
    if is_login_address(url):  # /wp-login.php among them: a redirect there says the session ended
        return None if redirected else "a login page"
    return engine_area(url)


def engine_area(url: str) -> str | None:
    """Which engine's admin or member area `url` is in (ENGINE_AREAS, GNUBOARD_AREA, XE_AREA), or which engine's
    switch of the view of a page it serves at its own address (Gnuboard's skins, Serendipity's comments); None for
    any other address."""
    parts = urlsplit(url)
    path = parts.path.lower()
    for start, area in ENGINE_AREAS.items():
        if path.startswith(start) or path == start.rstrip("/"):
            return area
    if GNUBOARD_AREA.search(path):
        return "Gnuboard's forms, actions and pop-ups"
    query = parse_qsl(parts.query)
    if any(name == "device" and value in ("pc", "mobile") for name, value in query):
        return "Gnuboard's switch between its PC and mobile skins"
    if any(name == SERENDIPITY_COMMENT_VIEW for name, _ in query):
        return "Serendipity's switch of an entry's comments between threaded and linear view"
    if ("module", "admin") in query or any(name == "act" and XE_AREA.match(value) for name, value in query):
        return "XpressEngine's admin or member area"
    return None
