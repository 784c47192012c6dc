"""A page that prints a post whole again and names the post as its canonical (FlatPress's page of a post's
comments, /Y/M/D/slug/comments/, linked from every listing) is that post: stored once, at the canonical."""

from __future__ import annotations

from tests.hostile.servers import PARAGRAPH, crawl, page


def _flatpress(base: str, view: str) -> bytes:
    title = "Cliffs in the Rain" + (f" : {view}" if view else "")
    comments = "<ol id='comments'><li><strong class='comment-name'>Kim</strong><p>Lovely walk.</p></li></ol>"
    body = "".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(5))
    return (
        f"<!doctype html><html><head><title>{title} &laquo; Stone and Bread</title>"
        f'<meta property="og:title" content="{title} - Stone and Bread">'
        f'<link rel="canonical" href="{base}2024/03/09/cliffs-in-the-rain/"></head><body>'
        f'<div id="head"><h1><a href="{base}">Stone and Bread</a></h1></div>'
        '<div itemscope itemtype="http://schema.org/BlogPosting" class="entry"><h2 itemprop="name"'
        f' class="entry-title"><a href="{base}2024/03/09/cliffs-in-the-rain/comments/">Cliffs in the Rain</a></h2>'
        f'<div itemprop="articleBody">{body}</div></div>{comments if view else ""}</body></html>'
    ).encode()


def test_a_posts_comments_page_whose_canonical_is_the_post_is_stored_as_that_post(world, tmp_path, db):
    """FlatPress titles the comments page "Cliffs in the Rain : comments": taken for another post than the one
    its canonical names, it was stored as a second post under its own address (every post of the blog twice)."""
    blog, _, sink = world
    post, comments = "/2024/03/09/cliffs-in-the-rain/", "/2024/03/09/cliffs-in-the-rain/comments/"
    blog.routes["/"] = page(comments, post, title="Stone and Bread")
    blog.routes[post] = (200, {}, _flatpress(blog.base, ""))
    blog.routes[comments] = (200, {}, _flatpress(blog.base, "comments"))
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url, title FROM articles") == [(blog.base + post[1:], "Cliffs in the Rain")]
