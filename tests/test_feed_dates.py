"""A post whose page prints no date is dated by its site's feed (a Hugo theme without dates, a minimal Jekyll
layout): the crawl keeps the date the feed gives the item, and reextract dates it the same way from the stored
feed. The page's own date, where it has one, stands; where it is a day alone, the feed's time of that day is
taken, but for its midnight, a day alone too; where it is a time without an offset (ikiwiki's "Created" time, on
the site's clock), it gets the offset the feed's time of the same moment shows."""

from __future__ import annotations

from tests.conftest import run_cli
from tests.hostile.servers import Server, post, serve


def _site(feed: bool = True, links: bool = False) -> Server:
    home = (
        '<!doctype html><html><head><title>Notes</title><link rel="alternate" type="application/rss+xml"'
        ' href="/index.xml"></head><body><p>Notes on bread.</p></body></html>'
    )
    items = [
        ("Rye", "/posts/rye/", "Fri, 29 May 2020 00:00:00 +0200"),
        ("Spelt", "/posts/spelt/", "Thu, 03 Dec 2020 09:30:00 +0000"),
        ("Barley", "/posts/barley/", "Tue, 02 Jun 2020 08:15:00 +0200"),
        ("Oats", "/posts/oats/", "Thu, 10 Sep 2020 18:15:00 +0000"),
        ("Millet", "/posts/millet/", "Sat, 04 Jul 2020 00:00:00 GMT"),  # Docusaurus's feed: a day as its midnight
    ]
    rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title><link>/</link>' + "".join(
        f"<item><title>{title}</title><link>{path}</link><pubDate>{day}</pubDate></item>" for title, path, day in items
    )
    printed = '<meta property="article:published_time" content="2020-12-01T10:00:00+00:00">'
    day_only = '<meta property="article:published_time" content="2020-06-02">'  # Jekyll Hyde's pages print a day
    millet_day = '<meta property="article:published_time" content="2020-07-04">'
    on_the_sites_clock = '<meta property="article:published_time" content="2020-09-10T20:15:00">'  # no offset
    if links:  # its home page links the posts
        home = home.replace(
            "<p>Notes on bread.</p>",
            '<a href="/posts/rye/">Rye</a> <a href="/posts/spelt/">Spelt</a> <a href="/posts/barley/">Barley</a>'
            ' <a href="/posts/oats/">Oats</a> <a href="/posts/millet/">Millet</a>',
        )
    if not feed:  # the same blog before it had a feed
        home = home.replace('<link rel="alternate" type="application/rss+xml" href="/index.xml">', "")
    routes = {
        "/": (200, {}, home.encode()),
        "/index.xml": (200, {"Content-Type": "application/rss+xml"}, (rss + "</channel></rss>").encode()),
        "/posts/rye/": post("Rye"),
        "/posts/spelt/": post("Spelt", head=printed),
        "/posts/barley/": post("Barley", head=day_only),
        "/posts/oats/": post("Oats", head=on_the_sites_clock),
        "/posts/millet/": post("Millet", head=millet_day),
    }
    if not feed:
        del routes["/index.xml"]
    return Server(routes=routes)


def test_a_post_without_a_date_of_its_own_gets_its_feeds_and_keeps_it_when_extracted_again(crawl, db, tmp_path):
    with serve(_site()) as site:
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    expected = [
        (site.base + "posts/barley/", "2020-06-02T08:15:00+02:00"),  # the feed's time of the page's day
        (site.base + "posts/millet/", "2020-07-04"),  # not the feed's midnight: a day alone
        (site.base + "posts/oats/", "2020-09-10T20:15:00+02:00"),  # the page's time, the feed's offset
        (site.base + "posts/rye/", "2020-05-29T00:00:00+02:00"),
        (site.base + "posts/spelt/", "2020-12-01T10:00:00+00:00"),  # the page's own
    ]
    assert db("SELECT url, published FROM articles ORDER BY url") == expected
    reextracted = run_cli("reextract", "--db", str(tmp_path / "archive.db"))
    assert reextracted.returncode == 0, reextracted.stderr
    assert db("SELECT url, published FROM articles ORDER BY url") == expected


def test_a_post_stored_without_a_date_gets_the_one_a_feed_read_later_gives(crawl, db):
    """Stored undated (its page prints no date and no feed was read yet); unchanged when the blog is crawled again,
    so not extracted again: the feed read then dates it, gives the post stored with its day alone that day's
    time, and the post stored with a time without an offset the feed's offset. Another date already stored
    stands."""
    with serve(_site(feed=False, links=True)) as site:
        assert crawl(site.base).returncode == 0
        assert db("SELECT published FROM articles WHERE url = ?", site.base + "posts/rye/") == [(None,)]
        assert db("SELECT published FROM articles WHERE url = ?", site.base + "posts/barley/") == [("2020-06-02",)]
        assert db("SELECT published FROM articles WHERE url = ?", site.base + "posts/oats/") == [
            ("2020-09-10T20:15:00",)
        ]
        site.routes.update(_site(links=True).routes)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url, published FROM articles ORDER BY url") == [
        (site.base + "posts/barley/", "2020-06-02T08:15:00+02:00"),
        (site.base + "posts/millet/", "2020-07-04"),
        (site.base + "posts/oats/", "2020-09-10T20:15:00+02:00"),
        (site.base + "posts/rye/", "2020-05-29T00:00:00+02:00"),
        (site.base + "posts/spelt/", "2020-12-01T10:00:00+00:00"),
    ]
    assert db("SELECT count(*) FROM article_versions") == [(0,)]
