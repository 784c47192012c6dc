"""The sample blog as data: posts, authors and every document the server answers with.

Built from the JSON files in content/. Mutable for tests (edit, add, delete posts, failing paths), so recrawls
can be checked against a site that changes between runs; `expected_posts()` is the ground truth.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crawler.demo import feeds, render, theme
from crawler.demo.pictures import png

PER_PAGE = 5
ARCHIVE_PER_PAGE = 10  # category, tag and author archives, paginated as WordPress does (/tag/x/page/2/)
COMMENTS = {
    "en": [("Sam Carter", "Tried this last weekend and it worked perfectly, thank you for the clear steps."),
           ("Priya N.", "Bookmarked. The list of common mistakes alone was worth the read.")],
    "de": [("Markus K.", "Vielen Dank für die ausführliche Anleitung, das probiere ich am Wochenende aus."),
           ("Sabine", "Genau das habe ich gesucht. Die Tipps sind wirklich praktisch.")],
    "ko": [("이서준", "자세한 설명 감사합니다. 이번 주말에 꼭 해볼게요."),
           ("박지현", "사진이 정말 예뻐요. 다음 글도 기대할게요.")],
}  # fmt: skip


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


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None


class DemoSite:
    def __init__(self, base: str = "http://127.0.0.1/", *, pagination: str = "path", sitemap: str = "wp",
                 feed: str = "rss", faults: bool = False, name: str = "Garden, Kitchen & Code") -> None:  # fmt: skip
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

    # -- content -----------------------------------------------------------------------------------------

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

    def edit_post(self, slug: str, *, title: str | None = None, paragraph: str | None = None) -> None:
        post = self.post(slug)
        post.title = title or post.title
        if paragraph:
            post.extra_paragraphs.append(paragraph)
        self._revision += 1
        post.modified = datetime.now(UTC).isoformat(timespec="seconds")  # to the second: a same-day recrawl sees it

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

    # -- routing -----------------------------------------------------------------------------------------

    def respond(self, target: str) -> Response | None:
        """The response for a request target (path and query); None for 404."""
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        if path in self.fail_paths:
            return Response(500, "text/html; charset=utf-8", b"<h1>Internal Server Error</h1>")
        for route in (self._documents, self._posts, self._listings, self._files):
            response = route(path, query)
            if response is not None:
                return response
        return None

    def _documents(self, path: str, query: dict[str, list[str]]) -> Response | None:
        index = {"wp": "/wp-sitemap.xml", "yoast": "/sitemap_index.xml"}.get(self.sitemap)
        posts = self.live_posts()
        half = len(posts) // 2
        xml = "application/xml"
        documents = {
            "/robots.txt": lambda: Response(200, "text/plain", feeds.robots(self.base, index)),
            "/feed/": lambda: Response(200, "application/rss+xml", feeds.rss(self, posts[:10]))
            if self.feed == "rss" else None,
            "/feed/atom/": lambda: Response(200, "application/atom+xml", feeds.atom(self, posts[:10]))
            if self.feed == "atom" else None,
        }  # fmt: skip
        if index:
            children = ["/wp-sitemap-posts-post-1.xml", "/post-sitemap.xml.gz"]
            documents[index] = lambda: Response(200, xml, feeds.sitemap_index(self.base, children))
            documents[children[0]] = lambda: Response(200, xml, feeds.urlset(self.base, posts[:half]))
            documents[children[1]] = lambda: Response(
                200, "application/gzip", gzip.compress(feeds.urlset(self.base, posts[half:]), mtime=0)
            )
        if self.faults:
            documents["/downloads/checklist/"] = lambda: Response(200, "application/pdf", b"%PDF-1.4\n%demo\n")
            documents["/empty/"] = lambda: Response(200, "text/html; charset=utf-8", b"")
        make = documents.get(path)
        return make() if make else None

    def _posts(self, path: str, query: dict[str, list[str]]) -> Response | None:
        alias = re.fullmatch(r"/p/(\d+)/", path)
        index = self._indexed()
        post = index.by_id.get(int(alias.group(1))) if alias else index.by_path.get(path)
        if post is not None:
            if post.deleted:
                return Response(410, "text/html; charset=utf-8", b"<h1>Gone</h1>")
            return _html(render.post_page(self, post), post.modified)
        if path == "/about/":
            return _html(render.page(self, "About", "<h1>About</h1><p>A sample blog for blogarchive.</p>"), None)
        return None

    def _listings(self, path: str, query: dict[str, list[str]]) -> Response | None:
        number = _page_number(path, query, self.pagination)
        if number is not None:
            return self._paginated(self.live_posts(), number)
        archive = re.fullmatch(r"(/(category|tag|author)/([^/]+)/)(?:page/(\d+)/)?", path)
        if archive is None:
            return None
        first_page, taxonomy, slug, number = archive.group(1), archive.group(2), archive.group(3), archive.group(4)
        chosen, number = self._indexed().archives.get((taxonomy, slug), []), int(number or 1)
        pages = -(-len(chosen) // ARCHIVE_PER_PAGE)
        if not 1 <= number <= pages:
            return None
        prev_url = (first_page if number == 2 else f"{first_page}page/{number - 1}/") if number > 1 else None
        next_url = f"{first_page}page/{number + 1}/" if number < pages else None
        shown = chosen[(number - 1) * ARCHIVE_PER_PAGE : number * ARCHIVE_PER_PAGE]
        return _html(render.listing_page(self, first_page, shown, prev_url, next_url), None)

    def _paginated(self, posts: list[Post], number: int) -> Response | None:
        pages = max(1, -(-len(posts) // PER_PAGE))
        if not 1 <= number <= pages:
            return None
        chosen = posts[(number - 1) * PER_PAGE : number * PER_PAGE]
        prev_url = self._page_url(number - 1) if number > 1 else None
        next_url = self._page_url(number + 1) if number < pages else None
        body = render.listing_page(self, self.name if number == 1 else f"{self.name} – page {number}", chosen,
                                   prev_url, next_url)  # fmt: skip
        if number == 1:
            body = body.replace("</main>", _extra_links(self) + "</main>")
        return _html(body, None)

    def _page_url(self, number: int) -> str:
        if number == 1:
            return "/"
        return f"/page/{number}/" if self.pagination == "path" else f"/?page={number}"

    def _files(self, path: str, query: dict[str, list[str]]) -> Response | None:
        if path.endswith(".png") and (path.startswith(("/wp-content/uploads/", "/avatars/", "/icons/", "/ads/"))):
            return Response(200, "image/png", png(path))
        if path == "/pixel.gif":
            return Response(200, "image/gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
        if (found := theme.theme_file(path)) is not None:
            return Response(200, *found)
        return None


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


def _page_number(path: str, query: dict[str, list[str]], style: str) -> int | None:
    if path == "/":
        raw = query.get("page", ["1"])[0] if style == "query" else "1"
        return int(raw) if raw.isdigit() else None
    match = re.fullmatch(r"/page/(\d+)/", path)
    return int(match.group(1)) if match and style == "path" else None


def _extra_links(site: DemoSite) -> str:
    """Links a real home page has that a crawler must cope with: an alias URL, tracking parameters, faults."""
    first = site.live_posts()[-1]
    links = [f'<a href="/p/{first.id}/">Our first post</a>', '<a href="/about/?utm_source=home&fbclid=x">About</a>']
    if site.faults:
        links += ['<a href="/downloads/checklist/">Checklist</a>', '<a href="/empty/">Empty</a>',
                  '<a href="/broken/">Broken</a>']  # fmt: skip
    return f'<p class="home-links">{" · ".join(links)}</p>'


def _html(text: str, modified: str | None) -> Response:
    stamp = datetime.fromisoformat(modified) if modified else None
    return Response(200, "text/html; charset=utf-8", text.encode("utf-8"), stamp)


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def _load(name: str) -> Any:
    return json.loads(resources.files("crawler.demo").joinpath("content", name).read_text("utf-8"))
