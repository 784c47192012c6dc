"""A post whose page names nobody is by the authors its site's feed names: the item's own, else an Atom or JSON
feed's own author (RFC 4287 4.2.1: an entry without one has the feed's). Eleventy's base blog names its author in
its Atom feed only. A page's own byline stands; reextract names the same people from the stored feed."""

from __future__ import annotations

from crawler.discovery.feeds import feed_entries
from tests.conftest import run_cli
from tests.hostile.servers import Server, post, serve, served_after

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>
<link href="/"/><author><name>Ann Lee</name><uri>https://notes.example/about/</uri></author>
<entry><title>Rye</title><link href="/blog/rye/"/><updated>2024-05-02T09:30:00Z</updated></entry>
<entry><title>Spelt</title><link href="/blog/spelt/"/><updated>2024-05-03T09:30:00Z</updated>
<author><name>Ben Ode</name></author></entry>
<entry><title>Oats</title><link href="/blog/oats/"/><updated>2024-05-04T09:30:00Z</updated></entry>
</feed>"""


def test_feeds_name_their_items_authors_or_their_own():
    atom = {entry.url: entry.authors for entry in feed_entries(ATOM.encode(), "https://notes.example/feed.xml")}
    assert atom["https://notes.example/blog/rye/"] == (("Ann Lee", "https://notes.example/about/"),)
    assert atom["https://notes.example/blog/spelt/"] == (("Ben Ode", None),)
    rss = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><managingEditor>ed@x.example (Ed)'
        "</managingEditor><item><link>https://x.example/a/</link><pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate>"
        "<dc:creator>Cleo Park</dc:creator></item><item><link>https://x.example/b/</link><pubDate>Thu, 02 May 2024"
        " 09:30:00 +0000</pubDate><author>dan@x.example (Dan Roe)</author></item><item><link>https://x.example/c/"
        "</link><pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate><author>eve@x.example</author></item></channel></rss>"
    )
    authors = [entry.authors for entry in feed_entries(rss.encode(), "https://x.example/feed/")]
    assert authors == [(("Cleo Park", None),), (("Dan Roe", None),), ()]  # RSS has no feed-wide author rule


def test_a_feeds_admin_account_is_no_author():
    """WordPress's feed names the "admin" account as dc:creator of its "Hello world!": no person, as on the page."""
    from crawler.discovery.structure import SiteStructure, listed_in

    rss = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><link>https://x.example/a/'
        "</link><pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate><dc:creator>admin</dc:creator></item></channel></rss>"
    )
    structure = SiteStructure()
    structure.add(listed_in("feed", rss.encode(), "https://x.example/feed/"))
    result = {"kind": "article", "kind_reason": "", "evidence": None, "authors": [], "author": None}
    structure.decide(result, "https://x.example/a/")
    assert (result["authors"], result["author"]) == ([], None)


def test_a_comment_feed_says_nothing_of_the_pages_its_comments_are_on():
    """WordPress's comment feed lists each comment at its place in the page, with its commenter as dc:creator and
    its own date, on posts and pages alike: read before the posts' feed, it made the commenter a post's author and
    an About page a dated post."""
    from crawler.discovery.structure import SiteStructure, listed_in

    comments = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments on Notes</title>'
        "<item><title>Comment on Hello world! by A Commenter</title><link>https://x.example/?p=1#comment-1</link>"
        "<dc:creator>A Commenter</dc:creator><pubDate>Fri, 03 May 2024 10:00:00 +0000</pubDate>"
        "<description>Hi, this is a comment.</description></item>"
        "<item><title>Comment on About by Bo Ray</title><link>https://x.example/?page_id=2#comment-2</link>"
        "<dc:creator>Bo Ray</dc:creator><pubDate>Fri, 03 May 2024 11:00:00 +0000</pubDate>"
        "<description>Nice page.</description></item></channel></rss>"
    )
    posts = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><link>https://x.example/?p=1'
        "</link><pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate><dc:creator>admin</dc:creator></item></channel></rss>"
    )
    structure = SiteStructure()
    structure.add(listed_in("feed", comments.encode(), "https://x.example/?feed=comments-rss2"))
    structure.add(listed_in("feed", posts.encode(), "https://x.example/?feed=rss2"))
    assert structure.dated == {"https://x.example/?p=1"}
    assert structure.published == {"https://x.example/?p=1": "2024-05-02T09:30:00+00:00"}
    result = {"kind": "article", "kind_reason": "", "evidence": None, "authors": [], "author": None}
    structure.decide(result, "https://x.example/?p=1")
    assert (result["authors"], result["author"]) == ([], None)


