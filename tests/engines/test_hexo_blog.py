"""A blog built by Hexo 8 from npm with its default theme, landscape, and the renderers and generators `hexo init`'s
starter lists (tests/sites/hexo/: Markdown posts with a date and its offset, tags and categories, one of a sentence,
one with a fenced Python block, one with a table, lists and subheadings, Markdown images, posts in German and Korean,
titles with " - " and " – ", an About page), crawled with the real CLI and checked against the truth of its sources
(tests/engines/truth.py): every post and nothing else, each post's title, time, author, categories, tags, language,
paragraphs, code as written, table and pictures."""

from __future__ import annotations

import json
import re
from datetime import datetime

from tests.engines.conftest import CrawledBlog, path_of
from tests.engines.sites import SOURCES
from tests.engines.truth import site_name


def test_the_crawl_finishes_without_an_error(hexo_blog: CrawledBlog):
    assert hexo_blog.returncode == 0, hexo_blog.stderr
    assert hexo_blog.query("SELECT url, message FROM crawl_errors") == []


def test_every_post_is_archived_and_nothing_else(hexo_blog: CrawledBlog):
    """No home page or its second page, archives by year and month, category or tag page, no About page (a page of
    Hexo's, article.article-type-page, reached from the theme's menu)."""
    assert len(hexo_blog.posts) >= 10
    assert sorted(hexo_blog.articles()) == sorted(post.path for post in hexo_blog.posts)
    about = hexo_blog.query("SELECT kind, reason FROM pages WHERE url LIKE '%/about/'")
    assert about and about[0][0] != "article" and about[0][1]


def test_titles_are_as_the_sources_say(hexo_blog: CrawledBlog):
    """Not "<title> | <site>" (the theme's <title>), and a title with " - " or " – " whole."""
    archived = hexo_blog.articles()
    assert len([post for post in hexo_blog.posts if re.search(r"\s[-–]\s", post.title)]) >= 2
    assert {p.path: archived[p.path]["title"] for p in hexo_blog.posts} == {p.path: p.title for p in hexo_blog.posts}


def test_times_are_as_the_sources_say(hexo_blog: CrawledBlog):
    """The theme's time.dt-published and the article:published_time of Hexo's open_graph helper state the time in
    UTC ("2023-08-14T22:20:00.000Z"): the front matter's time (07:20 in Seoul the next day), to the minute."""
    archived = hexo_blog.articles()
    got = {post.path: datetime.fromisoformat(archived[post.path]["published"] or "") for post in hexo_blog.posts}
    assert got == {post.path: post.moment for post in hexo_blog.posts}


def test_authors_are_as_the_sources_say(hexo_blog: CrawledBlog):
    """The site's author (_config.yml), in article:author: the theme prints no byline, and no other person."""
    archived = hexo_blog.articles()
    got = {post.path: archived[post.path]["authors"] for post in hexo_blog.posts}
    assert got == {post.path: list(post.authors) for post in hexo_blog.posts}


def test_every_post_names_its_blog(hexo_blog: CrawledBlog):
    archived = hexo_blog.articles()
    name = site_name(hexo_blog.engine)
    assert {path: article["sitename"] for path, article in archived.items()} == {path: name for path in archived}


def test_categories_and_tags_are_as_the_sources_say(hexo_blog: CrawledBlog):
    """The post's div.article-category and ul.article-tag-list, not the sidebar's lists of every category and tag
    of the site."""
    archived = hexo_blog.articles()
    got = {
        post.path: (json.loads(archived[post.path]["categories"]), sorted(json.loads(archived[post.path]["tags"])))
        for post in hexo_blog.posts
    }
    assert got == {post.path: (list(post.categories), sorted(post.tags)) for post in hexo_blog.posts}


def test_languages_are_as_the_sources_say(hexo_blog: CrawledBlog):
    """The theme's <html> names none; Hexo's og:locale is the post's `lang` ("ko_KR")."""
    archived = hexo_blog.articles()
    assert {post.language for post in hexo_blog.posts} >= {"en", "de", "ko"}
    assert {post.path: archived[post.path]["language"] for post in hexo_blog.posts} == {
        post.path: post.language for post in hexo_blog.posts
    }


