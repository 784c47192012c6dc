"""A dated page the site's feeds leave out, in a section where they list nothing, is a page of the site, not a post
(Pelican's /pages/impressum.html beside posts its feeds list; crawler/discovery/structure.py). What a feed read
later says counts too: the run decides the pages it did not keep again at its end."""

from __future__ import annotations

import sqlite3
import time

from crawler.errors import EXIT_INCOMPLETE
from tests.conftest import run_cli
from tests.hostile.servers import PARAGRAPH, Server, answer, post, serve, served_after

RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title>{}</channel></rss>'


def _items(*dated: tuple[str, str]) -> bytes:
    items = "".join(f"<item><link>{{base}}{path}</link><pubDate>{day}</pubDate></item>" for path, day in dated)
    return RSS.format(items).encode()


def _feed_route(feed: bytes, base: str) -> tuple[int, dict[str, str], bytes]:
    """The route serving `feed` with its items' addresses on the server at `base`."""
    return 200, {"Content-Type": "application/rss+xml"}, feed.replace(b"{base}", base.encode())


def _page(title: str, day: str, links: str = "", head: str = "") -> tuple[int, dict[str, str], bytes]:
    body = "".join(f"<p>{PARAGRAPH} ({title}, paragraph {n})</p>" for n in range(4))
    html = (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1><time datetime='{day}'>{day}</time>{body}</article>{links}</body></html>"
    )
    return 200, {}, html.encode()


def test_a_dated_page_beside_the_feeds_posts_is_not_stored_and_a_post_a_later_feed_vouches_for_is(crawl, db):
    feed = _items(
        ("posts/rye/", "Thu, 02 May 2024 09:30:00 +0000"),
        ("posts/spelt/", "Fri, 03 May 2024 09:30:00 +0000"),
        ("posts/oats/", "Sat, 04 May 2024 09:30:00 +0000"),
    )
    # the notes' feed is linked from a note only, so the crawl reads it after it decided /notes/two/
    notes_feed = _items(("notes/one/", "Mon, 20 May 2024 09:30:00 +0000"))
    home = (
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
        '<a href="/posts/rye/">Rye</a> <a href="/posts/spelt/">Spelt</a> <a href="/posts/oats/">Oats</a>'
        ' <a href="/pages/impressum/">Impressum</a></body></html>'
    )
    notes_head = '<link rel="alternate" type="application/rss+xml" href="/notes/feed.xml">'
    routes = {
        "/": (200, {}, home.encode()),
        "/posts/rye/": _page("Rye", "2024-05-02"),
        "/posts/spelt/": _page("Spelt", "2024-05-03"),
        "/posts/oats/": _page("Oats", "2024-05-04", links='<a href="/notes/two/">A note</a>'),
        "/notes/two/": _page("Barley", "2024-06-01", links='<a href="/notes/one/">The first note</a>'),
        "/notes/one/": _page("Millet", "2024-05-20", head=notes_head),
        "/pages/impressum/": _page("Impressum", "2024-05-10"),
    }
    with serve(Server(routes=routes)) as site:
        routes["/feed.xml"] = _feed_route(feed, site.base)
        routes["/notes/feed.xml"] = _feed_route(notes_feed, site.base)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(site.base) for (url,) in db("SELECT url FROM articles")}
    assert stored == {"posts/rye/", "posts/spelt/", "posts/oats/", "notes/one/", "notes/two/"}
    [(kind, reason)] = db("SELECT kind, reason FROM pages WHERE url = ?", site.base + "pages/impressum/")
    assert kind == "other" and "feeds" in reason


