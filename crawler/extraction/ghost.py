"""What Ghost says about its own pages: the template its `{{body_class}}` names.

Every Ghost theme prints `{{body_class}}` on its `<body>` (Casper and Source, Ghost's own, among them): `post-template`
for a post, `page-template` for a page (About, Impressum — marked up as a schema.org Article all the same),
`home-template`, `tag-template`, `author-template`, and `paged` on a listing's later pages. Ghost names itself in
its generator tag. As WordPress's body classes do (wordpress.py), that settles what the page is: a one-line post
beside four "Read more" cards is a post, and About is a page; a post page that shows a visitor Ghost's members-only
notice in place of the post is a post behind a wall.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from crawler.extraction.page import HtmlElement, Page, detached, moved_as_paragraphs, renamed

# (body class, page kind), first match wins: a tag's later pages are `tag-template paged`.
BODY_KINDS = (
    ("post-template", "article"),
    ("page-template", "page"),
    ("tag-template", "tag"),
    ("author-template", "author"),
    ("home-template", "listing"),
    ("paged", "listing"),
)
# What Ghost's `{{content}}` helper prints for a visitor the post is not for (visibility members, paid or tiers):
# its content-cta template, "This post is for subscribers only" and the Subscribe and Sign in links, after the
# public preview the writer chose, if any.
UPGRADE_CTA = "aside.gh-post-upgrade-cta"
# The post's content, as Ghost's themes print it (Casper's and Source's `section.gh-content`).
POST_CONTENT = ".gh-content"
# A theme may print a notice of its own in its place (its `partials/content-cta.hbs`: Dawn's `section.single-cta`),
# where `{{content}}` prints the post; each holds what a visitor signs in or upgrades with, a trigger of Ghost's
# Portal (`data-portal="signin"`, `"account/plans"`), which the editor never writes into a post.
PORTAL_TRIGGERS = '[data-portal="signin"], [data-portal^="account/plans"]'
# Ghost's callout card (the editor's Koenig cards, mobiledoc's and lexical's alike): `div.kg-callout-card` holding
# the emoji the writer picked in `div.kg-callout-emoji` and the text, inline markup only, in `div.kg-callout-text`.
CALLOUT_TEXT = ".kg-callout-card > .kg-callout-text"
CALLOUT_EMOJI = ".kg-callout-card > .kg-callout-emoji"
# Ghost's product card: the product's picture, title (`h4.kg-product-card-title`), rating, description and, last,
# the writer's button to buy it, `a.kg-product-card-button`, a link that makes the card dense in links for trafilatura.
PRODUCT_BUTTON = ".kg-product-card-container > a.kg-product-card-button"
# Ghost's file card: one download link, `a.kg-file-card-container`, around the writer's title for the file
# (`div.kg-file-card-title`) and caption (`div.kg-file-card-caption`), the file's name and size and a download icon.
FILE_LINK = ".kg-file-card > a.kg-file-card-container"
FILE_WORDS = ".kg-file-card-title, .kg-file-card-caption"
# Ghost's audio card: the writer's title for the recording (`div.kg-audio-title`, no <p>) beside its player
# (`div.kg-audio-player`: play and mute buttons, the time played and the length, "0:00/95", speed and volume).
AUDIO_TITLE = ".kg-audio-player-container > .kg-audio-title"
AUDIO_PLAYER = ".kg-audio-player-container > .kg-audio-player"


def rendered_by_ghost(page: Page) -> bool:
    """Whether Ghost rendered the page: its generator tag names Ghost."""
    return any(generator.startswith("Ghost") for generator in page.meta.get("generator", []))


def ghost_kind(page: Page) -> str | None:
    """The page's kind as Ghost's body classes name it; None for a page Ghost did not render."""
    if not rendered_by_ghost(page):
        return None
    body = page.tree.find("body")
    names = set((body.get("class") or "").split()) if body is not None else set()
    kind = next((kind for name, kind in BODY_KINDS if name in names), None)
    # a members-only post shown to a visitor: its preview at most, never the post (kind "protected", as WordPress's
    # password-protected post and Substack's paid one are)
    return "protected" if kind == "article" and upgrade_notices(page) else kind


def upgrade_notices(page: Page) -> list[HtmlElement]:
    """Ghost's notices for subscribers on the page: its own (UPGRADE_CTA), and a theme's, the child of the post's
    content that holds a Portal trigger to sign in or upgrade (PORTAL_TRIGGERS)."""
    notices = page.select(UPGRADE_CTA)
    for content in page.select(POST_CONTENT):
        for trigger in page.select(PORTAL_TRIGGERS, content):
            notice = next(e for e in (trigger, *trigger.iterancestors()) if e.getparent() is content)
            notices += [] if notice in notices else [notice]
    return notices


@contextmanager
def cards_as_text(page: Page) -> Iterator[None]:
    """Ghost's callout cards as paragraphs of their text for the time of the block: trafilatura drops a <div> of
    text with no <p> in it beside a post's headings and lists (a callout's words were missing from the text), and
    the card's emoji is its icon, no line of the post. A product card without its button: trafilatura dropped the
    whole card, the product's title and the writer's description, for the density of that one link. A file card's
    title and caption as paragraphs before its download link, and the link (the file's name and size, an icon's
    SVG title) no text: trafilatura dropped the card whole, that link all of it. An audio card's title as a
    paragraph and its player no text: the title was missing, or came with the player's "0:00/95"."""
    links = page.select(FILE_LINK)
    words = [(element, link.addprevious) for link in links for element in page.select(FILE_WORDS, link)]
    with (
        moved_as_paragraphs(words),
        detached([*page.select(CALLOUT_EMOJI), *page.select(PRODUCT_BUTTON), *links, *page.select(AUDIO_PLAYER)]),
        renamed([(text, "p") for text in page.select(f"{CALLOUT_TEXT}, {AUDIO_TITLE}")]),
    ):
        yield
