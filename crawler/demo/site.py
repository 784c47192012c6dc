"""The sample blog as a web site: every document the server answers with, for a request target.

Built on its content (crawler/demo/content.py); failing paths (`faults`) for tests, so a crawl meets the errors a
real blog has.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import parse_qs, urlsplit

from crawler.demo import feeds, render, theme
from crawler.demo.content import Blog, Post
from crawler.demo.pictures import png

PER_PAGE = 5
ARCHIVE_PER_PAGE = 10  # category, tag and author archives, paginated as WordPress does (/tag/x/page/2/)


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None


class DemoSite(Blog):
    """The sample blog answering HTTP requests (crawler/demo/server.py serves it)."""

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
            "/feed/": lambda: (
                Response(200, "application/rss+xml", feeds.rss(self, posts[:10])) if self.feed == "rss" else None
            ),
            "/feed/atom/": lambda: (
                Response(200, "application/atom+xml", feeds.atom(self, posts[:10])) if self.feed == "atom" else None
            ),
        }
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
        if taxonomy == "author" and slug in self.authors:
            return _html(render.author_page(self, self.authors[slug], shown, prev_url, next_url), None)
        return _html(render.listing_page(self, first_page, shown, prev_url, next_url), None)

    def _paginated(self, posts: list[Post], number: int) -> Response | None:
        pages = max(1, -(-len(posts) // PER_PAGE))
        if not 1 <= number <= pages:
            return None
        chosen = posts[(number - 1) * PER_PAGE : number * PER_PAGE]
        prev_url = self._page_url(number - 1) if number > 1 else None
        next_url = self._page_url(number + 1) if number < pages else None
        body = render.listing_page(
            self, self.name if number == 1 else f"{self.name} – page {number}", chosen, prev_url, next_url
        )
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
        links += [
            '<a href="/downloads/checklist/">Checklist</a>',
            '<a href="/empty/">Empty</a>',
            '<a href="/broken/">Broken</a>',
        ]
    return f'<p class="home-links">{" · ".join(links)}</p>'


def _html(text: str, modified: str | None) -> Response:
    stamp = datetime.fromisoformat(modified) if modified else None
    return Response(200, "text/html; charset=utf-8", text.encode("utf-8"), stamp)


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)