def test_a_post_whose_page_names_nobody_is_by_the_authors_its_feed_names(crawl, db, tmp_path):
    home = '<!doctype html><html><head><link rel="alternate" type="application/atom+xml" href="/feed.xml"></head>'
    routes = {
        "/": (200, {}, (home + "<body><p>Notes.</p></body></html>").encode()),
        "/feed.xml": (200, {"Content-Type": "application/atom+xml"}, ATOM.encode()),
        "/blog/rye/": post("Rye"),
        "/blog/spelt/": post("Spelt"),
        "/blog/oats/": post("Oats", head='<meta name="author" content="Cleo Park">'),
    }
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    query = (
        "SELECT a.url, a.author, group_concat(p.name || ' ' || coalesce(p.url, '-')) FROM articles a"
        " JOIN article_authors aa ON aa.article_id = a.id JOIN authors p ON p.id = aa.author_id GROUP BY a.id"
        " ORDER BY a.url"
    )
    expected = [
        (site.base + "blog/oats/", "Cleo Park", "Cleo Park -"),  # the page's own
        (site.base + "blog/rye/", "Ann Lee", "Ann Lee https://notes.example/about/"),  # the feed's
        (site.base + "blog/spelt/", "Ben Ode", "Ben Ode -"),  # its item's
    ]
    assert db(query) == expected
    reextracted = run_cli("reextract", "--db", str(tmp_path / "archive.db"))
    assert reextracted.returncode == 0, reextracted.stderr
    assert db(query) == expected
    assert db("SELECT count(*) FROM article_versions") == [(0,)]


def test_a_post_whose_page_names_no_term_has_the_terms_its_feed_item_names():
    """Quarto prints a post's categories as plain <div>s and names them in its feed's <category>; Atom's
    <category term>, JSON Feed's `tags` likewise. A page's own terms stand."""
    from crawler.discovery.structure import SiteStructure, listed_in

    rss = (
        '<rss version="2.0"><channel><item><link>https://x.example/a/</link><pubDate>Thu, 02 May 2024 09:30:00 +0000'
        "</pubDate><category>code</category><category> analysis </category><category>code</category></item>"
        "</channel></rss>"
    )
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/b/"/><published>2024-05-02'
        'T09:30:00Z</published><category term="rye" label="Rye bread"/><category term="oats"/></entry></feed>'
    )
    json_feed = (
        '{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": "https://x.example/c/", '
        '"date_published": "2024-05-02T09:30:00Z", "tags": ["spelt"]}]}'
    )
    structure = SiteStructure()
    for body in (rss, atom, json_feed):
        structure.add(listed_in("feed", body.encode(), "https://x.example/feed/"))
    got = {}
    for path in ("a", "b", "c"):
        result = {"kind": "article", "kind_reason": "", "evidence": None, "categories": [], "tags": []}
        structure.decide(result, f"https://x.example/{path}/")
        got[path] = result["categories"]
    assert got == {"a": ["code", "analysis"], "b": ["Rye bread", "oats"], "c": ["spelt"]}
    own = {"kind": "article", "kind_reason": "", "evidence": None, "categories": ["Notes"], "tags": []}
    structure.decide(own, "https://x.example/a/")
    assert (own["categories"], own["tags"]) == (["Notes"], [])


