"""A feed that links each post to its folder without the trailing slash (/posts/rye, which a static server
redirects to /posts/rye/): what the feed says of the post — its categories, its date's time — is said of the page
at the folder, whether the feed is read before the post or after it, and in reextract."""

from __future__ import annotations

from tests.conftest import run_cli
from tests.hostile.servers import Server, post, serve, served_after

# R's distill: every item's <link> is the post's folder without its slash; its page prints the day alone
RSS = (
    '<rss version="2.0"><channel><title>Bread notes</title><link>{base}</link><generator>Distill</generator>'
    "<item><title>Rye</title><link>{base}posts/rye</link><category>baking</category><category>grains</category>"
    "<guid>{base}posts/rye</guid><pubDate>Sun, 10 May 2020 09:30:00 +0000</pubDate></item></channel></rss>"
)
FEED_LINK = '<link rel="alternate" type="application/rss+xml" href="/index.xml">'
QUERY = "SELECT url, published, categories FROM articles"


def _site(feed_on_home: bool) -> Server:
    home = f"<!doctype html><html><head>{FEED_LINK if feed_on_home else ''}</head><body>"
    home += '<a href="/posts/rye/">Rye</a></body></html>'
    rye = post("Rye", head=f'{FEED_LINK}<meta property="article:published" content="2020-05-10"/>')
    return Server(
        routes={
            "/": (200, {}, home.encode()),
            "/posts/rye/": rye,
            "/posts/rye": (301, {"Location": "/posts/rye/"}, b""),
        }
    )


def _feed(base: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/rss+xml"}, RSS.format(base=base).encode()


def test_a_post_its_feed_links_without_the_folders_slash_gets_the_feeds_terms_and_time(crawl, db, tmp_path):
    """The feed read first: the post, at /posts/rye/, had none of the categories its feed item names, and the day
    alone its page prints; the same in reextract."""
    site = _site(feed_on_home=True)
    with serve(site):
        site.routes["/index.xml"] = _feed(site.base)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    expected = [(site.base + "posts/rye/", "2020-05-10T09:30:00+00:00", '["baking", "grains"]')]
    assert db(QUERY) == expected
    reextracted = run_cli("reextract", "--db", str(tmp_path / "archive.db"))
    assert reextracted.returncode == 0, reextracted.stderr
    assert db(QUERY) == expected


def test_a_post_stored_before_a_feed_linking_it_without_the_slash_gets_the_feeds_terms(crawl, db, tmp_path):
    """The post stored first (its feed, linked from it alone, answered once the post is in the archive): the feed
    read later gave its categories to no post."""
    site = _site(feed_on_home=False)
    with serve(site):
        stored = "SELECT 1 FROM articles WHERE url LIKE '%/posts/rye/'"
        site.routes["/index.xml"] = served_after(tmp_path / "archive.db", stored, _feed(site.base))
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url, categories FROM articles") == [(site.base + "posts/rye/", '["baking", "grains"]')]
