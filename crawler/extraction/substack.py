"""What Substack says about its own post pages: a paid subscribers' post cut short by its paywall.

Substack serves a post page (`*.substack.com/p/slug`, or a publication's own domain) with the post's body in
`div.available-content` and, where a paid subscribers' post ends for anyone else, its paywall after it: a
`div.paywall` headed `h2.paywall-title` ("This post is for paid subscribers"), with its subscribe and sign-in
buttons. What stands before it is only the free preview the author chose, never the post: the page is a post behind
a wall (kind "protected", as WordPress's password-protected post is), not a complete short post.

The post's subtitle, which its writer sets in Substack's editor under the title, is printed as an `h3.subtitle` in
the post's header: it is the post's description (Substack writes it into the page's meta description too, where the
page has one), and stays in the text as a subtitle, a heading, does.
"""

from __future__ import annotations

from crawler.extraction.page import Page, text_of

# Substack's paywall as its post page prints it where the free part of a paid post ends.
PAYWALL = ".paywall .paywall-title"
# Substack's post body, which the paywall follows: a news site's own `.paywall-title` is not Substack's.
_SUBSTACK_BODY = "div.available-content"
# The post's subtitle, under its h1.post-title.
SUBTITLE = "h3.subtitle"


def substack_kind(page: Page) -> str | None:
    """Kind "protected" for a Substack post page that shows its paywall; None for any other page."""
    return "protected" if page.select(PAYWALL) and page.select(_SUBSTACK_BODY) else None


def substack_subtitle(page: Page) -> str | None:
    """A Substack post page's subtitle (its h3.subtitle); None on a page without Substack's post body, or without
    a subtitle."""
    if not page.select(_SUBSTACK_BODY):
        return None
    subtitle = next(iter(page.select(SUBTITLE)), None)
    return text_of(subtitle) or None
