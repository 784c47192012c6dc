"""Every feed format is read as discovery: a JSON Feed advertised by <link rel=alternate>, and an RSS feed a plain
link leads to (a tag page's RSS icon, Hugo's /tags/x/index.xml served as application/xml) — their posts crawled,
the feeds stored as feeds, no "not an HTML page" error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.discovery.feeds import feed_entries
from crawler.items import FetchedPage
from tests.hostile.servers import Server, post, serve


def _site() -> Server:
    home = (
        '<!doctype html><html><head><title>Notes</title><link rel="alternate" type="application/feed+json"'
        ' href="/feed.json"></head><body><p><a href="/tags/bread/index.xml">RSS of the bread tag</a></p></body></html>'
    )
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Notes",
        "items": [{"id": "1", "url": "/2024/05/rye/", "date_published": "2024-05-01T08:00:00Z"}],
    }
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>bread</title><link>/tags/bread/</link>'
        "<item><title>Spelt</title><link>/2024/06/spelt/</link><pubDate>Sat, 01 Jun 2024 08:00:00 +0000</pubDate>"
        "</item></channel></rss>"
    )
    return Server(
        routes={
            "/": (200, {}, home.encode()),
            "/feed.json": (200, {"Content-Type": "application/feed+json"}, json.dumps(json_feed).encode()),
            "/tags/bread/index.xml": (200, {"Content-Type": "application/xml"}, rss.encode()),
            "/2024/05/rye/": post("Rye"),
            "/2024/06/spelt/": post("Spelt"),
        }
    )


def test_a_json_feed_and_a_linked_tag_feed_are_read_for_their_posts(crawl, db):
    with serve(_site()) as site:
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert sorted(url for (url,) in db("SELECT url FROM articles")) == [
        site.base + "2024/05/rye/",
        site.base + "2024/06/spelt/",
    ]
    kinds = dict(db("SELECT url, kind FROM pages WHERE url LIKE '%feed.json' OR url LIKE '%index.xml'"))
    assert kinds == {site.base + "feed.json": "feed", site.base + "tags/bread/index.xml": "feed"}
    assert db("SELECT url, message FROM crawl_errors") == []


def test_a_feed_only_an_icons_link_leads_to_is_read_though_its_name_ends_in_rss(crawl, db):
    """VitePress's blog themes link /feed.rss from an icon, with no <link rel=alternate>; its items date the posts
    and name their author, which the pages do not print."""
    home = (
        '<!doctype html><html><head><title>Notes</title></head><body><a class="VPSocialLink" aria-label="RSS" '
        'href="/feed.rss"><svg></svg></a><a href="/posts/rye.html">Rye</a></body></html>'
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title><link>/</link><item><title>Rye</title>'
        "<link>/posts/rye.html</link><pubDate>Sat, 03 Feb 2024 09:30:00 GMT</pubDate><author>Ana Lima</author>"
        "</item></channel></rss>"
    )
    routes = {
        "/": (200, {}, home.encode()),
        "/feed.rss": (200, {"Content-Type": "application/rss+xml"}, rss.encode()),
        "/posts/rye.html": post("Rye"),
    }
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url, author, substr(published, 1, 10) FROM articles") == [
        (site.base + "posts/rye.html", "Ana Lima", "2024-02-03")
    ]
    assert db("SELECT kind FROM pages WHERE url LIKE '%feed.rss'") == [("feed",)]


def test_a_feed_item_whose_address_urllib_cannot_read_costs_that_item_only():
    items = [
        {"id": "1", "url": "/a-post/", "date_published": "2024-05-01T00:00:00Z", "content_text": "Hello"},
        {"id": "2", "url": "http://[2001:db8::1/", "date_published": "2024-05-02T00:00:00Z"},
        {"id": "3", "url": "http://blog.example:99999/", "date_published": "2024-05-03T00:00:00Z"},
    ]
    json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Blog", "items": items})
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>'
        '<entry><title>Bad</title><link href="http://[2001:db8::1/"/></entry>'
        '<entry><title>Good</title><link href="/a-post/"/><published>2024-05-01T00:00:00Z</published></entry></feed>'
    )
    for body in (json_feed.encode(), atom.encode()):
        assert [entry.url for entry in feed_entries(body, "https://blog.example/feed")] == [
            "https://blog.example/a-post/"
        ]


def test_a_feed_is_known_by_its_first_bytes_whatever_its_content_type():
    """A static host serving a feed saved as /blog/feed/index.html calls it text/html: it was taken for a page and
    stored as a post. What precedes a feed's root (BOM, XML declaration, stylesheet, comment, RSS 0.91's doctype)
    is skipped; an HTML page, or a <feed> element outside Atom's namespace, is no feed."""
    feeds = [
        b'\xef\xbb\xbf\n<?xml version="1.0"?>\n<?xml-stylesheet href="/rss.xsl"?>\n<!-- cached -->\n<rss>',
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd">\n<rss version="0.91">',
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        b'<?xml version="1.0"?>\n<feed xml:lang="en" xmlns="http://www.w3.org/2005/Atom">',
    ]
    pages = [b"<!doctype html><html><head><title>rss</title>", b"<html><body><rss>", b"<feed><p>Our feed</p>", b""]
    for body in feeds:
        page = FetchedPage("https://blog.example/feed/", 200, "text/html", "2024-01-01T00:00:00+00:00", body)
        assert not page.is_html, body
    for body in pages:
        page = FetchedPage("https://blog.example/feed/", 200, "text/html", "2024-01-01T00:00:00+00:00", body)
        assert page.is_html, body


