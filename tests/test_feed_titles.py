"""A post's title where its page says less or more than the post's: its site's feed gives the title as the blog's
engine knows it. A page without a heading whose <title> adds the site's name and tagline ("Lord of Souls — Notes —
bread, books and walks") is the feed's "Lord of Souls"; a title the page's rules cut at a dash is the feed's whole
one; any other difference keeps the page's."""

from __future__ import annotations

from crawler.discovery.feeds import feed_entries
from crawler.extraction.titles import with_feed_title
from tests.conftest import run_cli
from tests.hostile.servers import PARAGRAPH, Server, post, serve, served_after

RSS = (
    '<rss version="2.0"><channel><title>Notes</title><link>https://notes.example/</link>'
    "<item><title>Lord of Souls</title><link>https://notes.example/reading/lord-of-souls/</link>"
    "<pubDate>Wed, 01 Jul 2020 00:00:00 +0000</pubDate><description></description></item>"
    "<item><title>Rye  &amp;\n spelt</title><link>https://notes.example/blog/rye/</link>"
    "<pubDate>Thu, 02 Jul 2020 00:00:00 +0000</pubDate></item></channel></rss>"
)


def test_feeds_give_their_dated_items_titles():
    rss = {entry.url: entry.title for entry in feed_entries(RSS.encode(), "https://notes.example/index.xml")}
    assert rss == {
        "https://notes.example/reading/lord-of-souls/": "Lord of Souls",
        "https://notes.example/blog/rye/": "Rye & spelt",
    }
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">Bread &amp;amp; &lt;em&gt;butter'
        '&lt;/em&gt;</title><link href="/a/"/><updated>2024-05-02T09:30:00Z</updated></entry><entry><title>Oats'
        '</title><link href="/b/"/></entry></feed>'
    )
    assert [entry.title for entry in feed_entries(atom.encode(), "https://x.example/feed.xml")] == [
        "Bread & butter",
        None,  # an undated item: nothing is read of it but its address
    ]
    json_feed = (
        '{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": "https://x.example/c/", "title":'
        ' " Oat  cakes ", "date_published": "2024-05-02T09:30:00Z"}]}'
    )
    assert [entry.title for entry in feed_entries(json_feed.encode(), "https://x.example/feed.json")] == ["Oat cakes"]


def test_the_feeds_title_stands_where_the_pages_adds_the_sites_name_or_was_cut_at_a_dash():
    assert with_feed_title("Lord of Souls — Notes — bread, books and walks", "Lord of Souls") == "Lord of Souls"
    assert with_feed_title("Release 2.0", "Release 2.0 – what changed") == "Release 2.0 – what changed"
    assert with_feed_title("release 2.0 | Notes", "Release 2.0") == "Release 2.0"
    assert with_feed_title("Release 2.0: what changed", "Release 2.0") == "Release 2.0: what changed"  # no separator
    assert with_feed_title("Rye bread at home", "Rye") == "Rye bread at home"
    assert with_feed_title("Rye", "Rye bread, a year on") == "Rye"
    assert with_feed_title("Rye", "Rye | Notes", "Notes") == "Rye"  # a feed naming its site in every title
    assert with_feed_title("Rye", None) == "Rye"
    assert with_feed_title(None, "Rye") == "Rye"


def test_a_post_page_without_a_heading_is_titled_as_its_feed_item_in_a_crawl_and_in_reextract(crawl, db, tmp_path):
    """A Hugo theme prints a section's note without a heading, its <title> "Lord of Souls &mdash; Notes — bread,
    books and walks" (the page's title, the site's name and tagline): the feed lists it dated, so it is a post, and
    its title was the whole <title>."""
    home = '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/index.xml"></head>'
    bare = (
        "<!doctype html><html><head><title>Lord of Souls &mdash; Notes — bread, books and walks</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><main><article><p>{PARAGRAPH}</p></article></main></body></html>"
    )
    routes = {
        "/": (200, {}, (home + "<body><p>Notes.</p></body></html>").encode()),
        "/index.xml": (200, {"Content-Type": "application/rss+xml"}, RSS.replace("https://notes.example", "").encode()),
        "/reading/lord-of-souls/": (200, {}, bare.encode()),
        "/blog/rye/": post("Rye &amp; spelt"),
    }
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    query = "SELECT url, title FROM articles ORDER BY url"
    expected = [
        (site.base + "blog/rye/", "Rye & spelt"),
        (site.base + "reading/lord-of-souls/", "Lord of Souls"),
    ]
    assert db(query) == expected
    reextracted = run_cli("reextract", "--db", str(tmp_path / "archive.db"))
    assert reextracted.returncode == 0, reextracted.stderr
    assert db(query) == expected