def test_every_paragraph_is_in_the_text_and_nothing_of_the_theme(hexo_blog: CrawledBlog):
    """hexo-renderer-marked breaks a paragraph's lines with <br> (its `breaks` option, on by default): a line of the
    source is a line of the text. The post's share link, its neighbours' titles (nav#article-nav) and the sidebar's
    widgets are not the post's."""
    archived = hexo_blog.articles()
    # hexo-renderer-marked's smartypants (on by default) prints an apostrophe as a typographic one, as the page shows
    # it; words are compared without spaces (the truth spaces inline code apart from the Korean particle after it)
    texts = {path: "".join(article["text"].replace("’", "'").split()) for path, article in archived.items()}
    missing = {
        post.path: [p for p in post.paragraphs if "".join(p.split()) not in texts[post.path]]
        for post in hexo_blog.posts
    }
    assert {path: paragraphs for path, paragraphs in missing.items() if paragraphs} == {}
    chrome = ("Share", "공유", "Teilen", "Newer", "Older", "Recent Posts", "Tag Cloud", "Archives", "Powered by")
    assert {
        path: [c for c in chrome if c in text] for path, text in texts.items() if any(c in text for c in chrome)
    } == {}


def test_a_paragraphs_lines_are_one_paragraph_in_the_markdown(hexo_blog: CrawledBlog):
    """hexo-renderer-marked breaks a paragraph's lines with <br>: in the Markdown each ends in a hard break (a
    backslash), the paragraph one, as in the source (it was a paragraph per line)."""
    archived = hexo_blog.articles()
    wrapped = {}
    for post in hexo_blog.posts:
        body = (SOURCES / post.source).read_text("utf-8").split("\n---\n", 1)[1]
        body = re.sub(r"^```.*?^```", "", body, flags=re.MULTILINE | re.DOTALL)  # code, blank lines and all
        blocks = [block.strip().splitlines() for block in re.split(r"\n\s*\n", body)]
        paragraphs = [lines for lines in blocks if len(lines) > 1 and not re.match(r"[`|#!*-]|\d+\.", lines[0])]
        wrapped[post.path] = ["\\\n".join(lines).replace("'", "’") for lines in paragraphs]
    assert sum(map(len, wrapped.values())) >= 10
    missing = {
        path: [p for p in paragraphs if p not in archived[path]["markdown"]] for path, paragraphs in wrapped.items()
    }
    assert {path: paragraphs for path, paragraphs in missing.items() if paragraphs} == {}


def test_a_post_of_a_sentence_is_kept_whole(hexo_blog: CrawledBlog):
    short = [post for post in hexo_blog.posts if len(post.text.split()) <= 15 and not post.pictures]
    archived = hexo_blog.articles()
    assert short
    assert {post.path: archived[post.path]["text"].strip() for post in short} == {p.path: p.text for p in short}


def test_code_blocks_are_in_the_text_as_written_and_fenced_in_their_language(hexo_blog: CrawledBlog):
    """Hexo's highlight.js writes a block as figure.highlight.<language>, a table of line numbers and lines, each
    line a span.line ended by <br>: the code verbatim, without the numbers, fenced as ```<language>."""
    archived = hexo_blog.articles()
    with_code = [post for post in hexo_blog.posts if post.code]
    assert len(with_code) >= 3
    missing = {post.path: [b for b in post.code if b not in archived[post.path]["text"]] for post in with_code}
    assert {path: blocks for path, blocks in missing.items() if blocks} == {}
    python = next(post for post in with_code if "python" in post.tags)
    assert f"```python\n{python.code[0]}\n```" in archived[python.path]["markdown"]


def test_the_table_is_kept_row_by_row(hexo_blog: CrawledBlog):
    """Every row of the Markdown table, cell by cell, in the post's Markdown."""
    sources = {post.path: (SOURCES / post.source).read_text("utf-8") for post in hexo_blog.posts}
    path, source = next((path, source) for path, source in sources.items() if "\n|---" in source)
    rows = [_cells(line) for line in source.splitlines() if line.startswith("|") and "---" not in line]
    written = [_cells(line) for line in hexo_blog.articles()[path]["markdown"].splitlines()]
    assert len(rows) >= 5
    assert [row for row in rows if row not in written] == []


def test_pictures_are_kept_with_their_alt(hexo_blog: CrawledBlog):
    """A Markdown image is an <img> with its alt and no caption in the HTML (landscape's script prints the alt
    under it at run time): the picture and its alt are archived."""
    rows = hexo_blog.query(
        "SELECT a.url, i.src, i.alt FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.url, i.position"
    )
    got: dict[str, list[tuple[str, str]]] = {}
    for url, src, alt in rows:
        got.setdefault(path_of(url), []).append((path_of(src), alt))
    pictured = [post for post in hexo_blog.posts if post.pictures]
    assert len(pictured) >= 2
    assert got == {post.path: list(post.pictures) for post in pictured}


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]
