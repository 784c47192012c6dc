"""Signs, in a response, that a page was served to someone signed out: a login page, a members-only notice, a
password form where the post should be — and the marks a platform puts on every page for a signed-in reader.

Each sign is a platform's markup convention (a row of the tables below), never one site's page:

- WordPress: wp-login.php's `form#loginform`; the password-protected post's `form.post-password-form` (its
  `wp-postpass_…` cookie missing or expired); for a signed-in reader, the toolbar `#wpadminbar`, the body class
  `logged-in` and the `wp-login.php?action=logout` link.
- Ghost: the `aside.gh-post-upgrade-cta` its `{{content}}` helper puts where a members-only post's body would be, or
  the theme's own notice there (Dawn's: a Portal button to sign in or upgrade in the post's `.gh-content`), the
  Portal sign-in form (`data-members-form="signin"`); for a member, the Portal account button (`data-portal="account"`).
- WordPress membership plugins: MemberPress's `.mepr-unauthorized-message`, Paid Memberships Pro's
  `.pmpro_content_message`.
- Substack: the paywall (`div.paywall`, headed `h2.paywall-title` "This post is for paid subscribers") its post page
  shows after the free part of a paid subscribers' post.
- Any site: a form with a password field (a login form: a signed-in reader is not asked for a password), a sign-out
  link (crawler/members/addresses.py: `/logout`, `/sign-out` …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html
from lxml.cssselect import CSSSelector

from crawler.extraction.ghost import PORTAL_TRIGGERS, POST_CONTENT
from crawler.members.addresses import is_sign_out

# (what the page shows, where) — the first that matches names the wall.
WALLS: tuple[tuple[str, str], ...] = (
    ("WordPress's login form", "form#loginform"),
    ("WordPress's password form (a password-protected post)", "form.post-password-form"),
    ("Ghost's members-only notice", "aside.gh-post-upgrade-cta, .gh-post-upgrade-cta"),
    (
        "a Ghost theme's members-only notice",
        ", ".join(f"{POST_CONTENT} {trigger}" for trigger in PORTAL_TRIGGERS.split(", ")),
    ),
    ("Ghost's sign-in form", "form[data-members-form='signin']"),
    ("MemberPress's members-only notice", ".mepr-unauthorized-message"),
    ("Paid Memberships Pro's members-only notice", ".pmpro_content_message"),
    ("Substack's paywall", ".paywall .paywall-title"),
)
# Any login form: a wall only on a page without a signed-in mark (a member's account page may ask for a password).
LOGIN_FORM = ("a login form", "form input[type='password' i]")
# Marks a platform puts on every page for a signed-in reader.
SIGNED_IN: tuple[tuple[str, str], ...] = (
    ("WordPress's toolbar", "#wpadminbar"),
    ("WordPress's logged-in body class", "body.logged-in"),
    ("Ghost's account button", "[data-portal='account']"),
)  # and any sign-out link (crawler/members/addresses.py)

_WALLS = tuple((label, CSSSelector(css)) for label, css in WALLS)
_LOGIN_FORM = CSSSelector(LOGIN_FORM[1])
_SIGNED_IN = tuple(CSSSelector(css) for _, css in SIGNED_IN)
# A page with none of these words has no sign of either kind and is not parsed.
_WORDS = re.compile(
    rb"password|loginform|wpadminbar|logged-in|data-portal|data-members-form|gh-post-upgrade-cta|mepr-unauthorized"
    rb"|pmpro_content_message|paywall-title|logout|log-out|signout|sign-out",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageSigns:
    wall: str | None  # what the page shows instead of the post (a row of WALLS), or None
    signed_in: bool  # the page carries a mark of a signed-in reader (SIGNED_IN, or a sign-out link)


def read_signs(body: bytes) -> PageSigns:
    """The signs an HTML page carries."""
    if not _WORDS.search(body):
        return PageSigns(None, False)
    try:
        root = html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        return PageSigns(None, False)
    signed_in = any(selector(root) for selector in _SIGNED_IN) or any(
        is_sign_out(href) for href in root.xpath("//a/@href")
    )
    wall = next((label for label, selector in _WALLS if selector(root)), None)
    if wall is None and not signed_in and _LOGIN_FORM(root):
        wall = LOGIN_FORM[0]
    return PageSigns(wall, signed_in)
