"""WriteFreely's (and write.as's) post page: its hashtags and the blog it is posted on.

WriteFreely makes a link of each #hashtag the writer puts in a post's text (postrender.go: `<a href="…/tag:baking"
class="hashtag"><span>#</span><span class="p-category">baking</span></a>`). A writer's line of hashtags alone
("#baking #bread", often the post's last) is all link, and trafilatura drops such a paragraph by its link density,
though it is a line of the post as its writer typed it: for the time of trafilatura's run each hashtag of the post
is a <span> (its text unchanged; the Markdown gets the link back from the page, markdown_links.py).

A WriteFreely post's author is the blog (collection) it is posted on: its templates (collection-post.tmpl) name it
in `<meta name="author">` and link its title in the header to the blog's home, `<h1 id="blog-title"><a rel="author"
href="/" class="h-card p-author">`, that author's page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from crawler.extraction.page import Page, renamed, text_of
from crawler.urls import joined

POST_HASHTAGS = "article#post-body a.hashtag"
_BLOG_TITLE = "h1#blog-title > a.p-author[rel~=author][href]"


@contextmanager
def hashtags_as_text(page: Page) -> Iterator[None]:
    """A WriteFreely post's hashtag links read as text for the time of the block."""
    hashtags = page.select(POST_HASHTAGS) if "hashtag" in page.names.classes else []
    with renamed([(link, "span") for link in hashtags]):
        yield


def blog(page: Page) -> tuple[str, str] | None:
    """The WriteFreely blog a post page is of, its name (case-folded) and its home's address; None elsewhere."""
    if "blog-title" not in page.names.ids:
        return None
    link = next(iter(page.select(_BLOG_TITLE)), None)
    name = text_of(link).casefold() if link is not None else ""
    return (name, joined(page.base, link.get("href", "").strip())) if name else None
