"""A blog built by Debian's ikiwiki 3.20200202.3 with its default templates (page.tmpl, inlinepage.tmpl), set up as
Debian's auto-blog.setup sets one up (tests/sites/ikiwiki/: the "blog" example's index, posts, archives and tags
pages, the basewiki's pages beside them, an About page; posts with [[!meta]] title, date and author, [[!tag]]s, a
fenced code block, a table, lists and subheadings, pictures with [[!img]] captions, posts in German and Korean),
crawled with the real CLI and checked against the truth of its sources (tests/engines/truth.py)."""

from __future__ import annotations

import html
import json
import re

from tests.engines.conftest import CrawledBlog, path_of
from tests.engines.truth import site_name


def test_the_crawl_finishes_without_an_error(ikiwiki_blog: CrawledBlog):
    assert ikiwiki_blog.returncode == 0, ikiwiki_blog.stderr
    assert ikiwiki_blog.query("SELECT url, message FROM crawl_errors") == []


def test_every_post_is_archived_and_nothing_else(ikiwiki_blog: CrawledBlog):
    """No blog index, posts list, archives, tags or tag page, About page, sidebar, nor the basewiki's pages (the
    sandbox, the ikiwiki/ help pages, smileys, shortcuts, templates, RecentChanges)."""
    assert len(ikiwiki_blog.posts) >= 10
    assert sorted(ikiwiki_blog.articles()) == sorted(post.path for post in ikiwiki_blog.posts)


def test_the_about_page_and_the_blogs_lists_are_read_and_not_kept_each_saying_why(ikiwiki_blog: CrawledBlog):
    """The About page (the sidebar links it), the blog's index, its list of posts and every tag page."""
    rows = ikiwiki_blog.query(
        "SELECT url, kind, reason FROM pages WHERE status = 200 AND content_type = 'text/html' AND kind != 'article'"
    )
    reasons = {path_of(url): (kind, reason) for url, kind, reason in rows}
    assert {"/about/", "/", "/posts/", "/tags/"} <= set(reasons)
    assert reasons["/"][0] == reasons["/posts/"][0] == "listing"
    assert sum(path.startswith("/tags/") for path, (kind, _) in reasons.items() if kind == "tag") >= 5
    assert [path for path, (_kind, reason) in reasons.items() if not reason] == []


def test_titles_are_as_the_sources_say(ikiwiki_blog: CrawledBlog):
    """[[!meta title]]: the <title> and the header's span.title, whole with its dash (" - ", " – ")."""
    archived = ikiwiki_blog.articles()
    assert sum(bool(re.search(r"\s[-–]\s", post.title)) for post in ikiwiki_blog.posts) >= 2
    assert {p.path: archived[p.path]["title"] for p in ikiwiki_blog.posts} == {
        p.path: p.title for p in ikiwiki_blog.posts
    }


def test_times_are_as_the_sources_say(ikiwiki_blog: CrawledBlog):
    """[[!meta date]]: the post's time on the site's clock (its setup's timezone, Europe/Berlin) with that clock's
    offset, which the page's "Created" time lacks and the Atom feed's <published> (UTC) gives — also for a post
    written just after midnight in Korea (the day before in Berlin); never the page's "Last edited" time, the
    build's."""
    archived = ikiwiki_blog.articles()
    assert {post.path: archived[post.path]["published"] for post in ikiwiki_blog.posts} == {
        post.path: post.time for post in ikiwiki_blog.posts
    }
    assert any(post.time[:10] != post.day for post in ikiwiki_blog.posts)


def test_authors_are_as_the_sources_say(ikiwiki_blog: CrawledBlog):
    """[[!meta author]], which page.tmpl prints only as <meta name="author"> (the blog's index names them)."""
    archived = ikiwiki_blog.articles()
    got = {post.path: archived[post.path]["authors"] for post in ikiwiki_blog.posts}
    assert got == {post.path: list(post.authors) for post in ikiwiki_blog.posts}