def test_a_post_a_feed_lists_that_the_crawl_took_for_a_listing_is_reported_not_lost_in_silence(crawl, db):
    """A one-line post under four teasers with excerpts reads as a listing; its site's feed lists it as a post:
    the run says so in a crawl error (which `verify` shows as given up), as it does for a page it did not keep for
    another reason."""
    teasers = "".join(
        f'<article><h2><a href="/posts/{name}/">The {name} loaf</a></h2><p>{PARAGRAPH}</p></article>'
        for name in ("rye", "spelt", "oats", "barley")
    )
    short = (
        "<!doctype html><html><head><title>Coffee</title></head><body><main><h1>Coffee</h1>"
        f"<p>A good espresso needs twenty-five seconds.</p>{teasers}</main></body></html>"
    )
    feed = _items(
        ("posts/coffee/", "Thu, 02 May 2024 09:30:00 +0000"),
        ("posts/rye/", "Fri, 03 May 2024 09:30:00 +0000"),
        ("posts/spelt/", "Sat, 04 May 2024 09:30:00 +0000"),
    )
    home = (
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
        '<a href="/posts/coffee/">Coffee</a></body></html>'
    )
    routes = {"/": (200, {}, home.encode()), "/posts/coffee/": (200, {}, short.encode())}
    for name in ("rye", "spelt", "oats", "barley"):
        routes[f"/posts/{name}/"] = _page(name.title(), "2024-05-03")
    with serve(Server(routes=routes)) as site:
        routes["/feed.xml"] = _feed_route(feed, site.base)
        result = crawl(site.base)
    assert result.returncode == EXIT_INCOMPLETE, result.stderr
    [(message,)] = db("SELECT message FROM crawl_errors WHERE url = ?", site.base + "posts/coffee/")
    assert message.startswith("a feed lists it as a post, but it was not kept: listing")


def test_a_themes_archives_page_a_feed_dates_is_a_listing_and_no_loss(crawl, db):
    """Hugo's feed lists the pages of content/page/ with their front matter's date, Hugo Stack's Archives too: on a
    blog of two posts its two teasers were a listing by a handful of entries that a feed lists as a post, "not
    kept", and the crawl exited 3. Stack lays it out with its archives layout (`body.template-archives`)."""
    teasers = "".join(
        f'<article><a href="/p/{name}/"><h2 class="article-title">{name.title()}</h2>'
        f'<time datetime="2026-02-0{n}">Feb 0{n}, 2026</time></a></article>'
        for n, name in enumerate(("rye", "spelt"), start=1)
    )
    archives = (
        '<!doctype html><html><head><title>Archives</title><meta property="og:type" content="article"></head>'
        f'<body class="template-archives"><main><div class="archives-group">{teasers}</div></main></body></html>'
    )
    feed = _items(
        ("p/rye/", "Sun, 01 Feb 2026 09:30:00 +0000"),
        ("p/spelt/", "Mon, 02 Feb 2026 09:30:00 +0000"),
        ("archives/", "Wed, 21 Jan 2026 00:00:00 +0000"),
    )
    home = (
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/index.xml"></head><body>'
        '<a href="/archives/">Archives</a></body></html>'
    )
    routes = {"/": (200, {}, home.encode()), "/archives/": (200, {}, archives.encode())}
    for n, name in enumerate(("rye", "spelt"), start=1):
        routes[f"/p/{name}/"] = _page(name.title(), f"2026-02-0{n}")
    with serve(Server(routes=routes)) as site:
        routes["/index.xml"] = _feed_route(feed, site.base)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(site.base) for (url,) in db("SELECT url FROM articles")}
    assert stored == {"p/rye/", "p/spelt/"}
    assert db("SELECT url, message FROM crawl_errors") == []


def test_an_undated_page_marked_up_as_a_post_where_the_feeds_list_nothing_is_a_page():
    """Hugo's LoveIt and DoIt mark every page up as a BlogPosting, About without a date, at the root beside the
    posts their feed lists in /posts/. An undated post in the feeds' section (older than a feed's last ten) stays."""
    from crawler.discovery.structure import SiteStructure, listed_in
    from crawler.extraction.extract import extract

    feed = _items(
        ("posts/rye/", "Thu, 02 May 2024 09:30:00 +0000"),
        ("posts/spelt/", "Fri, 03 May 2024 09:30:00 +0000"),
        ("posts/oats/", "Sat, 04 May 2024 09:30:00 +0000"),
    )
    structure = SiteStructure()
    structure.add(listed_in("feed", feed.replace(b"{base}", b"https://x.example/"), "https://x.example/index.xml"))
    jsonld = '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "About"}</script>'
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(4))
    html = f"<html><head><title>About</title>{jsonld}</head><body><main><h1>About</h1>{body}</main></body></html>"
    kinds = {}
    for url in ("https://x.example/about/", "https://x.example/posts/barley/"):
        result = extract(html, url).to_dict()
        structure.decide(result, url)
        kinds[url.removeprefix("https://x.example/")] = result["kind"]
    assert kinds == {"about/": "other", "posts/barley/": "article"}


