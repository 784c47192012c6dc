"""What Ghost says about its own pages: the template its `{{body_class}}` names.

Every Ghost theme prints `{{body_class}}` on its `<body>` (Casper and Source, Ghost's own, among them): `post-template`
for a post, `page-template` for a page (About, Impressum — marked up as a schema.org Article all the same),
`home-template`, `tag-template`, `author-template`, and `paged` on a listing's later pages. Ghost names itself in
its generator tag. As WordPress's body classes do (wordpress.py), that settles what the page is: a one-line post
beside four "Read more" cards is a post, and About is a page.
"""

from __future__ import annotations

from crawler.extraction.page import Page

# (body class, page kind), first match wins: a tag's later pages are `tag-template paged`.
BODY_KINDS = (
    ("post-template", "article"),
    ("page-template", "page"),
    ("tag-template", "tag"),
    ("author-template", "author"),
    ("home-template", "listing"),
    ("paged", "listing"),
)
# The post's content, as Ghost's themes print it (Casper's and Source's `section.gh-content`).
POST_CONTENT = ".gh-content"


def ghost_kind(page: Page) -> str | None:
    """The page's kind as Ghost's body classes name it; None for a page Ghost did not render."""
    if not any(generator.startswith("Ghost") for generator in page.meta.get("generator", [])):
        return None
    body = page.tree.find("body")
    names = set((body.get("class") or "").split()) if body is not None else set()
    return next((kind for name, kind in BODY_KINDS if name in names), None)
