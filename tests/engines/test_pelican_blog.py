"""A blog built by Debian's Pelican 4.8 with its default theme, "simple" (tests/sites/pelican/: Markdown posts, one
with a fenced code block, one modified, a reST post with a figure, posts in German and Korean, three authors, an About
page), crawled with the real CLI and checked against the truth of its sources (tests/engines/truth.py): every post and
nothing else, each post's title, day and UTC offset, last change, authors, category, tags, language, paragraphs, code
as written and its figure's caption, in the text and as the picture's."""

from __future__ import annotations

import json

from tests.engines.conftest import CrawledBlog, path_of
from tests.engines.truth import site_name


def test_the_crawl_finishes_without_an_error(pelican_blog: CrawledBlog):
    assert pelican_blog.returncode == 0, pelican_blog.stderr
    assert pelican_blog.query("SELECT url, message FROM crawl_errors") == []


def test_every_post_is_archived_and_nothing_else(pelican_blog: CrawledBlog):
    """No home page or its second page (index2.html), archives, author, category or tag page, no About page."""
    assert len(pelican_blog.posts) >= 6
    assert sorted(pelican_blog.articles()) == sorted(post.path for post in pelican_blog.posts)


def test_titles_are_as_the_sources_say(pelican_blog: CrawledBlog):
    """Not "<site> - <title>" (the theme's <title>): the post's h2.entry-title."""
    archived = pelican_blog.articles()
    assert {p.path: archived[p.path]["title"] for p in pelican_blog.posts} == {
        p.path: p.title for p in pelican_blog.posts
    }


def test_days_and_offsets_are_as_the_sources_say(pelican_blog: CrawledBlog):
    """The post's time read in TIMEZONE (Europe/Berlin), as time.published's datetime states it: its own day and
    offset, also for a post written just after midnight (the day before in UTC)."""
    archived = pelican_blog.articles()
    got = {post.path: archived[post.path]["published"] or "" for post in pelican_blog.posts}
    assert {path: (published[:10], published[-6:]) for path, published in got.items()} == {
        post.path: (post.day, post.offset) for post in pelican_blog.posts
    }


def test_a_modified_post_is_updated_as_the_sources_say(pelican_blog: CrawledBlog):
    """A post's Modified time, which the theme prints as time.modified after its time.published, is its updated
    date (it had none); a post never modified has none."""
    archived = pelican_blog.articles()
    assert any(post.updated for post in pelican_blog.posts)
    assert {post.path: archived[post.path]["updated"] for post in pelican_blog.posts} == {
        post.path: post.updated for post in pelican_blog.posts
    }


def test_authors_are_as_the_sources_say(pelican_blog: CrawledBlog):
    """A post's Authors, or AUTHOR's where it names none (the theme prints them in address.vcard.author)."""
    archived = pelican_blog.articles()
    got = {post.path: archived[post.path]["authors"] for post in pelican_blog.posts}
    assert got == {post.path: list(post.authors) for post in pelican_blog.posts}


def test_every_post_names_its_blog(pelican_blog: CrawledBlog):
    archived = pelican_blog.articles()
    name = site_name(pelican_blog.engine)
    assert {path: article["sitename"] for path, article in archived.items()} == {path: name for path in archived}


def test_categories_and_tags_are_as_the_sources_say(pelican_blog: CrawledBlog):
    """The theme prints both in the post's footer.post-info ("Category: …", "Tags: …"), the Atom feed both alike as
    <category term>: a tag is not the category, nor spelt as it is ("photography" beside "Photography")."""
    archived = pelican_blog.articles()
    got = {
        post.path: (json.loads(archived[post.path]["categories"]), sorted(json.loads(archived[post.path]["tags"])))
        for post in pelican_blog.posts
    }
    assert got == {post.path: (list(post.categories), sorted(post.tags)) for post in pelican_blog.posts}


def test_languages_are_as_the_sources_say(pelican_blog: CrawledBlog):
    archived = pelican_blog.articles()
    assert {post.path: archived[post.path]["language"] for post in pelican_blog.posts} == {
        post.path: post.language for post in pelican_blog.posts
    }


def test_every_paragraph_is_in_the_text(pelican_blog: CrawledBlog):
    """A reST figure's caption among them: docutils writes it as the figure's p.caption."""
    archived = pelican_blog.articles()
    texts = {path: " ".join(article["text"].split()) for path, article in archived.items()}
    missing = {post.path: [p for p in post.paragraphs if p not in texts[post.path]] for post in pelican_blog.posts}
    assert {path: paragraphs for path, paragraphs in missing.items() if paragraphs} == {}


def test_a_post_of_a_sentence_is_kept_whole(pelican_blog: CrawledBlog):
    short = [post for post in pelican_blog.posts if len(post.text.split()) <= 10]
    archived = pelican_blog.articles()
    assert short
    assert {post.path: archived[post.path]["text"].strip() for post in short} == {p.path: p.text for p in short}


def test_code_blocks_are_in_the_text_as_written(pelican_blog: CrawledBlog):
    """Indentation, the blank line and every character of the fenced block, which Python-Markdown's codehilite
    writes as Pygments' spans in div.highlight."""
    archived = pelican_blog.articles()
    with_code = [post for post in pelican_blog.posts if post.code]
    assert with_code
    missing = {post.path: [b for b in post.code if b not in archived[post.path]["text"]] for post in with_code}
    assert {path: blocks for path, blocks in missing.items() if blocks} == {}


def test_the_figures_picture_is_kept_with_its_caption(pelican_blog: CrawledBlog):
    rows = pelican_blog.query(
        "SELECT a.url, i.src, i.caption FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.url, i.position"
    )
    got: dict[str, list[tuple[str, str]]] = {}
    for url, src, caption in rows:
        got.setdefault(path_of(url), []).append((path_of(src), caption))
    pictured = [post for post in pelican_blog.posts if post.pictures]
    assert pictured
    assert got == {post.path: list(post.pictures) for post in pictured}
