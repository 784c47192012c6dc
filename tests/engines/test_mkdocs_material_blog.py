"""A blog built by MkDocs 1.6 with Material for MkDocs 9 from PyPI and its built-in blog plugin, the docs-site blog of
many open-source projects (tests/sites/mkdocs-material/: posts with date.created and date.updated, authors from
.authors.yml with their author pages, categories, tags, slugs, a draft, `<!-- more -->` excerpts, pagination and
archive pages; one post of a sentence, one with a titled Python block, one with a table, lists and subheadings,
admonitions, figures with captions as Material's docs write them (md_in_html), posts in German and Korean, titles
with " - " and " – ", an About page), crawled with the real CLI and checked against the truth of its sources
(tests/engines/truth.py): every post and nothing else, each post's title, time, authors, categories, tags,
language, paragraphs, code as written, table and pictures."""

from __future__ import annotations

import json
import re
from datetime import datetime

from tests.engines.conftest import CrawledBlog, path_of
from tests.engines.sites import SOURCES
from tests.engines.truth import site_name


def test_the_crawl_finishes_without_an_error(mkdocs_material_blog: CrawledBlog):
    assert mkdocs_material_blog.returncode == 0, mkdocs_material_blog.stderr
    assert mkdocs_material_blog.query("SELECT url, message FROM crawl_errors") == []


def test_every_post_is_archived_and_nothing_else(mkdocs_material_blog: CrawledBlog):
    """No home page, blog index or its later pages, archive, category, author or tags page, no About page (a page of
    the docs, no post), and not the draft (the blog plugin builds none)."""
    blog = mkdocs_material_blog
    assert len(blog.posts) >= 10
    assert sorted(blog.articles()) == sorted(post.path for post in blog.posts)
    about = blog.query("SELECT kind, reason FROM pages WHERE url LIKE '%/about/'")
    assert about and about[0][0] != "article" and about[0][1]
    assert blog.query("SELECT url FROM pages WHERE url LIKE '%unfinished%' OR url LIKE '%not-written%'") == []


def test_titles_are_as_the_sources_say(mkdocs_material_blog: CrawledBlog):
    """Not "<title> - <site>" (the theme's <title>), and a title with " - " or " – " whole."""
    blog = mkdocs_material_blog
    archived = blog.articles()
    assert len([post for post in blog.posts if re.search(r"\s[-–]\s", post.title)]) >= 3
    assert {p.path: archived[p.path]["title"] for p in blog.posts} == {p.path: p.title for p in blog.posts}


def test_languages_are_as_the_sources_say(mkdocs_material_blog: CrawledBlog):
    """Every page's <html lang> is the theme's language ("en"): a German or Korean post is known by its words."""
    blog = mkdocs_material_blog
    archived = blog.articles()
    assert {post.language for post in blog.posts} >= {"en", "de", "ko"}
    assert {p.path: archived[p.path]["language"] for p in blog.posts} == {p.path: p.language for p in blog.posts}


def test_tags_are_as_the_sources_say(mkdocs_material_blog: CrawledBlog):
    """The tags plugin's nav.md-tags over the post, links to the tags page's anchors (/tags/#tag:bread)."""
    archived = mkdocs_material_blog.articles()
    got = {post.path: sorted(json.loads(archived[post.path]["tags"])) for post in mkdocs_material_blog.posts}
    assert got == {post.path: sorted(post.tags) for post in mkdocs_material_blog.posts}


def test_every_paragraph_is_in_the_text_and_nothing_of_the_theme(mkdocs_material_blog: CrawledBlog):
    """An admonition's title is a line of the text before its words. The post's sidebar (the link back to the index,
    the authors' profiles, "Metadata", the reading time), the site's navigation (Archive, Categories, Authors), the
    headerlinks' "¶" and the footer are not the post's."""
    blog = mkdocs_material_blog
    archived = blog.articles()
    texts = {path: "".join(article["text"].split()) for path, article in archived.items()}
    missing = {
        post.path: [p for p in post.paragraphs if "".join(p.split()) not in texts[post.path]] for post in blog.posts
    }
    assert {path: paragraphs for path, paragraphs in missing.items() if paragraphs} == {}
    people = {person.bio for post in blog.posts for person in post.people}
    chrome = ("Back to index", "Metadata", "min read", "Made with", "Material for MkDocs", "Skip to content", "¶")
    chrome += ("Archive", "Categories", "Table of contents", *people)
    chrome = tuple("".join(c.split()) for c in chrome)
    assert {
        path: [c for c in chrome if c in text] for path, text in texts.items() if any(c in text for c in chrome)
    } == {}


def test_a_post_of_a_sentence_is_kept_whole(mkdocs_material_blog: CrawledBlog):
    short = [post for post in mkdocs_material_blog.posts if len(post.text.split()) <= 15 and not post.pictures]
    archived = mkdocs_material_blog.articles()
    assert short
    assert {post.path: archived[post.path]["text"].strip() for post in short} == {p.path: p.text for p in short}


