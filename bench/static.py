"""Write a DemoSite to disk as static files, so nginx can serve it: posts directly, everything else (listings,
category/tag/author pages, sitemaps, feeds, robots.txt) by following links from the home page and sitemaps."""

from __future__ import annotations

import os
import re
from collections import deque
from datetime import datetime
from pathlib import Path

from crawler.demo import render
from crawler.demo.site import DemoSite

_LINK = re.compile(rb'(?:href="|<loc>)(?:https?://[^/"<]+)?(/[^"#?<]*)')
SEEDS = ("/", "/robots.txt", "/wp-sitemap.xml", "/sitemap_index.xml", "/feed/", "/feed/atom/")


def write_static_site(site: DemoSite, root: Path) -> list[str]:
    """Render every page of `site` under `root` (a path ending in / becomes …/index.html); the paths of its HTML
    pages (posts, listings, archives), which the crawl will extract.

    Each file's mtime is its page's modification time, so nginx sends a truthful Last-Modified and answers
    conditional GETs with 304, as a real blog's server does.
    """
    posts = site.live_posts()
    queue, seen = deque(SEEDS), set(SEEDS) | {post.path for post in posts}

    def follow(body: bytes) -> None:
        for match in _LINK.finditer(body):
            link = match.group(1).decode()
            if link not in seen and not link.endswith(".png"):
                seen.add(link)
                queue.append(link)

    html_pages = []
    for post in posts:
        body = render.post_page(site, post).encode()
        _write(root, post.path, body, post.modified)
        html_pages.append(post.path)
        follow(body)
    while queue:
        path = queue.popleft()
        response = site.respond(path)
        if response is None or response.status != 200:
            continue
        _write(root, path, response.body, None)
        if response.content_type.startswith("text/html"):
            html_pages.append(path)
        follow(response.body)
    return html_pages


def _write(root: Path, path: str, body: bytes, modified: str | None) -> None:
    target = root / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    if modified:
        stamp = datetime.fromisoformat(modified).timestamp()
        os.utime(target, (stamp, stamp))
