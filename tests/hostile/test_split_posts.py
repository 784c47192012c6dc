"""A WordPress post split over pages (<!--nextpage-->) whose page links a listing printed first: classic themes
print the whole post, its "Pages: 1 2 3" links too, on the home, archive, category and tag pages."""

from __future__ import annotations

from tests.hostile.servers import PARAGRAPH, crawl

POST = "/2024/05/the-long-way-round/"


def _links() -> str:
    return (
        '<div class="page-link">Pages: <span class="post-page-numbers current" aria-current="page">1</span> '
        f'<a href="{POST}2/" class="post-page-numbers">2</a> <a href="{POST}3/" class="post-page-numbers">3</a></div>'
    )


def _page(title: str, body: str, listing: bool = False) -> tuple[int, dict[str, str], bytes]:
    kind = "home blog" if listing else "post-template-default single single-post postid-7"
    html = (
        f'<!doctype html><html><head><title>{title}</title></head><body class="{kind}"><div id="content">'
        f'<article id="post-7" class="post-7 post type-post status-publish hentry"><h1 class="entry-title"><a '
        f'href="{POST}">The Long Way Round</a></h1><div class="entry-content">{body}{_links()}</div></article>'
        "</div></body></html>"
    )
    return 200, {}, html.encode()


def test_a_split_posts_parts_are_joined_though_a_listing_showed_their_links_first(world, tmp_path, db):
    blog, _, sink = world
    first = f"<p>{PARAGRAPH} Part one of the walk.</p>"
    blog.routes["/"] = _page("Home", first, listing=True)
    blog.routes[POST] = _page("The Long Way Round", first)
    blog.routes[f"{POST}2/"] = _page("The Long Way Round", f"<p>{PARAGRAPH} Part two, the ridge in the rain.</p>")
    blog.routes[f"{POST}3/"] = _page("The Long Way Round", f"<p>{PARAGRAPH} Part three, home by the river.</p>")
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    stored = db("SELECT url, text FROM articles")
    assert [url.removeprefix(blog.base.rstrip("/")) for url, _ in stored] == [POST]
    text = stored[0][1]
    assert "Part one" in text and "Part two, the ridge" in text and "Part three, home" in text
    assert "Pages:" not in text


B2EVO_POST = "/a/background/walking-notes"


def _b2evolution_page(number: int) -> tuple[int, dict[str, str], bytes]:
    """A page of a post b2evolution splits with its [pagebreak]: each page at the post's address plus ?page=N, its
    canonical the post's, its skin's "Pages: 1 · 2 · 3" links under the text."""
    links = " &middot; ".join(str(n) if n == number else f'<a href="{B2EVO_POST}?page={n}">{n}</a>' for n in (1, 2, 3))
    html = (
        "<!doctype html><html><head><title>Walking notes</title>"
        f'<link rel="canonical" href="{B2EVO_POST}"></head>'
        '<body class="coll_1 disp_single detail_single item_7"><div class="evo_content_block">'
        '<article class="evo_post"><h1 class="evo_post_title">Walking notes</h1>'
        f'<section class="evo_post__full"><div class="evo_post__full_text"><p>{PARAGRAPH} Page {number} of the notes.'
        f'</p><p class="evo_post_pagination">Pages: {links}</p></div></section></article></div></body></html>'
    )
    return 200, {}, html.encode()


def test_a_b2evolution_posts_pages_at_its_address_and_page_n_are_one_post(world, tmp_path, db):
    blog, _, sink = world
    blog.routes["/"] = (
        200,
        {},
        f'<!doctype html><html><body><ul><li><a href="{B2EVO_POST}">Walking notes</a></li></ul></body></html>'.encode(),
    )
    blog.routes[B2EVO_POST] = _b2evolution_page(1)
    for number in (2, 3):
        blog.routes[f"{B2EVO_POST}?page={number}"] = _b2evolution_page(number)
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    stored = db("SELECT url, text FROM articles")
    assert [url.removeprefix(blog.base.rstrip("/")) for url, _ in stored] == [B2EVO_POST]
    text = stored[0][1]
    assert "Page 1 of the notes" in text and "Page 2 of the notes" in text and "Page 3 of the notes" in text
    assert "Pages:" not in text
    assert db("SELECT count(*) FROM article_versions")[0][0] == 0


def _language_page(prefix: str, number: int, text: str) -> tuple[int, dict[str, str], bytes]:
    """Page `number` of the post in one language (prefix "" German, "/en" English), after Twenty Twenty-One with a
    language switcher (qTranslate-XT's widget) linking the same page in the other language."""
    post = prefix + POST
    paged = f" paged-{number} single-paged-{number}" if number > 1 else ""
    links = " ".join(
        f'<a href="{post}{"" if n == 1 else f"{n}/"}" class="post-page-numbers">{n}</a>'
        for n in (1, 2, 3)
        if n != number
    )
    here = "" if number == 1 else f"{number}/"
    switcher = (
        f'<ul class="language-chooser"><li><a href="{POST}{here}">Deutsch</a></li>'
        f'<li><a href="/en{POST}{here}">English</a></li></ul>'
    )
    html = (
        f'<!doctype html><html><head><title>{text}</title></head><body class="wp-singular single single-post postid-7'
        f'{paged}"><article id="post-7" class="post-7 post type-post status-publish hentry"><h1 class="entry-title">'
        f'{"Der lange Weg" if not prefix else "The Long Way Round"}</h1><div class="entry-content"><p>{PARAGRAPH} '
        f'{text}</p><div class="page-links">{links}</div></div></article><aside>{switcher}</aside></body></html>'
    )
    return 200, {}, html.encode()


def test_a_split_posts_page_a_language_switcher_links_first_is_read_with_its_post(world, tmp_path, db):
    """The German post's page 2 links the English post's page 2 (the language switcher), which linked the English
    post's first page only by its page links: followed as a page, the English page 2 was stored as a post, and the
    English post, whose request for its page 2 found that fetched already, was lost."""
    blog, _, sink = world
    blog.routes["/"] = (
        200,
        {},
        f'<!doctype html><html><body><a href="{POST}">Der lange Weg</a></body></html>'.encode(),
    )
    for prefix, words in (
        ("", ("Teil eins", "Teil zwei", "Teil drei")),
        ("/en", ("Part one", "Part two", "Part three")),
    ):
        for number, text in enumerate(words, 1):
            blog.routes[prefix + POST + ("" if number == 1 else f"{number}/")] = _language_page(prefix, number, text)
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(blog.base.rstrip("/")): text for url, text in db("SELECT url, text FROM articles")}
    assert sorted(stored) == sorted([POST, "/en" + POST])
    assert all(part in stored["/en" + POST] for part in ("Part one", "Part two", "Part three"))
    assert all(part in stored[POST] for part in ("Teil eins", "Teil zwei", "Teil drei"))
