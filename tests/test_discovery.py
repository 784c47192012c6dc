import gzip

from crawler.discovery.feeds import feed_links
from crawler.discovery.sitemaps import parse_sitemap, sitemaps_from_robots
from crawler.items import FetchedPage

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://a.org/one/</loc><lastmod>2024-05-01T10:00:00+00:00</lastmod></url>
  <url><loc> https://a.org/two/ </loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://a.org/wp-sitemap-posts-post-1.xml</loc></sitemap>
  <sitemap><loc>https://a.org/post-sitemap.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_urlset_gives_pages_with_lastmod():
    entries = parse_sitemap(URLSET)
    assert [(e.url, e.lastmod, e.is_sitemap) for e in entries] == [
        ("https://a.org/one/", "2024-05-01T10:00:00+00:00", False),
        ("https://a.org/two/", None, False),
    ]


def test_sitemap_index_gives_sitemaps():
    assert [(e.url, e.is_sitemap) for e in parse_sitemap(INDEX)] == [
        ("https://a.org/wp-sitemap-posts-post-1.xml", True),
        ("https://a.org/post-sitemap.xml.gz", True),
    ]


def test_gzip_sitemap_is_decompressed():
    assert [e.url for e in parse_sitemap(gzip.compress(URLSET))] == ["https://a.org/one/", "https://a.org/two/"]


def test_html_is_not_a_sitemap():
    assert parse_sitemap(b"<html><body><p>hello</p></body></html>") == []
    assert parse_sitemap(b"") == []


def test_robots_sitemap_lines():
    robots = b"User-agent: *\nDisallow: /wp-admin/\nSitemap: https://a.org/sitemap_index.xml\n"
    assert sitemaps_from_robots(robots, "https://a.org/robots.txt") == ["https://a.org/sitemap_index.xml"]


def test_rss_feed_links():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>A</title><link>https://a.org/a/</link><pubDate>Mon, 06 May 2024 10:00:00 +0000</pubDate></item>
      <item><title>B</title><guid isPermaLink="true">https://a.org/b/</guid></item>
    </channel></rss>"""
    assert feed_links(rss, "https://a.org/feed/") == [
        ("https://a.org/a/", None),  # a pubDate says when it was published, not whether it changed since
        ("https://a.org/b/", None),
    ]


def test_atom_feed_links_resolve_relative_hrefs():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>A</title><link rel="alternate" type="text/html" href="/2024/a/"/>
        <link rel="replies" href="/2024/a/#comments"/><updated>2024-05-06T10:00:00Z</updated></entry>
    </feed>"""
    assert feed_links(atom, "https://a.org/feed/atom/") == [("https://a.org/2024/a/", "2024-05-06T10:00:00Z")]


def test_garbage_is_not_a_feed():
    assert feed_links(b"\x00\x01binary", "https://a.org/") == []


def test_a_sitemap_is_known_by_its_first_bytes_whatever_its_content_type():
    """A static host serving a sitemap saved as /sitemap/index.html calls it text/html: it was taken for a page and
    its entries never read. What precedes the root (BOM, XML declaration, stylesheet, comment) is skipped; an HTML
    page that only mentions a urlset is no sitemap."""
    sitemaps = [
        URLSET,
        INDEX,
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<?xml-stylesheet href="/sitemap.xsl"?>\n<!-- Yoast -->\n<sitemapindex>',
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.org/</loc></url></urlset>',
    ]
    pages = [b"<!doctype html><html><head><title>urlset</title>", b"<html><body><urlset>", b"<urlsets>", b""]
    for body in sitemaps:
        fetched = FetchedPage("https://a.org/sitemap/", 200, "text/html", "2024-01-01T00:00:00+00:00", body)
        assert not fetched.is_html, body
    for body in pages:
        fetched = FetchedPage("https://a.org/sitemap/", 200, "text/html", "2024-01-01T00:00:00+00:00", body)
        assert fetched.is_html, body
