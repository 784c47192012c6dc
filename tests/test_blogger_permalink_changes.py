"""A Blogger author edited a published post's permalink ("Permalink → Custom permalink") between two crawls: Blogger
answers the old address 404, and a recrawl marked the post gone and stored it again as a new post — its history
split. Blogger numbers every blog and every post, and names a post by both in its feeds (the Atom entry's <id>, the
RSS item's guid: `tag:blogger.com,1999:blog-BLOGID.post-POSTID`) and on its page, each theme its own way: the same
post gone at the archived address and read at a new one is the post moved.

The blog is tests/blogger_blog.py's, served on 127.0.0.1 as Blogger serves one; each crawl is a real one."""

from __future__ import annotations

import pytest

from crawler.discovery.feeds import feed_entries
from crawler.extraction.extract import extract
from tests.blogger_blog import BLOG_ID, BloggerBlog, Post, serve_blogger
from tests.conftest import archive_rows, crawl_summary

SOUP, NOTES = "4412093340921730001", "4412093340921730002"


def _tag(post_id: str) -> str:
    return f"tag:blogger.com,1999:blog-{BLOG_ID}.post-{post_id}"


@pytest.mark.parametrize("post_ids", [True, False], ids=["id-from-the-page", "id-from-the-feed"])
def test_a_blogger_post_whose_permalink_changed_is_moved_by_its_blogger_id(tmp_path, post_ids):
    db = tmp_path / "archive.db"
    posts = [
        Post(SOUP, "winter-squash-soup", "Winter squash soup", "2024-03-01T09:30:00+01:00"),
        Post(NOTES, "cellar-notes", "Notes from the cellar", "2024-02-12T18:00:00+01:00"),
    ]
    with serve_blogger(BloggerBlog(posts=posts, post_ids=post_ids)) as blog:
        old = blog.base + "2024/03/winter-squash-soup.html"
        crawl_summary(blog.base, db)
        assert (old, _tag(SOUP)) in archive_rows(db, "SELECT url, platform_id FROM articles")
        (row,) = archive_rows(db, f"SELECT id FROM articles WHERE url = '{old}'")
        posts[0].slug = "squash-soup-with-sage"  # the author's custom permalink; the old address answers 404
        again = crawl_summary(blog.base, db)
        assert again["moved (the same post ID, its old address gone)"] == "1"
        assert again["new articles"] == "0" and again["gone (404/410)"] == "0"
        new = blog.base + "2024/03/squash-soup-with-sage.html"
        assert archive_rows(db, f"SELECT id, url, gone_at FROM articles WHERE platform_id = '{_tag(SOUP)}'") == [
            (row[0], new, None)
        ]
        assert archive_rows(db, "SELECT url, moved_to, redirect FROM article_addresses") == [
            (old, new, f"404, the same post {_tag(SOUP)}")
        ]


def _page(head: str, body: str) -> str:
    """A Blogger post page: Blogger's own head links (the service.post link names the blog), the theme's body."""
    return (
        f"<html><head><title>Cellar and Oven: Winter squash soup</title><meta content='blogger' name='generator'/>"
        f"<link rel='service.post' type='application/atom+xml' title='Cellar and Oven - Atom'"
        f" href='https://www.blogger.com/feeds/{BLOG_ID}/posts/default'/>{head}</head><body>{body}</body></html>"
    )