SITEMAP = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'
SITEMAP_INDEX = (
    '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</sitemapindex>'
)


def _xml(template: str, tag: str, paths: tuple[str, ...], base: str) -> tuple[int, dict[str, str], bytes]:
    entries = "".join(f"<{tag}><loc>{base}{path}</loc></{tag}>" for path in paths)
    return 200, {"Content-Type": "application/xml"}, template.format(entries).encode()


def test_a_languages_feed_beside_its_sitemap_is_read_though_no_page_links_it(crawl, db):
    """Hugo's multilingual site (Tania): a sitemap index of /en/sitemap.xml and /de/sitemap.xml, a feed per language
    at /de/index.xml that no page links (the footer links /index.xml in every language). Only the English feed was
    read, and the German posts, dated, in a folder its feeds listed nothing of, were lost in silence (exit 0)."""
    english = ("posts/rye/", "posts/spelt/", "posts/oats/")
    german = ("de/posts/roggen/", "de/posts/dinkel/")
    home = '<!doctype html><html><body><a href="/posts/rye/">Rye</a><a href="/index.xml">RSS</a></body></html>'
    routes = {"/": (200, {}, home.encode())}
    for n, path in enumerate(english + german, 1):
        routes[f"/{path}"] = _page(path, f"2024-05-0{n}", links='<a href="/index.xml">RSS</a>')
    with serve(Server(routes=routes)) as site:
        days = [f"Thu, 0{n} May 2024 09:30:00 +0000" for n in range(1, 6)]
        routes["/index.xml"] = _feed_route(_items(*zip(english, days, strict=False)), site.base)
        routes["/de/index.xml"] = _feed_route(_items(*zip(german, days[3:], strict=True)), site.base)
        routes["/sitemap.xml"] = _xml(SITEMAP_INDEX, "sitemap", ("en/sitemap.xml", "de/sitemap.xml"), site.base)
        routes["/en/sitemap.xml"] = _xml(SITEMAP, "url", english, site.base)
        routes["/de/sitemap.xml"] = _xml(SITEMAP, "url", german, site.base)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(site.base) for (url,) in db("SELECT url FROM articles")}
    assert stored == {*english, *german}


def test_posts_a_sitemap_lists_in_a_section_no_feed_found_are_reported_as_lost(crawl, db):
    """Dated pages with a post's markup that a sitemap lists, in a section where the feeds the crawl read list
    nothing (a feed of their own nothing links), are not kept — and the run says so and exits incomplete, as it does
    for any post it could not keep; a page at the root (About) is said, not counted as lost."""
    posts = ("posts/rye/", "posts/spelt/", "posts/oats/")
    notes = ("notes/barley/", "notes/millet/")
    home = '<!doctype html><html><body><a href="/posts/rye/">Rye</a></body></html>'
    routes = {"/": (200, {}, home.encode()), "/about/": _page("About", "2024-06-01")}
    for n, path in enumerate(posts + notes, 1):
        routes[f"/{path}"] = _page(path, f"2024-05-0{n}")
    with serve(Server(routes=routes)) as site:
        days = [f"Thu, 0{n} May 2024 09:30:00 +0000" for n in range(1, 4)]
        routes["/feed.xml"] = _feed_route(_items(*zip(posts, days, strict=True)), site.base)
        routes["/sitemap.xml"] = _xml(SITEMAP, "url", (*posts, *notes, "about/"), site.base)
        result = crawl(site.base)
    assert result.returncode == EXIT_INCOMPLETE, result.stderr
    errors = dict(db("SELECT url, message FROM crawl_errors"))
    assert {url.removeprefix(site.base) for url in errors} == {*notes, "about/"}
    assert all("a sitemap lists it and it looks like a post" in message for message in errors.values())


