"""Blogs built by Debian's Hugo and Jekyll (tests/sites/), crawled with the real CLI, checked against the truth of
their sources (tests/engines/truth.py): every post archived, nothing else, each as its front matter says."""

from __future__ import annotations

import re
import shutil

from tests.conftest import run_cli
from tests.engines.conftest import CrawledBlog, path_of
from tests.engines.truth import people


def test_the_crawl_finishes_without_an_error(blog: CrawledBlog):
    assert blog.returncode == 0, blog.stderr
    assert blog.query("SELECT url, message FROM crawl_errors") == []


def test_every_post_of_the_sources_is_archived(blog: CrawledBlog):
    archived = blog.articles()
    assert len(blog.posts) >= 10
    assert [post.path for post in blog.posts if post.path not in archived] == []


def test_nothing_but_the_posts_is_archived(blog: CrawledBlog):
    """No About, Impressum, archives, author, tag, category or paginated home page among the articles."""
    posts = {post.path for post in blog.posts}
    archived = blog.articles()
    assert archived and sorted(set(archived) - posts) == []


def test_a_post_of_a_sentence_and_an_image_is_kept(blog: CrawledBlog):
    short = [post for post in blog.posts if len(post.text.split()) <= 25]
    archived = blog.articles()
    assert len(short) >= 2
    assert {post.path: archived[post.path]["word_count"] <= 40 for post in short} == {p.path: True for p in short}


def test_titles_are_as_the_front_matter_says(blog: CrawledBlog):
    archived = blog.articles()
    wrong = {post.path: (archived[post.path]["title"], post.title) for post in blog.posts}
    assert {path: titles for path, titles in wrong.items() if titles[0] != titles[1]} == {}


def test_titles_with_a_dash_are_kept_whole(blog: CrawledBlog):
    dashed = [post for post in blog.posts if re.search(r"\s[-–]\s", post.title)]
    archived = blog.articles()
    assert len(dashed) >= 2
    assert {post.path: archived[post.path]["title"] for post in dashed} == {post.path: post.title for post in dashed}


def test_days_are_as_the_front_matter_says(blog: CrawledBlog):
    archived = blog.articles()
    got = {post.path: (archived[post.path]["published"] or "")[:10] for post in blog.posts}
    assert got == {post.path: post.day for post in blog.posts}


def test_authors_are_as_the_front_matter_says(blog: CrawledBlog):
    archived = blog.articles()
    got = {post.path: archived[post.path]["authors"] for post in blog.posts}
    assert got == {post.path: list(post.authors) for post in blog.posts}


def test_every_token_of_the_code_blocks_is_in_the_text(blog: CrawledBlog):
    archived = blog.articles()
    with_code = [post for post in blog.posts if post.code]
    assert len(with_code) >= 3
    missing = {
        post.path: [token for block in post.code for token in re.findall(r"\w+", block) if token not in text]
        for post in with_code
        if (text := archived[post.path]["text"])
    }
    assert {path: tokens for path, tokens in missing.items() if tokens} == {}


def test_posts_in_german_and_korean_have_their_language(blog: CrawledBlog):
    archived = blog.articles()
    foreign = [post for post in blog.posts if post.language != "en"]
    assert {post.language for post in foreign} >= {"de", "ko"}
    assert {post.path: archived[post.path]["language"] for post in foreign} == {p.path: p.language for p in foreign}


def test_a_page_read_and_not_kept_says_why(blog: CrawledBlog):
    rows = blog.query(
        "SELECT url, kind, reason FROM pages WHERE status = 200 AND content_type = 'text/html' AND kind != 'article'"
    )
    reasons = {path_of(url): (kind, reason) for url, kind, reason in rows}
    assert reasons["/about/"][0] != "article" and reasons["/about/"][1]
    assert reasons["/archives/"] == ("listing", reasons["/archives/"][1]) and "entries" in reasons["/archives/"][1]
    assert [path for path, (_kind, reason) in reasons.items() if not reason] == []


def test_every_feed_is_read_as_a_feed(blog: CrawledBlog):
    """The site's feed, and one per tag: stored as feeds, never logged as "not an HTML page"."""
    kinds = dict(blog.query("SELECT url, kind FROM pages WHERE url LIKE '%.xml' AND url NOT LIKE '%sitemap%'"))
    tags = {path for path in map(path_of, kinds) if re.search(r"/(?:tags/[^/]+/index|feed/by_tag/[^/]+)\.xml$", path)}
    assert len(tags) >= 5
    assert set(kinds.values()) == {"feed"}


def test_reextract_keeps_the_posts_the_crawl_kept(blog: CrawledBlog, tmp_path):
    """reextract decides which pages are posts as the crawl did, with the feeds the archive stores."""
    db = tmp_path / "archive.db"
    shutil.copy(blog.db, db)
    result = run_cli("reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    copy = CrawledBlog(blog.engine, blog.base, blog.site, db, 0, "", blog.posts)
    assert sorted(copy.articles()) == sorted(blog.articles()) != []


def test_every_author_has_the_bio_and_page_their_source_gives(blog: CrawledBlog):
    """Their author page, which the crawl reaches from the bylines, completes the person (#32); a byline's name the
    sources give no author page of has no bio."""
    archived = {name: (bio, path_of(url or "")) for name, bio, url in blog.query("SELECT name, bio, url FROM authors")}
    bios = {person.name: person.bio for person in people(blog.engine)}
    assert set(bios) <= set(archived)
    assert {name: bio for name, (bio, _) in archived.items()} == {name: bios.get(name) for name in archived}
    for person in people(blog.engine):  # a multilingual blog's author page under /de/ or /ko/ is theirs too
        assert re.fullmatch(r"(?:/\w\w)?" + re.escape(person.path), archived[person.name][1]), person
