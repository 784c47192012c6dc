"""Tumblr's reblog trail in a post's text: who wrote which part of a reblogged post.

A reblog on Tumblr quotes the post it reblogs, each earlier blog's words in a `<blockquote>` after a line naming that
blog: `<p><a class="tumblr_blog" href="https://name.tumblr.com/post/ID">name</a>:</p>` — the legacy post format's
body, as Tumblr writes it into the {Body} of every theme (and its API's legacy `body`). The line is all link, and
trafilatura drops such a paragraph by its link density: the quoted words stood in the text under no name, as the
reblogger's own. For the time of trafilatura's run the link is a <span> (its text unchanged; the Markdown gets the
link back from the page, crawler/extraction/markdown_links.py).

A Tumblr post's author is the blog it is posted on, named by its name (the JSON-LD's `author`, the theme's {Name}):
the blog's own address is that author's page — name.tumblr.com, www.tumblr.com/name on Tumblr's own site, or the
custom domain the blog is served on, whose head names the blog in Tumblr's app links
(`tumblr://x-callback-url/blog?blogName=name`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from crawler.extraction.page import Page, renamed

# The link naming the blog a reblogged post's quoted part is by (Tumblr's legacy reblog trail).
REBLOG_ATTRIBUTION = "a.tumblr_blog"


@contextmanager
def reblog_attributions_as_text(page: Page) -> Iterator[None]:
    """Tumblr's reblog-trail links read as text for the time of the block."""
    with renamed([(link, "span") for link in page.select(REBLOG_ATTRIBUTION)]):
        yield


# Tumblr's app links in a blog page's head (Twitter card and App Links), naming the blog the page is of.
_APP_LINKS = ("al:android:url", "al:ios:url", "twitter:app:url:googleplay", "twitter:app:url:iphone")
_APP_BLOG = re.compile(r"^tumblr://x-callback-url/blog\?(?:.*&)?blogName=([\w-]+)", re.IGNORECASE)
_TUMBLR = "tumblr.com"


def blog(page: Page) -> tuple[str, str] | None:
    """The Tumblr blog a page is of, its name (lower case) and its address; None for a page of no Tumblr blog."""
    url = urlsplit(page.url)
    host, scheme = (url.hostname or "").lower(), url.scheme or "https"
    if host.endswith("." + _TUMBLR) and host != "www." + _TUMBLR:
        return host.removesuffix("." + _TUMBLR), f"{scheme}://{host}/"
    if host in (_TUMBLR, "www." + _TUMBLR):  # Tumblr's own site: www.tumblr.com/name/123/slug
        name = next(iter(url.path.strip("/").split("/")), "").lower()
        return (name, f"https://www.tumblr.com/{name}") if name else None
    named = (_APP_BLOG.match(link) for key in _APP_LINKS for link in page.meta.get(key, []))
    name = next((match.group(1).lower() for match in named if match), None)
    return (name, f"{scheme}://{host}/") if name and host else None  # a blog on its own domain