# Mezzanine's threaded comments, as its blog templates print them
COMMENTS = (
    "<div id='comments'><h3>Comments</h3><div id='comment-7' class='comment media'><div class='media-body'>"
    "<h4 class='media-heading'>Seoyeon Lee <small class='timespan'>3 years ago</small></h4><p>What a picture! What"
    " time was it taken?</p><div id='comment-8' class='comment media'><div class='media-body'>"
    "<h4 class='media-heading'>Minji Kim <small class='timespan'>3 years ago</small></h4>"
    "<p>Around seven in the morning.</p></div></div></div></div></div>"
)


def test_a_short_post_its_teasers_outweigh_that_a_feed_lists_is_kept_with_its_image_and_comments(crawl, db, tmp_path):
    """A one-line post with an image and two comments, two related posts' teasers under it: alone, extraction took
    it for a listing (two entries hold most of its text) and computed no images, comments nor author box; the
    site's feed lists it as a post, and the crawl kept it without them (Mezzanine's short posts under its sidebar).
    It is read as a post with what the crawl knows of the site, and reextract reads it the same way."""
    teasers = "".join(
        f'<article><h2><a href="/posts/{name}/">The {name} loaf</a></h2><p>{PARAGRAPH}</p></article>'
        for name in ("rye", "spelt")
    )
    short = (
        "<!doctype html><html><head><title>The sea at Jeju</title></head><body><main><article class='post'>"
        "<h1>The sea at Jeju</h1><div class='entry-content'><p>Taken early in the morning at Hyeopjae beach.</p>"
        "<figure><img src='/media/jeju-coast.png' alt='Clear water over black basalt'><figcaption>Hyeopjae in the"
        f" morning</figcaption></figure></div>{COMMENTS}</article><h3>Related posts</h3>{teasers}</main></body></html>"
    )
    feed = _items(
        ("posts/jeju/", "Thu, 02 May 2024 09:30:00 +0000"),
        ("posts/rye/", "Fri, 03 May 2024 09:30:00 +0000"),
        ("posts/spelt/", "Sat, 04 May 2024 09:30:00 +0000"),
    )
    home = (
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
        '<a href="/posts/jeju/">Jeju</a></body></html>'
    )
    routes = {"/": (200, {}, home.encode()), "/posts/jeju/": (200, {}, short.encode())}
    for name in ("rye", "spelt"):
        routes[f"/posts/{name}/"] = _page(name.title(), "2024-05-03")
    with serve(Server(routes=routes)) as site:
        routes["/feed.xml"] = _feed_route(feed, site.base)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    url = site.base + "posts/jeju/"
    query = (
        "SELECT a.text, (SELECT group_concat(src) FROM images i WHERE i.article_id = a.id),"
        " (SELECT group_concat(author) FROM comments c WHERE c.article_id = a.id) FROM articles a WHERE a.url = ?"
    )
    expected = [
        (
            "Taken early in the morning at Hyeopjae beach.\nHyeopjae in the morning",
            site.base + "media/jeju-coast.png",
            "Seoyeon Lee,Minji Kim",
        )
    ]
    assert db(query, url) == expected
    reextracted = run_cli("reextract", "--db", str(tmp_path / "archive.db"))
    assert reextracted.returncode == 0, reextracted.stderr
    assert db(query, url) == expected
    assert db("SELECT count(*) FROM article_versions") == [(0,)]


