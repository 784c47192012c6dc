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
