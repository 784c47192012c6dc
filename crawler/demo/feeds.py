"""robots.txt, sitemaps and feeds of the sample blog."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from crawler.demo.content import Blog, Post


def robots(base: str, sitemap_path: str | None) -> bytes:
    lines = ["User-agent: *", "Disallow: /wp-admin/", "Allow: /wp-admin/admin-ajax.php"]
    if sitemap_path:
        lines.append(f"Sitemap: {base.rstrip('/')}{sitemap_path}")
    return ("\n".join(lines) + "\n").encode()


def sitemap_index(base: str, children: list[str]) -> bytes:
    items = "".join(f"<sitemap><loc>{escape(base.rstrip('/') + c)}</loc></sitemap>" for c in children)
    return _xml(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>')


def urlset(base: str, posts: list[Post]) -> bytes:
    items = "".join(
        f"<url><loc>{escape(base.rstrip('/') + p.path)}</loc><lastmod>{p.modified}</lastmod></url>" for p in posts
    )
    return _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>')


def rss(site: Blog, posts: list[Post]) -> bytes:
    items = "".join(
        f"<item><title>{escape(p.title)}</title>"
        f"<link>{escape(site.base.rstrip('/') + p.path)}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<pubDate>{_rfc822(p.date)}</pubDate><description>{escape(p.intro)}</description></item>"
        for p in posts
    )
    channel = f"<title>{escape(site.name)}</title><link>{escape(site.base)}</link><description>demo</description>"
    return _xml(f'<rss version="2.0"><channel>{channel}{items}</channel></rss>')


def atom(site: Blog, posts: list[Post]) -> bytes:
    entries = "".join(
        f'<entry><title>{escape(p.title)}</title><link rel="alternate" href="{escape(p.path)}"/>'
        f"<id>{escape(site.base.rstrip('/') + p.path)}</id><updated>{p.modified}</updated></entry>"
        for p in posts
    )
    head = f"<title>{escape(site.name)}</title><id>{escape(site.base)}</id><updated>2024-08-08T09:00:00Z</updated>"
    return _xml(f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{escape(site.base)}">{head}{entries}</feed>')


def _rfc822(day: str) -> str:
    return format_datetime(datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC))


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")