def test_the_feed_items_terms_beside_the_pages_tags_are_its_categories_and_the_feeds_spelling_stands():
    """WordPress's Hello Elementor prints the post's tags only; post_class() names a category of other letters by
    its ID (`category-25`), one of ASCII letters by its slug ("walking"); the RSS item names every term, the
    category first: "여행", "서울", "시장". The categories were none, and "walking" kept the slug's case."""
    from crawler.discovery.structure import SiteStructure, listed_in

    items = (
        ("ko", ("여행", "서울", "시장")),
        ("walk", ("Walking", "ireland", "Long walks")),
        ("all", ("서울", "시장")),
    )
    rss = "".join(
        f"<item><link>https://x.example/{path}/</link><pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate>"
        + "".join(f"<category><![CDATA[{term}]]></category>" for term in terms)
        + "</item>"
        for path, terms in items
    )
    structure = SiteStructure()
    structure.add(
        listed_in("feed", f'<rss version="2.0"><channel>{rss}</channel></rss>'.encode(), "https://x.example/feed/")
    )
    pages = {
        "ko": ([], ["서울", "시장"]),
        "walk": (["walking"], ["ireland", "long-walks"]),
        "all": ([], ["서울", "시장"]),
    }
    got = {}
    for path, (categories, tags) in pages.items():
        result = {"kind": "article", "kind_reason": "", "evidence": None, "categories": categories, "tags": tags}
        structure.decide(result, f"https://x.example/{path}/")
        got[path] = (result["categories"], result["tags"])
    assert got == {
        "ko": (["여행"], ["서울", "시장"]),
        "walk": (["Walking"], ["ireland", "Long walks"]),
        "all": ([], ["서울", "시장"]),
    }

    tagged = {"kind": "article", "kind_reason": "", "evidence": None, "categories": [], "tags": ["bread"]}
    structure.decide(tagged, "https://x.example/a/")
    assert tagged["categories"] == []


def test_a_tag_named_as_the_posts_category_in_other_case_keeps_its_own_spelling():
    """Pelican's Atom feed names a post's category and its tags alike (`<category term>`), and a tag may have the
    category's name in other case: the tag "photography" of a post in "Photography" came out as "Photography",
    and where the page named no category the category was lost, taken for the tag."""
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/posts/harbour/"/><published>'
        '2023-09-21T20:40:00+02:00</published><category term="Photography"/><category term="galway"/>'
        '<category term="photography"/></entry></feed>'
    )
    post, tags = "https://x.example/posts/harbour/", ["galway", "photography"]
    got = _terms_after_feed(
        atom, "https://x.example/feeds/all.atom.xml", [(post, ["Photography"], tags), (post, [], tags)]
    )
    assert got == [(["Photography"], ["galway", "photography"])] * 2


def test_a_category_the_page_names_keeps_its_name_where_the_atom_feed_names_its_slug():
    """Textpattern's Atom feed names a post's category by its `term` alone, the category's name (`reisen`), no
    `label`; the post's page prints "Reisen", which came out as "reisen". A slug the page names is still spelt as
    the feed names the term ("walking" for "Walking")."""
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/articles/grat"/><published>'
        '2024-05-07T10:17:00+00:00</published><category term="reisen"/><category term="hohe-berge"/></entry>'
        '<entry><link href="https://x.example/articles/walk"/><published>2024-05-08T10:17:00+00:00</published>'
        '<category term="Walking"/></entry></feed>'
    )
    pages = [
        (f"https://x.example/articles/{path}", categories, [])
        for path, categories in (("grat", ["Reisen", "Hohe Berge"]), ("walk", ["walking"]))
    ]
    got = _terms_after_feed(atom, "https://x.example/atom/", pages)
    assert [categories for categories, _ in got] == [["Reisen", "Hohe Berge"], ["Walking"]]


KO_FEED = (
    '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Stone and'
    " Bread</title><item><title>종로 골목 시장</title><link>{base}ko/2023/09/23/jongno-alley-market/</link>"
    "<dc:creator><![CDATA[김민지]]></dc:creator><pubDate>Sat, 23 Sep 2023 11:10:00 +0000</pubDate>"
    "<category><![CDATA[여행]]></category><category><![CDATA[시장]]></category></item></channel></rss>"
)
POST_QUERY = (
    "SELECT a.author, a.categories, (SELECT group_concat(p.name) FROM article_authors aa JOIN authors p"
    " ON p.id = aa.author_id WHERE aa.article_id = a.id) FROM articles a"
)


