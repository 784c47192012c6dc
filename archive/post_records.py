"""One site's posts as whole records — the post, its people, tags, categories and images with their files — for the
exports that make one document per post (Markdown, EPUB). Read-only; posts stream one at a time, oldest first.

A post gone from the web (gone_at) is exported like any other: keeping it is what the archive is for.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from archive.errors import FilterError
from archive.filters import Filters


@dataclass(frozen=True)
class PostImage:
    src: str
    alt: str | None
    caption: str | None
    local_path: str | None  # relative to the crawl's media folder (--media); None when not downloaded


@dataclass
class PostRecord:
    id: int
    url: str
    site: str
    title: str | None
    published: str | None
    updated: str | None
    language: str | None
    description: str | None
    markdown: str
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    images: list[PostImage] = field(default_factory=list)

    def captions(self) -> Callable[[str], str | None]:
        """A caption for each showing of a picture in the post's order: called with a picture's address, the
        caption of its next showing. A post may show one photo twice under two captions, two images of one src
        (crawler/extraction/images.py); past its last showing, a picture keeps that one's caption."""
        showings: dict[str, list[str | None]] = {}
        for image in self.images:
            showings.setdefault(image.src, []).append(image.caption)

        def caption(src: str) -> str | None:
            left = showings.get(src) or [None]
            return left.pop(0) if len(left) > 1 else left[0]

        return caption

    def image_file(self, src: str, media: Path | None) -> Path | None:
        """The downloaded file of the image `src` under the media folder, if it is there."""
        found = next((image for image in self.images if image.src == src and image.local_path), None)
        if media is None or found is None:
            return None
        path = media / found.local_path
        return path if path.is_file() else None


def one_site(conn: sqlite3.Connection, filters: Filters) -> str:
    """The site the export is about: --site, or the archive's only one. FilterError when it holds several and none
    was chosen, or none."""
    filters.check(conn)
    if filters.site:
        return filters.site
    sites = [site for (site,) in conn.execute("SELECT site FROM articles GROUP BY site ORDER BY count(*) DESC")]
    if not sites:
        raise FilterError("the archive has no posts yet; crawl a blog first")
    if len(sites) > 1:
        shown = ", ".join(sites[:8]) + (" …" if len(sites) > 8 else "")
        raise FilterError(f"the archive holds {len(sites)} sites; choose one with --site ({shown})")
    return sites[0]


_ORDER = "ORDER BY a.published IS NULL, datetime(a.published), a.id"


def site_post_urls(conn: sqlite3.Connection, site: str, filters: Filters) -> dict[int, str]:
    """id → URL of the posts site_posts() gives, in the same order."""
    clauses, params = replace(filters, site=site).where("a")
    return dict(conn.execute(f"SELECT a.id, a.url FROM articles a WHERE {' AND '.join(clauses)} {_ORDER}", params))


def site_posts(conn: sqlite3.Connection, site: str, filters: Filters) -> Iterator[PostRecord]:
    """The posts of `site` that pass `filters`, oldest first (undated ones last), one at a time."""
    clauses, params = replace(filters, site=site).where("a")
    cursor = conn.execute(
        "SELECT a.id, a.url, a.site, a.title, a.published, a.updated, a.language, a.description, a.markdown,"
        " a.tags, a.categories, v.authors FROM articles a JOIN v_posts v ON v.id = a.id"
        f" WHERE {' AND '.join(clauses)} {_ORDER}",
        params,
    )
    for row in cursor:
        post = PostRecord(*row[:9])
        post.tags, post.categories, post.authors = (json.loads(value or "[]") for value in row[9:12])
        post.images = [
            PostImage(*image)
            for image in conn.execute(
                "SELECT src, alt, caption, local_path FROM images WHERE article_id = ? ORDER BY position", (post.id,)
            )
        ]
        yield post