def test_a_page_opening_with_a_run_of_comments_is_known_as_no_feed_at_once():
    """Jekyll's Chirpy theme opens every page with a doctype and a run of HTML comments its includes leave, one
    after another; the test for a feed's or a sitemap's first bytes let each comment run on to any later `-->`,
    and a page with 20 of them took seconds, a Chirpy blog's home page a quarter of an hour: its crawl stood still.
    A comment ends at its first `-->`; the test ends as fast for any number of them, and still finds the feed or
    sitemap behind such a run."""
    probe = r"""
import sys
from crawler.discovery.feeds import starts_as_feed
from crawler.discovery.sitemaps import starts_as_sitemap
run = b"<!-- a theme include -->\n" * 40
page = b"<!doctype html>\n" + run + b"<html><body><p>Post</p></body></html>"
feed = b'<?xml version="1.0"?>\n' + run + b'<rss version="2.0">'
urlset = b'<?xml version="1.0"?>\n' + run + b"<urlset>"
found = (starts_as_feed(page), starts_as_sitemap(page), starts_as_feed(feed), starts_as_sitemap(urlset))
sys.exit(0 if found == (False, False, True, True) else 1)
"""
    try:  # a process of its own: a regular expression's match cannot be interrupted
        done = subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).parent.parent, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("reading a page's first bytes did not end in 30 seconds")
    assert done.returncode == 0


def test_a_blosxom_feed_item_leads_to_the_entrys_own_page_not_the_days():
    """blosxom's stock RSS flavour links each item to the day's page at the entry's anchor (/2024/06/03#editors,
    every entry of that day on it, an archive) and gives the entry's own path only as a guid that is no permalink:
    no post was read, all were lost; its <category> is the entry's folder, "/tech", read as a category "/tech"."""
    rss = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Plain Files</title>'
        "<link>https://blog.example/</link><generator>blosxom/2.1.2</generator>"
        "<item><title>Editors</title><pubDate>Mon, 03 Jun 2024 19:05:00 +0000</pubDate>"
        "<link>https://blog.example/2024/06/03#editors</link><category>/tech</category>"
        '<guid isPermaLink="false">https://blog.example/tech/editors</guid><description>Vim</description></item>'
        "<item><title>Hello</title><pubDate>Fri, 05 Jan 2024 09:00:00 +0000</pubDate>"
        "<link>https://blog.example/2024/01/05#hello</link><category></category>"
        '<guid isPermaLink="false">https://blog.example/hello</guid><description>Hi</description></item>'
        "</channel></rss>"
    )
    entries = feed_entries(rss.encode(), "https://blog.example/index.rss")
    assert [(entry.url, entry.dated, entry.terms) for entry in entries] == [
        ("https://blog.example/tech/editors.html", True, ("tech",)),
        ("https://blog.example/hello.html", True, ()),
    ]
    other = rss.replace("<generator>blosxom/2.1.2</generator>", "")  # any other feed: an item within a page
    assert [(entry.url, entry.dated) for entry in feed_entries(other.encode(), "https://blog.example/index.rss")] == [
        ("https://blog.example/2024/06/03#editors", None),
        ("https://blog.example/2024/01/05#hello", None),
    ]