def _polylang_site(feed_linked_from: str) -> Server:
    """A Polylang site whose theme prints no byline (Hello Elementor): its Korean post names its author and terms in
    /ko/feed/ alone, linked from `feed_linked_from` ("post", "home" or "" for nowhere)."""
    link = '<link rel="alternate" type="application/rss+xml" href="/ko/feed/">'
    home = f"<!doctype html><html><head>{link if feed_linked_from == 'home' else ''}</head><body>"
    home += '<a href="/ko/2023/09/23/jongno-alley-market/">종로</a></body></html>'
    head = link if feed_linked_from == "post" else ""
    return Server(
        routes={
            "/": (200, {}, home.encode()),
            "/ko/2023/09/23/jongno-alley-market/": post("종로 골목 시장", head=head),
        }
    )


def test_a_post_stored_before_the_feed_naming_its_author_was_read_is_by_that_author(crawl, db, tmp_path):
    """The post, fetched and stored first (the feed is linked from it alone, and served once the post is in the
    archive), was stored naming nobody: its date was fixed by the feed read later, its author and terms were not.
    Completed in the run that stored it: no version, its change the post's 'new' one."""
    site = _polylang_site(feed_linked_from="post")
    with serve(site):
        stored = "SELECT 1 FROM articles WHERE url LIKE '%jongno-alley-market/'"
        feed = (200, {"Content-Type": "application/rss+xml"}, KO_FEED.format(base=site.base).encode())
        site.routes["/ko/feed/"] = served_after(tmp_path / "archive.db", stored, feed)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db(POST_QUERY) == [("김민지", '["여행", "시장"]', "김민지")]
    assert db("SELECT count(*) FROM article_versions") == [(0,)]
    assert db("SELECT change, fields FROM changes WHERE subject = 'post'") == [("new", "[]")]


def test_a_post_an_earlier_run_stored_naming_nobody_changes_to_the_authors_a_feed_names(crawl, db):
    """Stored by a run that read no feed; crawled again unchanged (not extracted again), the feed now linked from
    the home page: its author and terms are the feed's, a change of the post, its previous state kept."""
    site = _polylang_site(feed_linked_from="")
    with serve(site):
        assert crawl(site.base).returncode == 0
        assert db(POST_QUERY) == [(None, "[]", None)]
        site.routes.update(_polylang_site(feed_linked_from="home").routes)
        feed = (200, {"Content-Type": "application/rss+xml"}, KO_FEED.format(base=site.base).encode())
        site.routes["/ko/feed/"] = feed
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db(POST_QUERY) == [("김민지", '["여행", "시장"]', "김민지")]
    assert db("SELECT version, authors, categories FROM article_versions") == [(1, "[]", "[]")]
    changes = db("SELECT run_id, change, fields FROM changes WHERE subject = 'post' ORDER BY id")
    assert changes == [(1, "new", "[]"), (2, "changed", '["authors", "categories"]')]


def test_zolas_unknown_author_in_its_stock_feeds_is_no_author():
    """Zola's stock Atom and RSS templates print "Unknown" as the author of a post whose site sets no `author`
    (a theme's `[extra] author` is none): that names nobody. Another feed's "Unknown" is left as it names it."""
    atom = (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Notes'
        '</title><generator uri="https://www.getzola.org/">Zola</generator><entry xml:lang="en"><title>Rye</title>'
        "<published>2024-05-02T00:00:00+00:00</published><author><name>\n  Unknown\n  </name></author>"
        '<link rel="alternate" type="text/html" href="https://x.example/rye/"/><id>https://x.example/rye/</id>'
        "</entry><entry><title>Spelt</title><published>2024-05-03T00:00:00+00:00</published><author><name>Ann Lee"
        '</name></author><link rel="alternate" href="https://x.example/spelt/"/></entry></feed>'
    )
    rss = (
        '<rss version="2.0"><channel><title>Notes</title><generator>Zola</generator><item><title>Rye</title>'
        "<pubDate>Thu, 02 May 2024 00:00:00 +0000</pubDate><author>Unknown</author>"
        "<link>https://x.example/rye/</link></item></channel></rss>"
    )
    assert [entry.authors for entry in feed_entries(atom.encode(), "https://x.example/atom.xml")] == [
        (),
        (("Ann Lee", None),),
    ]
    assert [entry.authors for entry in feed_entries(rss.encode(), "https://x.example/rss.xml")] == [()]
    other = rss.replace("<generator>Zola</generator>", "")
    assert [entry.authors for entry in feed_entries(other.encode(), "https://x.example/rss.xml")] == [
        (("Unknown", None),)
    ]


