"""Posts a script decrypts: the page holds the post encrypted and shows a password field where its text would be.

Static blog themes and plugins that let an author lock a post (Mizuki's `encrypted: true`, an Astro theme:
`div#password-protection` with its `<input type="password">` and an unlock button in the post's card) write the
post's text encrypted into the page, for a script to decrypt with the password the reader types. What the page
shows instead is no part of the post: it is a post behind a wall (kind "protected", as WordPress's password form
is), never a short post made of the theme's prompt and whatever the card prints around it.
"""

from __future__ import annotations

from lxml import etree

from crawler.extraction.page import HtmlElement, Page

_PASSWORD_FIELDS = etree.XPath("//input[translate(@type, 'PASWORD', 'pasword') = 'password']")
# A field for a name beside the password: a login form (Drupal's user-login-form for comments, in the content).
_NAME_FIELDS = etree.XPath(
    ".//input[not(@type) or translate(@type, 'TEXMAIL', 'texmail') = 'text' or"
    " translate(@type, 'TEXMAIL', 'texmail') = 'email']"
)


def encrypted_kind(page: Page, root: HtmlElement | None) -> str | None:
    """Kind "protected" where a password field alone stands in the post's content (`root`, outside the page's
    chrome: a sidebar's login widget is no lock on the post); None otherwise. A lock asks for a password alone; a
    login form — a news site's form for commenters, inside its article's content — asks for a name too."""
    if root is None:
        return None
    for field in _PASSWORD_FIELDS(page.tree):
        if not any(ancestor is root for ancestor in field.iterancestors()) or page.in_chrome(field):
            continue
        form = next(field.iterancestors("form"), None)
        if form is None or not _NAME_FIELDS(form):
            return "protected"
    return None
