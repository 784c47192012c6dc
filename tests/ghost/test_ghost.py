"""A real Ghost blog crawled as its users run it (tests/ghost/conftest.py), held against Ghost's own database: every
post archived and nothing else, each with its title, publication moment, authors and tags in Ghost's order, its
text with its code and captions, its pictures and feature image; and a post whose slug an editor changed is the same
post, moved, where the crawl reads its Ghost id."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime
from typing import Any

import pytest

from tests.ghost.conftest import SLUG_CHANGES

# Ghost serves a picture resized at /content/images/size/w2000/… beside the original at /content/images/…
_SIZED = re.compile(r"/content/images/size/w\d+/")
THEMES = ("source", "casper")


def _truth(ghost: dict[str, Any], crawl: str) -> dict[str, dict[str, Any]]:
    """Ghost's posts when the crawl ran: Casper's crawl ran after the slugs changed."""
    return ghost["truth" if crawl == "source" else "truth_moved"]["posts"]


def _rows(ghost: dict[str, Any], crawl: str, sql: str, *params: object) -> list[sqlite3.Row]:
    connection = sqlite3.connect(ghost[crawl].db)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _archived(ghost: dict[str, Any], crawl: str) -> dict[str, dict[str, Any]]:
    posts = {}
    for row in _rows(ghost, crawl, "SELECT * FROM articles WHERE retired_at IS NULL AND gone_at IS NULL"):
        authors = _rows(
            ghost,
            crawl,
            "SELECT a.name FROM article_authors aa JOIN authors a ON a.id = aa.author_id WHERE aa.article_id = ?"
            " ORDER BY aa.position",
            row["id"],
        )
        images = _rows(
            ghost, crawl, "SELECT src, caption FROM images WHERE article_id = ? ORDER BY position", row["id"]
        )
        posts[row["url"]] = {
            **dict(row),
            "authors": [a["name"] for a in authors],
            "images": [(_SIZED.sub("/content/images/", i["src"]), i["caption"]) for i in images],
        }
    return posts


@pytest.mark.parametrize("theme", THEMES)
def test_every_ghost_post_is_archived_and_no_page_or_listing(ghost_blog, theme):
    assert ghost_blog[theme].returncode == 0, ghost_blog[theme].stderr
    assert set(_archived(ghost_blog, theme)) == set(_truth(ghost_blog, theme))


@pytest.mark.parametrize("theme", THEMES)
def test_each_ghost_post_is_archived_as_ghost_holds_it(ghost_blog, theme):
    archived = _archived(ghost_blog, theme)
    wrong = []
    for url, truth in _truth(ghost_blog, theme).items():
        post = archived[url]
        text = " ".join(post["text"].split())
        published = datetime.fromisoformat(post["published"]) if "T" in (post["published"] or "") else None
        tags = json.loads(post["tags"] or "[]") + json.loads(post["categories"] or "[]")
        sources = [src for src, _ in post["images"]]
        found = {
            "title": post["title"] == truth["title"],
            "published": published == datetime.fromisoformat(truth["published"].replace("Z", "+00:00")),
            "zone": published is not None and published.utcoffset() is not None,
            "authors": post["authors"] == truth["authors"],
            "tags": tags == truth["tags"],
            "text": all(" ".join(piece.split()) in text for piece in [*truth["code"], *truth["captions"]])
            and truth["text"][:60] in text,
            "images": all(src in sources for src in truth["images"]),
            "feature image": truth["feature_image"] is None or truth["feature_image"] in sources,
            "captions": all(caption in [c for _, c in post["images"]] for caption in truth["image_captions"]),
        }
        wrong += [f"{url}: {name}" for name, right in found.items() if not right]
    assert wrong == []


def test_a_ghost_post_whose_slug_changed_is_the_same_post_where_the_feed_gives_its_id(ghost_blog):
    """`fog` is in Ghost's RSS feed, which names its id: moved, one row, its history kept. `notebook-3`, older than
    the feed's newest fifteen, has no id the crawl can read on a blog without Ghost's comments: gone, and new."""
    moved = ghost_blog["moved"]
    assert moved.returncode == 0, moved.stderr
    url = ghost_blog["url"]
    (old, new), _ = SLUG_CHANGES
    addresses = [tuple(r) for r in _rows(ghost_blog, "moved", "SELECT url, moved_to FROM article_addresses")]
    assert addresses == [(f"{url}{old}/", f"{url}{new}/")]
    truth = _truth(ghost_blog, "moved")
    assert set(_archived(ghost_blog, "moved")) == set(truth)
    (row,) = _rows(ghost_blog, "moved", "SELECT platform_id FROM articles WHERE url = ?", f"{url}{new}/")
    assert row["platform_id"] == f"{url}ghost/#/editor/post/{truth[f'{url}{new}/']['id']}"