def test_a_post_whose_page_names_the_first_of_its_feeds_co_authors_is_by_them_all():
    """Co-Authors Plus adds a <dc:creator> for each co-author after the first to WordPress's RSS item (HTML-escaped
    inside its CDATA), while a block theme's Post Author block (Twenty Twenty-Three's) prints the post author alone
    (real WordPress 6.1, Co-Authors Plus 3.6): the post is by them all, the page's link to the first kept. A page
    naming someone the feed does not, or everyone it does, stands."""
    from crawler.discovery.structure import SiteStructure, listed_in

    rss = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><link>https://x.example/a/'
        "</link><pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate><dc:creator><![CDATA[Anna Schmidt]]></dc:creator>"
        "<category><![CDATA[Walking]]></category><dc:creator><![CDATA[Daniel O&#039;Connor]]></dc:creator></item>"
        "</channel></rss>"
    )
    structure = SiteStructure()
    structure.add(listed_in("feed", rss.encode(), "https://x.example/feed/"))

    def decided(*names: str) -> list[dict]:
        people = [{"name": name, "url": f"https://x.example/author/{name[:4].lower()}/"} for name in names]
        result = {"kind": "article", "kind_reason": "", "evidence": None, "authors": people, "author": None}
        structure.decide(result, "https://x.example/a/")
        return result["authors"]

    assert decided("Anna Schmidt") == [
        {"name": "Anna Schmidt", "url": "https://x.example/author/anna/"},
        {"name": "Daniel O'Connor", "url": None},
    ]
    assert [person["name"] for person in decided("Mina Kim")] == ["Mina Kim"]
    both = decided("Daniel O'Connor", "Anna Schmidt")
    assert [person["name"] for person in both] == ["Daniel O'Connor", "Anna Schmidt"]


def test_the_terms_a_hexo_feed_marks_as_tags_by_their_pages_are_the_posts_tags_where_its_page_names_none():
    """Hexo's Atom feed (hexo-generator-feed) names a post's category and its tags alike, each `<category>` with
    its page as its scheme (`/categories/x/`, `/tags/x/`); a Hexo theme that prints the category on the post and
    not its tags left the post without tags. A page's own tags stand; a scheme that is no tag page names none."""
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/2022/03/05/b4e0/"/><published>'
        '2022-03-05T06:27:05.000Z</published><category term="译文" scheme="https://x.example/categories/%E8%AF%91%E6'
        '%96%87/"/><category term="CSS" scheme="https://x.example/tags/CSS/"/><category term="布局" scheme="https://'
        'x.example/tags/%E5%B8%83%E5%B1%80/"/></entry><entry><link href="https://x.example/2022/03/06/c5f1/"/>'
        '<published>2022-03-06T06:27:05.000Z</published><category term="bread" scheme="https://x.example/"/>'
        "</entry></feed>"
    )
    post, other = "https://x.example/2022/03/05/b4e0/", "https://x.example/2022/03/06/c5f1/"
    pages = [(post, ["译文"], []), (post, [], []), (post, ["译文"], ["grid"]), (other, [], [])]
    got = _terms_after_feed(atom, "https://x.example/atom.xml", pages)
    assert got == [(["译文"], ["CSS", "布局"]), (["译文"], ["CSS", "布局"]), (["译文"], ["grid"]), (["bread"], [])]


def _terms_after_feed(atom: str, feed_url: str, pages: list[tuple[str, list[str], list[str]]]) -> list[tuple]:
    """(categories, tags) of each of `pages` — (url, the page's categories, its tags) — once the site's structure
    has read `atom` at `feed_url` and decided the page."""
    from crawler.discovery.structure import SiteStructure, listed_in

    structure = SiteStructure()
    structure.add(listed_in("feed", atom.encode(), feed_url))
    got = []
    for url, categories, tags in pages:
        result = {"kind": "article", "kind_reason": "", "evidence": None, "categories": categories, "tags": tags}
        structure.decide(result, url)
        got.append((result["categories"], result["tags"]))
    return got