def test_a_short_post_a_feed_lists_is_no_lost_body_when_its_text_is_kept(crawl, db, tmp_path):
    """A short post without date or markup under a list of recent posts: alone, extraction found 'no post body,
    though the page's <div> holds 146 words'; the site's feed made it a post, and its text was stored — but the
    crawl recorded that error and exited 3, whether the feed was read before the page (Mezzanine) or after it (the
    page held until a feed vouches for it). A missed body is an error only where the crawl does not keep it."""
    recent = "".join(
        f"<li><a href='/posts/p{n}/'>Along the river to the old town, day {n} of the ride</a></li>" for n in range(8)
    )
    words = " ".join(PARAGRAPH.split()[:40]) + "."
    elbe = (
        "<!doctype html><html><head><title>By bike along the Elbe</title>{head}</head><body><div class='container'>"
        f"<h1>By bike along the Elbe</h1><div class='row'><p>{words}</p><h3>Recent posts</h3>"
        f"<ul class='recent-posts'>{recent}</ul></div></div></body></html>"
    )
    feed = _items(("posts/elbe/", "Thu, 02 May 2024 09:30:00 +0000"), ("posts/rye/", "Fri, 03 May 2024 09:30:00 +0000"))
    later_feed = _items(("posts/later/elbe/", "Thu, 02 May 2024 09:30:00 +0000"))
    home = (
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
        '<a href="/posts/elbe/">Elbe</a> <a href="/posts/rye/">Rye</a></body></html>'
    )
    later_head = '<link rel="alternate" type="application/rss+xml" href="/later/feed.xml">'
    routes = {
        "/": (200, {}, home.encode()),
        "/posts/elbe/": (200, {}, elbe.format(head="").encode()),
        "/posts/rye/": _page("Rye", "2024-05-03", links="<a href='/posts/later/elbe/'>Again</a>"),
        # its feed linked from the page alone, and read once the page is settled
        "/posts/later/elbe/": (200, {}, elbe.format(head=later_head).encode()),
    }
    with serve(Server(routes=routes)) as site:
        routes["/feed.xml"] = _feed_route(feed, site.base)
        settled = f"SELECT 1 FROM pages WHERE url = '{site.base}posts/later/elbe/'"
        routes["/later/feed.xml"] = served_after(tmp_path / "archive.db", settled, _feed_route(later_feed, site.base))
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url, message FROM crawl_errors WHERE url LIKE '%elbe/'") == []  # (the recent posts: 404)
    stored = db("SELECT url, word_count FROM articles WHERE url LIKE '%elbe/' ORDER BY url")
    assert stored == [(site.base + "posts/elbe/", 40), (site.base + "posts/later/elbe/", 40)]


def test_a_page_a_feed_dates_at_the_root_beside_the_section_of_posts_is_no_post_lost(crawl, db):
    """Hugo's feeds list About with the date `hugo new` gave it, at the root beside the posts in /posts/: a page of
    the site, not a post the run could not keep — Poison and Archie exited incomplete for About and Impressum."""
    posts = ("posts/rye/", "posts/spelt/", "posts/oats/")
    home = '<!doctype html><html><body><a href="/posts/rye/">Rye</a><a href="/about/">About</a></body></html>'
    routes = {"/": (200, {}, home.encode()), "/about/": _page("About", "2024-01-01")}
    for n, path in enumerate(posts, 1):
        routes[f"/{path}"] = _page(path, f"2024-05-0{n}")
    with serve(Server(routes=routes)) as site:
        days = [f"Thu, 0{n} May 2024 09:30:00 +0000" for n in range(1, 5)]
        routes["/index.xml"] = _feed_route(_items(*zip((*posts, "about/"), days, strict=True)), site.base)
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert {url.removeprefix(site.base) for (url,) in db("SELECT url FROM articles")} == set(posts)
    assert db("SELECT url FROM crawl_errors") == []


ASTRO_POSTS = ("blog/rye/", "blog/spelt/", "blog/oats/")


