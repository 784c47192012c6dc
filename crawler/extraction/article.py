"""The record extraction produces: the one contract between crawling and archiving.

Field names follow schema.org Article in snake_case. Optional fields default to None, lists to empty.
`to_dict()` gives the plain-dict form that the archive and `blogarchive extract` consume.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from crawler.extraction.pagekind import PageEvidence


@dataclass
class Person:
    """An author as the page names them (byline, JSON-LD, meta)."""

    name: str
    url: str | None = None


@dataclass
class AuthorBox:
    """The 'about the author' box a theme shows near the post."""

    name: str
    bio: str | None = None
    url: str | None = None
    avatar_url: str | None = None
    article_count: int | None = None
    links: list[str] = field(default_factory=list)


@dataclass
class Image:
    """One of the post's own images, in document order (position starts at 1)."""

    src: str
    position: int
    alt: str | None = None
    title: str | None = None
    caption: str | None = None
    width: int | None = None
    height: int | None = None


@dataclass
class Comment:
    """One comment, in page order: a reply follows its parent. `id` is the platform's own (WordPress's comment
    number), `parent` the `id` of the comment it answers (None at the top level), `depth` 1 at the top level."""

    author: str | None = None
    published: str | None = None
    text: str = ""
    id: str | None = None
    parent: str | None = None
    depth: int = 1
    author_url: str | None = None


@dataclass(kw_only=True)
class Metadata:
    """What a page says of its post beyond its text: the fields extract_metadata() (crawler/extraction/metadata.py)
    fills, declared once here for both it and `Article`."""

    canonical_url: str | None = None
    title: str | None = None
    authors: list[Person] = field(default_factory=list)
    published: str | None = None  # ISO 8601
    updated: str | None = None  # ISO 8601
    sitename: str | None = None
    description: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Article(Metadata):
    url: str
    # The post's own identity on its platform, which stays when its address changes: WordPress's shortlink form of
    # its ID, `https://site/?p=123` (crawler/extraction/identity.py). None where the page prints none.
    platform_id: str | None = None
    author: str | None = None  # display string; several authors joined with ", "
    language: str | None = None  # ISO 639-1
    text: str = ""
    markdown: str = ""
    word_count: int = 0
    author_box: AuthorBox | None = None
    author_boxes: list[AuthorBox] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    # page kind: article, listing, tag, category, author, archive, search, attachment, protected (a post behind a
    # password form or a paywall: WordPress's password form, Substack's paywall, Ghost's members-only notice, a
    # password field where an encrypted post's text would be), other
    kind: str = "article"
    kind_reason: str | None = None  # why the page is of that kind (crawler/extraction/pagekind.py)
    # What the page's markup says of its kind: the crawl decides again with what it knows of the site.
    evidence: PageEvidence | None = None
    # What extract() did to read a page it would otherwise have lost ("2 NUL characters removed"): the crawl says so.
    repairs: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, metadata: Metadata, **values: Any) -> Article:
        """The record of a page whose metadata is `metadata` and whose other fields are `values`."""
        return cls(**{known.name: getattr(metadata, known.name) for known in fields(Metadata)}, **values)

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, **asdict(self)}  # the URL first, as `blogarchive extract` prints it