_TEXT = "<p>" + "Winter squash keeps for months in a cool cellar, and a slow oven turns it sweet. " * 4 + "</p>"
# The post as each kind of Blogger theme prints it, its id in that theme's own place
THEMES = {
    # a classic template: <a name="<$BlogItemNumber$>"></a> before the post
    "classic": f"<a name='{SOUP}'></a><div class='post'><h3 class='post-title'>Winter squash soup</h3>"
    f"<div class='post-body'>{_TEXT}</div></div>",
    # a layout (Minima, Simple …): the post's metadata and its anchor, the body's id
    "layout": f"<div class='post hentry'><meta content='{SOUP}' itemprop='postId'/><a name='{SOUP}'></a>"
    f"<h3 class='post-title entry-title'>Winter squash soup</h3>"
    f"<div class='post-body entry-content' id='post-body-{SOUP}'>{_TEXT}</div></div>",
    # a 2017 theme (Contempo, Soho, Notable, Essential): the .post's data-id
    "contempo": f"<div class='post-outer-container'><div class='post-outer'><div class='post' data-id='{SOUP}'>"
    f"<h3 class='post-title entry-title'>Winter squash soup</h3><div class='post-body entry-content float-container'>"
    f"{_TEXT}</div></div></div><div class='loadmore hidden' data-post-id='{SOUP}'></div></div>",
    # a custom theme: only Blogger's widget script names the post
    "script": f"<div class='post'><h1>Winter squash soup</h1>{_TEXT}</div><script>_WidgetManager._SetDataContext("
    f"[{{'name': 'blog', 'data': {{'blogId': '{BLOG_ID}', 'pageType': 'item', 'postId': '{SOUP}'}}}}]);</script>",
}


@pytest.mark.parametrize("theme", THEMES)
def test_each_blogger_theme_names_the_post_and_its_blog(theme):
    url = "https://cellar.blogspot.com/2024/03/winter-squash-soup.html"
    assert extract(_page("", THEMES[theme]), url).platform_id == _tag(SOUP)


def test_the_blog_is_named_by_its_metadata_without_the_service_link():
    url = "https://cellar.blogspot.com/2024/03/winter-squash-soup.html"
    page = _page("", THEMES["layout"]).replace("rel='service.post'", "rel='alternate'")
    assert extract(page, url).platform_id is None
    page = page.replace(
        "<div class='post hentry'>", f"<div class='post hentry'><meta content='{BLOG_ID}' itemprop='blogId'/>"
    )
    assert extract(page, url).platform_id == _tag(SOUP)


def test_a_page_of_several_posts_or_of_no_blogger_blog_names_none():
    url = "https://cellar.blogspot.com/"
    other = THEMES["layout"].replace(SOUP, NOTES)
    assert extract(_page("", THEMES["layout"] + other), url).platform_id is None
    # a footnote's anchor inside the post's text is no post's id
    footnote = THEMES["contempo"].replace("</p>", "<a name='1'></a></p>")
    assert extract(_page("", footnote), url + "2024/03/x.html").platform_id == _tag(SOUP)
    # the same markup where no Blogger blog is named: no Blogger identity
    plain = _page("", THEMES["layout"]).replace("https://www.blogger.com/feeds/", "https://example.org/feeds/")
    assert extract(plain, url + "2024/03/x.html").platform_id is None


def test_a_blogger_feeds_entry_id_is_the_posts_identity():
    blog = BloggerBlog(posts=[Post(SOUP, "soup", "Winter squash soup", "2024-03-01T09:30:00+01:00")])
    blog.base = "https://cellar.blogspot.com/"
    _status, _type, atom = blog.answer("/feeds/posts/default")
    (entry,) = feed_entries(atom, blog.base + "feeds/posts/default")
    assert entry.platform_id == _tag(SOUP)
    rss = (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Cellar and Oven</title>"
        "<link>https://cellar.blogspot.com/</link><generator>Blogger</generator><item>"
        f"<guid isPermaLink='false'>{_tag(SOUP)}</guid><pubDate>Fri, 01 Mar 2024 08:30:00 +0000</pubDate>"
        "<title>Winter squash soup</title><description>Soup.</description>"
        "<link>https://cellar.blogspot.com/2024/03/soup.html</link></item></channel></rss>"
    ).encode()
    assert feed_entries(rss, blog.base + "feeds/posts/default?alt=rss")[0].platform_id == _tag(SOUP)
    assert feed_entries(rss.replace(b">Blogger<", b">Hugo<"), blog.base + "index.xml")[0].platform_id is None