def _astro_starter(crawl, tmp_path, pages_wait: bool, sitemap_delay: float = 0.0) -> tuple[str, object]:
    """Astro's blog starter: About and Impressum rendered with the post's layout, dated (`pubDate`, before the first
    post's) at the root beside the posts in /blog/; the RSS feed lists every post; @astrojs/sitemap lists every page
    at /sitemap-index.xml, which a <link rel="sitemap"> names (no robots.txt). `pages_wait`: About and Impressum
    are answered once the sitemap is in the archive; `sitemap_delay`: the sitemap takes that long to answer.
    Crawled; (the site's address, the crawl's result)."""
    feed = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
    head = f'<link rel="sitemap" href="/sitemap-index.xml">{feed}'
    menu = (
        '<a href="/">Home</a> <a href="/blog/">Blog</a> <a href="/about/">About</a> <a href="/impressum/">Impressum</a>'
    )
    cards = "".join(f'<li><a href="/{path}"><h4 class="title">{path}</h4></a></li>' for path in ASTRO_POSTS)
    home = f"<!doctype html><html><head>{head}</head><body><header>{menu}</header><ul>{cards}</ul></body></html>"
    routes = {"/": (200, {}, home.encode())}
    for n, path in enumerate(ASTRO_POSTS, 1):
        routes[f"/{path}"] = _page(path, f"2024-05-0{n}T00:00:00.000Z", links=menu, head=head)
    with serve(Server(routes=routes)) as site:
        read = "SELECT 1 FROM pages WHERE url LIKE '%sitemap-0.xml'"
        for path, title in (("/about/", "About"), ("/impressum/", "Impressum")):
            page = _page(title, "2021-08-08T00:00:00.000Z", links=menu, head=head)
            routes[path] = served_after(tmp_path / "archive.db", read, page) if pages_wait else page
        days = [f"Thu, 0{n} May 2024 00:00:00 GMT" for n in range(1, 4)]
        routes["/rss.xml"] = _feed_route(_items(*zip(ASTRO_POSTS, days, strict=True)), site.base)
        routes["/sitemap-index.xml"] = _xml(SITEMAP_INDEX, "sitemap", ("sitemap-0.xml",), site.base)
        sitemap = _xml(SITEMAP, "url", ("", "about/", "blog/", *ASTRO_POSTS, "impressum/"), site.base)
        routes["/sitemap-0.xml"] = _slow(sitemap, sitemap_delay) if sitemap_delay else sitemap
        return site.base, crawl(site.base, "-s", "DOWNLOAD_TIMEOUT=90")  # (served_after waits a minute at most)


def _slow(route: tuple[int, dict[str, str], bytes], seconds: float):
    def handler(request) -> None:
        time.sleep(seconds)
        answer(request, route)

    return handler


def _about_and_impressum_are_pages(base: str, result, db) -> None:
    assert result.returncode == 0, result.stderr
    assert {url.removeprefix(base) for (url,) in db("SELECT url FROM articles")} == set(ASTRO_POSTS)
    kinds = dict(db("SELECT url, kind FROM pages WHERE url LIKE '%about/' OR url LIKE '%impressum/'"))
    assert set(kinds.values()) == {"other"}, kinds


def test_an_astro_starters_about_page_dated_before_its_first_post_is_a_page_by_its_sitemap(crawl, db, tmp_path):
    """The crawl never read Astro's /sitemap-index.xml — so nothing said the feed reaches back to the first post —
    and stored About and Impressum as posts (the pages answered once the sitemap is read, as a crawl at its own
    pace reads it first)."""
    base, result = _astro_starter(crawl, tmp_path, pages_wait=True)
    _about_and_impressum_are_pages(base, result, db)


def test_pages_found_by_links_wait_for_the_sitemaps_in_flight(crawl, db, tmp_path):
    """A page a link finds is decided with what the sitemaps and feeds say of it, so it is fetched once they are
    read: Astro's About, fetched while the sitemap took its time, was stored as a post (once, on a loaded machine,
    in a real build; here the sitemap answers after four seconds)."""
    base, result = _astro_starter(crawl, tmp_path, pages_wait=False, sitemap_delay=4.0)
    _about_and_impressum_are_pages(base, result, db)


