"""A page that prints a post whole again and names the post as its canonical (FlatPress's page of a post's
comments, /Y/M/D/slug/comments/, linked from every listing) is that post: stored once, at the canonical."""

from __future__ import annotations

from tests.hostile.servers import PARAGRAPH, answer, crawl, page


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


def _leggero(base: str, view: bool, views: int) -> bytes:
    """FlatPress 1.5's Leggero theme, trimmed: the post's page shows its view count and links its comments view
    ("2 comments" to …/comments/#comments); the view prints the post again with its comments."""
    post = f"{base}2024/03/09/cliffs-in-the-rain/"
    comments = "".join(
        f'<li id="comment24031{n}-080000"><strong class="comment-name">{who}</strong><p class="date"><a href='
        f'"{post}comments/#comment24031{n}-080000">Sunday, March 1{n}, 2024 at 08:00:00</a></p><p>{text}</p></li>'
        for n, who, text in ((0, "Máire", "We were there the same week."), (1, "Tom", "Upwards rain is the best."))
    )
    link = "" if view else f'<a href="{post}comments/#comments">2 comments</a>'
    return (
        _flatpress(base, "comments" if view else "")
        .decode()
        .replace("<ol id='comments'><li><strong class='comment-name'>Kim</strong><p>Lovely walk.</p></li></ol>", "")
        .replace(
            "</div></div>",
            f'</div><ul class="entry-footer"><li class="entry-info">Posted by Daniel at 11:11:00</li><li'
            f' class="link-comments"><strong>{views}</strong> views {link}</li></ul></div>'
            + (f'<ol id="comments">{comments}</ol>' if view else "")
            + f'<div id="widget-lastentries"><ul><li><a href="{post}comments/">Cliffs in the Rain</a></li></ul></div>',
        )
        .encode()
    )


def test_a_posts_comments_view_is_read_with_the_post_for_its_comments(world, tmp_path, db):
    """FlatPress prints a post's comments on its comments view (…/comments/, canonical to the post), the post's page
    only their count: both pages were stored at the post's address, the one stored last won — the post's page, its
    comments gone — and each recrawl, the view count changed, added a version. The view is read as the post's
    companion for its comments: one row, its comments, no new version on a recrawl."""
    blog, _, sink = world
    post, view = "/2024/03/09/cliffs-in-the-rain/", "/2024/03/09/cliffs-in-the-rain/comments/"
    served = {post: 0, view: 0}

    def counting(path: str, is_view: bool):  # FlatPress counts each view of the post on both pages
        def handler(request) -> None:
            served[path] += 1
            answer(request, (200, {}, _leggero(blog.base, is_view, sum(served.values()))))

        return handler

    blog.routes["/"] = page(view, title="Stone and Bread")
    blog.routes[post] = counting(post, False)
    blog.routes[view] = counting(view, True)
    for _ in range(2):
        result = crawl(tmp_path, sink, blog.base)
        assert result.returncode == 0, result.stderr
        assert db("SELECT url, title FROM articles") == [(blog.base + post[1:], "Cliffs in the Rain")]
        assert db("SELECT author, text FROM comments ORDER BY published") == [
            ("Máire", "We were there the same week."),
            ("Tom", "Upwards rain is the best."),
        ]
        assert db("SELECT count(*) FROM article_versions") == [(0,)]
        assert db("SELECT kind FROM pages WHERE url = ? AND kind = 'article'", blog.base + view[1:]) == []
