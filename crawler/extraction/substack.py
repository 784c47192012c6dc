"""What Substack says about its own post pages: a paid subscribers' post cut short by its paywall.

Substack serves a post page (`*.substack.com/p/slug`, or a publication's own domain) with the post's body in
`div.available-content` and, where a paid subscribers' post ends for anyone else, its paywall after it: a
`div.paywall` headed `h2.paywall-title` ("This post is for paid subscribers"), with its subscribe and sign-in
buttons. What stands before it is only the free preview the author chose, never the post: the page is a post behind
a wall (kind "protected", as WordPress's password-protected post is), not a complete short post.
"""

from __future__ import annotations

from crawler.extraction.page import Page

# Substack's paywall as its post page prints it where the free part of a paid post ends.
PAYWALL = ".paywall .paywall-title"
# Substack's post body, which the paywall follows: a news site's own `.paywall-title` is not Substack's.
_SUBSTACK_BODY = "div.available-content"


def substack_kind(page: Page) -> str | None:
    """Kind "protected" for a Substack post page that shows its paywall; None for any other page."""
    return "protected" if page.select(PAYWALL) and page.select(_SUBSTACK_BODY) else None
