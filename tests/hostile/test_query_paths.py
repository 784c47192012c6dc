"""A blog that addresses its posts by a path in the query string (Serendipity's and Dotclear's default URLs:
`index.php?/archives/1-title.html`, `index.php?post/2024/01/15/title`): each post is a page of its own."""

from __future__ import annotations

from tests.hostile.servers import crawl, page, post


def test_posts_addressed_by_a_path_in_the_query_are_each_archived(world, tmp_path, db):
    blog, _, sink = world
    posts = ["/index.php?/archives/1-Why-static.html", "/index.php?/archives/2-Rye-bread.html"]
    blog.routes["/"] = page(*posts, "/index.php?post/2024/01/15/garden", title="Home")
    blog.routes[posts[0]] = post("Why static")
    blog.routes[posts[1]] = post("Rye bread")
    blog.routes["/index.php?post/2024/01/15/garden"] = post("Garden")
    result = crawl(tmp_path, sink, blog.base)
    assert result.returncode == 0, result.stderr
    stored = {url.removeprefix(blog.base.rstrip("/")): title for url, title in db("SELECT url, title FROM articles")}
    assert stored == {posts[0]: "Why static", posts[1]: "Rye bread", "/index.php?post/2024/01/15/garden": "Garden"}
