"""A multilingual Hugo site is one site per language, each in its folder (/de/, /ko/) with its own sitemap and feed:
the folder of a language is no section of the site (crawler/discovery/structure.py)."""

from __future__ import annotations

from dataclasses import asdict

from crawler.discovery.structure import SiteStructure, listed_in
from crawler.extraction.pagekind import PageEvidence, decide

SITE = "https://notes.example"
URLSET = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {}>{}</urlset>'
XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'


def _sitemap(*pages: tuple[str, tuple[str, ...]]) -> bytes:
    """A sitemap of (path, translations as (hreflang, path) pairs flattened: "de", "/de/x/", …) entries, as Hugo's
    sitemap prints a translated page."""
    entries = []
    for path, translations in pages:
        pairs = zip(translations[::2], translations[1::2], strict=True)
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{SITE}{href}"/>' for lang, href in pairs)
        entries.append(f"<url><loc>{SITE}{path}</loc>{links}</url>")
    return URLSET.format(XHTML, "".join(entries)).encode()


def _feed(*dated: tuple[str, str]) -> bytes:
    items = "".join(
        f"<item><link>{SITE}{path}</link><pubDate>{day}</pubDate><description>Text of {path}</description></item>"
        for path, day in dated
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title>{items}</channel></rss>'.encode()


def _page(**facts: object) -> PageEvidence:
    page = {
        "words": 120,
        "home": False,
        "entries": 0,
        "entry_share": 0.0,
        "text_in_entries": 1.0,
        "text_in_items": 1.0,
        "link_share": 0.0,
        "post_markup": "<article> with a <time> or a rel=author link",
        "post_items": 0,
        "listing_markup": None,
        "dated": True,
        "url_kind": None,
    }
    return PageEvidence(**{**page, **facts})


AUTHORS = ("en", "/authors/", "de", "/de/authors/", "ko", "/ko/authors/")
DAY = "Mon, 04 Mar 2024 10:00:00 +0100"


def _kind(structure: SiteStructure, path: str, published: str = "2024-03-04") -> str:
    return decide(_page(), structure.facts(SITE + path, published))[0]


def test_the_about_and_impressum_of_each_language_are_pages_beside_its_section_of_posts():
    """Poison and Archie: Hugo's feed of each language lists every page, About and Impressum dated by `hugo new`;
    the site's dated items lay in posts/, de/ and ko/, three sections, so the rule that takes a dated item at the
    root beside one section of posts for a page never held, and both were stored as posts. A post of one language
    at its root (`url: /ko/jeju-bada-sajin/`), beside fewer posts of its language in the section, stays a post."""
    structure = SiteStructure()
    structure.add(listed_in("sitemap", _sitemap(("/de/authors/", AUTHORS)), SITE + "/de/sitemap.xml"))
    english = [(f"/posts/{name}/", DAY) for name in ("rye", "spelt", "oats")] + [("/about/", DAY)]
    german = [("/de/posts/roggen/", DAY), ("/de/posts/dinkel/", DAY), ("/de/impressum/", DAY)]
    korean = [("/ko/posts/hugo-intro/", DAY), ("/ko/jeju-bada-sajin/", DAY)]
    for path, items in (("/index.xml", english), ("/de/index.xml", german), ("/ko/index.xml", korean)):
        structure.add(listed_in("feed", _feed(*items), SITE + path))
    assert _kind(structure, "/about/") == "other"
    assert _kind(structure, "/de/impressum/") == "other"
    assert _kind(structure, "/ko/jeju-bada-sajin/") == "article"
    assert _kind(structure, "/de/posts/roggen/") == "article"
    # no translation shows that /de/ is a language's folder: it is a section, as before
    unknown = SiteStructure()
    for path, items in (("/index.xml", english), ("/de/index.xml", german)):
        unknown.add(listed_in("feed", _feed(*items), SITE + path))
    assert _kind(unknown, "/about/") == "article"


def test_a_languages_posts_are_no_pages_where_the_crawl_read_no_feed_of_that_language():
    """Tania: only /index.xml (English) was read — nothing links /de/index.xml — and every German and Korean post,
    known from /de/sitemap.xml, was taken for a page of a section the feeds list nothing of, in silence. The silence
    of the feeds of other languages says nothing of a language's pages; the About page, dated before the first post,
    beside feeds that list every page the sitemaps list in their section, is still a page."""
    structure = SiteStructure()
    sitemap = _sitemap(
        ("/de/authors/", AUTHORS),
        ("/de/post/roggen/", ()),
        ("/de/impressum/", ()),
        *((f"/post/{name}/", ()) for name in ("rye", "spelt", "oats")),
        ("/about/", ()),
    )
    structure.add(listed_in("sitemap", sitemap, SITE + "/de/sitemap.xml"))
    structure.add(listed_in("feed", _feed(*((f"/post/{name}/", DAY) for name in ("rye", "spelt", "oats"))), SITE))
    assert _kind(structure, "/de/post/roggen/", "2024-05-17") == "article"
    assert _kind(structure, "/de/impressum/", "2024-01-01") == "article"  # no German feed read: nothing known
    assert _kind(structure, "/about/", "2024-01-01") == "other"  # older than the feeds' oldest, which are complete
    about = {"published": "2024-01-01", "evidence": asdict(_page()), "kind": "other"}
    assert structure.left_out(SITE + "/about/", about) is False  # said, at the root: not lost
    marked = {**about, "evidence": asdict(_page(page_markup="FixIt's layout for pages"))}
    assert structure.left_out(SITE + "/about/", marked) is None  # its own markup decided it
    # a sitemap that lists a post the feeds leave out in their section: they may have dropped older posts
    structure.add(listed_in("sitemap", _sitemap(("/post/barley/", ())), SITE + "/sitemap.xml"))
    assert _kind(structure, "/about/", "2024-01-01") == "article"


def test_a_sections_list_page_in_a_languages_folder_is_a_listing_though_it_states_a_date():
    """FixIt: Hugo's section page /ko/posts/ ("All Posts 2", its two entries dated, the page dated by the newest)
    lies in no feed; in the Korean folder it stood at the Korean root, where the feed lists a post
    (/ko/jeju-bada-sajin/), so the feeds' silence said nothing of it, its two entries held too little of its text,
    and it was stored as a post (the German /de/posts/, at a root the feed lists nothing at, was taken for a page).
    The folder right above the posts a feed dates is their section's list page."""
    structure = SiteStructure()
    structure.add(listed_in("sitemap", _sitemap(("/de/authors/", AUTHORS)), SITE + "/de/sitemap.xml"))
    english = [(f"/posts/{name}/", DAY) for name in ("rye", "spelt", "oats")]
    korean = [("/ko/posts/hugo-intro/", DAY), ("/ko/jeju-bada-sajin/", DAY)]
    for path, items in (("/index.xml", english), ("/ko/index.xml", korean)):
        structure.add(listed_in("feed", _feed(*items), SITE + path))
    archive = _page(words=35, entries=2, entry_share=0.27, text_in_entries=0.15, link_share=0.23, post_markup=None)
    for path in ("/ko/posts/", "/posts/", "/ko/posts/index.html"):
        assert decide(archive, structure.facts(SITE + path, "2024-08-15"))[0] == "listing", path
    assert _kind(structure, "/ko/posts/hugo-intro/") == "article"
    assert _kind(structure, "/ko/jeju-bada-sajin/") == "article"
    # a post the feeds date stays a post, whatever lies below it
    structure.add(listed_in("feed", _feed(("/ko/posts/hugo-intro/part-2/", DAY)), SITE + "/ko/posts/index.xml"))
    assert _kind(structure, "/ko/posts/hugo-intro/") == "article"