def test_code_blocks_are_in_the_text_as_written_and_fenced_in_their_language(mkdocs_material_blog: CrawledBlog):
    """pymdownx.highlight as Material's docs set it up writes a block as div.language-<lexer>.highlight, its title
    (title="loaves.py") in a span.filename before the <pre>, each line in a span with a line anchor: the code
    verbatim (Python-Markdown's tabs are 4 spaces), fenced as ```<language>."""
    blog = mkdocs_material_blog
    archived = blog.articles()
    with_code = [post for post in blog.posts if post.code]
    assert len(with_code) >= 3
    missing = {post.path: [b for b in post.code if b not in archived[post.path]["text"]] for post in with_code}
    assert {path: blocks for path, blocks in missing.items() if blocks} == {}
    fences = {}
    for post in with_code:
        source = (SOURCES / post.source).read_text("utf-8")
        languages = re.findall(r"^```(\w+)", source, re.MULTILINE)
        fences[post.path] = [f"```{language}\n{code}\n```" for language, code in zip(languages, post.code, strict=True)]
    assert {"python", "go", "yaml"} <= {fence.split("\n")[0][3:] for found in fences.values() for fence in found}
    unfenced = {path: [f for f in found if f not in archived[path]["markdown"]] for path, found in fences.items()}
    assert {path: found for path, found in unfenced.items() if found} == {}


def test_the_table_is_kept_row_by_row(mkdocs_material_blog: CrawledBlog):
    """Every row of the Markdown table, cell by cell, in the post's Markdown."""
    sources = {post.path: (SOURCES / post.source).read_text("utf-8") for post in mkdocs_material_blog.posts}
    path, source = next((path, source) for path, source in sources.items() if "\n|---" in source)
    rows = [_cells(line) for line in source.splitlines() if line.startswith("|") and "---" not in line]
    written = [_cells(line) for line in mkdocs_material_blog.articles()[path]["markdown"].splitlines()]
    assert len(rows) >= 5
    assert [row for row in rows if row not in written] == []


def test_pictures_are_kept_with_their_captions(mkdocs_material_blog: CrawledBlog):
    """Material's figure (md_in_html: `<figure markdown="span">`, the image, a <br />, the <figcaption>): the
    picture with its caption, and the caption a line of the text."""
    blog = mkdocs_material_blog
    rows = blog.query(
        "SELECT a.url, i.src, i.caption FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.url, i.position"
    )
    got: dict[str, list[tuple[str, str]]] = {}
    for url, src, caption in rows:
        got.setdefault(path_of(url), []).append((path_of(src), caption))
    pictured = [post for post in blog.posts if post.pictures]
    assert len(pictured) >= 3
    assert got == {post.path: list(post.pictures) for post in pictured}


def test_times_are_as_the_sources_say(mkdocs_material_blog: CrawledBlog):
    """The post's sidebar prints date.created in a <time datetime="2023-02-19 17:40:00+01:00"> (Python's str() of
    the front matter's time), and date.updated, where there is one, in the list item after it: both to the minute,
    with their offset."""
    blog = mkdocs_material_blog
    archived = blog.articles()
    got = {post.path: datetime.fromisoformat(archived[post.path]["published"] or "") for post in blog.posts}
    assert got == {post.path: post.moment for post in blog.posts}
    assert [post for post in blog.posts if post.updated]
    updated = {post.path: archived[post.path]["updated"] for post in blog.posts}
    assert updated == {post.path: post.updated for post in blog.posts}


def test_every_post_names_its_blog(mkdocs_material_blog: CrawledBlog):
    """Material writes no og:site_name: the header's first topic prints site_name."""
    archived = mkdocs_material_blog.articles()
    name = site_name(mkdocs_material_blog.engine)
    assert {path: article["sitename"] for path, article in archived.items()} == {path: name for path in archived}


def test_categories_are_as_the_sources_say(mkdocs_material_blog: CrawledBlog):
    """The post's sidebar prints its categories in its metadata ("in <a href=../category/kitchen/>Kitchen</a>"),
    not the site navigation's list of every category."""
    archived = mkdocs_material_blog.articles()
    got = {post.path: json.loads(archived[post.path]["categories"]) for post in mkdocs_material_blog.posts}
    assert got == {post.path: list(post.categories) for post in mkdocs_material_blog.posts}


def test_authors_are_as_the_sources_say(mkdocs_material_blog: CrawledBlog):
    """The post's sidebar profiles (div.md-post__authors) name its authors, each linked to their .authors.yml url
    or, without one, their author page (/blog/author/alice/), with their description and avatar; Material's <meta
    name="author"> is the site's site_author on every page, no author of a post it does not name."""
    blog = mkdocs_material_blog
    archived = blog.articles()
    got = {post.path: archived[post.path]["authors"] for post in blog.posts}
    assert len({len(post.authors) for post in blog.posts}) > 1
    assert got == {post.path: list(post.authors) for post in blog.posts}
    stored = {name: (url, bio, avatar) for name, url, bio, avatar in blog.query(_PEOPLE)}
    people = {person.name: person for post in blog.posts for person in post.people}
    assert {name: (path_of(url or ""), bio, path_of(avatar or "")) for name, (url, bio, avatar) in stored.items()} == {
        person.name: (path_of(person.path), person.bio, person.avatar) for person in people.values()
    }


_PEOPLE = "SELECT name, url, bio, avatar_url FROM authors"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]
