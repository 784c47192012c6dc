"""A feed that the server calls text/html (a static host serving a feed saved as /blog/feed/index.html, as a
static copy of a Wagtail/Puput blog does) is read as a feed, never stored as a post."""

from __future__ import annotations

from tests.hostile.servers import crawl, page, post

RSS = """<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>
<rss version="2.0"><channel><title>Field Notes Blog</title><link>{base}blog/</link>
<description>Walking, bread and photography</description>
<item><title>Rye bread</title><link>{base}blog/rye/</link><description>&lt;p&gt;{text}&lt;/p&gt;</description>
<pubDate>Sat, 10 Feb 2024 13:20:00 +0000</pubDate></item>
<item><title>Only in the feed</title><link>{base}blog/hidden/</link><description>&lt;p&gt;{text}&lt;/p&gt;</description>
<pubDate>Sun, 11 Feb 2024 13:20:00 +0000</pubDate></item>
</channel></rss>
"""


def test_a_feed_served_as_text_html_is_read_as_a_feed_not_stored_as_a_post(world, tmp_path, db):
    """The RSS at /blog/feed/ came as text/html and was extracted as a page: stored as an article titled with the
    channel's title, and the posts it lists were not read from it."""
    blog, _, sink = world
    blog.routes["/"] = page("/blog/rye/", "/blog/feed/", title="Home")
    text = "A post long enough to be an article, about rye and the oven. " * 8
    blog.routes["/blog/feed/"] = (200, {"Content-Type": "text/html"}, RSS.format(base=blog.base, text=text).encode())
    blog.routes["/blog/rye/"] = post("Rye bread")
    blog.routes["/blog/hidden/"] = post("Only in the feed")
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(blog.base.rstrip("/")): title for url, title in db("SELECT url, title FROM articles")}
    assert stored == {"/blog/rye/": "Rye bread", "/blog/hidden/": "Only in the feed"}
    assert db("SELECT kind FROM pages WHERE url = ?", blog.base + "blog/feed/") == [("feed",)]
