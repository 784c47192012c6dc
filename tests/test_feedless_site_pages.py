"""A blog without feeds or sitemaps tells its posts from its pages by its templates alone. Kirby's Starterkit prints
a note in an <article> with its <time>, its About page and its photo albums in neither, and has no feed: nothing
known of the site, each long undated page was taken for a post by its length. Now, once the crawl has read three
posts its own markup dates and marks up as posts, an undated page without post markup is one of the site's pages —
decided so at once when the posts came first, retired at the run's end when it was stored before them, and not
restored by a later run that reads the posts unchanged. A short note stays a post; a site whose posts print no
date is as before."""

from __future__ import annotations

from crawler.extraction.pagekind import SiteFacts, decide
from tests.hostile.servers import Server, serve
from tests.test_pagekind import _evidence

PROSE = (
    "The morning ferry left before the fog had lifted, and the harbour smelled of diesel and salt. We found seats "
    "on the upper deck and watched the town shrink behind us while the gulls followed the wake for a long while. "
)


def _page(title: str, main: str) -> bytes:
    nav = '<nav class="menu"><a href="/photography">Photography</a><a href="/notes">Notes</a><a href="/about">About</a>'
    return (
        f"<!doctype html><html lang='en'><head><title>Mægazine | {title}</title></head><body>"
        f'<header class="header"><a class="logo" href="/">Mægazine</a>{nav}</nav></header>'
        f'<main class="main">{main}</main><footer class="footer"><p>Made with a CMS</p></footer></body></html>'
    ).encode()


def _note(title: str, day: str, text: str) -> bytes:
    return _page(
        title,
        f'<article class="note"><header class="note-header"><h1 class="note-title">{title}</h1></header>'
        f'<div class="note text">{text}</div><footer class="note-footer">'
        f'<time class="note-date" datetime="{day}T00:00:00+00:00">Published on {day}</time></footer></article>',
    )


def _site() -> dict[str, tuple[int, dict[str, str], bytes]]:
    """About and an album linked from every page, the notes from their listing only: the crawl reads the pages
    first, before it knows how the site prints a post."""
    about = _page(
        "About us",
        '<header class="h1"><h1>About us</h1></header><section class="grid"><div class="text">'
        f"<h2>Who we are</h2><p>{PROSE * 2}</p><h2>What we do</h2><p>{PROSE * 2}</p></div></section>",
    )
    album = _page(
        "Ocean",
        '<header class="h1"><h1>Oceans are quite nice</h1></header><div class="album-text text">'
        f'<p>{PROSE * 2}</p></div><ul class="album-gallery"><li><figure><img src="/media/a.jpg" alt="A wave"></figure>'
        '</li><li><figure><img src="/media/b.jpg" alt="A cliff"></figure></li></ul>',
    )
    notes = {
        "/notes/across-the-ocean": ("Across the ocean", "2024-09-21", f"<p>{PROSE * 3}</p>"),
        "/notes/chasing-waterfalls": ("Chasing waterfalls", "2024-12-15", f"<p>{PROSE * 2}</p>"),
        "/notes/through-the-desert": ("Through the desert", "2025-03-05", f"<p>{PROSE * 2}</p>"),
        "/notes/short": ("A short one", "2025-04-01", "<p>Back home, and tired.</p>"),
    }
    teasers = "".join(
        f'<article class="note-excerpt"><a href="{path}"><h2>{title}</h2></a></article>'
        for path, (title, _, _) in notes.items()
    )
    routes = {
        "/": (200, {}, _page("Home", '<p><a href="/about">About us</a> <a href="/photography/ocean">Ocean</a></p>')),
        "/about": (200, {}, about),
        "/photography/ocean": (200, {}, album),
        "/notes": (200, {}, _page("Notes", f'<div class="notes">{teasers}</div>')),
    }
    routes.update({path: (200, {}, _note(*note)) for path, note in notes.items()})
    return routes


def test_an_undated_page_without_post_markup_is_no_post_where_the_crawls_posts_print_both():
    about = _evidence(words=180)
    assert decide(about, SiteFacts())[0] == "article"  # nothing known of the site: taken for a post by its length
    assert decide(about, SiteFacts(posts_marked_up=True)) == (
        "other",
        "no date and no post markup, where the site's posts the crawl read print both",
    )
    short_note = _evidence(words=4, dated=True, post_markup="<article> with a <time> or a rel=author link")
    assert decide(short_note, SiteFacts(posts_marked_up=True))[0] == "article"


def test_a_feedless_sites_about_page_and_album_are_no_posts_and_stay_so_on_a_recrawl(crawl, db):
    with serve(Server(routes=_site())) as site:
        first = crawl(site.base)
        second = crawl(site.base)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    posts = {url.removeprefix(site.base) for (url,) in db("SELECT url FROM v_posts")}
    assert posts == {"notes/across-the-ocean", "notes/chasing-waterfalls", "notes/through-the-desert", "notes/short"}
    retired = db("SELECT url, retired_reason FROM articles WHERE retired_at IS NOT NULL ORDER BY url")
    assert [url.removeprefix(site.base) for url, _ in retired] == ["about", "photography/ocean"]
    assert {reason for _, reason in retired} == {
        "other: no date and no post markup, where the site's posts the crawl read print both"
    }
    assert db("SELECT count(*) FROM changes WHERE change = 'restored'") == [(0,)]


def test_a_feedless_site_whose_posts_print_no_date_keeps_its_long_pages_as_posts(crawl, db):
    routes = {
        "/": (200, {}, _page("Home", '<p><a href="/one">One</a> <a href="/two">Two</a></p>')),
        "/one": (200, {}, _page("One", f"<h1>One</h1><p>{PROSE * 2}</p>")),
        "/two": (200, {}, _page("Two", f"<h1>Two</h1><p>{PROSE * 2}</p>")),
    }
    with serve(Server(routes=routes)) as site:
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert {url.removeprefix(site.base) for (url,) in db("SELECT url FROM v_posts")} == {"one", "two"}
