"""The sample blog's content: posts and authors from the JSON files in content/, and the changes tests make.

Mutable for tests (edit, add, delete posts), so recrawls can be checked against a site that changes between runs;
`expected_posts()` is the ground truth. How the blog answers requests is crawler/demo/site.py.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from typing import Any

COMMENTS = {
    "en": [
        ("Sam Carter", "Tried this last weekend and it worked perfectly, thank you for the clear steps."),
        ("Priya N.", "Bookmarked. The list of common mistakes alone was worth the read."),
    ],
    "de": [
        ("Markus K.", "Vielen Dank für die ausführliche Anleitung, das probiere ich am Wochenende aus."),
        ("Sabine", "Genau das habe ich gesucht. Die Tipps sind wirklich praktisch."),
    ],
    "ko": [
        ("이서준", "자세한 설명 감사합니다. 이번 주말에 꼭 해볼게요."),
        ("박지현", "사진이 정말 예뻐요. 다음 글도 기대할게요."),
    ],
}


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or f"t{zlib.crc32(text.encode()):x}"


@dataclass
class Author:
    slug: str
    name: str
    bio: str
    count_label: str
    links: list[str]
    language: str = "en"


@dataclass
class Post:
    id: int
    slug: str
    lang: str
    title: str
    date: str
    authors: list[str]
    category: str
    tags: list[str]
    intro: str
    heading: str
    items: list[str]
    outro: str
    figures: list[dict[str, Any]]
    modified: str = ""  # ISO 8601 date-time of the last change (publication until edited)
    comments: list[dict[str, str]] = field(default_factory=list)
    extra_paragraphs: list[str] = field(default_factory=list)
    deleted: bool = False

    @property
    def path(self) -> str:
        return f"/{self.date[:4]}/{self.date[5:7]}/{self.slug}/"

    @property
    def category_slug(self) -> str:
        return slugify(self.category)

    def tag_pairs(self) -> list[tuple[str, str]]:
        return [(slugify(tag), tag) for tag in self.tags]

    def image_path(self, number: int) -> str:
        return f"/wp-content/uploads/{self.date[:4]}/{self.date[5:7]}/{self.slug}-{number}.png"


class Blog:
    """The sample blog's content and settings: posts, authors, and the changes tests make to them."""

    def __init__(
        self,
        base: str = "http://127.0.0.1/",
        *,
        pagination: str = "path",
        sitemap: str = "wp",
        feed: str = "rss",
        faults: bool = False,
        name: str = "Garden, Kitchen & Code",
    ) -> None:
        self.base = base
        self.name = name
        self.pagination, self.sitemap, self.feed, self.faults = pagination, sitemap, feed, faults
        self.fail_paths: set[str] = {"/broken/"} if faults else set()
        self.theme_head = ""  # markup every page's <head> carries (the benchmark's theme styles and scripts)
        self.authors = {a["slug"]: Author(**a) for a in _load("authors.json")}
        self.posts: list[Post] = []
        self._revision = 0  # bumped by every change through the methods below; keys the cached _Index
        self._index: tuple[tuple[int, int, int], _Index] | None = None
        for lang in ("en", "de", "ko"):
            for raw in _load(f"posts_{lang}.json"):
                self.add_post({**raw, "lang": lang})

    def add_post(self, raw: dict[str, Any]) -> Post:
        post = Post(id=len(self.posts) + 1, **raw)
        post.modified = post.modified or f"{post.date}T09:00:00+00:00"
        if post.id % 4 == 1:
            post.comments = [{"author": a, "text": t, "date": post.date} for a, t in COMMENTS[post.lang]]
        self.posts.append(post)
        self._revision += 1
        return post

    def post(self, slug: str) -> Post:
        return next(p for p in self.posts if p.slug == slug)

    def _indexed(self) -> _Index:
        """Lookups every page render needs, rebuilt only after a change: without them a site of N posts costs
        O(N) per page (menus, widgets, related posts), and the benchmark's static mirror of 10,000 posts O(N²)."""
        key = (id(self.posts), len(self.posts), self._revision)
        if self._index is None or self._index[0] != key:
            self._index = (key, _Index(self.posts))
        return self._index[1]

    def edit_post(
        self,
        slug: str,
        *,
        title: str | None = None,
        paragraph: str | None = None,
        tags: list[str] | None = None,
        comments: list[dict[str, str]] | None = None,
    ) -> None:
        """Change the post as its author would: a new title, a paragraph added, other tags; `comments` (author,
        text, date) replace its comments, as approving a new one and deleting another would."""
        post = self.post(slug)
        post.title = title or post.title
        if paragraph:
            post.extra_paragraphs.append(paragraph)
        post.tags = post.tags if tags is None else tags
        post.comments = post.comments if comments is None else comments
        self._revision += 1
        post.modified = datetime.now(UTC).isoformat(timespec="seconds")  # to the second: a same-day recrawl sees it

    def edit_author(self, slug: str, *, bio: str) -> None:
        """A new bio for an author: their author box on every post and their author page show it."""
        self.authors[slug].bio = bio
        self._revision += 1

    def delete_post(self, slug: str) -> None:
        self.post(slug).deleted = True
        self._revision += 1

    def live_posts(self) -> list[Post]:
        """Newest first."""
        return self._indexed().live

    def expected_posts(self) -> list[tuple[str, str]]:
        """(canonical URL, title) of every post a complete crawl must archive."""
        return [(self.base.rstrip("/") + p.path, p.title) for p in self.live_posts()]

    def categories(self) -> list[tuple[str, str]]:
        return self._indexed().categories

    def tags(self) -> list[tuple[str, str]]:
        return self._indexed().tags

    def in_category(self, category: str) -> list[Post]:
        """Live posts of `category`, newest first."""
        return self._indexed().by_category.get(category, [])


class _Index:
    def __init__(self, posts: list[Post]) -> None:
        self.live = sorted((p for p in posts if not p.deleted), key=lambda p: (p.date, p.id), reverse=True)
        self.by_path = {post.path: post for post in posts}
        self.by_id = {post.id: post for post in posts}
        self.by_category: dict[str, list[Post]] = {}
        self.archives: dict[tuple[str, str], list[Post]] = {}  # (category|tag|author, slug) → posts
        for post in self.live:
            self.by_category.setdefault(post.category, []).append(post)
            self.archives.setdefault(("category", post.category_slug), []).append(post)
            for slug, _ in post.tag_pairs():
                self.archives.setdefault(("tag", slug), []).append(post)
            for slug in post.authors:
                self.archives.setdefault(("author", slug), []).append(post)
        self.categories = sorted({(p.category_slug, p.category) for p in self.live})
        self.tags = sorted({pair for p in self.live for pair in p.tag_pairs()})


def _load(name: str) -> Any:
    return json.loads(resources.files("crawler.demo").joinpath("content", name).read_text("utf-8"))