def test_every_post_names_its_blog(ikiwiki_blog: CrawledBlog):
    archived = ikiwiki_blog.articles()
    name = site_name(ikiwiki_blog.engine)
    assert {path: article["sitename"] for path, article in archived.items()} == {path: name for path in archived}


def test_tags_are_as_the_sources_say(ikiwiki_blog: CrawledBlog):
    """[[!tag]]s, which page.tmpl prints as rel="tag" links in the footer's div.tags."""
    archived = ikiwiki_blog.articles()
    got = {post.path: sorted(json.loads(archived[post.path]["tags"])) for post in ikiwiki_blog.posts}
    assert got == {post.path: sorted(post.tags) for post in ikiwiki_blog.posts}


def test_languages_are_as_the_sources_say(ikiwiki_blog: CrawledBlog):
    """ikiwiki states no page's language (without its po plugin): the text says it."""
    archived = ikiwiki_blog.articles()
    assert {post.language for post in ikiwiki_blog.posts} >= {"en", "de", "ko"}
    assert {post.path: archived[post.path]["language"] for post in ikiwiki_blog.posts} == {
        post.path: post.language for post in ikiwiki_blog.posts
    }


def test_every_paragraph_is_in_the_text(ikiwiki_blog: CrawledBlog):
    archived = ikiwiki_blog.articles()
    texts = {path: " ".join(article["text"].split()) for path, article in archived.items()}
    missing = {p.path: [x for x in p.paragraphs if x not in texts[p.path]] for p in ikiwiki_blog.posts}
    assert {path: paragraphs for path, paragraphs in missing.items() if paragraphs} == {}


def test_every_word_of_the_post_is_in_the_text(ikiwiki_blog: CrawledBlog):
    """The lists' items, the subheadings, the table's cells and the pictures' captions too."""
    archived = ikiwiki_blog.articles()
    missing = {
        post.path: [word for word in re.findall(r"\w+", html.unescape(post.text)) if word not in text]
        for post in ikiwiki_blog.posts
        if (text := archived[post.path]["text"])
    }
    assert {path: words for path, words in missing.items() if words} == {}


def test_nothing_but_the_post_is_in_the_text(ikiwiki_blog: CrawledBlog):
    """No parent links, trail links ("← … | posts | … →"), "Tags:", "Last edited", nor the sidebar."""
    archived = ikiwiki_blog.articles()
    chrome = re.compile(r"Last edited|Tags:|Lowland Notes|[←→]|Archives")
    assert {path: chrome.findall(a["text"]) for path, a in archived.items() if chrome.search(a["text"])} == {}


def test_a_post_of_a_sentence_is_kept_whole(ikiwiki_blog: CrawledBlog):
    short = [post for post in ikiwiki_blog.posts if len(post.text.split()) <= 15]
    archived = ikiwiki_blog.articles()
    assert short
    assert {post.path: archived[post.path]["text"].strip() for post in short} == {p.path: p.text for p in short}


def test_code_blocks_are_in_the_text_as_written(ikiwiki_blog: CrawledBlog):
    """Indentation, the blank line and every character of the ``` fences, which Discount writes as <pre><code>."""
    archived = ikiwiki_blog.articles()
    with_code = [post for post in ikiwiki_blog.posts if post.code]
    assert len(with_code) >= 2
    missing = {post.path: [b for b in post.code if b not in archived[post.path]["text"]] for post in with_code}
    assert {path: blocks for path, blocks in missing.items() if blocks} == {}


def test_pictures_are_kept_with_their_captions(ikiwiki_blog: CrawledBlog):
    """[[!img … caption=…]] writes a table.img whose <caption> is the picture's."""
    rows = ikiwiki_blog.query(
        "SELECT a.url, i.src, i.caption FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.url, i.position"
    )
    got: dict[str, list[tuple[str, str]]] = {}
    for url, src, caption in rows:
        got.setdefault(path_of(url), []).append((path_of(src), caption))
    pictured = [post for post in ikiwiki_blog.posts if post.pictures]
    assert len(pictured) >= 2
    assert got == {post.path: list(post.pictures) for post in pictured}