def test_a_blog_under_a_folder_has_its_sitemap_there_read_and_its_undated_project_page_is_no_post(crawl, db):
    """A blog on GitHub Pages' project site lives under /<project>/: MkDocs writes /hex/sitemap.xml and links it
    nowhere, and the host's root has none. The crawl tried the usual paths at the root only, knew nothing of the site
    when it decided /hex/projects/conmon/ — long, undated, no post markup — and stored it as a post."""
    posts = ("blog/2024/05/01/rye/", "blog/2024/05/02/spelt/", "blog/2024/05/03/oats/")
    titles = ("Rye", "Spelt", "Oats", "conmon")
    links = "".join(f'<a href="/hex/{p}">{t}</a> ' for p, t in zip((*posts, "projects/conmon/"), titles, strict=True))
    routes = {"/hex/": (200, {}, f"<!doctype html><html><body><nav>{links}</nav></body></html>".encode())}
    for n, path in enumerate(posts, 1):
        routes[f"/hex/{path}"] = _page(path, f"2024-05-0{n}")
    routes["/hex/projects/conmon/"] = post("conmon", wrap="div")
    with serve(Server(routes=routes)) as site:
        paths = ("", *posts, "projects/conmon/")
        routes["/hex/sitemap.xml"] = _xml(SITEMAP, "url", tuple(f"hex/{p}" for p in paths), site.base)
        result = crawl(site.base + "hex/")
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(site.base + "hex/") for (url,) in db("SELECT url FROM articles")}
    assert stored == set(posts), stored


def test_the_home_of_a_blog_under_a_folder_is_a_listing_whatever_it_prints(tmp_path):
    """A GitHub Pages project site lives under /<project>/, and its home is that folder's page: Hexo Matery's home,
    dated by its featured card, no post markup, its feed naming the host's root, was stored as a post, as the check
    of the site's home knew the root alone. The folder the crawl starts in is the blog's home (given with or without
    its slash); a post the crawl starts at, marked up as one, stays a post."""
    posts = ("posts/rye/", "posts/spelt/")
    cards = "".join(
        f'<div class="card"><a href="/notes/{path}"><span class="card-title">{path}</span></a></div>' for path in posts
    )
    featured = f'<div class="card"><p>{PARAGRAPH}</p><span class="publish-date">2024-05-02</span></div>'
    home = f'<!doctype html><html><head><title>Notes</title></head><body><a href="/notes/">Notes</a>{featured}{cards}'
    routes = {"/notes/": (200, {}, (home + "</body></html>").encode()), "/notes": (301, {"Location": "/notes/"}, b"")}
    for n, path in enumerate(posts, 1):
        routes[f"/notes/{path}"] = _page(path, f"2024-05-0{n}", links='<a href="/notes/">Notes</a>')
    for n, (start, expected) in enumerate((("notes/", posts), ("notes", posts), ("notes/posts/rye/", posts[:1]))):
        archive = tmp_path / f"{n}.db"
        with serve(Server(routes=routes)) as site:
            result = run_cli("crawl", site.base + start, "--db", str(archive), "--quiet", "-s", "EXTRACT_PROCESSES=1")
        assert result.returncode == 0, result.stderr
        with sqlite3.connect(archive) as connection:
            stored = {
                url.removeprefix(site.base + "notes/") for (url,) in connection.execute("SELECT url FROM articles")
            }
        assert stored == set(expected), (start, stored)
    assert run_cli("reextract", "--db", str(tmp_path / "0.db")).returncode == 0  # decided as the crawl did
    with sqlite3.connect(tmp_path / "0.db") as connection:
        assert len(connection.execute("SELECT url FROM articles").fetchall()) == len(posts)


def test_a_hand_made_post_the_crawl_starts_at_stays_a_post(tmp_path):
    """The folder a crawl starts in is the blog's home — but not a post the crawl was started at to archive it,
    marked up as nothing (a hand-made page: no <article>, no <time>, no feed lists it any more), linking the home
    and one other post under it: it lists no posts, a home lists them."""
    text = "".join(f"<p>{PARAGRAPH} (paragraph {n})</p>" for n in range(4))
    post = (
        "<!doctype html><html><head><title>Rye, 2 May 2024</title></head><body><a href='/'>Home</a>"
        f"<h1>Rye</h1><p>2 May 2024</p>{text}<p>Next: <a href='/spelt/'>Spelt</a></p></body></html>"
    )
    with serve(Server(routes={"/rye/": (200, {}, post.encode())})) as site:
        result = run_cli("crawl", site.base + "rye/", "--db", str(tmp_path / "a.db"), "--quiet")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "a.db") as connection:
        assert connection.execute("SELECT url FROM articles").fetchall() == [(site.base + "rye/",)]
