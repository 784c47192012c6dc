"""Blogs built by Debian's chronicle (Steve Kemp's blog compiler, its default theme, comments as comments.cgi writes
them) and nanoc (create-site's layout, nanoc's Blogging and Tagging helpers), from tests/sites/, crawled with the
real CLI and checked against the truth of their sources (tests/engines/truth.py): each post's title, day, text, code
blocks as written, tags, pictures with their captions, and chronicle's comments."""

from __future__ import annotations

import json

from tests.engines.conftest import CrawledBlog, path_of
from tests.engines.truth import site_name


def test_the_crawl_finishes_without_an_error(compiled_blog: CrawledBlog):
    assert compiled_blog.returncode == 0, compiled_blog.stderr
    assert compiled_blog.query("SELECT url, message FROM crawl_errors") == []


def test_every_post_is_archived_and_nothing_else(compiled_blog: CrawledBlog):
    """No home page, tag page, month archive or About page among the articles."""
    assert len(compiled_blog.posts) >= 5
    assert sorted(compiled_blog.articles()) == sorted(post.path for post in compiled_blog.posts)


def test_titles_are_as_the_sources_say(compiled_blog: CrawledBlog):
    """Not "<blog>: <title>" (chronicle's <title>), not "<site> - <title>" (nanoc's), not the site's name."""
    archived = compiled_blog.articles()
    assert {p.path: archived[p.path]["title"] for p in compiled_blog.posts} == {
        p.path: p.title for p in compiled_blog.posts
    }


def test_days_are_as_the_sources_say(compiled_blog: CrawledBlog):
    """chronicle prints the entry's day alone ("12th March 2024"), nanoc's layout here a <time>: the post's own
    day, never a comment's."""
    archived = compiled_blog.articles()
    got = {post.path: (archived[post.path]["published"] or "")[:10] for post in compiled_blog.posts}
    assert got == {post.path: post.day for post in compiled_blog.posts}


def test_authors_are_as_the_sources_say(compiled_blog: CrawledBlog):
    """nanoc's posts name theirs (author_name, printed in the post's meta line as a span.author, and in the Atom
    feed, which lists only the five newest); chronicle's default theme prints none."""
    archived = compiled_blog.articles()
    got = {post.path: archived[post.path]["authors"] for post in compiled_blog.posts}
    assert got == {post.path: list(post.authors) for post in compiled_blog.posts}


def test_every_post_names_its_blog(compiled_blog: CrawledBlog):
    """chronicle prints the blog's title as the <h1> above the entry and before ": " in the <title>; nanoc's
    create-site layout only in "Site - Title" and its feed link's title (its sidebar's heading repeats it)."""
    archived = compiled_blog.articles()
    name = site_name(compiled_blog.engine)
    assert {path: article["sitename"] for path, article in archived.items()} == {path: name for path in archived}


def test_every_paragraph_is_in_the_text(compiled_blog: CrawledBlog):
    archived = compiled_blog.articles()
    texts = {path: " ".join(article["text"].replace("’", "'").split()) for path, article in archived.items()}
    # kramdown (nanoc) prints an apostrophe as a typographic one, as the page shows it
    missing = {post.path: [p for p in post.paragraphs if p not in texts[post.path]] for post in compiled_blog.posts}
    assert {path: paragraphs for path, paragraphs in missing.items() if paragraphs} == {}


def test_code_blocks_are_in_the_text_as_written(compiled_blog: CrawledBlog):
    """Indentation, blank lines and every character of each code block, verbatim."""
    archived = compiled_blog.articles()
    with_code = [post for post in compiled_blog.posts if post.code]
    assert len(with_code) >= 2
    missing = {post.path: [b for b in post.code if b not in archived[post.path]["text"]] for post in with_code}
    assert {path: blocks for path, blocks in missing.items() if blocks} == {}


def test_tags_are_as_the_sources_say(compiled_blog: CrawledBlog):
    archived = compiled_blog.articles()
    got = {post.path: sorted(json.loads(archived[post.path]["tags"])) for post in compiled_blog.posts}
    assert got == {post.path: sorted(post.tags) for post in compiled_blog.posts}


def test_pictures_are_kept_with_their_captions(compiled_blog: CrawledBlog):
    rows = compiled_blog.query(
        "SELECT a.url, i.src, i.caption FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.url, i.position"
    )
    got: dict[str, list[tuple[str, str]]] = {}
    for url, src, caption in rows:
        got.setdefault(path_of(url), []).append((path_of(src), caption))
    pictured = [post for post in compiled_blog.posts if post.pictures]
    assert len(pictured) >= 2
    assert got == {post.path: list(post.pictures) for post in pictured}


def test_chronicles_comments_are_archived_with_commenter_and_time(chronicle_blog: CrawledBlog):
    """chronicle's default theme prints each comment as a div.entry in the <blockquote> after "Comments On This
    Entry", with "Submitted at HH:MM:SS on DD Month YYYY" from the comment file's name."""
    rows = chronicle_blog.query(
        "SELECT a.url, c.author, c.published, c.text FROM comments c JOIN articles a ON a.id = c.article_id"
        " ORDER BY a.url, c.position"
    )
    got: dict[str, list[tuple[str, str, str]]] = {}
    for url, author, published, text in rows:
        got.setdefault(path_of(url), []).append((author, (published or "")[:19], text))
    commented = [post for post in chronicle_blog.posts if post.comments]
    assert len(commented) >= 2
    assert got == {post.path: [(c.author, c.time, c.text) for c in post.comments] for post in commented}