# A Hugo note marked up as a post (og:type article) and printed without a heading: its title is its <title>, the
# note's title with the site's name and tagline.
NOTE = (
    "<!doctype html><html><head><title>Lord of Souls &mdash; Notes — bread, books and walks</title>{head}"
    '<meta property="og:type" content="article"><meta property="article:published_time"'
    ' content="2020-07-01T00:00:00+00:00"></head><body><nav><a href="/">Home</a></nav><main><article>'
    f"<p>{PARAGRAPH}</p></article></main></body></html>"
)
FEED_LINK = '<link rel="alternate" type="application/rss+xml" href="/notes/feed.rss">'
NOTE_QUERY = "SELECT title FROM articles"


def _notes_site(feed_linked_from: str) -> Server:
    """The note linked from the home page; its feed linked from `feed_linked_from` ("note", "home" or "")."""
    home = f"<!doctype html><html><head>{FEED_LINK if feed_linked_from == 'home' else ''}</head><body>"
    home += '<a href="/reading/lord-of-souls/">Lord of Souls</a></body></html>'
    note = NOTE.format(head=FEED_LINK if feed_linked_from == "note" else "")
    return Server(routes={"/": (200, {}, home.encode()), "/reading/lord-of-souls/": (200, {}, note.encode())})


def _feed(base: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/rss+xml"}, RSS.replace("https://notes.example/", base).encode()


def test_a_post_stored_before_its_feed_was_read_gets_the_title_the_feed_completes(crawl, db, tmp_path):
    """The note, fetched and stored first (its feed is linked from it alone, and served once the note is in the
    archive), kept its whole <title> as its title: the feed read later completed its authors and terms, not its
    title. Completed in the run that stored it: no version, its change the post's 'new' one, under the title."""
    site = _notes_site(feed_linked_from="note")
    with serve(site):
        stored = "SELECT 1 FROM articles WHERE url LIKE '%lord-of-souls/'"
        site.routes["/notes/feed.rss"] = served_after(tmp_path / "archive.db", stored, _feed(site.base))
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db(NOTE_QUERY) == [("Lord of Souls",)]
    assert db("SELECT count(*) FROM article_versions") == [(0,)]
    assert db("SELECT change, title, fields FROM changes WHERE subject = 'post'") == [("new", "Lord of Souls", "[]")]


def test_a_post_an_earlier_run_titled_as_its_page_changes_to_the_title_a_feed_completes(crawl, db):
    """Stored by a run that read no feed, titled with its whole <title>; crawled again unchanged (not extracted
    again), the feed now linked from the home page: its title is the feed's, a change of the post, its previous
    title kept."""
    site = _notes_site(feed_linked_from="")
    with serve(site):
        assert crawl(site.base).returncode == 0
        assert db(NOTE_QUERY) == [("Lord of Souls — Notes — bread, books and walks",)]
        site.routes.update(_notes_site(feed_linked_from="home").routes)
        site.routes["/notes/feed.rss"] = _feed(site.base)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db(NOTE_QUERY) == [("Lord of Souls",)]
    assert db("SELECT version, title FROM article_versions") == [(1, "Lord of Souls — Notes — bread, books and walks")]
    changes = db("SELECT run_id, change, title, fields FROM changes WHERE subject = 'post' ORDER BY id")
    assert changes == [
        (1, "new", "Lord of Souls — Notes — bread, books and walks", "[]"),
        (2, "changed", "Lord of Souls", '["title"]'),
    ]