def test_eleventys_feed_at_its_usual_path_is_read_first_and_a_project_page_beside_the_posts_is_none(crawl, db):
    """Eleventy's base blog writes its feed to /feed/feed.xml, and a blog built on an older base blog links a
    /feed/rss.xml that does not exist: nothing led to the feed before the crawl had decided the blog's /lab/ pages —
    long, undated, no post markup, and nothing known of the site — and stored them as posts."""
    home = (
        '<!doctype html><html><head><title>Notes</title><link rel="alternate" type="application/rss+xml"'
        ' href="/feed/rss.xml"></head><body><a href="/posts/rye/">Rye</a> <a href="/posts/spelt/">Spelt</a>'
        ' <a href="/posts/oats/">Oats</a> <a href="/lab/hint/">hint.css</a></body></html>'
    )
    entries = "".join(
        f"<entry><title>{name}</title><link href='{{base}}posts/{name.lower()}/'/><updated>2024-05-0{n}T08:00:00Z"
        f"</updated><id>{{base}}posts/{name.lower()}/</id></entry>"
        for n, name in enumerate(("Rye", "Spelt", "Oats"), 1)
    )
    atom = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>{entries}</feed>'
    routes = {
        "/": (200, {}, home.encode()),
        "/posts/rye/": post("Rye"),
        "/posts/spelt/": post("Spelt"),
        "/posts/oats/": post("Oats"),
        "/lab/hint/": post("hint.css", wrap="div"),
    }
    with serve(Server(routes=routes)) as site:
        routes["/feed/feed.xml"] = (
            200,
            {"Content-Type": "application/atom+xml"},
            atom.replace("{base}", site.base).encode(),
        )
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(site.base) for (url,) in db("SELECT url FROM articles")}
    assert stored == {"posts/rye/", "posts/spelt/", "posts/oats/"}, stored


def test_zblogphps_feed_at_its_usual_path_gives_its_posts_times_their_offset(crawl, db):
    """Z-BlogPHP prints a post's time on the blog's clock with no offset ("2024-03-05 10:11:00"), and its default
    theme links its feed, /feed.php, only on the home's first page and only with XML-RPC on: the feed, whose
    pubDate states the offset, was never read, and the posts' times had none."""
    text = "<p>" + "Zwei Tage lang sind wir über die Höhenwege gewandert, von Hütte zu Hütte. " * 8 + "</p>"

    def zblog_post(number: int, title: str, when: str) -> bytes:
        return (
            "<html lang='de'><head><meta charset='utf-8'><meta name='generator' content='Z-BlogPHP 1.7.5'>"
            f"<title>Notizen-{title}</title></head><body class='single article'><div id='divMain'>"
            f"<div class='post single'><h2 class='post-title'>{title}<span class='post-date'>{when}</span></h2>"
            f"<div class='post-body'>{text}</div></div></div></body></html>"
        ).encode()

    home = (
        "<html><head><meta name='generator' content='Z-BlogPHP 1.7.5'><title>Notizen</title></head>"
        "<body class='multi index'><a href='/?id=3'>Wandern</a> <a href='/?id=4'>Brot</a></body></html>"
    )
    items = "".join(
        f"<item><title>{title}</title><link>{{base}}?id={number}</link><pubDate>{when}</pubDate></item>"
        for number, title, when in (
            (4, "Brot", "Tue, 05 Mar 2024 10:11:00 +0800"),
            (3, "Wandern", "Thu, 04 Jan 2024 08:05:00 +0800"),
        )
    )
    rss = f"<?xml version='1.0'?><rss version='2.0'><channel><title>Notizen</title>{items}</channel></rss>"
    routes = {
        "/": (200, {}, home.encode()),
        "/?id=3": (200, {}, zblog_post(3, "Wandern", "2024-01-04 08:05:00")),
        "/?id=4": (200, {}, zblog_post(4, "Brot", "2024-03-05 10:11:00")),
    }
    with serve(Server(routes=routes)) as site:
        routes["/feed.php"] = (200, {"Content-Type": "application/xml"}, rss.replace("{base}", site.base).encode())
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert sorted(db("SELECT title, published FROM articles")) == [
        ("Brot", "2024-03-05T10:11:00+08:00"),
        ("Wandern", "2024-01-04T08:05:00+08:00"),
    ]
